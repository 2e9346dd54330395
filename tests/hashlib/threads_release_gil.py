# hashlib releases the GIL for data of 2048 bytes or more: a Python thread makes progress while
# another thread hashes large buffers (and results match a single-threaded run).
import hashlib
import threading

data = bytes(range(256)) * (4 << 12)  # 4 MiB
expected = hashlib.sha256(data * 4).hexdigest()

progress = 0
stop = False


def spin():
    global progress
    while not stop:
        progress += 1


t = threading.Thread(target=spin)
t.start()
h = hashlib.sha256()
for _ in range(4):
    h.update(data)
stop = True
t.join()
print(h.hexdigest() == expected)
print('spinner ran', progress > 0)

# Several threads hashing the same object serialise on it: the result is that of all updates.
shared = hashlib.sha1()
chunk = b'z' * 10000


def feed():
    for _ in range(50):
        shared.update(chunk)


ts = [threading.Thread(target=feed) for _ in range(4)]
for x in ts:
    x.start()
for x in ts:
    x.join()
print(shared.hexdigest() == hashlib.sha1(chunk * 200).hexdigest())

results = [None] * 4


def work(i):
    results[i] = hashlib.md5(data[i:] + data).hexdigest()


ts = [threading.Thread(target=work, args=(i,)) for i in range(4)]
for x in ts:
    x.start()
for x in ts:
    x.join()
print(all(results[i] == hashlib.md5(data[i:] + data).hexdigest() for i in range(4)))
