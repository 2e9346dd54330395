# When __str__ of an uncaught exception itself raises, the traceback says so.
class Broken(Exception):
    def __str__(self):
        raise RuntimeError("no str for you")
print("raising")
raise Broken("payload")
