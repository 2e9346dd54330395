# PYTHONIOENCODING naming a codec of the registry (cp1252): the standard streams use it, with
# errors=strict (backslashreplace for stderr); a character cp1252 lacks cannot be printed.
env PYTHONIOENCODING=cp1252
-c "import sys; print(sys.stdin.encoding, sys.stdout.encoding, sys.stderr.encoding, sys.stdout.errors, sys.stderr.errors); exec('try:\n print(chr(0x436))\nexcept UnicodeEncodeError as e:\n print(type(e).__name__, e)'); sys.stdout.flush(); sys.stdout.buffer.write(repr(chr(0x20ac).encode(sys.stdout.encoding)).encode() + b'\n')"
