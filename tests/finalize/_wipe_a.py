import textwrap

class Noisy:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name, "textwrap:", textwrap is not None)

public = Noisy("a.public")
_private = Noisy("a._private")
__dunder__ = Noisy("a.__dunder__")
last = Noisy("a.last")
