# Uncaught exceptions in threads: threading.excepthook's report, a custom hook, SystemExit.
import io
import sys
import threading


def boom():
    raise ValueError("boom")


saved = sys.stderr
sys.stderr = io.StringIO()
t = threading.Thread(target=boom, name="Boomer")
t.start()
t.join()
text = sys.stderr.getvalue()
sys.stderr = saved
lines = text.splitlines()
print(lines[0])
print(lines[1])
print(lines[-1])
print(any(l.strip() == 'raise ValueError("boom")' for l in lines))

got = []


def hook(args):
    got.append((args.exc_type.__name__, str(args.exc_value), args.thread.name,
                args.exc_traceback is not None))


threading.excepthook = hook
t = threading.Thread(target=boom, name="Hooked")
t.start()
t.join()
print(got)
threading.excepthook = threading.__excepthook__


def quits():
    sys.exit(3)


sys.stderr = io.StringIO()
t = threading.Thread(target=quits)
t.start()
t.join()
silent = sys.stderr.getvalue()
sys.stderr = saved
print("SystemExit output:", repr(silent))
