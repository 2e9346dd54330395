# Circular `import m` works when the other module's attributes are only used later, at call time.
import _ping
print(_ping.ping(0), _ping.ping(1), _ping.ping(4), _ping._pong.pong(3))
import _pong
print(_pong._ping is _ping, _ping._pong is _pong)
