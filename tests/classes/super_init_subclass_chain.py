# __init_subclass__ is an implicit classmethod; super() chains it through the MRO.
class Registry:
    seen = []
    def __init_subclass__(cls, **kwargs):
        Registry.seen.append(("Registry", cls.__name__, sorted(kwargs)))
        super().__init_subclass__(**kwargs)
class Tagged(Registry):
    def __init_subclass__(cls, tag="none", **kwargs):
        cls.tag = tag
        Registry.seen.append(("Tagged", cls.__name__, tag))
        super().__init_subclass__(**kwargs)
class One(Tagged, tag="first"): pass
class Two(One): pass
class Three(Tagged): pass
for entry in Registry.seen:
    print(entry)
print(One.tag, Two.tag, Three.tag, hasattr(Tagged, "tag"))
print(type(vars(Tagged)["__init_subclass__"]).__name__)
try:
    class Four(Tagged, tag="x", colour="red"): pass
except TypeError as e:
    print(type(e).__name__, e)
