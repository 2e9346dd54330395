# Package/module attributes: __path__, __package__, __spec__; submodules become parent attributes.
import os
import zoo
print(zoo.__name__, zoo.__package__, zoo.__spec__.name, zoo.__spec__.parent, os.path.basename(zoo.__file__))
print(type(zoo.__path__).__name__, [os.path.basename(p) for p in zoo.__path__])
print(hasattr(zoo, "animals"))
from zoo import animals
print(hasattr(zoo, "animals"), animals.__package__, animals.__spec__.parent)
import zoo.animals.dogs
print(zoo.animals.dogs.__package__, zoo.animals.dogs.__spec__.parent, hasattr(zoo.animals.dogs, "__path__"))
print(os.path.relpath(zoo.animals.dogs.__file__), zoo.keepers.__spec__.submodule_search_locations)
