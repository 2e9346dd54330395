"""Test helper: hide the run time in unittest's "Ran N tests in X.XXXs" line on stderr,
so that the output of `-m unittest` is deterministic. Imported by the test modules."""
import re
import sys


class _ScrubbedStream:
    def __init__(self, stream):
        self._stream = stream

    def write(self, text):
        return self._stream.write(re.sub(r'(Ran \d+ tests? in )\d+\.\d+s', r'\1<time>', text))

    def __getattr__(self, name):
        return getattr(self._stream, name)


if not isinstance(sys.stderr, _ScrubbedStream):
    sys.stderr = _ScrubbedStream(sys.stderr)
