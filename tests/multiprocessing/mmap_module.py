# The mmap module: anonymous and file-backed shared maps, slicing, file-like methods, the
# buffer protocol (exports block close/resize), sharing with a forked child, and the errors.
import os
import tempfile
import mmap, os
m = mmap.mmap(-1, 16)
print(repr(m), m.seek(3), m.write(b'ab'), list(m)[:5], m.flush())
print(m[3], m[3:5], m[::4], len(m), m.find(b'b'), m.rfind(b'\x00'), m.tell())
m[0] = 65; m[1:3] = b'XY'; print(m[:6], m.read(3), m.read_byte(), m.readline())
m.close(); print(repr(m))
try: m[0]
except Exception as e: print(type(e), e)
try: mmap.mmap(-1, 0)
except Exception as e: print(type(e), e)
print(mmap.mmap.__module__, mmap.mmap.__name__, mmap.error)
m = mmap.mmap(-1, 16); m.resize(32); print(len(m))
mv = memoryview(m)
try: m.close()
except Exception as e: print(type(e), e)
try: m.resize(3)
except Exception as e: print(type(e), e)
mv[0] = 7; print(m[0])
mv.release()
m2 = mmap.mmap(-1, 5, access=mmap.ACCESS_READ); print(repr(m2))
try: m2[0] = 1
except Exception as e: print(type(e), e)
try: m2.write(b'x')
except Exception as e: print(type(e), e)
try: m[1:3] = b'x'
except Exception as e: print(type(e), e)
try: m[0] = 256
except Exception as e: print(type(e), e)
try: m['a']
except Exception as e: print(type(e), e)
try: del m[0]
except Exception as e: print(type(e), e)
tmpdir = tempfile.mkdtemp()
path = os.path.join(tmpdir, 'mmf.bin')
with open(path, 'wb') as f: f.write(b'hello world\nline2\n')
with open(path, 'r+b') as f:
    with mmap.mmap(f.fileno(), 0) as fm:
        print(fm.readline(), fm.size(), fm[:5]); fm[0:5] = b'HELLO'; fm.flush()
        fm.resize(30); print(fm.size(), len(fm))
print(open(path,'rb').read())
with open(path, 'r+b') as f:
    try: mmap.mmap(f.fileno(), 100)
    except Exception as e: print(type(e), e)
    try: mmap.mmap(f.fileno(), 0, offset=4096)
    except Exception as e: print(type(e), e)
try: mmap.mmap(-1, 5, access=mmap.ACCESS_READ, prot=mmap.PROT_READ)
except Exception as e: print(type(e), e)
try: mmap.mmap(-1, -5)
except Exception as e: print(type(e), e)
try: mmap.mmap(-1, 5, access=9)
except Exception as e: print(type(e), e)
m = mmap.mmap(-1, 8)
pid = os.fork()
if pid == 0:
    m[0:4] = b'kid!'; os._exit(0)
os.waitpid(pid, 0); print(m[:4])
m.seek(0, 2); print(m.tell())
try: m.seek(1, 2)
except Exception as e: print(type(e), e)
try: m.seek(0, 5)
except Exception as e: print(type(e), e)
import weakref; r = weakref.ref(m); print(r() is m)
m.move(0, 1, 3); print(m[:4])
try: import pickle; pickle.dumps(m)
except Exception as e: print(type(e), e)
os.unlink(path); os.rmdir(tmpdir)
