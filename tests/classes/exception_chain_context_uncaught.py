# Implicit chaining (an exception raised while handling another) printed in full.
class CleanupError(Exception):
    def __str__(self):
        return "cleanup failed: " + self.args[0]
def process():
    raise LookupError("record 7")
def run():
    try:
        process()
    except LookupError:
        raise CleanupError("temp files")
run()
