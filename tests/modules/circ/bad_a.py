from circ.bad_b import B
A = 1
