# traceback: format_exc/print_exc/format_exception with carets, chaining, notes, limits
import sys
import traceback


def divide(a, b):
    return a / b


def lookup(d, k):
    return d[k]


def outer():
    x = divide(1, 0)
    return x


try:
    outer()
except ZeroDivisionError:
    print(traceback.format_exc(), end='')

try:
    lookup({'a': 1}, 'b')
except KeyError:
    traceback.print_exc(file=sys.stdout)

try:
    try:
        [][1]
    except IndexError as e:
        raise ValueError('bad value') from e
except ValueError as e:
    print(''.join(traceback.format_exception(e)), end='')

try:
    try:
        int('x')
    except ValueError:
        {}['missing']
except KeyError as e:
    traceback.print_exception(e, file=sys.stdout)
    print('--- no chain')
    traceback.print_exception(e, file=sys.stdout, chain=False)

try:
    raise RuntimeError('with notes')
except RuntimeError as e:
    e.add_note('note one')
    e.add_note('note two\nsecond line')
    print(''.join(traceback.format_exception(e)), end='')
    print(traceback.format_exception_only(e))


def recurse(n):
    if n == 0:
        raise OverflowError('deep')
    return recurse(n - 1)


try:
    recurse(8)
except OverflowError:
    print(traceback.format_exc(), end='')
    print(traceback.format_exc(limit=2), end='')
    print(traceback.format_exc(limit=-1), end='')

try:
    nam = 1
    print(nme)
except NameError:
    print(traceback.format_exc(), end='')

try:
    'abc'.uper()
except AttributeError:
    print(traceback.format_exc(), end='')

try:
    value = (1 +
             None)
except TypeError:
    print(traceback.format_exc(), end='')
print(repr(traceback.format_exc()))
print(traceback.format_exception_only(ValueError('v')), traceback.format_exception_only(KeyError()))
