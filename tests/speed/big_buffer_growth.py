# Buffers that grow past 1 MiB (list item arrays, array.array data) keep their contents through
# growth, shrinking, copying, sorting and freeing, whatever allocator strategy holds them.
import array
import threading

n = 400_000  # 3.2 MB of item pointers
l = []
for i in range(n):
    l.append(i)
print(len(l), l[0], l[-1], sum(l))
l.extend(range(n, n + 100_000))
l += [-1] * 50_000
l.insert(0, "first")
print(len(l), l[0], l[1], l[n], l[-1])
del l[0]
del l[n:]
print(len(l), sum(l))
while len(l) > 10:
    del l[len(l) // 2:]
print(l)
l.clear()
l.append(1)
print(l)

big = list(range(300_000))
big.reverse()
big.sort()
print(big[:3], big[-3:], big == sorted(big))
copy = big[:]
copy.append(None)
print(len(copy), copy[-2:], len(big))
big *= 3
print(len(big), big[299_999], big[300_000])
grown = [x for x in range(250_000)]
grown.pop()
print(len(grown), grown[-1])

a = array.array("q")
for i in range(200_000):
    a.append(i)
a.extend(a)
print(len(a), a[0], a[-1], sum(a))
del a[1000:]
print(len(a), a[-1])


def worker(k, out):
    lst = []
    for i in range(200_000):
        lst.append(i * k)
    out[k] = sum(lst)


out = {}
ts = [threading.Thread(target=worker, args=(k, out)) for k in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(out.items()))
