import sys
counter = getattr(sys, "_runs_once_counter", 0) + 1
sys._runs_once_counter = counter
print("executing _runs_once body, time number", counter)
