# Support for the tests of this folder: run sys.executable with a given PYTHONHASHSEED (and
# options), with a deadline, and return (status, stdout, stderr).
import os
import subprocess
import sys


def run(seed, code, *options):
    env = dict(os.environ)
    if seed is None:
        env.pop("PYTHONHASHSEED", None)
    else:
        env["PYTHONHASHSEED"] = seed
    p = subprocess.run([sys.executable, *options, "-c", code], env=env, capture_output=True,
                       text=True, timeout=60)
    return p.returncode, p.stdout, p.stderr


def output(seed, code, *options):
    status, out, err = run(seed, code, *options)
    if status != 0 or err:
        raise SystemExit("child failed (%d): %s" % (status, err))
    return out
