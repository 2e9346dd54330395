# An invalid PYTHONHASHSEED is a fatal configuration error (exit status 1, CPython's message),
# found after the options are parsed (so -V and usage errors still win) and before the script.
from _child import run

for seed in ['abc', '-1', '4294967296', '99999999999999999999999', '5 ', '0x10', '1.5', ' ',
             '1_000', '\u0661']:
    status, out, err = run(seed, 'print("not reached")')
    print(repr(seed), status, repr(out), err.splitlines())
for options in [('-V',), ('-Z',)]:
    status, out, err = run('abc', 'print(1)', *options)
    print(options, status, out.strip(), err.splitlines()[:1])
print(run('abc', 'print(1)', '-E'), run('abc', 'print(1)', '-I'), run('abc', 'print(1)', '-R'))
print(run('4294967295', 'print(1)'), run('', 'print(1)'), run('random', 'print(1)'))
