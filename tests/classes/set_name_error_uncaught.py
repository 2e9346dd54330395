# An exception from __set_name__ propagates with a note naming the descriptor.
class Validator:
    def __set_name__(self, owner, name):
        if not name.islower():
            raise ValueError(f"field names must be lowercase: {name}")
class Record:
    ok = Validator()
    NotOk = Validator()
