import textwrap

class Noisy:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name, "textwrap:", textwrap is not None)

public = Noisy("b.public")
_private = Noisy("b._private")
__dunder__ = Noisy("b.__dunder__")
last = Noisy("b.last")
