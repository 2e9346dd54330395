print("init zoo")
NAME = "zoo"
from . import keepers
from .keepers import head_keeper as boss
