# A child started by subprocess inherits the signal mask of the thread that started it
# (pthread_sigmask), as with CPython; handlers go back to their defaults at exec.
import signal
import subprocess
import sys

probe = "import signal; print(sorted(int(s) for s in signal.pthread_sigmask(signal.SIG_BLOCK, [])))"
print(subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True).stdout.strip())
signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGUSR1, signal.SIGUSR2])
print(subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True).stdout.strip())
signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGUSR2])
print(subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True).stdout.strip())
