# send(): the first send must be None; the value becomes the result of the paused yield.
def averager():
    total = count = 0
    average = None
    while True:
        value = yield average
        print("  received", value)
        total += value
        count += 1
        average = total / count
avg = averager()
print(avg.send(None))
print(avg.send(10), avg.send(20), avg.send(60))
def trace():
    received = []
    while len(received) < 3:
        x = yield len(received)
        received.append(x)
    return received
t = trace()
print(next(t), t.send("a"), next(t))
try:
    t.send("c")
except StopIteration as e:
    print("StopIteration value", e.value)
try:
    t.send("after end")
except StopIteration as e:
    print("exhausted:", repr(e.value), e.args)
fresh = trace()
try:
    fresh.send("too early")
except TypeError as e:
    print(type(e).__name__, e)
print(next(fresh), "still usable after the failed send")
def two_way():
    reply = "start"
    while True:
        msg = yield reply
        reply = f"echo:{msg}" if msg is not None else "got None"
tw = two_way()
print(next(tw), tw.send("hi"), next(tw), tw.send(0))
