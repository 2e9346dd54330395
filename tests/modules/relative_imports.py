# Relative imports inside a package resolve against __package__.
from shapes.sub.deep import info
from shapes.square import compare
print(info(), compare(5))
