# Truth values of builtin objects.
for v in (0, 1, -1, 0.0, 0.1, 0j, "", " ", b"", b"\x00", [], [0], (), ((),), {}, {0: 0}, set(), range(0), range(1), None, ..., frozenset()):
    print(repr(v), bool(v), "yes" if v else "no")
