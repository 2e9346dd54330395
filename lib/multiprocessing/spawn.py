"""multiprocessing.spawn (gilpy): starting a fresh interpreter as a child, and the child's side.

The parent runs `sys.executable -c 'from multiprocessing.spawn import spawn_main;
spawn_main(tracker_fd=T, pipe_handle=P)' --multiprocessing-fork` (popen_spawn_posix) and
writes two pickles into the pipe P: the preparation data (get_preparation_data: name, authkey,
sys.path, argv, cwd, start method, and where the main module comes from), then the Process
object. The child applies the preparation (prepare): above all it runs the parent's main
script under the name `__mp_main__` (so its `if __name__ == "__main__":` block does not run
again) and installs it as sys.modules['__main__'] too, so that functions and classes pickled
as `__main__.x` by the parent are found. Then it unpickles the Process and runs its
_bootstrap(); the exit status is the process's exit code.
"""
import os
import sys
import types

from . import process
from .context import reduction
from . import util

__all__ = ['_main', 'freeze_support', 'set_executable', 'get_executable',
           'get_preparation_data', 'get_command_line', 'import_main_path']

WINEXE = False
WINSERVICE = False

_python_exe = sys.executable


def set_executable(exe):
    global _python_exe
    _python_exe = os.fsdecode(exe) if exe is not None else None


def get_executable():
    return _python_exe


def is_forking(argv):
    '''
    Return whether commandline indicates we are forking
    '''
    return len(argv) >= 2 and argv[1] == '--multiprocessing-fork'


def freeze_support():
    '''
    Run code for process object if this in not the main process
    '''
    if is_forking(sys.argv):
        kwds = {}
        for arg in sys.argv[2:]:
            name, value = arg.split('=')
            kwds[name] = None if value == 'None' else int(value)
        spawn_main(**kwds)
        sys.exit()


def _args_from_interpreter_flags():
    """The -X options of this interpreter, for children started with sys.executable."""
    args = []
    for key, value in getattr(sys, '_xoptions', {}).items():
        args += ['-X', key if value is True else '%s=%s' % (key, value)]
    return args


def get_command_line(**kwds):
    '''
    Returns prefix of command line used for spawning a child process
    '''
    prog = 'from multiprocessing.spawn import spawn_main; spawn_main(%s)'
    prog %= ', '.join('%s=%r' % item for item in kwds.items())
    return [_python_exe] + _args_from_interpreter_flags() + ['-c', prog, '--multiprocessing-fork']


def spawn_main(pipe_handle, parent_pid=None, tracker_fd=None):
    '''
    Run code specified by data received over pipe
    '''
    assert is_forking(sys.argv), "Not forking"
    from . import resource_tracker
    resource_tracker._resource_tracker._fd = tracker_fd
    parent_sentinel = os.dup(pipe_handle)
    exitcode = _main(pipe_handle, parent_sentinel)
    sys.exit(exitcode)


def _main(fd, parent_sentinel):
    with open(fd, 'rb', closefd=True) as from_parent:
        process.current_process()._inheriting = True
        try:
            preparation_data = reduction.pickle.load(from_parent)
            prepare(preparation_data)
            self = reduction.pickle.load(from_parent)
        finally:
            del process.current_process()._inheriting
    return self._bootstrap(parent_sentinel)


def _check_not_importing_main():
    if getattr(process.current_process(), '_inheriting', False):
        raise RuntimeError('''
        An attempt has been made to start a new process before the
        current process has finished its bootstrapping phase.

        This probably means that you are not using fork to start your
        child processes and you have forgotten to use the proper idiom
        in the main module:

            if __name__ == '__main__':
                freeze_support()
                ...

        The "freeze_support()" line can be omitted if the program
        is not going to be frozen to produce an executable.

        To fix this issue, refer to the "Safe importing of main module"
        section in https://docs.python.org/3/library/multiprocessing.html
        ''')


def get_preparation_data(name):
    '''
    Return info about parent needed by child to unpickle process object
    '''
    _check_not_importing_main()
    d = dict(
        log_to_stderr=util._log_to_stderr,
        authkey=process.current_process().authkey,
        )
    if util._logger is not None:
        d['log_level'] = util._logger.getEffectiveLevel()
    sys_path = sys.path.copy()
    try:
        i = sys_path.index('')
    except ValueError:
        pass
    else:
        sys_path[i] = process.ORIGINAL_DIR
    d.update(
        name=name,
        sys_path=sys_path,
        sys_argv=sys.argv,
        orig_dir=process.ORIGINAL_DIR,
        dir=os.getcwd(),
        start_method=_current_start_method(),
        )
    main_module = sys.modules['__main__']
    main_mod_name = getattr(main_module.__spec__, "name", None)
    if main_mod_name is not None:
        d['init_main_from_name'] = main_mod_name
    else:
        main_path = getattr(main_module, '__file__', None)
        if main_path is not None:
            if not os.path.isabs(main_path) and process.ORIGINAL_DIR is not None:
                main_path = os.path.join(process.ORIGINAL_DIR, main_path)
            d['init_main_from_path'] = os.path.normpath(main_path)
    return d


def _current_start_method():
    from .context import _default_context
    return _default_context.get_start_method()


# Main modules replaced in this process (kept alive: their functions may still run).
old_main_modules = []


def prepare(data):
    '''
    Try to get current process ready to unpickle process object
    '''
    if 'name' in data:
        process.current_process().name = data['name']
    if 'authkey' in data:
        process.current_process().authkey = data['authkey']
    if 'log_to_stderr' in data and data['log_to_stderr']:
        util.log_to_stderr()
    if 'log_level' in data:
        util.get_logger().setLevel(data['log_level'])
    if 'sys_path' in data:
        sys.path = data['sys_path']
    if 'sys_argv' in data:
        sys.argv = data['sys_argv']
    if 'dir' in data:
        os.chdir(data['dir'])
    if 'orig_dir' in data:
        process.ORIGINAL_DIR = data['orig_dir']
    if 'start_method' in data:
        from .context import _default_context
        _default_context.set_start_method(data['start_method'], force=True)
    if 'init_main_from_name' in data:
        _fixup_main_from_name(data['init_main_from_name'])
    elif 'init_main_from_path' in data:
        _fixup_main_from_path(data['init_main_from_path'])


def _run_as_mp_main(path):
    """Run the source file `path` as module `__mp_main__` and make it `__main__` as well."""
    main_module = types.ModuleType("__mp_main__")
    main_module.__file__ = path
    main_module.__builtins__ = __builtins__
    old_main_modules.append(sys.modules['__main__'])
    sys.modules['__mp_main__'] = main_module
    sys.modules['__main__'] = main_module
    with open(path, 'rb') as f:
        source = f.read()
    exec(compile(source, path, 'exec'), main_module.__dict__)


def _module_path(mod_name):
    """The source file of module `mod_name` on sys.path (a package runs its __main__.py)."""
    parts = mod_name.split('.')
    for entry in sys.path:
        base = os.path.join(entry or '.', *parts)
        for candidate in (base + '.py', os.path.join(base, '__main__.py')):
            if os.path.isfile(candidate):
                return candidate
    raise ImportError('No module named %r' % mod_name)


def _fixup_main_from_name(mod_name):
    current_main = sys.modules['__main__']
    if mod_name == "__main__" or mod_name.endswith(".__main__"):
        return
    if getattr(current_main.__spec__, "name", None) == mod_name:
        return
    _run_as_mp_main(_module_path(mod_name))


def _fixup_main_from_path(main_path):
    current_main = sys.modules['__main__']
    main_name = os.path.splitext(os.path.basename(main_path))[0]
    if main_name == 'ipython':
        return
    if getattr(current_main, '__file__', None) == main_path:
        return
    _run_as_mp_main(main_path)


def import_main_path(main_path):
    '''
    Set sys.modules['__main__'] to module at main_path
    '''
    _fixup_main_from_path(main_path)
