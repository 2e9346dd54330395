# Corrupt, truncated and hostile input: CPython's exception types and messages.
import io
import pickle
from _util import err

cases = [
    b'', b'N', b'\x80\x04N', b'x', b"'", b'\\', b'\x00', b'\xff', b'\x80\x09N.', b'\x80',
    b'(.', b'N(.', b'0N.', b'1.', b'2.', b'a.', b'e.', b's.', b'u.', b'Nu.', b'}(Nu.',
    b'}NNN(u.', b']NNs.', b'}N(Ns.', b'(Nd.', b'(NNNd.', b't.', b'\x85.', b'N\x86.',
    b'R.', b'NNR.', b'c__builtin__\nlen\n(NR.', b'c__builtin__\nlen\nNR.', b'b.',
    b'NNb.', b'c__builtin__\nobject\n)R}N\x86b.', b'c__builtin__\nobject\n)R]b.',
    b'c__builtin__\nobject\n)R(N]t\x86b.',
    b'g0\n.', b'h\x00.', b'j\x00\x00\x00\x00.', b'Np-1\n.', b'p0\n.', b'q\x00.', b'\x94.',
    b'I12x\n.', b'I\n.', b'Iabc\n.', b'I1', b'L12\n.', b'Lxyz\n.', b'Fnope\n.', b'F1.5x\n.',
    b'F1e999\n.', b'F\n.', b'K', b'M\x01', b'J\x01\x02', b'G\x00\x00', b'\x8a\x05\x01',
    b'\x8b\xff\xff\xff\xff', b'\x8b\x02\x00\x00\x00\x01', b'X\x05\x00\x00\x00ab',
    b'\x8c\x05ab', b'B\x04\x00\x00\x00a', b'C\x02a', b'S"abc\n.', b'Sabc\n.', b"S'\n.",
    b'U\x05ab', b'T\x03\x00\x00\x00ab', b'V', b'P1\n.', b'Q.', b'NQ.', b'\x93.',
    b'\x8c\x01a\x8c\x01b\x93.', b'K\x01\x8c\x01b\x93.', b'\x82\x00.', b'\x82\x01.',
    b'\x84\xff\xff\xff\xff.', b'\x81.', b'K\x01)\x81.', b'c__builtin__\nobject\nK\x01\x81.',
    b'c__builtin__\nobject\n)K\x01\x92.', b'c__builtin__\nobject\n)}\x92.',
    b'\x97.', b'\x98.', b'\x95\x10\x00\x00\x00\x00\x00\x00\x00N.', b'\x95\x01\x00',
    b'cno_such_module_xyz\nf\n.', b'c__builtin__\nno_such_name\n.', b'c__builtin__\n',
    b'\x80\x04\x8c\x08builtins\x8c\x0bnot.a.thing\x93.',
    b'\x80\x04\x8c\x08builtins\x8c\x0bf.<locals>.g\x93.',
    b'\x80\x02c__builtin__\nxrange\n.', b'\x80\x03c__builtin__\nxrange\n.',
    b'\x8f(K\x01K\x02\x90\x90.', b'(\x91.', b']\x8f(K\x01\x90.', b'i__builtin__\nint\n.',
    b'(i__builtin__\n', b'o.', b'(o.', b'(K\x01o.', b'\x96\x02\x00\x00\x00\x00\x00\x00\x00a',
    b'\x8e\x03\x00\x00\x00\x00\x00\x00\x00a', b'\x8d\x02\x00\x00\x00\x00\x00\x00\x00a',
]
for data in cases:
    print(data)
    err(pickle.loads, data)
err(pickle.loads, 'N.')
err(pickle.loads, 1)
err(pickle.loads, b'N.', encoding=1)
err(pickle.loads, b'N.', errors=None)
err(pickle.load, io.BytesIO(b''))
err(pickle.load, io.BytesIO(b'X\x05\x00\x00\x00ab'))
err(pickle.load, io.BytesIO(b'I12'))
err(pickle.Unpickler, 42)
err(pickle.Unpickler, io.BytesIO(b''), 1)
print(issubclass(pickle.UnpicklingError, pickle.PickleError),
      issubclass(pickle.PicklingError, pickle.PickleError),
      issubclass(pickle.PickleError, Exception))
print(pickle.PickleError.__module__, pickle.PicklingError.__qualname__,
      pickle.UnpicklingError.__mro__)
