print("_ping start")
import _pong
def ping(n):
    return "ping" if n == 0 else _pong.pong(n - 1)
print("_ping end")
