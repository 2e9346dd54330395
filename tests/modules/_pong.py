print("_pong start")
import _ping
def pong(n):
    return "pong" if n == 0 else _ping.ping(n - 1)
print("_pong end, _ping has ping yet:", hasattr(_ping, "ping"))
