# Trigonometric functions at exact points, degrees/radians conversions, atan2 quadrants, hypot/dist.
import math
print(math.sin(0), math.cos(0), math.tan(0), math.asin(1) == math.pi / 2, math.acos(1), math.atan(1) == math.pi / 4)
print(math.degrees(math.pi), math.radians(180) == math.pi, math.degrees(1), math.radians(90))
for y, x in ((0, 1), (1, 0), (0, -1), (-1, 0), (1, 1), (-0.0, -1), (0.0, -1)):
    print((y, x), math.atan2(y, x))
print(round(math.sin(math.pi / 6), 12), round(math.cos(math.pi / 3), 12), math.isclose(math.tan(math.pi / 4), 1))
print(math.hypot(3, 4), math.hypot(), math.hypot(1, 2, 2), math.hypot(-5), math.dist((0, 0), (3, 4)), math.dist([1, 1, 1], [2, 2, 2]) ** 2)
print(math.sinh(0), math.cosh(0), math.tanh(0), math.asinh(0), math.acosh(1), math.atanh(0), math.tanh(1000))
for args in (((1, 2), (1,)), ((1,), [1]), ("ab", "cd")):
    try:
        math.dist(*args)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
