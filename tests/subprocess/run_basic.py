# subprocess.run: capture_output, text, input, stdout/stderr redirections, cwd, env, shell.
import os
import subprocess

r = subprocess.run(["echo", "hello"], capture_output=True)
print(r)
print(r.args, r.returncode, r.stdout, r.stderr)
print(subprocess.run(["true"]))
print(subprocess.run(["false"]).returncode)
print(subprocess.run(["sh", "-c", "exit 7"]).returncode)
r = subprocess.run(["sh", "-c", "echo out; echo err >&2"], capture_output=True, text=True)
print(repr(r.stdout), repr(r.stderr))
r = subprocess.run(["sh", "-c", "echo out; echo err >&2"], stdout=subprocess.PIPE,
                   stderr=subprocess.STDOUT)
print(r.stdout, r.stderr)
r = subprocess.run(["sh", "-c", "echo out; echo err >&2"], stdout=subprocess.DEVNULL,
                   stderr=subprocess.PIPE)
print(r)
r = subprocess.run(["cat"], input=b"fed through stdin", capture_output=True)
print(r.stdout)
r = subprocess.run(["tr", "a-z", "A-Z"], input="text mode\nline 2\n", stdout=subprocess.PIPE,
                   universal_newlines=True)
print(repr(r.stdout))
r = subprocess.run(["printf", "a\\r\\nb\\rc"], capture_output=True, text=True)
print(repr(r.stdout))
r = subprocess.run(["printf", "a\\r\\nb"], capture_output=True)
print(r.stdout)
r = subprocess.run("echo $GREETING from $0", shell=True, capture_output=True, text=True,
                   env={"GREETING": "hi", "PATH": os.environ.get("PATH", "/bin:/usr/bin")})
print(r.stdout, end="")
r = subprocess.run(["pwd"], cwd="/", capture_output=True, text=True)
print(r.stdout, end="")
r = subprocess.run("echo a | tr a b; exit 3", shell=True, capture_output=True)
print(r)
r = subprocess.run(["sh", "-c", "cat; echo done >&2"], input=b"x" * 200000, capture_output=True)
print(len(r.stdout), r.stderr)
r = subprocess.run(["echo", "é"], capture_output=True, encoding="utf-8")
print(r.stdout, end="")
r = subprocess.run(["sh", "-c", "read x; echo got $x"], input="line\n", capture_output=True,
                   text=True)
print(r.stdout, end="")
with open(os.devnull, "wb") as null:
    print(subprocess.run(["echo", "to a file object"], stdout=null).returncode)
