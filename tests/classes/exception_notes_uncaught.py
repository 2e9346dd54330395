# Notes are printed after the exception line of an uncaught exception.
class ConfigError(Exception):
    pass
def load():
    err = ConfigError("missing key 'port'")
    err.add_note("hint: add port=8080 to the [server] section")
    err.add_note("file: settings.ini")
    raise err
load()
