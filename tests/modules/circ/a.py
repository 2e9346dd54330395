from circ import b
A_VALUE = "a"
def use_b():
    return b.b_func()
