# zlib releases the GIL on large data: a Python thread makes progress while another compresses,
# and threads sharing one compressor serialise on it.
import threading
import zlib

data = b''.join(b'%d,' % (i * 7919 % 100003) for i in range(400000))
expected = zlib.compress(data, 9)

progress = 0
stop = False


def spin():
    global progress
    while not stop:
        progress += 1


t = threading.Thread(target=spin)
t.start()
results = [zlib.compress(data, 9) for _ in range(3)]
stop = True
t.join()
print(all(r == expected for r in results), 'spinner ran', progress > 0)

outs = [None] * 3


def work(i):
    outs[i] = zlib.decompress(zlib.compress(data[i:], 6)) == data[i:]


ts = [threading.Thread(target=work, args=(i,)) for i in range(3)]
for x in ts:
    x.start()
for x in ts:
    x.join()
print(outs)
print(zlib.crc32(data), zlib.adler32(data))
