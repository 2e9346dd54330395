# Types of the clock functions' results and struct_time basics.
import time
for name in ("time", "monotonic", "perf_counter", "process_time", "thread_time"):
    print(name, type(getattr(time, name)()).__name__)
for name in ("time_ns", "monotonic_ns", "perf_counter_ns", "process_time_ns"):
    print(name, type(getattr(time, name)()).__name__)
now = time.time()
print(now > 1.6e9, abs(time.time_ns() / 1e9 - now) < 5)
st = time.gmtime()
print(type(st).__name__, type(st).__module__, len(st), isinstance(st, tuple), st.tm_year >= 2024)
print(type(time.localtime()).__name__, type(time.strftime("%Y")).__name__, type(time.ctime(0)).__name__)
info = time.get_clock_info("monotonic")
print(info.monotonic, info.adjustable, type(info.resolution).__name__)
