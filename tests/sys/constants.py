# A few sys constants.
import sys
print(sys.maxsize, sys.maxsize == 2 ** 63 - 1, sys.version_info[:2] == (3, 12), sys.version_info.major, sys.version_info[0])
print(sys.byteorder, sys.platform, sys.implementation.name in ("cpython", "gilpy"), isinstance(sys.version, str), sys.hexversion >= 0x030C0000)
print(sys.float_info.max, sys.float_info.epsilon, sys.float_info.dig, sys.int_info.bits_per_digit in (15, 30, 32, 64))
print(type(sys.path).__name__, type(sys.modules).__name__, "sys" in sys.modules, sys.modules["sys"] is sys, __name__)
