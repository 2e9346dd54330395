# Importing a submodule runs each parent package's __init__ first, each exactly once.
import zoo.animals.cats
print("-- second import does nothing")
import zoo.animals.cats
import zoo
print(zoo.animals.cats.describe())
print("zoo" in globals(), "animals" in globals(), "cats" in globals())
import sys
print(sorted(k for k in sys.modules if k.startswith("zoo")))
print(zoo.boss, zoo.keepers.roster(), zoo.animals.KINDS)
