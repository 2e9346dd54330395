# os.path's string functions (no file system access): join, split, splitext, normpath, ...
import os.path
from os import path

print(path.join("a", "b", "c"), path.join("a/", "b"), path.join("a", "/b", "c"), path.join("a", ""))
print(path.join(b"x", b"y"), path.join(""), path.join("", "a"))
for p in ["a/b/c.txt", "/", "//a", "a/b/", "", "file", ".bashrc", "a/b.c.d", "a..", "/a/.b"]:
    print(repr(p), path.split(p), path.basename(p), path.dirname(p), path.splitext(p))
for p in ["", ".", "//a//b/../c/.", "///a", "../../a", "a/../..", "/..", "a/./b/", "/a/b/../../.."]:
    print(repr(p), repr(path.normpath(p)))
print(path.isabs("/x"), path.isabs("x"), path.isabs(b"/x"), path.isabs(""))
print(path.commonprefix([]), path.commonprefix(["abc", "abd", "ab"]), path.commonprefix(["x"]))
print(path.commonprefix([["a", "b"], ["a", "c"]]), path.commonpath(["/a/b/c", "/a/b/d", "/a/bx"]))
print(path.commonpath(["a/b", "a/./b/c"]), path.splitdrive("a/b"), path.normcase("AbC"))
print(path.relpath("/a/b/c", "/a/d"), path.relpath("/a/b", "/a/b"), path.relpath("/x", "/"))
print(path.basename(b"a/b"), path.dirname(b"/a/b"), path.splitext(b"f.tar.gz"))
print(path.sep, path.extsep, path.pardir, path.curdir, path.pathsep, path.altsep, path.devnull)
print(path.abspath("/a/./b/../c"), path.realpath("/nonexistent_gilpy_dir/x/../y"))
print(path.__name__, os.path is path)

for args in [(1,), ("a", 1), ("a", b"b"), ()]:
    try:
        path.join(*args)
    except TypeError as e:
        print("TypeError", e)
for f in [path.basename, path.dirname, path.split, path.normpath]:
    try:
        f(None)
    except TypeError as e:
        print(f.__name__, "TypeError", e)
try:
    path.relpath("")
except ValueError as e:
    print("ValueError", e)
try:
    path.commonpath(["/a", "b"])
except ValueError as e:
    print("ValueError", e)
try:
    path.commonpath([])
except ValueError as e:
    print("ValueError", e)
