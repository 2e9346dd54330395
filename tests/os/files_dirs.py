# mkdir/makedirs/listdir/rename/replace/remove/rmdir/removedirs and the path predicates, in a
# temporary directory (made the cwd so that error messages show relative names).
import os
import tempfile

home = os.getcwd()
top = tempfile.mkdtemp()
os.chdir(top)
try:
    print(os.listdir(), os.listdir("."))
    os.mkdir("d")
    os.makedirs("a/b/c")
    os.makedirs("a/b/c", exist_ok=True)
    os.makedirs("a/b/c/", exist_ok=True)
    with open("f.txt", "w") as f:
        f.write("hello")
    print(sorted(os.listdir()), sorted(os.listdir("a")), os.listdir(b"a"))
    print(os.path.exists("f.txt"), os.path.isfile("f.txt"), os.path.isdir("f.txt"), os.path.islink("f.txt"))
    print(os.path.exists("d"), os.path.isfile("d"), os.path.isdir("d"), os.path.exists("nope"))
    print(os.path.getsize("f.txt"), type(os.path.getmtime("f.txt")).__name__)
    os.rename("f.txt", "g.txt")
    with open("h.txt", "w") as f:
        f.write("h")
    os.replace("g.txt", "h.txt")
    print(sorted(os.listdir()), open("h.txt").read())
    os.remove("h.txt")
    os.rmdir("d")
    os.removedirs("a/b/c")
    print(os.listdir())

    def attempt(f, *args, **kwargs):
        try:
            f(*args, **kwargs)
            print(f.__name__, "ok")
        except OSError as e:
            print(f.__name__, type(e).__name__, e.errno, e.strerror, e.filename, e.filename2, "|", e)

    os.mkdir("x")
    attempt(os.mkdir, "x")
    attempt(os.makedirs, "x")
    attempt(os.makedirs, "x", exist_ok=True)
    attempt(os.rmdir, "nope")
    attempt(os.remove, "nope")
    attempt(os.unlink, "x")
    attempt(os.rename, "nope", "other")
    attempt(os.listdir, "nope")
    attempt(os.chdir, "nope")
    with open("x/file", "w"):
        pass
    attempt(os.rmdir, "x")
    attempt(os.listdir, "x/file")
    attempt(os.mkdir, "x/file/sub")
    attempt(os.removedirs, "x")
    attempt(os.stat, "nope")
    attempt(os.lstat, "nope")
    attempt(os.path.getsize, "nope")
    os.remove("x/file")
    os.rmdir("x")
    print(os.listdir())
    abs_here = os.getcwd()
    print(os.path.samefile(abs_here, top), os.path.abspath("q") == os.path.join(abs_here, "q"))
    print(os.path.relpath(os.path.join(abs_here, "a", "b")), os.path.relpath(abs_here, os.path.join(abs_here, "a")))
finally:
    os.chdir(home)
    os.rmdir(top)
print(os.path.exists(top))
