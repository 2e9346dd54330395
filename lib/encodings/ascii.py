"""The ascii codec (functions of the native _codecs module)."""

import codecs
from encodings._native import stateless

globals().update(stateless(__name__, 'ascii', codecs.ascii_encode, codecs.ascii_decode))
