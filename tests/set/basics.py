# set construction, membership and repr (ints only for deterministic order).
s = {3, 1, 2, 3, 1}
print(s, len(s), 2 in s, 5 not in s, set(), set([1, 1, 2]), set(range(5)))
print(sorted({"b", "a", "c"}), sorted(set("hello")))
print({1, 1.0, True}, len({0, False, 0.0}))
print(type({}).__name__, type(set()).__name__, type({1}).__name__)
