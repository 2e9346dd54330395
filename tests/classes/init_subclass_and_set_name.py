# __init_subclass__ and __set_name__.
class Plugin:
    plugins = []
    def __init_subclass__(cls, key=None, **kw):
        super().__init_subclass__(**kw)
        Plugin.plugins.append((cls.__name__, key))
class Csv(Plugin, key="csv"): pass
class Json(Plugin, key="json"): pass
class Field:
    def __set_name__(self, owner, name):
        self.name = owner.__name__ + "." + name
class Model:
    title = Field()
print(Plugin.plugins, Model.title.name)
