# Loading protocol 0/1 pickles written by Python 2 and old picklers: INST, OBJ, PUT/GET,
# STRING with quotes and escapes, BINSTRING, LONG with L, INT with octal/hex forms and the
# I00/I01 booleans, DUP, POP, POP_MARK, and Python 2 names mapped by fix_imports.
import pickle
from _util import err


class Old:
    def __init__(self, *args):
        print('  Old.__init__', args)
        self.args = args


class NoInit:
    def __init__(self):
        print('  never called without __getinitargs__')


class InitArgs:
    def __getinitargs__(self):
        return ()

    def __init__(self):
        print('  InitArgs.__init__')


cases = [
    b"(dp0\nS'key'\np1\nS'value'\np2\ns.",
    b"(lp0\nI1\naI2\naL12345678901234567890L\naF1.5\naF-0.0\na.",
    b"(I0010\nI0x1f\nI-7\nI+3\nI01\nI00\nI1\nI 5\nI99999999999999999999\nt.",
    b"(L-5\nL0\nL123\nt.",
    b"S'it''s'\n.", b"S'a\\'b'\n.", b'S"dq\\n\\x41\\101\\\\"\n.', b"S''\n.",
    b"Vh\xe9\\u20ac\\U0001f600\n.", b"V\n.",
    b"(i__main__\nOld\np0\n(dp1\nS'x'\np2\nI1\nsb.",
    b"(i__main__\nNoInit\n.", b"(i__main__\nInitArgs\n.",
    b"(S'a'\nI2\ni__main__\nOld\n.",
    b"(c__main__\nOld\nI1\nI2\no.", b"(c__main__\nNoInit\no.",
    b"(lp0\ng0\na.", b"(I1\nI2\n0t.", b"(I1\n(I2\n1t.", b"I7\n2t.",
    b"(I1\nI2\nl.", b"(I1\nI2\nt(S'k'\nS'v'\nd\x86.",
    b"]q\x00(K\x01h\x00e.", b"]r\x00\x01\x00\x00j\x00\x01\x00\x00a.",
    b"cexceptions\nValueError\n(S'boom'\ntR.", b"c__builtin__\nxrange\n(I3\ntR.",
    b"ccopy_reg\n_reconstructor\n(c__main__\nOld\nc__builtin__\nobject\nNtR.",
    b"c__builtin__\nset\n((lI1\naI2\natR.", b"c__builtin__\nunicode\n.",
    b"citertools\nizip\n.", b"cUserDict\nUserDict\n.",
    b"\x80\x02c__builtin__\nlong\n.",
]
for data in cases:
    print(data)
    try:
        r = pickle.loads(data)
    except Exception as e:
        print('  ', type(e).__name__ + ':', e)
        continue
    if isinstance(r, (Old, InitArgs, NoInit)):
        print('  ', type(r).__name__, vars(r))
    else:
        print('  ', repr(r), type(r).__name__)

print('fix_imports=False')
err(pickle.loads, b"c__builtin__\nlen\n.", fix_imports=False)
err(pickle.loads, b"cexceptions\nValueError\n.", fix_imports=False)
print(pickle.loads(b"cbuiltins\nlen\n.", fix_imports=False))
print(pickle.loads(b"\x80\x03c__builtin__\nlen\n." if False else b"cbuiltins\nlen\n."))
