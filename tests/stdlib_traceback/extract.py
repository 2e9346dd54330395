# traceback: extract_tb, format_tb, FrameSummary, StackSummary, TracebackException, walk_tb, stacks
import sys
import traceback


def fail():
    data = {'k': [1, 2]}
    return data['k'][5]


def call():
    return fail()


try:
    call()
except IndexError as e:
    tb = e.__traceback__
    frames = traceback.extract_tb(tb)
    for f in frames:
        print(f.filename, f.lineno, f.name, repr(f.line), f)
    print(len(frames), frames[-1] == ('extract.py', 9, 'fail', "return data['k'][5]"), list(frames[0]))
    print(''.join(traceback.format_tb(tb)), end='')
    print(traceback.format_list(frames[1:]))
    print([(fr.f_code.co_name, n) for fr, n in traceback.walk_tb(tb)])
    te = traceback.TracebackException.from_exception(e)
    print(te.exc_type.__name__, str(te), len(te.stack), te.__cause__, te.__context__)
    print(''.join(te.format()), end='')
    print(list(te.format_exception_only()))
    traceback.print_tb(tb, limit=1, file=sys.stdout)


def show_stack():
    return traceback.extract_stack()


def middle():
    return show_stack()


st = middle()
print([(f.name, f.line) for f in st])


def printer():
    traceback.print_stack(file=sys.stdout)


printer()
print(traceback.format_stack()[-1], end='')
fs = traceback.FrameSummary('file.py', 3, 'func', line='x = 1')
print(fs, fs.line, list(fs), fs == ('file.py', 3, 'func', 'x = 1'))
print(traceback.StackSummary.from_list([('a.py', 1, 'f', 'pass'), fs]).format())
try:
    compile('x = (1,', 'bad.py', 'exec')
except SyntaxError as e:
    print(''.join(traceback.format_exception_only(e)), end='')
