# -X gil=ticks: Python 2's check interval; the holder releases the GIL every N instructions
-X gil=ticks _ticks_prog.py
