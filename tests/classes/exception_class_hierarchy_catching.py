# except clauses match by class hierarchy; tuples, order and re-raising a user hierarchy.
class AppError(Exception): pass
class DBError(AppError): pass
class ConnError(DBError): pass
class QueryError(DBError):
    def __init__(self, sql): super().__init__(sql); self.sql = sql
class UIError(AppError): pass
def classify(exc):
    try:
        raise exc
    except ConnError:
        return "connection"
    except (QueryError, UIError) as e:
        return "query-or-ui:" + type(e).__name__
    except DBError:
        return "generic db"
    except AppError as e:
        return "app:" + str(e)
    except Exception:
        return "other"
for exc in (ConnError(), QueryError("SELECT"), UIError(), DBError(), AppError("x"), ValueError(), ConnError):
    print(classify(exc))
print(issubclass(ConnError, AppError), isinstance(QueryError("q"), DBError), ConnError.__mro__[1].__name__)
errors = (KeyError, AppError)
try:
    raise UIError("tuple from a variable")
except errors as e:
    print("caught via", type(e).__name__)
class NotAnException: pass
try:
    try:
        raise ValueError("v")
    except NotAnException:
        print("unreachable")
except TypeError as e:
    print(type(e).__name__, e)
try:
    raise NotAnException()
except TypeError as e:
    print(type(e).__name__, e)
try:
    raise NotAnException
except TypeError as e:
    print(type(e).__name__, e)
class BadInit(Exception):
    def __init__(self): raise OSError("constructor failed")
try:
    raise BadInit
except OSError as e:
    print(type(e).__name__, e)
