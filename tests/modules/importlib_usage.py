# importlib.import_module with absolute and relative names.
import importlib
m = importlib.import_module("shapes.circle")
rel = importlib.import_module(".square", package="shapes")
print(m.area(1), rel.area(2), m.__name__, rel.__name__)
try:
    importlib.import_module("shapes.missing")
except ModuleNotFoundError as e:
    print(type(e).__name__, e)
