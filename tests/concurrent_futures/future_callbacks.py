# add_done_callback: callbacks run in order when the future completes or is cancelled, at once
# when it is already done; an exception in a callback is logged and the others still run.
import logging
from concurrent.futures import Future

records = []


class Collect(logging.Handler):
    def emit(self, record):
        records.append((record.levelname, record.msg, record.exc_info[0].__name__))


log = logging.getLogger('concurrent.futures')
log.addHandler(Collect())
log.propagate = False

order = []
f = Future()
f.add_done_callback(lambda fut: order.append(('first', fut.result())))
f.add_done_callback(lambda fut: 1 / 0)
f.add_done_callback(lambda fut: order.append(('third', fut.done())))
print(order)
f.set_result(42)
print(order)
print(records)
f.add_done_callback(lambda fut: order.append(('late', fut.result())))
print(order[-1])

g = Future()
g.add_done_callback(lambda fut: order.append(('cancelled', fut.cancelled())))
g.cancel()
print(order[-1])
g.cancel()
print(len(order))

h = Future()
h.add_done_callback(lambda fut: order.append(('error', type(fut.exception()).__name__)))
h.set_exception(OSError('x'))
print(order[-1])
h.add_done_callback(lambda fut: [][1])
print(records[-1])
