# __getattr__ is called only for missing attributes; __setattr__ intercepts all sets.
class Proxy:
    def __init__(self, target):
        object.__setattr__(self, "_target", target)
        object.__setattr__(self, "log", [])
    def __getattr__(self, name):
        self.log.append(name)
        return getattr(self._target, name)
    def __setattr__(self, name, value):
        self.log.append("set " + name)
        setattr(self._target, name, value)
class T: pass
target = T()
p = Proxy(target)
p.color = "red"
print(p.color, target.color, p.log)
try:
    p.missing
except AttributeError as e:
    print(type(e).__name__, e)
