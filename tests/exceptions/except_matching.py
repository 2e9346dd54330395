# except clauses: tuples, base classes, first match wins, `as` name is cleared afterwards.
def classify(exc):
    try:
        raise exc
    except (KeyError, IndexError) as e:
        return "lookup-specific " + type(e).__name__
    except LookupError:
        return "lookup"
    except ArithmeticError as e:
        return "arith " + type(e).__name__
    except Exception:
        return "other"
for exc in (KeyError("k"), IndexError(), LookupError(), ZeroDivisionError(), OverflowError(), ValueError()):
    print(classify(exc))
try:
    1 / 0
except ZeroDivisionError as err:
    pass
try:
    err
except NameError as e:
    print(type(e).__name__, e)
