# Popen: pipes, communicate, wait, poll, returncode, kill/terminate, context manager, repr.
import signal
import subprocess

p = subprocess.Popen(["cat"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
print(type(p.pid).__name__, p.returncode, p.poll())
out, err = p.communicate(b"through cat")
print(out, err, p.returncode, p.poll(), p.wait())
print(repr(p))

p = subprocess.Popen(["sh", "-c", "echo line1; echo line2"], stdout=subprocess.PIPE, text=True)
print(p.stdout.readline(), end="")
print(p.stdout.read(), end="")
print(p.wait())
p.stdout.close()

p = subprocess.Popen(["sh", "-c", "read a; echo got $a; exit 4"], stdin=subprocess.PIPE,
                     stdout=subprocess.PIPE)
p.stdin.write(b"value\n")
p.stdin.flush()
p.stdin.close()
print(p.stdout.read())
print(p.wait())
p.stdout.close()

with subprocess.Popen(["sleep", "10"]) as p:
    print(p.poll())
    try:
        p.wait(timeout=0.05)
    except subprocess.TimeoutExpired as e:
        print(type(e).__name__, e)
    p.terminate()
print(p.returncode, p.returncode == -signal.SIGTERM)

p = subprocess.Popen(["sleep", "10"])
p.kill()
print(p.wait(), p.returncode)
p.kill()  # already reaped: no error
p.send_signal(signal.SIGTERM)

with subprocess.Popen(["sh", "-c", "echo ctx"], stdout=subprocess.PIPE) as p:
    print(p.stdout.read())
print(p.returncode, p.stdout.closed)

p = subprocess.Popen("echo stderr >&2; exit 2", shell=True, stderr=subprocess.PIPE)
print(p.communicate())
print(p.returncode)
p = subprocess.Popen(["sh", "-c", "echo o; echo e >&2"], stdout=subprocess.PIPE,
                     stderr=subprocess.PIPE, universal_newlines=True)
print(p.communicate(), p.universal_newlines, p.text_mode)
p = subprocess.Popen(["true"])
print(p.communicate(), p.args)
