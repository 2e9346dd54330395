# subprocess from threads: the waits release the GIL, so two children run side by side and the
# main thread keeps computing.
import subprocess
import threading

out = {}
def work(name, cmd):
    out[name] = subprocess.run(cmd, capture_output=True, text=True).stdout

threads = [threading.Thread(target=work, args=(n, ["sh", "-c", "sleep 0.1; echo " + n]))
           for n in ("first", "second")]
for t in threads:
    t.start()
n = sum(range(100000))
for t in threads:
    t.join(5)
print(sorted(out.items()), n)
