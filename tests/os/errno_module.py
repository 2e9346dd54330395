# The errno module: constants, errorcode, and how OSError subclasses are chosen from errno.
import errno
import os

print(errno.ENOENT, errno.EEXIST, errno.EACCES, errno.EBADF, errno.EINVAL, errno.EAGAIN, errno.EINTR)
print(errno.EWOULDBLOCK == errno.EAGAIN, errno.ENOTSUP == errno.EOPNOTSUPP, errno.EPIPE, errno.ECHILD)
print(errno.errorcode[errno.ENOENT], errno.errorcode[errno.EAGAIN], errno.errorcode[errno.EDEADLK])
print(errno.errorcode[errno.EOPNOTSUPP], type(errno.errorcode).__name__, len(errno.errorcode) > 100)
print(all(getattr(errno, name) == code for code, name in errno.errorcode.items()))
for code in [errno.ENOENT, errno.EEXIST, errno.EACCES, errno.EPERM, errno.ENOTDIR, errno.EISDIR,
             errno.ECHILD, errno.ESRCH, errno.EAGAIN, errno.EPIPE, errno.EINTR, errno.ETIMEDOUT,
             errno.EBADF, errno.EINVAL]:
    e = OSError(code, os.strerror(code))
    print(errno.errorcode[code], type(e).__name__, e.errno, e)
try:
    os.stat("/nonexistent_gilpy_path")
except OSError as e:
    print(e.errno == errno.ENOENT, type(e).__name__, e.filename)
