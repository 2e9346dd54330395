# A KeyboardInterrupt raised at the eval breaker of a one-line loop (a backward jump to itself) is
# not caught by the enclosing try: CPython looks the handler up from the jump's target, which is
# outside the protected range, while the traceback shows the loop's line.
import threading, _thread
threading.Timer(0.1, _thread.interrupt_main).start()
try:
    while True: pass
except KeyboardInterrupt as e:
    print("interrupted at line", e.__traceback__.tb_lineno)
