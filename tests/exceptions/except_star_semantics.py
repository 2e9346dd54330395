# except* (PEP 654): matching, splitting, what is re-raised, and the errors.
import sys

def show(eg, indent=""):
    if isinstance(eg, BaseExceptionGroup):
        print(f"{indent}{type(eg).__name__}({eg.message!r})")
        for e in eg.exceptions:
            show(e, indent + "  ")
    else:
        print(f"{indent}{type(eg).__name__}({eg})")

def run(title, body):
    print("--", title)
    try:
        body()
    except BaseException as e:
        print("escaped:")
        show(e, "  ")

def handlers_in_order():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), ValueError(3), KeyError(4)])
    except* ValueError as g:
        print("ValueError handler:", type(g).__name__, [str(x) for x in g.exceptions])
        print("sys.exception() is the match:", sys.exception() is g)
    except* (TypeError, KeyError) as g:
        print("Type/Key handler:", [repr(x) for x in g.exceptions])
    print("after")
run("handlers run in order, each on what is left", handlers_in_order)

def unhandled_rest():
    try:
        raise ExceptionGroup("eg", [ValueError(1), OSError("os")])
    except* ValueError:
        print("handled the ValueError")
run("the unhandled rest propagates", unhandled_rest)

def naked():
    try:
        raise ValueError("naked")
    except* ValueError as g:
        print("wrapped:", type(g).__name__, repr(g.message), g.exceptions)
run("a naked exception is wrapped", naked)

def naked_unmatched():
    try:
        raise KeyError("k")
    except* ValueError:
        print("not here")
run("a naked exception that does not match is re-raised as itself", naked_unmatched)

def raise_in_handler():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise RuntimeError("from handler")
    except* TypeError:
        print("TypeError handled")
run("an exception raised in a handler joins a new group", raise_in_handler)

def reraise_in_handler():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise
    except* TypeError:
        raise
run("bare raise re-raises the original structure", reraise_in_handler)

def mixed():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), ExceptionGroup("sub", [ValueError(3)])])
    except* ValueError:
        raise
    except* TypeError as g:
        raise KeyError("new") from g
run("raised and re-raised together", mixed)

def with_else_finally():
    for exc in (None, ExceptionGroup("x", [ValueError()])):
        try:
            if exc:
                raise exc
        except* ValueError:
            print("caught")
        else:
            print("else")
        finally:
            print("finally")
run("else and finally", with_else_finally)

def bad_type():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ExceptionGroup:
        pass
run("except* ExceptionGroup", bad_type)

def bad_type2():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* (ValueError, BaseExceptionGroup):
        pass
run("except* with a tuple holding a group type", bad_type2)

def not_exc_type():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* 42:
        pass
run("except* 42", not_exc_type)

def metadata():
    eg = ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    eg.add_note("a note")
    try:
        try:
            raise eg
        except* ValueError as g:
            print("match notes:", g.__notes__, g.__notes__ is eg.__notes__)
            print("same traceback:", g.__traceback__ is eg.__traceback__)
    except* TypeError as g:
        print("rest notes:", g.__notes__)
run("split copies notes and traceback", metadata)

def name_cleared():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ValueError as g:
        pass
    try:
        g
    except NameError as e:
        print("NameError", e)
run("the 'as' name is deleted after the handler", name_cleared)

def nested():
    try:
        try:
            raise ExceptionGroup("outer", [ValueError(1), ExceptionGroup("inner", [TypeError(2), ValueError(3)])])
        except* TypeError as g:
            show(g, "  inner handler: ")
    except* ValueError as g:
        show(g, "  outer handler: ")
run("nested try/except*", nested)

def base_exc():
    try:
        raise BaseExceptionGroup("b", [KeyboardInterrupt(), ValueError(1)])
    except* KeyboardInterrupt:
        print("KeyboardInterrupt handled")
run("BaseExceptionGroup", base_exc)

for src in ("for x in y:\n    try:\n        pass\n    except* ValueError:\n        break\n",
            "for x in y:\n    try:\n        pass\n    except* ValueError:\n        continue\n",
            "def f():\n    try:\n        pass\n    except* ValueError:\n        return 1\n"):
    try:
        compile(src, "<s>", "exec")
    except SyntaxError as e:
        print("SyntaxError:", e.msg, e.lineno)
