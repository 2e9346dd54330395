# User-defined exception classes.
class AppError(Exception):
    pass
class ConfigError(AppError):
    def __init__(self, key, msg="missing"):
        super().__init__(f"{key}: {msg}")
        self.key = key
try:
    raise ConfigError("port")
except AppError as e:
    print(type(e).__name__, e, e.key, e.args, isinstance(e, Exception))
print([c.__name__ for c in ConfigError.__mro__])
