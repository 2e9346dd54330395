# Randomised hashing: PYTHONHASHSEED unset, empty or "random", -R (which overrides any
# PYTHONHASHSEED, even an invalid one), and -E / -I (which ignore it) each draw a fresh 128-bit
# secret, so two runs hash "abc" differently (equal with probability 2**-64) and
# sys.flags.hash_randomization is 1; PYTHONHASHSEED=0 disables randomisation (flag 0).
from _child import output, run

CODE = 'import sys; print(hash("abc"), hash(b"xyz"), sys.flags.hash_randomization)'


def runs(seed, *options):
    a = output(seed, CODE, *options).split()
    b = output(seed, CODE, *options).split()
    return a[0] != b[0], a[1] != b[1], a[2], b[2]


fixed = output('0', CODE).split()
print('0', output('0', CODE) == output('0', CODE), fixed[2])
for seed, options in [(None, ()), ('', ()), ('random', ()), ('0', ('-R',)), ('1', ('-R',)),
                      ('nonsense', ('-R',)), ('0', ('-E',)), ('nonsense', ('-E',)),
                      ('0', ('-I',)), ('7', ('-E', '-R'))]:
    print(repr(seed), options, *runs(seed, *options))
print(output('0', CODE, '-R').split()[0] != fixed[0])
print(output('1', CODE).split() == output('01', CODE).split())
