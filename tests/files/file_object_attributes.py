# Attributes and types of file objects in text and binary modes.
import os, io
name = "file_object_attributes.tmp"
try:
    with open(name, "w", encoding="utf-8") as f:
        print(type(f).__name__, f.name, f.mode, f.encoding, f.errors, f.line_buffering, f.closed)
        print(type(f.buffer).__name__, f.buffer.mode if hasattr(f.buffer, "mode") else None, isinstance(f, io.TextIOBase))
        print(f.isatty(), f.fileno() > 2, f.writable(), f.readable(), f.seekable())
    with open(name, "rb") as f:
        print(type(f).__name__, f.mode, type(f.raw).__name__, isinstance(f, io.BufferedIOBase), isinstance(f, io.IOBase))
    with open(name, "wb", buffering=0) as f:
        print(type(f).__name__, f.mode)
    with open(name, "r+b") as f:
        print(type(f).__name__, f.mode)
    with open(name, "a") as f:
        print(f.mode, f.buffer.mode if hasattr(f.buffer, "mode") else None)
    print(open is io.open, io.FileIO.__name__, io.TextIOWrapper.__module__)
finally:
    os.remove(name)
