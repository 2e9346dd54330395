"""Name mappings between Python 2 and Python 3 for pickle's fix_imports.

gilpy: the same four tables as CPython 3.12's _compat_pickle (the data is what makes pickles
of protocols 0-2 byte-identical and Python 2 pickles loadable), built from compact lists:
  IMPORT_MAPPING          Python 2 module -> Python 3 module   (used by Unpickler.find_class)
  NAME_MAPPING            (module, name) 2 -> 3                 (used by Unpickler.find_class)
  REVERSE_IMPORT_MAPPING  Python 3 module -> Python 2 module   (used by Pickler, protocol < 3)
  REVERSE_NAME_MAPPING    (module, name) 3 -> 2                 (used by Pickler, protocol < 3)
The first part of each table is mutual (reversed into the other direction); the "one-way"
lists below are added afterwards to one direction only.
"""

# Mutual module renames: Python 2 name, Python 3 name.
_MUTUAL_MODULES = """
__builtin__ builtins
copy_reg copyreg
Queue queue
SocketServer socketserver
ConfigParser configparser
repr reprlib
tkFileDialog tkinter.filedialog
tkSimpleDialog tkinter.simpledialog
tkColorChooser tkinter.colorchooser
tkCommonDialog tkinter.commondialog
Dialog tkinter.dialog
Tkdnd tkinter.dnd
tkFont tkinter.font
tkMessageBox tkinter.messagebox
ScrolledText tkinter.scrolledtext
Tkconstants tkinter.constants
Tix tkinter.tix
ttk tkinter.ttk
Tkinter tkinter
markupbase _markupbase
_winreg winreg
thread _thread
dummy_thread _dummy_thread
dbhash dbm.bsd
dumbdbm dbm.dumb
dbm dbm.ndbm
gdbm dbm.gnu
xmlrpclib xmlrpc.client
SimpleXMLRPCServer xmlrpc.server
httplib http.client
htmlentitydefs html.entities
HTMLParser html.parser
Cookie http.cookies
cookielib http.cookiejar
BaseHTTPServer http.server
test.test_support test.support
commands subprocess
urlparse urllib.parse
robotparser urllib.robotparser
urllib2 urllib.request
anydbm dbm
_abcoll collections.abc
"""

# Mutual (module, name) renames: Python 2 module and name, Python 3 module and name.
_MUTUAL_NAMES = """
__builtin__ xrange builtins range
__builtin__ reduce functools reduce
__builtin__ intern sys intern
__builtin__ unichr builtins chr
__builtin__ unicode builtins str
__builtin__ long builtins int
itertools izip builtins zip
itertools imap builtins map
itertools ifilter builtins filter
itertools ifilterfalse itertools filterfalse
itertools izip_longest itertools zip_longest
UserDict IterableUserDict collections UserDict
UserList UserList collections UserList
UserString UserString collections UserString
whichdb whichdb dbm whichdb
_socket fromfd socket fromfd
_multiprocessing Connection multiprocessing.connection Connection
multiprocessing.process Process multiprocessing.context Process
multiprocessing.forking Popen multiprocessing.popen_fork Popen
urllib ContentTooShortError urllib.error ContentTooShortError
urllib getproxies urllib.request getproxies
urllib pathname2url urllib.request pathname2url
urllib quote_plus urllib.parse quote_plus
urllib quote urllib.parse quote
urllib unquote_plus urllib.parse unquote_plus
urllib unquote urllib.parse unquote
urllib url2pathname urllib.request url2pathname
urllib urlcleanup urllib.request urlcleanup
urllib urlencode urllib.parse urlencode
urllib urlopen urllib.request urlopen
urllib urlretrieve urllib.request urlretrieve
urllib2 HTTPError urllib.error HTTPError
urllib2 URLError urllib.error URLError
"""

PYTHON2_EXCEPTIONS = tuple("""
ArithmeticError AssertionError AttributeError BaseException BufferError BytesWarning
DeprecationWarning EOFError EnvironmentError Exception FloatingPointError FutureWarning
GeneratorExit IOError ImportError ImportWarning IndentationError IndexError KeyError
KeyboardInterrupt LookupError MemoryError NameError NotImplementedError OSError OverflowError
PendingDeprecationWarning ReferenceError RuntimeError RuntimeWarning StopIteration SyntaxError
SyntaxWarning SystemError SystemExit TabError TypeError UnboundLocalError UnicodeDecodeError
UnicodeEncodeError UnicodeError UnicodeTranslateError UnicodeWarning UserWarning ValueError
Warning ZeroDivisionError
""".split())

MULTIPROCESSING_EXCEPTIONS = ('AuthenticationError', 'BufferTooShort', 'ProcessError',
                              'TimeoutError')

PYTHON3_OSERROR_EXCEPTIONS = tuple("""
BrokenPipeError ChildProcessError ConnectionAbortedError ConnectionError
ConnectionRefusedError ConnectionResetError FileExistsError FileNotFoundError
InterruptedError IsADirectoryError NotADirectoryError PermissionError ProcessLookupError
TimeoutError
""".split())

PYTHON3_IMPORTERROR_EXCEPTIONS = ('ModuleNotFoundError',)


def _pairs(text):
    return [line.split() for line in text.strip().splitlines()]


IMPORT_MAPPING = {old: new for old, new in _pairs(_MUTUAL_MODULES)}
NAME_MAPPING = {(m2, n2): (m3, n3) for m2, n2, m3, n3 in _pairs(_MUTUAL_NAMES)}
for _name in PYTHON2_EXCEPTIONS:
    NAME_MAPPING[('exceptions', _name)] = ('builtins', _name)
for _name in MULTIPROCESSING_EXCEPTIONS:
    NAME_MAPPING[('multiprocessing', _name)] = ('multiprocessing.context', _name)

REVERSE_IMPORT_MAPPING = {new: old for old, new in IMPORT_MAPPING.items()}
REVERSE_NAME_MAPPING = {new: old for old, new in NAME_MAPPING.items()}

# One-way additions.
IMPORT_MAPPING.update({
    'cPickle': 'pickle', '_elementtree': 'xml.etree.ElementTree',
    'FileDialog': 'tkinter.filedialog', 'SimpleDialog': 'tkinter.simpledialog',
    'DocXMLRPCServer': 'xmlrpc.server', 'SimpleHTTPServer': 'http.server',
    'CGIHTTPServer': 'http.server',
    # broken pickles saved by old Python 3 versions
    'UserDict': 'collections', 'UserList': 'collections', 'UserString': 'collections',
    'whichdb': 'dbm', 'StringIO': 'io', 'cStringIO': 'io',
})
REVERSE_IMPORT_MAPPING.update({
    '_bz2': 'bz2', '_dbm': 'dbm', '_functools': 'functools', '_gdbm': 'gdbm',
    '_pickle': 'pickle',
})
NAME_MAPPING.update({
    ('__builtin__', 'basestring'): ('builtins', 'str'),
    ('exceptions', 'StandardError'): ('builtins', 'Exception'),
    ('UserDict', 'UserDict'): ('collections', 'UserDict'),
    ('socket', '_socketobject'): ('socket', 'SocketType'),
})
REVERSE_NAME_MAPPING[('_functools', 'reduce')] = ('__builtin__', 'reduce')
for _module, _name, _old_module in [
        ('tkinter.filedialog', 'FileDialog', 'FileDialog'),
        ('tkinter.filedialog', 'LoadFileDialog', 'FileDialog'),
        ('tkinter.filedialog', 'SaveFileDialog', 'FileDialog'),
        ('tkinter.simpledialog', 'SimpleDialog', 'SimpleDialog'),
        ('xmlrpc.server', 'ServerHTMLDoc', 'DocXMLRPCServer'),
        ('xmlrpc.server', 'XMLRPCDocGenerator', 'DocXMLRPCServer'),
        ('xmlrpc.server', 'DocXMLRPCRequestHandler', 'DocXMLRPCServer'),
        ('xmlrpc.server', 'DocXMLRPCServer', 'DocXMLRPCServer'),
        ('xmlrpc.server', 'DocCGIXMLRPCRequestHandler', 'DocXMLRPCServer'),
        ('http.server', 'SimpleHTTPRequestHandler', 'SimpleHTTPServer'),
        ('http.server', 'CGIHTTPRequestHandler', 'CGIHTTPServer')]:
    REVERSE_NAME_MAPPING[(_module, _name)] = (_old_module, _name)
REVERSE_NAME_MAPPING[('_socket', 'socket')] = ('socket', '_socketobject')
for _name in PYTHON3_OSERROR_EXCEPTIONS:
    REVERSE_NAME_MAPPING[('builtins', _name)] = ('exceptions', 'OSError')
for _name in PYTHON3_IMPORTERROR_EXCEPTIONS:
    REVERSE_NAME_MAPPING[('builtins', _name)] = ('exceptions', 'ImportError')
del _name, _module, _old_module
