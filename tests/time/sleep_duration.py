# sleep() blocks for at least the requested time (but not absurdly longer); sleep(0) is fine.
import time
start = time.monotonic()
result = time.sleep(0.01)
elapsed = time.monotonic() - start
print(result, elapsed >= 0.0095, elapsed < 1.0)
start = time.perf_counter()
time.sleep(0)
print(time.perf_counter() - start < 0.5)
start = time.monotonic()
for _ in range(3):
    time.sleep(0.005)
print(time.monotonic() - start >= 0.014)
start = time.monotonic_ns()
time.sleep(0.002)
print(time.monotonic_ns() - start >= 1_900_000)
start = time.monotonic()
time.sleep(0.001)
print(time.monotonic() - start > 0)
