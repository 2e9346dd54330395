from circ.bad_a import A
B = 2
