# call, check_call, check_output, getoutput, getstatusoutput and CompletedProcess.
import subprocess

print(subprocess.call(["true"]), subprocess.call(["false"]), subprocess.call("exit 5", shell=True))
print(subprocess.check_call(["true"]))
try:
    subprocess.check_call(["sh", "-c", "exit 3"])
except subprocess.CalledProcessError as e:
    print(e, e.returncode, e.cmd, e.output)
print(subprocess.check_output(["echo", "out"]))
print(subprocess.check_output("echo a; echo b >&2", shell=True, stderr=subprocess.STDOUT))
print(repr(subprocess.check_output(["cat"], input="text", text=True)))
print(repr(subprocess.check_output(["cat"], input=None, text=True)))
print(repr(subprocess.check_output(["cat"], input=None)))
try:
    subprocess.check_output(["sh", "-c", "echo partial; exit 1"])
except subprocess.CalledProcessError as e:
    print(e, e.output, e.stdout, e.stderr)
try:
    subprocess.check_output(["true"], stdout=subprocess.PIPE)
except ValueError as e:
    print(e)
print(subprocess.getoutput("echo one; echo two"))
print(subprocess.getstatusoutput("echo x; exit 3"))
print(subprocess.getstatusoutput("echo ok"))

cp = subprocess.CompletedProcess(["a", "b"], 0)
print(cp)
print(subprocess.CompletedProcess("cmd", 1, b"o", b"e"))
print(subprocess.CompletedProcess("cmd", 0, stdout="only out"))
cp.check_returncode()
try:
    subprocess.CompletedProcess(["x"], 2, "so", "se").check_returncode()
except subprocess.CalledProcessError as e:
    print(e, e.stdout, e.stderr)
print(subprocess.PIPE, subprocess.STDOUT, subprocess.DEVNULL)
print(issubclass(subprocess.CalledProcessError, subprocess.SubprocessError),
      issubclass(subprocess.TimeoutExpired, subprocess.SubprocessError),
      issubclass(subprocess.SubprocessError, Exception))
