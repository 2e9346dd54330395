# printf-style % formatting.
print("%s %r %a %d %i %5d|%-5d|%05d %+d" % ("s", "r", "é", 42, 7, 3, 3, 3, 3))
print("%x %X %#x %o %#o %e %E %f %.2f %g %G %10.3f|%-10.1e|" % (255, 255, 255, 8, 8, 1234.5, 0.00012, 1.5, 2.345, 1e-5, 1e20, 3.14159, 1234.5))
print("%c%c %% %(name)s is %(age)03d" % (65, "b", *()) if False else "%c%c %%" % (65, "b"), "%(name)s is %(age)03d" % {"name": "Ann", "age": 7})
print("%s" % [1, 2], "%s" % (1,), "%s %s" % (1, 2), "%d" % 3.99, "%.3s" % "abcdef", "%*d|%-*d|" % (5, 1, 4, 2), "%.*f" % (2, 3.14159))
for fmt, val in (("%d", "x"), ("%s %s", (1,)), ("%s", (1, 2)), ("%z", 1), ("%c", 1.5), ("%(k)s", 1), ("%d", [1])):
    try:
        print(fmt % val)
    except (TypeError, ValueError, KeyError) as e:
        print(repr(fmt), type(e).__name__, e)
