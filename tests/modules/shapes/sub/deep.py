from .. import PACKAGE_CONST
from ..square import area
def info():
    return __name__, __package__, PACKAGE_CONST, area(3)
