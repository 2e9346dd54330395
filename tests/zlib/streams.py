# zlib: compressobj/decompressobj, flush modes, copy, max_length, unconsumed_tail, unused_data, eof.
import zlib

data = b''.join(b'record %05d;' % i for i in range(5000))

co = zlib.compressobj(9, zlib.DEFLATED, 15, 9, zlib.Z_DEFAULT_STRATEGY)
parts = [co.compress(data[i:i + 1000]) for i in range(0, len(data), 1000)]
sync = co.flush(zlib.Z_SYNC_FLUSH)
print(sync[-4:].hex())
tail = co.compress(b'END')
cp = co.copy()
end = co.flush()
stream = b''.join(parts) + sync + tail + end
print(zlib.decompress(stream) == data + b'END')
print(cp.flush() == end, co.flush(zlib.Z_NO_FLUSH))
print(type(co).__name__, type(zlib.decompressobj()).__name__, zlib.compressobj.__name__)

d = zlib.decompressobj()
out = d.decompress(stream[:50])
print(d.eof, d.unused_data, d.unconsumed_tail)
out += d.decompress(stream[50:] + b'extra bytes')
print(out == data + b'END', d.eof, d.unused_data, d.unconsumed_tail)
out2 = d.decompress(b'more')
print(out2, d.unused_data)

# max_length and unconsumed_tail
d = zlib.decompressobj()
chunks = []
buf = stream
while not d.eof:
    chunk = d.decompress(buf, 4096)
    chunks.append(len(chunk))
    buf = d.unconsumed_tail
    if not buf and not chunk:
        break
print(max(chunks) <= 4096, sum(chunks) == len(data) + 3, d.eof)

# copy mid-stream
d = zlib.decompressobj()
a = d.decompress(stream[:len(stream) // 2])
d2 = d.copy()
print(a + d.decompress(stream[len(stream) // 2:]) == a + d2.decompress(stream[len(stream) // 2:]))

# flush on a decompressor returns the rest of unconsumed_tail
d = zlib.decompressobj()
first = d.decompress(stream, 10)
rest = d.flush()
print(len(first), first + rest == data + b'END', d.eof)

# zdict
zd = b'record 0'
c = zlib.compressobj(zdict=zd)
s = c.compress(data[:200]) + c.flush()
print(zlib.decompressobj(zdict=zd).decompress(s) == data[:200])

# raw and gzip streams
for wbits in (-15, 31):
    c = zlib.compressobj(wbits=wbits)
    s = c.compress(data) + c.flush()
    d = zlib.decompressobj(wbits)
    print(wbits, d.decompress(s) == data, d.eof)

# Z_FULL_FLUSH then more data
co = zlib.compressobj()
s = co.compress(b'abc') + co.flush(zlib.Z_FULL_FLUSH) + co.compress(b'def') + co.flush()
print(zlib.decompress(s))
