# Lists hold references; copies are shallow.
inner = [1, 2]
outer = [inner, inner]
outer[0].append(3)
print(outer, outer[0] is outer[1])
shallow = outer[:]
shallow[0].append(4)
print(outer)
import copy
deep = copy.deepcopy(outer)
deep[0].append(5)
print(outer, deep, deep[0] is deep[1])
a = [1]
a.append(a)
print(a, a[1] is a)
