"""Object-oriented filesystem paths (gilpy): PurePath, PurePosixPath, PureWindowsPath,
Path, PosixPath.

A pure path is (drive, root, parts) parsed once from the arguments; its string form
is cached. Concrete paths add the filesystem operations, implemented over os/os.path.
Only POSIX semantics are implemented for concrete paths (Path() is a PosixPath).
"""
import fnmatch
import io
import os
import posixpath
import re
import sys

__all__ = ["PurePath", "PurePosixPath", "PureWindowsPath", "Path", "PosixPath", "WindowsPath"]

_S_IFMT = 0o170000
_S_IFDIR = 0o040000
_S_IFREG = 0o100000
_S_IFLNK = 0o120000
_S_IFIFO = 0o010000
_S_IFSOCK = 0o140000
_S_IFBLK = 0o060000
_S_IFCHR = 0o020000


def _is_mode(mode, kind):
    return (mode & _S_IFMT) == kind


class _PathParents:
    """The logical ancestors of a path, as a sequence."""
    __slots__ = ('_path', '_drv', '_root', '_tail')

    def __init__(self, path):
        self._path = path
        self._drv = path.drive
        self._root = path.root
        self._tail = path._tail

    def __len__(self):
        return len(self._tail)

    def __getitem__(self, idx):
        if isinstance(idx, slice):
            return tuple(self[i] for i in range(*idx.indices(len(self))))
        if idx >= len(self) or idx < -len(self):
            raise IndexError(idx)
        if idx < 0:
            idx += len(self)
        return self._path._from_parsed_parts(self._drv, self._root,
                                             self._tail[:-idx - 1])

    def __iter__(self):
        for i in range(len(self)):
            yield self[i]

    def __repr__(self):
        return "<{}.parents>".format(type(self._path).__name__)


class PurePath:
    """Base class for manipulating paths without I/O."""
    __slots__ = ('_raw_paths', '_drv', '_root', '_tail_cached', '_str', '_hash',
                 '_str_normcase_cached', '_parts_normcase_cached', '_lines_cached')
    _sep = '/'
    _altsep = None
    _case_insensitive = False

    def __new__(cls, *args, **kwargs):
        if cls is PurePath:
            cls = PureWindowsPath if os.name == 'nt' else PurePosixPath
        return object.__new__(cls)

    def __init__(self, *args):
        paths = []
        for arg in args:
            if isinstance(arg, PurePath):
                if arg._flavour_name() != self._flavour_name() and self._sep == '/':
                    paths.extend(p.replace('\\', '/') for p in arg._raw_paths)
                else:
                    paths.extend(arg._raw_paths)
            else:
                try:
                    path = os.fspath(arg)
                except TypeError:
                    path = arg
                if not isinstance(path, str):
                    raise TypeError(
                        "argument should be a str or an os.PathLike "
                        "object where __fspath__ returns a str, "
                        f"not {type(path).__name__!r}")
                paths.append(path)
        self._raw_paths = paths
        self._load_parts()

    @classmethod
    def _flavour_name(cls):
        return 'posix' if cls._sep == '/' else 'windows'

    def with_segments(self, *pathsegments):
        return type(self)(*pathsegments)

    def _parse_path(self, path):
        sep = self._sep
        altsep = self._altsep
        if altsep:
            path = path.replace(altsep, sep)
        drv = ''
        if sep == '\\' and len(path) >= 2 and path[1] == ':':
            drv, path = path[:2], path[2:]
        if path.startswith(sep):
            if sep == '/' and path.startswith('//') and not path.startswith('///'):
                root = '//'
            else:
                root = sep
            rel = path.lstrip(sep)
        else:
            root = ''
            rel = path
        parsed = [x for x in rel.split(sep) if x and x != '.']
        return drv, root, parsed

    def _load_parts(self):
        paths = self._raw_paths
        if len(paths) == 0:
            path = ''
        elif len(paths) == 1:
            path = paths[0]
        else:
            path = self._join(*paths)
        drv, root, tail = self._parse_path(path)
        self._drv = drv
        self._root = root
        self._tail_cached = tail

    def _join(self, *paths):
        if self._sep == '/':
            return posixpath.join(*paths)
        result = paths[0]
        for p in paths[1:]:
            q = p.replace('/', '\\')
            if q.startswith('\\') or (len(q) > 1 and q[1] == ':'):
                result = p
            elif not result or result.endswith(('\\', '/')):
                result = result + p
            else:
                result = result + '\\' + p
        return result

    def _from_parsed_parts(self, drv, root, tail):
        path_str = self._format_parsed_parts(drv, root, tail)
        path = self.with_segments(path_str)
        path._str = path_str or '.'
        path._drv = drv
        path._root = root
        path._tail_cached = tail
        return path

    @classmethod
    def _format_parsed_parts(cls, drv, root, tail):
        if drv or root:
            return drv + root + cls._sep.join(tail)
        return cls._sep.join(tail)

    def __str__(self):
        try:
            return self._str
        except AttributeError:
            self._str = self._format_parsed_parts(self.drive, self.root, self._tail) or '.'
            return self._str

    def __fspath__(self):
        return str(self)

    def as_posix(self):
        return str(self).replace(self._sep, '/')

    def __bytes__(self):
        return os.fsencode(self)

    def __repr__(self):
        return "{}({!r})".format(self.__class__.__name__, self.as_posix())

    def as_uri(self):
        if not self.is_absolute():
            raise ValueError("relative path can't be expressed as a file URI")
        from urllib.parse import quote_from_bytes
        return 'file://' + quote_from_bytes(os.fsencode(self.as_posix()))

    @property
    def _str_normcase(self):
        s = str(self)
        return s.lower() if self._case_insensitive else s

    @property
    def _parts_normcase(self):
        return self._str_normcase.split(self._sep)

    def __eq__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._str_normcase == other._str_normcase and \
            self._flavour_name() == other._flavour_name()

    def __hash__(self):
        try:
            return self._hash
        except AttributeError:
            self._hash = hash(self._str_normcase)
            return self._hash

    def __lt__(self, other):
        if not isinstance(other, PurePath) or self._flavour_name() != other._flavour_name():
            return NotImplemented
        return self._parts_normcase < other._parts_normcase

    def __le__(self, other):
        if not isinstance(other, PurePath) or self._flavour_name() != other._flavour_name():
            return NotImplemented
        return self._parts_normcase <= other._parts_normcase

    def __gt__(self, other):
        if not isinstance(other, PurePath) or self._flavour_name() != other._flavour_name():
            return NotImplemented
        return self._parts_normcase > other._parts_normcase

    def __ge__(self, other):
        if not isinstance(other, PurePath) or self._flavour_name() != other._flavour_name():
            return NotImplemented
        return self._parts_normcase >= other._parts_normcase

    @property
    def drive(self):
        return self._drv

    @property
    def root(self):
        return self._root

    @property
    def _tail(self):
        return self._tail_cached

    @property
    def anchor(self):
        return self.drive + self.root

    @property
    def name(self):
        tail = self._tail
        if not tail:
            return ''
        return tail[-1]

    @property
    def suffix(self):
        name = self.name
        i = name.rfind('.')
        if 0 < i < len(name) - 1:
            return name[i:]
        return ''

    @property
    def suffixes(self):
        name = self.name
        if name.endswith('.'):
            return []
        name = name.lstrip('.')
        return ['.' + s for s in name.split('.')[1:]]

    @property
    def stem(self):
        name = self.name
        i = name.rfind('.')
        if 0 < i < len(name) - 1:
            return name[:i]
        return name

    def with_name(self, name):
        if not self.name:
            raise ValueError("%r has an empty name" % (self,))
        drv, root, tail = self._parse_path(name)
        if drv or root or not tail or tail[-1] != name:
            raise ValueError("Invalid name %r" % (name))
        return self._from_parsed_parts(self.drive, self.root, self._tail[:-1] + [name])

    def with_stem(self, stem):
        return self.with_name(stem + self.suffix)

    def with_suffix(self, suffix):
        if self._sep in suffix or self._altsep and self._altsep in suffix:
            raise ValueError("Invalid suffix %r" % (suffix,))
        if suffix and not suffix.startswith('.') or suffix == '.':
            raise ValueError("Invalid suffix %r" % (suffix))
        name = self.name
        if not name:
            raise ValueError("%r has an empty name" % (self,))
        old_suffix = self.suffix
        if not old_suffix:
            name = name + suffix
        else:
            name = name[:-len(old_suffix)] + suffix
        return self._from_parsed_parts(self.drive, self.root, self._tail[:-1] + [name])

    def relative_to(self, other, /, *_deprecated, walk_up=False):
        if _deprecated:
            other = self.with_segments(other, *_deprecated)
        elif not isinstance(other, PurePath):
            other = self.with_segments(other)
        for step, path in enumerate([other] + list(other.parents)):
            if self.is_relative_to(path):
                break
            elif not walk_up:
                raise ValueError(f"{str(self)!r} is not in the subpath of {str(other)!r}")
            elif path.name == '..':
                raise ValueError(f"'..' segment in {str(other)!r} cannot be walked")
        else:
            raise ValueError(f"{str(self)!r} and {str(other)!r} have different anchors")
        parts = ['..'] * step + self._tail[len(path._tail):]
        return self.with_segments(*parts) if parts else self.with_segments('')

    def is_relative_to(self, other, /, *_deprecated):
        if _deprecated:
            other = self.with_segments(other, *_deprecated)
        elif not isinstance(other, PurePath):
            other = self.with_segments(other)
        return other == self or other in self.parents

    @property
    def parts(self):
        if self.drive or self.root:
            return (self.drive + self.root,) + tuple(self._tail)
        return tuple(self._tail)

    def joinpath(self, *pathsegments):
        return self.with_segments(self, *pathsegments)

    def __truediv__(self, key):
        try:
            return self.joinpath(key)
        except TypeError:
            return NotImplemented

    def __rtruediv__(self, key):
        try:
            return self.with_segments(key, self)
        except TypeError:
            return NotImplemented

    @property
    def parent(self):
        drv = self.drive
        root = self.root
        tail = self._tail
        if not tail:
            return self
        return self._from_parsed_parts(drv, root, tail[:-1])

    @property
    def parents(self):
        return _PathParents(self)

    def is_absolute(self):
        if self._sep == '/':
            return bool(self.root)
        return bool(self.drive and self.root)

    def is_reserved(self):
        return False

    def match(self, path_pattern, *, case_sensitive=None):
        if not isinstance(path_pattern, PurePath):
            path_pattern = self.with_segments(path_pattern)
        if case_sensitive is None:
            case_sensitive = not self._case_insensitive
        pat_parts = path_pattern.parts
        if not pat_parts:
            raise ValueError("empty pattern")
        parts = self.parts
        if path_pattern.drive or path_pattern.root:
            if len(pat_parts) != len(parts):
                return False
        elif len(pat_parts) > len(parts):
            return False
        for part, pat in zip(reversed(parts), reversed(pat_parts)):
            if not case_sensitive:
                part, pat = part.lower(), pat.lower()
            if not fnmatch.fnmatchcase(part, pat):
                return False
        return True

    def __reduce__(self):
        return (self.__class__, self.parts)


class PurePosixPath(PurePath):
    """PurePath subclass for non-Windows systems."""
    __slots__ = ()


class PureWindowsPath(PurePath):
    """PurePath subclass for Windows systems (basic support)."""
    __slots__ = ()
    _sep = '\\'
    _altsep = '/'
    _case_insensitive = True

    def as_posix(self):
        return str(self).replace('\\', '/')


def _select(path, parts, dir_only_last):
    # Yield the paths under `path` matching the pattern components `parts`.
    if not parts:
        yield path
        return
    pat = parts[0]
    rest = parts[1:]
    if pat == '**':
        # zero or more directories
        seen = set()
        for d in _walk_dirs(path):
            for p in _select(d, rest, dir_only_last):
                key = str(p)
                if key not in seen:
                    seen.add(key)
                    yield p
        return
    if pat == '..':
        yield from _select(path._make_child_relpath('..'), rest, dir_only_last)
        return
    if not _has_magic(pat):
        child = path._make_child_relpath(pat)
        if rest:
            if child.is_dir():
                yield from _select(child, rest, dir_only_last)
        elif child.exists() or os.path.lexists(str(child)):
            yield child
        return
    try:
        with os.scandir(str(path)) as it:
            entries = list(it)
    except OSError:
        return
    match = re.compile(fnmatch.translate(pat)).match
    for entry in entries:
        if rest or dir_only_last:
            try:
                if not entry.is_dir():
                    continue
            except OSError:
                continue
        if match(entry.name):
            child = path._make_child_relpath(entry.name)
            if rest:
                yield from _select(child, rest, dir_only_last)
            else:
                yield child


def _walk_dirs(path):
    yield path
    try:
        with os.scandir(str(path)) as it:
            entries = list(it)
    except OSError:
        return
    for entry in entries:
        try:
            is_dir = entry.is_dir() and not entry.is_symlink()
        except OSError:
            is_dir = False
        if is_dir:
            yield from _walk_dirs(path._make_child_relpath(entry.name))


def _has_magic(s):
    return any(c in s for c in '*?[')


class Path(PurePath):
    """PurePath subclass that can make system calls."""
    __slots__ = ()

    def __new__(cls, *args, **kwargs):
        if cls is Path:
            cls = WindowsPath if os.name == 'nt' else PosixPath
        return object.__new__(cls)

    def __init__(self, *args, **kwargs):
        super().__init__(*args)

    def _make_child_relpath(self, name):
        path_str = str(self)
        tail = self._tail
        if tail:
            path_str = f'{path_str}{self._sep}{name}'
        elif path_str != '.':
            path_str = f'{path_str}{name}'
        else:
            path_str = name
        path = self.with_segments(path_str)
        path._str = path_str
        path._drv = self.drive
        path._root = self.root
        path._tail_cached = tail + [name]
        return path

    def stat(self, *, follow_symlinks=True):
        if follow_symlinks:
            return os.stat(str(self))
        return os.lstat(str(self))

    def lstat(self):
        return self.stat(follow_symlinks=False)

    def exists(self, *, follow_symlinks=True):
        try:
            self.stat(follow_symlinks=follow_symlinks)
        except OSError:
            return False
        except ValueError:
            return False
        return True

    def _mode_is(self, kind, follow=True):
        try:
            return _is_mode(self.stat(follow_symlinks=follow).st_mode, kind)
        except (OSError, ValueError):
            return False

    def is_dir(self):
        return self._mode_is(_S_IFDIR)

    def is_file(self):
        return self._mode_is(_S_IFREG)

    def is_symlink(self):
        return self._mode_is(_S_IFLNK, False)

    def is_fifo(self):
        return self._mode_is(_S_IFIFO)

    def is_socket(self):
        return self._mode_is(_S_IFSOCK)

    def is_block_device(self):
        return self._mode_is(_S_IFBLK)

    def is_char_device(self):
        return self._mode_is(_S_IFCHR)

    def is_junction(self):
        return False

    def is_mount(self):
        return os.path.ismount(str(self))

    def samefile(self, other_path):
        st = self.stat()
        try:
            other_st = other_path.stat()
        except AttributeError:
            other_st = self.with_segments(other_path).stat()
        return st.st_ino == other_st.st_ino and st.st_dev == other_st.st_dev

    def open(self, mode='r', buffering=-1, encoding=None, errors=None, newline=None):
        if 'b' in mode:
            return io.open(str(self), mode, buffering)
        return io.open(str(self), mode, buffering, encoding, errors, newline)

    def read_bytes(self):
        with self.open(mode='rb') as f:
            return f.read()

    def read_text(self, encoding=None, errors=None):
        with self.open(mode='r', encoding=encoding, errors=errors) as f:
            return f.read()

    def write_bytes(self, data):
        if isinstance(data, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        data = bytes(data)
        with self.open(mode='wb') as f:
            return f.write(data)

    def write_text(self, data, encoding=None, errors=None, newline=None):
        if not isinstance(data, str):
            raise TypeError('data must be str, not %s' % data.__class__.__name__)
        with self.open(mode='w', encoding=encoding, errors=errors, newline=newline) as f:
            return f.write(data)

    def iterdir(self):
        for name in os.listdir(str(self)):
            yield self._make_child_relpath(name)

    def _scandir(self):
        return os.scandir(str(self))

    def glob(self, pattern, *, case_sensitive=None):
        if not pattern:
            raise ValueError("Unacceptable pattern: {!r}".format(pattern))
        drv, root, pattern_parts = self._parse_path(pattern)
        if drv or root:
            raise NotImplementedError("Non-relative patterns are unsupported")
        dir_only = pattern[-1] == self._sep
        if pattern_parts and pattern_parts[-1] == '**':
            dir_only = True
        parts = []
        for p in pattern_parts:  # collapse repeated '**'
            if p == '**' and parts and parts[-1] == '**':
                continue
            parts.append(p)
        if dir_only and parts[-1] == '**':
            for d in _select(self, parts, True):
                yield d
            return
        yield from _select(self, parts, dir_only)

    def rglob(self, pattern, *, case_sensitive=None):
        drv, root, pattern_parts = self._parse_path(pattern)
        if drv or root:
            raise NotImplementedError("Non-relative patterns are unsupported")
        if pattern and pattern[-1] == self._sep:
            pattern_parts.append('')
        return self.glob('**/' + pattern if pattern else '**/',
                         case_sensitive=case_sensitive)

    def walk(self, top_down=True, on_error=None, follow_symlinks=False):
        paths = [self]
        while paths:
            path = paths.pop()
            if isinstance(path, tuple):
                yield path
                continue
            try:
                entries = list(os.scandir(str(path)))
            except OSError as error:
                if on_error is not None:
                    on_error(error)
                continue
            dirnames = []
            filenames = []
            for entry in entries:
                try:
                    is_dir = entry.is_dir() and (follow_symlinks or not entry.is_symlink())
                except OSError:
                    is_dir = False
                if is_dir:
                    dirnames.append(entry.name)
                else:
                    filenames.append(entry.name)
            if top_down:
                yield path, dirnames, filenames
            else:
                paths.append((path, dirnames, filenames))
            paths += [path._make_child_relpath(d) for d in reversed(dirnames)]

    @classmethod
    def cwd(cls):
        return cls(os.getcwd())

    @classmethod
    def home(cls):
        return cls("~").expanduser()

    def absolute(self):
        if self.is_absolute():
            return self
        cwd = os.getcwd()
        if not self._tail:
            return self.with_segments(cwd)
        return self.with_segments(cwd, str(self))

    def resolve(self, strict=False):
        s = os.path.realpath(str(self))
        p = self.with_segments(s)
        if strict:
            p.stat()
        return p

    def owner(self):
        raise NotImplementedError("Path.owner() is unsupported on this system")

    def group(self):
        raise NotImplementedError("Path.group() is unsupported on this system")

    def readlink(self):
        return self.with_segments(os.readlink(str(self)))

    def touch(self, mode=0o666, exist_ok=True):
        if exist_ok:
            try:
                os.utime(str(self), None)
            except OSError:
                pass
            else:
                return
        flags = os.O_CREAT | os.O_WRONLY
        if not exist_ok:
            flags |= os.O_EXCL
        fd = os.open(str(self), flags, mode)
        os.close(fd)

    def mkdir(self, mode=0o777, parents=False, exist_ok=False):
        try:
            os.mkdir(str(self), mode)
        except FileNotFoundError:
            if not parents or self.parent == self:
                raise
            self.parent.mkdir(parents=True, exist_ok=True)
            self.mkdir(mode, parents=False, exist_ok=exist_ok)
        except OSError:
            if not exist_ok or not self.is_dir():
                raise

    def chmod(self, mode, *, follow_symlinks=True):
        os.chmod(str(self), mode)

    def lchmod(self, mode):
        self.chmod(mode, follow_symlinks=False)

    def unlink(self, missing_ok=False):
        try:
            os.unlink(str(self))
        except FileNotFoundError:
            if not missing_ok:
                raise

    def rmdir(self):
        os.rmdir(str(self))

    def rename(self, target):
        os.rename(str(self), os.fspath(target))
        return self.with_segments(target)

    def replace(self, target):
        os.replace(str(self), os.fspath(target))
        return self.with_segments(target)

    def symlink_to(self, target, target_is_directory=False):
        os.symlink(os.fspath(target), str(self))

    def hardlink_to(self, target):
        os.link(os.fspath(target), str(self))

    def expanduser(self):
        if not (self.drive or self.root) and self._tail and self._tail[0][:1] == '~':
            homedir = os.path.expanduser(self._tail[0])
            if homedir[:1] == "~":
                raise RuntimeError("Could not determine home directory.")
            drv, root, tail = self._parse_path(homedir)
            return self._from_parsed_parts(drv, root, tail + self._tail[1:])
        return self

    def __enter__(self):
        return self

    def __exit__(self, t, v, tb):
        pass


class PosixPath(Path, PurePosixPath):
    """Path subclass for non-Windows systems."""
    __slots__ = ()


class WindowsPath(Path, PureWindowsPath):
    """Path subclass for Windows systems."""
    __slots__ = ()

    def __new__(cls, *args, **kwargs):
        raise NotImplementedError("cannot instantiate %r on your system" % (cls.__name__,))
