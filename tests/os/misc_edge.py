# Smaller behaviours: non-instantiable types, stat_result indexing, fsencode, scandir on an fd.
import os

st = os.stat("/")
print(len(st), st[:3] == (st.st_mode, st.st_ino, st.st_dev), st[-1] == st[9], type(st[9]).__name__)
print(repr(st).startswith("os.stat_result(st_mode="), repr(st).count("="))
try:
    os.DirEntry()
except TypeError as e:
    print("TypeError", e)
print(repr(os.environ).startswith("environ({"))
try:
    os.get_terminal_size(99)
except OSError as e:
    print(type(e).__name__, e)
fd = os.open("/", os.O_RDONLY)
print(os.listdir(fd) == os.listdir("/"), sorted(e.name for e in os.scandir(fd)) == sorted(os.listdir("/")))
print(all(e.path == e.name for e in os.scandir(fd)))
os.close(fd)
print(os.path.exists(""), os.path.isdir(""), os.path.lexists("/"), os.path.ismount("/"))
print(os.fsencode("a\udcff"), ascii(os.fsdecode(b"a\xff")), ascii(os.path.basename(b"x/a\xff".decode("utf-8", "surrogateescape"))))
print(os.path.exists(99999), os.path.exists(0) in (True, False))

def onerr(e):
    raise ValueError("stop: " + type(e).__name__)

try:
    list(os.walk("nonexistent_dir_for_walk", onerror=onerr))
except ValueError as e:
    print("ValueError", e)
