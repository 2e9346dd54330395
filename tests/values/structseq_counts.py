# Struct sequence types carry n_fields, n_sequence_fields and n_unnamed_fields.
import os
import signal
import sys
import time

for t in (os.stat_result, os.terminal_size, time.struct_time, type(sys.flags),
          type(sys.float_info), type(sys.int_info), type(sys.hash_info), type(sys.version_info),
          signal.struct_siginfo):
    print(t.__name__, t.n_fields, t.n_sequence_fields, t.n_unnamed_fields)
st = os.stat(".")
print(st.n_fields, len(st), type(st).n_unnamed_fields)
