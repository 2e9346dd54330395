# A child's exit code: 0 after run() returns, SystemExit's code, 1 for a string code (printed
# to stderr) and the exception case is tested in process_exception.py.
import multiprocessing as mp
import signal
import sys

signal.alarm(45)


def exit_with(code):
    sys.exit(code)


def returns():
    return 42


if __name__ == "__main__":
    ctx = mp.get_context("fork")
    for target, args in [(returns, ()), (exit_with, (0,)), (exit_with, (None,)),
                         (exit_with, (7,)), (exit_with, (255,)), (exit_with, (-1,))]:
        p = ctx.Process(target=target, args=args)
        p.start()
        p.join(10)
        print(target.__name__, args, p.exitcode)
    p = ctx.Process(target=exit_with, args=("bye from child",))
    p.start()
    p.join(10)
    print("string code", p.exitcode)
