# An uncaught array error ends the program with the traceback's last line and status 1.
import array

a = array.array('q', [1])
print(a.pop())
a.pop()
