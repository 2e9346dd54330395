# _multiprocessing.SemLock and _posixshmem directly: kinds, counts, ownership, timeouts,
# rebuilding from a handle (fork) or a name, unlinking, and the errors.
import _multiprocessing as M
import _posixshmem
import mmap
import os
import signal

signal.alarm(45)
tag = os.urandom(4).hex()
S = M.SemLock
print(sorted(M.flags), S.SEM_VALUE_MAX > 0)
s = S(1, 2, 2, "/gp-a-" + tag, True)
print(s.name, s.kind, s.maxvalue, s._get_value(), s.acquire(), s.acquire(),
      s.acquire(False), s.acquire(True, 0.05), s._count(), s._is_zero())
s.release()
s.release()
try:
    s.release()
except ValueError as e:
    print("ValueError", e)
r = S(0, 1, 1, "/gp-b-" + tag, True)
print(r.acquire(), r.acquire(), r._count(), r._is_mine())
r.release()
r.release()
print(r._is_mine())
try:
    r.release()
except AssertionError as e:
    print("AssertionError", e)
try:
    S(5, 1, 1, "/gp-c-" + tag, True)
except ValueError as e:
    print("ValueError", e)
name = "/gp-d-" + tag
n = S(1, 0, 1, name, False)
print(n.name == name)
try:
    S(1, 0, 1, name, False)
except FileExistsError:
    print("FileExistsError")
pid = os.fork()
if pid == 0:
    x = S._rebuild(n.handle, n.kind, n.maxvalue, None)
    x.release()
    os._exit(0)
print(n.acquire(True, 10))
os.waitpid(pid, 0)
y = S._rebuild(0, 1, 1, name)
print(y._get_value(), y.name == name)
n.release()
print(y._get_value(), y.acquire(True, 10))
y._after_fork()
print(y._count())
M.sem_unlink(name)
try:
    M.sem_unlink(name)
except FileNotFoundError:
    print("FileNotFoundError")
shm_name = "/gp-shm-" + tag
fd = _posixshmem.shm_open(shm_name, os.O_CREAT | os.O_EXCL | os.O_RDWR, mode=0o600)
os.ftruncate(fd, 100)
m = mmap.mmap(fd, 100)
m[0] = 3
print(m[0], os.get_inheritable(fd))
m.close()
os.close(fd)
try:
    _posixshmem.shm_open(shm_name, os.O_CREAT | os.O_EXCL | os.O_RDWR)
except FileExistsError:
    print("FileExistsError")
_posixshmem.shm_unlink(shm_name)
try:
    _posixshmem.shm_unlink(shm_name)
except FileNotFoundError:
    print("FileNotFoundError")
