# Each thread has its own current context, made from DefaultContext on first use.
import threading
from decimal import *

results = {}

def worker(prec):
    getcontext().prec = prec
    results[prec] = (str(Decimal(1) / 7), getcontext().prec)

threads = [threading.Thread(target=worker, args=(p,)) for p in (3, 5, 9)]
for th in threads:
    th.start()
for th in threads:
    th.join(timeout=30)
print(sorted(results.items()))
print(getcontext().prec, Decimal(1) / 7)
DefaultContext.prec = 4
th = threading.Thread(target=lambda: results.__setitem__('new', str(Decimal(2) / 3)))
th.start()
th.join(timeout=30)
print(results['new'], getcontext().prec)
