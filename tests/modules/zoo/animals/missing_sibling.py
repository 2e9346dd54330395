from .unicorns import horn
