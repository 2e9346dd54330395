# A custom AttributeError raised by __getattr__, uncaught.
class Record:
    def __init__(self, **fields): self._fields = fields
    def __getattr__(self, name):
        try:
            return self._fields[name]
        except KeyError:
            raise AttributeError(f"record has no field {name!r}") from None
r = Record(id=1, name="widget")
print(r.id, r.name)
r.price
