# A chained user exception (raise from) printed in full when uncaught.
class StorageError(Exception):
    pass
class ReadError(StorageError):
    def __init__(self, path):
        super().__init__(f"cannot read {path}")
def read(path):
    raise ReadError(path)
def load():
    try:
        read("data.bin")
    except StorageError as e:
        raise RuntimeError("load failed") from e
load()
