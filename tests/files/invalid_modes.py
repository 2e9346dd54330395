# open() validates its mode string and argument combinations before touching the file system.
for mode in ("rw", "rr", "x+w", "z", "", "wa", "rt+b", "U", "bw+x", "r+r"):
    try:
        open("invalid_modes_never_created.tmp", mode)
        print(mode, "accepted?!")
    except ValueError as e:
        print(repr(mode), type(e).__name__, e)
import os
existing = "invalid_modes.tmp"
with open(existing, "w") as f:
    f.write("x")
for kwargs in ({"mode": "rb", "encoding": "utf-8"}, {"mode": "rb", "errors": "strict"},
               {"mode": "rb", "newline": ""}, {"mode": "r", "newline": "x"}, {"mode": "r", "buffering": 0},
               {"mode": 5}, {"mode": "r", "encoding": 5}):
    try:
        open(existing, **kwargs)
    except (ValueError, TypeError) as e:
        print(kwargs, type(e).__name__, e)
os.remove(existing)
print(os.path.exists("invalid_modes_never_created.tmp"))
for bad in (None, 3.5, ["x"]):
    try:
        open(bad)
    except TypeError as e:
        print(type(e).__name__, e)
