# The GIL's guarantee for built-in containers: no lock of the user's, many threads calling
# list.append, dict[k] = v, set.add, deque.append: the containers end exact and consistent.
import threading
from collections import deque

N_THREADS = 8
N = 2000
lst = []
dct = {}
st = set()
dq = deque()


def work(tid):
    for i in range(N):
        lst.append(i)
        dct[(tid, i)] = i
        st.add(tid * N + i)
        dq.append(i)


ts = [threading.Thread(target=work, args=(t,)) for t in range(N_THREADS)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(len(lst), sum(lst) == N_THREADS * sum(range(N)))
print(len(dct), len(st), len(dq), sum(dq) == N_THREADS * sum(range(N)))
print(sorted(lst) == sorted(list(range(N)) * N_THREADS))
