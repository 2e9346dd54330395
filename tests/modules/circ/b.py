import circ.a
def b_func():
    return "b sees " + circ.a.A_VALUE
