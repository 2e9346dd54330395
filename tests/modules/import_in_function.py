# import inside a function binds a local name.
def f():
    import _simple_mod
    return _simple_mod.VALUE, "_simple_mod" in locals()
print(f(), "_simple_mod" in globals())
