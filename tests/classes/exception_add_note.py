# add_note() appends to __notes__; the notes must be strings.
class ParseError(Exception): pass
e = ParseError("bad token")
print(hasattr(e, "__notes__"))
e.add_note("while parsing line 3")
e.add_note("in file config.ini")
print(e.__notes__, str(e), e.args)
try:
    e.add_note(42)
except TypeError as err:
    print(type(err).__name__, err)
try:
    try:
        raise ValueError("inner")
    except ValueError as inner:
        inner.add_note("added in handler")
        raise
except ValueError as caught:
    print(caught.__notes__)
e2 = KeyError("k")
e2.__notes__ = ["replaced list"]
e2.add_note("appended")
print(e2.__notes__)
e3 = Exception()
e3.__notes__ = "not a list"
try:
    e3.add_note("x")
except TypeError as err:
    print(type(err).__name__, err)
class Sub(ParseError):
    def add_note(self, note):
        super().add_note(note.upper())
s = Sub()
s.add_note("shouting")
print(s.__notes__)
