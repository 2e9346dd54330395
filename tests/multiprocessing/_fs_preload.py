# Imported by the fork server (set_forkserver_preload in forkserver_basic.py), never by the test.
VALUE = 42
