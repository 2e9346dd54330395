# Left-to-right evaluation of operands, arguments, and assignment targets.
def p(x):
    print("p", x)
    return x
print(p(1) + p(2) * p(3))
print(p("a"), p("b"), sep=p("sep"))
d = {}
d[p("key")] = p("value")
print(d)
l = [p(i) for i in range(2)]
x = p(1), p(2)
print({p("k1"): p("v1"), p("k2"): p("v2")})
