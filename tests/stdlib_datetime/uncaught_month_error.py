# an uncaught datetime error: the traceback's last line is CPython's message
from datetime import datetime
print(datetime(2024, 2, 29, 13, 45, 10))
datetime(2024, 13, 1)
