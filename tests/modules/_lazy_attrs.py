requested = []


def __getattr__(name):
    requested.append(name)
    if name.startswith("lazy_"):
        return name.upper()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
