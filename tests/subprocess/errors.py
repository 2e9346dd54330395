# Failures: check=True, timeouts, a missing program or cwd, signals, bad arguments.
import subprocess

try:
    subprocess.run(["sh", "-c", "echo before; exit 2"], check=True, capture_output=True)
except subprocess.CalledProcessError as e:
    print(type(e).__name__, e)
    print(e.returncode, e.cmd, e.stdout, e.stderr, e.output)
try:
    subprocess.run(["sh", "-c", "kill -9 $$"], check=True)
except subprocess.CalledProcessError as e:
    print(e, e.returncode)
try:
    subprocess.run(["sh", "-c", "kill -TERM $$"], check=True)
except subprocess.CalledProcessError as e:
    print(e)
try:
    subprocess.run(["sleep", "10"], timeout=0.1, stdout=subprocess.PIPE)
except subprocess.TimeoutExpired as e:
    print(type(e).__name__, e.cmd, e.timeout, e.output, e.stderr)
try:
    subprocess.run(["sh", "-c", "echo partial; sleep 10"], timeout=0.3, capture_output=True)
except subprocess.TimeoutExpired as e:
    print(e, e.stdout, e.output, e.stderr)
try:
    subprocess.check_output(["sleep", "10"], timeout=0.1)
except subprocess.TimeoutExpired as e:
    print(e)
try:
    subprocess.run(["no-such-program-gilpy"])
except FileNotFoundError as e:
    print(type(e).__name__, e.errno, e.strerror, e.filename)
try:
    subprocess.Popen(["/no/such/dir/prog"])
except FileNotFoundError as e:
    print(e)
try:
    subprocess.run(["true"], cwd="/no/such/dir")
except FileNotFoundError as e:
    print(e)
try:
    subprocess.run(["/"])
except PermissionError as e:
    print(type(e).__name__, e)
try:
    subprocess.run(["cat"], input=b"x", stdin=subprocess.PIPE)
except ValueError as e:
    print(e)
try:
    subprocess.run(["true"], capture_output=True, stdout=subprocess.PIPE)
except ValueError as e:
    print(e)
try:
    subprocess.Popen(["true"], bufsize="x")
except TypeError as e:
    print(e)
try:
    subprocess.Popen(["true"], text=True, universal_newlines=False)
except subprocess.SubprocessError as e:
    print(e)
try:
    subprocess.run(["true"], env={"A=B": "x"})
except ValueError as e:
    print(e)
p = subprocess.Popen(["sh", "-c", "exit 0"], stdout=subprocess.PIPE)
p.communicate()
try:
    p.communicate(b"late")
except ValueError as e:
    print(e)
