"""A pure Python implementation of import.

gilpy: the import machinery itself is in C++ (src/vm/import.cpp); this package offers the
everyday API on top of it: import_module (absolute and relative names) and reload (re-executes
a source module's file in its existing namespace), plus invalidate_caches (a no-op).
"""
__all__ = ['__import__', 'import_module', 'invalidate_caches', 'reload']

import sys

__import__ = __import__


def _resolve_name(name, package, level):
    """Resolve a relative module name to an absolute one."""
    bits = package.rsplit('.', level - 1)
    if len(bits) < level:
        raise ImportError('attempted relative import beyond top-level package')
    base = bits[0]
    return f'{base}.{name}' if name else base


def import_module(name, package=None):
    """Import a module.

    The 'package' argument is required when performing a relative import. It
    specifies the package to use as the anchor point from which to resolve the
    relative import to an absolute import.

    """
    level = 0
    if name.startswith('.'):
        if not package:
            raise TypeError("the 'package' argument is required to perform a "
                            f"relative import for {name!r}")
        for character in name:
            if character != '.':
                break
            level += 1
        name = _resolve_name(name[level:], package, level)
    if not name:
        raise ValueError('Empty module name')
    __import__(name)
    return sys.modules[name]


def invalidate_caches():
    """Call the invalidate_caches() method on all meta path finders stored in
    sys.meta_path (where implemented)."""
    for finder in getattr(sys, 'meta_path', ()):
        if hasattr(finder, 'invalidate_caches'):
            finder.invalidate_caches()


def reload(module):
    """Reload the module and return it.

    The module must have been successfully imported before.

    """
    try:
        name = module.__spec__.name
    except AttributeError:
        try:
            name = module.__name__
        except AttributeError:
            raise TypeError("reload() argument must be a module")

    if sys.modules.get(name) is not module:
        raise ImportError(f"module {name} not in sys.modules", name=name)
    filename = getattr(module, '__file__', None)
    if filename is None:
        # built-in module: nothing to re-execute
        return module
    with open(filename) as f:
        source = f.read()
    code = compile(source, filename, 'exec')
    exec(code, module.__dict__)
    return sys.modules[name]
