# monotonic(), perf_counter() and their _ns variants never go backwards.
import time
for clock in (time.monotonic, time.perf_counter, time.monotonic_ns, time.perf_counter_ns):
    values = [clock() for _ in range(2000)]
    print(clock.__name__, all(a <= b for a, b in zip(values, values[1:])), values[-1] >= values[0])
a = time.process_time()
total = sum(i * i for i in range(20000))
b = time.process_time()
print(b >= a, total)
