# os.stat_result: 10 tuple items, named fields incl. float times and *_ns; utime; lstat; fstat.
import os
import tempfile

top = tempfile.mkdtemp()
name = os.path.join(top, "f")
with open(name, "wb") as f:
    f.write(b"12345")
st = os.stat(name)
print(type(st).__name__, isinstance(st, tuple), len(st), st[6], st.st_size)
print(st.st_mode & 0o170000 == 0o100000, st.st_nlink, st.st_uid == os.getuid())
print(type(st.st_mtime).__name__, type(st.st_mtime_ns).__name__, type(st[8]).__name__)
print(st[0] == st.st_mode, st[1] == st.st_ino, st[2] == st.st_dev, st[8] == int(st.st_mtime))
os.utime(name, (1000000000, 1234567890.5))
st = os.stat(name)
print(st.st_atime, st.st_mtime, st.st_mtime_ns, st[7], st[8], st.st_atime_ns)
os.utime(name, ns=(5 * 10**9, 7 * 10**9 + 250))
st = os.stat(name)
print(st.st_atime_ns, st.st_mtime_ns, st.st_mtime)
print(os.path.getmtime(name), os.path.getatime(name))
os.chmod(name, 0o640)
print(oct(os.stat(name).st_mode & 0o777))
link = os.path.join(top, "link")
os.symlink("f", link)
print(os.readlink(link), os.path.islink(link), os.path.exists(link), os.stat(link).st_size)
print(os.lstat(link).st_mode & 0o170000 == 0o120000, os.stat(link, follow_symlinks=False).st_mode & 0o170000 == 0o120000)
print(os.path.realpath(link) == os.path.realpath(name))
fd = os.open(name, os.O_RDONLY)
print(os.fstat(fd).st_size, os.stat(fd).st_size)
os.close(fd)
st = os.stat(top)
print(st.st_mode & 0o170000 == 0o040000, st.st_mode & 0o777)
for args, kwargs in [((name, (1, 2)), {"ns": (1, 2)}), ((name, 5), {}), ((name,), {"ns": 5})]:
    try:
        os.utime(*args, **kwargs)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    st.st_size = 1
except AttributeError as e:
    print("AttributeError")
os.remove(link)
os.remove(name)
os.rmdir(top)
