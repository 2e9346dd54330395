# Support module: events shared by the test programs and the helper modules' bodies.
import os
import threading

parent_pid = os.getpid()
a_started = threading.Event()
b_started = threading.Event()
c_started = threading.Event()
in_body = threading.Event()
release = threading.Event()
other_thread_ran = threading.Event()
