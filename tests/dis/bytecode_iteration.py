# dis.Bytecode iterates over Instruction objects with upper-case opnames.
import dis
def f(x):
    if x:
        return 1
    return 2
ins = list(dis.Bytecode(f))
print(len(ins) > 2, all(i.opname.isupper() for i in ins), all(isinstance(i.offset, int) for i in ins))
print([i.offset for i in ins] == sorted(i.offset for i in ins), any(i.opname.startswith("RETURN") for i in ins))
print(all(i.opname == dis.opname[i.opcode] for i in ins))
