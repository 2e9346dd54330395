# At exit the interpreter joins non-daemon threads (their output comes after the main program's
# last line) and does not wait for daemon threads blocked forever.
import threading
import time

forever = threading.Event()
threading.Thread(target=forever.wait, daemon=True).start()


def late():
    time.sleep(0.05)
    print("non-daemon thread finished")


threading.Thread(target=late).start()
print("main program done")
