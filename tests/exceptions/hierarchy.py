# The builtin exception hierarchy.
pairs = [(ZeroDivisionError, ArithmeticError), (OverflowError, ArithmeticError), (KeyError, LookupError), (IndexError, LookupError),
         (UnboundLocalError, NameError), (RecursionError, RuntimeError), (NotImplementedError, RuntimeError), (FileNotFoundError, OSError),
         (UnicodeDecodeError, ValueError), (ModuleNotFoundError, ImportError), (IndentationError, SyntaxError), (TabError, IndentationError),
         (StopIteration, Exception), (KeyboardInterrupt, Exception), (SystemExit, BaseException), (GeneratorExit, Exception),
         (Exception, BaseException), (bool, int), (BrokenPipeError, ConnectionError), (DeprecationWarning, Warning), (KeyError, IndexError)]
for a, b in pairs:
    print(a.__name__, b.__name__, issubclass(a, b))
print(IOError is OSError, EnvironmentError is OSError)
