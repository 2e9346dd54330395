print("init zoo.animals.cats")
from ..keepers import head_keeper, roster
from . import dogs
from .dogs import bark
from .. import NAME as zoo_name
from . import KINDS
def describe():
    return f"cats of {zoo_name} kept by {head_keeper}; neighbours say {bark()}; kinds={KINDS}; roster={roster()}"
print("cats sees __name__", __name__, "__package__", __package__)
