# Importing a package runs its __init__; submodules become attributes.
import shapes
print(shapes.PACKAGE_CONST, shapes.circle_area(2), shapes.circle.PI)
import shapes.square
print(shapes.square.area(3), shapes.square.compare(2))
from shapes.sub import deep
print(deep.info())
print(shapes.__name__, shapes.__package__, shapes.square.__package__, shapes.square.__name__)
