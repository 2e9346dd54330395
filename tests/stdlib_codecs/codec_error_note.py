# An exception raised inside a codec reached through the registry carries CPython 3.12's note
# "decoding with 'hex' codec failed", printed after the exception in the traceback.
import codecs

print(codecs.decode(b'4142', 'hex'))
codecs.decode(b'414', 'hex')
