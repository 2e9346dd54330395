# An uncaught metaclass conflict.
class M1(type): pass
class M2(type): pass
class One(metaclass=M1): pass
class Two(metaclass=M2): pass
class Both(One, Two): pass
