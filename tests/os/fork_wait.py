# fork/waitpid/_exit/kill and the wait-status helpers; register_at_fork hooks.
import os
import sys

SIGTERM = 15

sys.stdout.flush()
pid = os.fork()
if pid == 0:
    os._exit(7)
got, status = os.waitpid(pid, 0)
print(got == pid, os.WIFEXITED(status), os.WEXITSTATUS(status), os.WIFSIGNALED(status))
print(os.waitstatus_to_exitcode(status))

r, w = os.pipe()
pid = os.fork()
if pid == 0:
    os.close(r)
    os.write(w, b"hello from child")
    os._exit(0)
os.close(w)
data = b""
while True:
    chunk = os.read(r, 4)
    if not chunk:
        break
    data += chunk
os.close(r)
_, status = os.waitpid(pid, 0)
print(data, os.WEXITSTATUS(status))

r, w = os.pipe()
pid = os.fork()
if pid == 0:
    os.read(r, 1)  # blocks until killed
    os._exit(0)
os.kill(pid, SIGTERM)
_, status = os.waitpid(pid, 0)
print(os.WIFSIGNALED(status), os.WTERMSIG(status) == SIGTERM, os.WIFEXITED(status))
print(os.waitstatus_to_exitcode(status) == -SIGTERM)
os.close(r)
os.close(w)

events = []
os.register_at_fork(before=lambda: events.append("before1"))
os.register_at_fork(before=lambda: events.append("before2"), after_in_parent=lambda: events.append("parent"))
r, w = os.pipe()
os.register_at_fork(after_in_child=lambda: os.write(w, b"child hook ran"))
pid = os.fork()
if pid == 0:
    os._exit(0)
os.waitpid(pid, 0)
os.close(w)
print(events, os.read(r, 100))
os.close(r)
print(os.WNOHANG, os.waitpid(-1, os.WNOHANG) if False else "skip")

for kwargs in [{}, {"before": 1}, {"after_in_child": None}]:
    try:
        os.register_at_fork(**kwargs)
    except TypeError as e:
        print("TypeError", e)
try:
    os.waitpid(-1, 0)
except ChildProcessError as e:
    print("ChildProcessError", e)
