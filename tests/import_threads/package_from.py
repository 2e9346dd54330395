# Packages imported by several threads at once while the package's __init__ (which imports one of
# its submodules) and the submodule's body release the GIL: `from pkg import sub`, `import
# pkg.sub`, `from pkg import NAME`, `from pkg.sub import f` all see complete modules.
import importlib

import _log
from _runner import forget, run_threads


def from_pkg_import_sub():
    from _slowpkg import sub
    return sub.done()


def import_pkg_dot_sub():
    import _slowpkg.sub
    return _slowpkg.sub.done()


def from_pkg_import_value():
    from _slowpkg import VALUE
    return VALUE


def from_sub_import_function():
    from _slowpkg.sub import done
    return done()


def import_module_sub():
    return importlib.import_module("_slowpkg.sub").done()


def from_pkg_import_helper():
    from _slowpkg import helper
    return helper.NAME


forms = [from_pkg_import_sub, import_pkg_dot_sub, from_pkg_import_value, from_sub_import_function,
         import_module_sub, from_pkg_import_helper]
for round in range(3):
    forget("_slowpkg", "_slowpkg.sub", "_slowpkg.helper")
    del _log.runs[:]
    results = run_threads([forms[i % len(forms)] for i in range(12)])
    print("round", round, sorted(set(results)))
    print("  bodies run:", sorted(_log.runs))
