# os.get_blocking / os.set_blocking toggle O_NONBLOCK; get/set_inheritable toggle FD_CLOEXEC.
import os

r, w = os.pipe()
print(os.get_blocking(r))
os.set_blocking(r, False)
print(os.get_blocking(r), os.get_blocking(w))
try:
    os.read(r, 1)
except BlockingIOError as e:
    print("BlockingIOError", e.errno)
os.set_blocking(r, 1.5)  # any truth value
print(os.get_blocking(r))
os.set_blocking(r, "")
print(os.get_blocking(r))

print(os.get_inheritable(w))
os.set_inheritable(w, True)
print(os.get_inheritable(w))
os.set_inheritable(w, 0)
print(os.get_inheritable(w))

for f, args in [(os.set_blocking, (r,)), (os.set_blocking, ("a", True)),
                (os.set_blocking, (999, True)), (os.get_blocking, ()),
                (os.get_blocking, ("a",)), (os.get_blocking, (999,)),
                (os.get_inheritable, ()), (os.set_inheritable, (1,)),
                (os.get_inheritable, (999,))]:
    try:
        f(*args)
    except (TypeError, OSError) as e:
        print(f.__name__, type(e).__name__, e)
os.close(r)
os.close(w)
