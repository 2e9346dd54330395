# LEGB lookup: local, enclosing, global, builtin.
x = "global"
def outer():
    x = "enclosing"
    def inner():
        return x
    def inner_local():
        x = "local"
        return x
    return inner(), inner_local()
print(outer(), x)
def shadow_builtin():
    len = lambda s: "shadowed"
    return len("abc")
print(shadow_builtin(), len("abc"))
def deep():
    a = 1
    def l2():
        b = 2
        def l3():
            return a + b
        return l3()
    return l2()
print(deep())
