# multiprocessing.Manager(): dict, list, Queue, Namespace, Lock, RLock, Event and Value
# proxies shared with child processes; changes made in the children are seen by the parent.
import multiprocessing as mp
import _deadline


def child(i, d, l, ns, q, lock, v, ev):
    with lock:
        d[i] = i * i
        l.append(i)
        v.value += i
    ns.last = 'child'
    q.put(('done', i))
    ev.wait(10)


if __name__ == '__main__':
    _deadline.arm()
    with mp.Manager() as m:
        d, l, ns, q = m.dict(), m.list(), m.Namespace(x=1), m.Queue()
        lock, v, ev = m.Lock(), m.Value('i', 0), m.Event()
        procs = [mp.Process(target=child, args=(i, d, l, ns, q, lock, v, ev))
                 for i in range(3)]
        for p in procs:
            p.start()
        print(sorted(q.get(timeout=10) for _ in procs))
        ev.set()
        for p in procs:
            p.join(10)
        print([p.exitcode for p in procs])
        print(sorted(d.items()), sorted(l), ns, v.value)
        print(d.get(1), d.get(9, 'none'), 2 in d, len(d), sorted(d.keys()), d.copy() == {0: 0, 1: 1, 2: 4})
        l += [7]
        l.extend([8])
        print(l[-2:], l.pop(), l.index(7), len(l), str(l) == str(list(l)))
        try:
            d['missing']
        except KeyError as e:
            print('KeyError', e)
        rl = m.RLock()
        print(rl.acquire(), rl.acquire(timeout=1), rl.release(), rl.release())
        lk = m.Lock()
        print(lk.acquire(), lk.acquire(False), lk.acquire(True, 0.01))
        lk.release()
        with lk:
            print('locked in with')
        try:
            m.Lock().release()
        except RuntimeError as e:
            print(type(e).__name__, e)
        print(ev.is_set(), m.Event().wait(0.01))
        qq = m.Queue(maxsize=1)
        qq.put(1)
        try:
            qq.put(2, timeout=0.01)
        except Exception as e:
            print(type(e).__name__)
        print(qq.get(), qq.empty(), qq.qsize())
        v.value = 3.5
        print(v.get(), v, ns.x)
        ns.y = [1]
        del ns.x
        print(ns)
        try:
            ns.x
        except AttributeError as e:
            print('AttributeError', e)
        print(type(d).__name__, type(l).__name__, type(ns).__name__, type(v).__name__)
    print(mp.active_children())
