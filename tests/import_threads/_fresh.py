import _log

_log.runs.append(__name__)
OK = "fresh ok"
