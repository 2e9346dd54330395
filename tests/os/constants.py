# The module's constants and simple process queries.
import os

print(os.name, repr(os.sep), repr(os.linesep), os.pathsep, os.curdir, os.pardir, os.devnull)
print(os.extsep, os.altsep, os.F_OK, os.R_OK, os.W_OK, os.X_OK)
print(os.O_RDONLY, os.O_WRONLY, os.O_RDWR, os.O_CREAT, os.O_EXCL, os.O_TRUNC, os.O_APPEND)
print(os.SEEK_SET, os.SEEK_CUR, os.SEEK_END, os.WNOHANG, os.EX_OK)
print(type(os.getpid()) is int, os.getpid() > 0, os.getppid() > 0, os.getuid() >= 0)
print(os.getpgid(0) == os.getpgid(os.getpid()), os.geteuid() == os.getuid())
n = os.cpu_count()
print(type(n) is int and n >= 1)
r = os.urandom(16)
print(type(r).__name__, len(r), len(os.urandom(0)))
print(os.strerror(2), "|", os.strerror(13), "|", os.strerror(0))
print(os.error is OSError, issubclass(os.stat_result, tuple))
print(os.fspath("a"), os.fspath(b"b"))
for bad in [(os.urandom, -1), (os.urandom, "x"), (os.strerror, "x"), (os.fspath, 1)]:
    try:
        bad[0](bad[1])
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
