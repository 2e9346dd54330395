"""The unicode-escape codec (functions of the native _codecs module)."""

import codecs
from encodings._native import buffered

globals().update(buffered(__name__, 'unicode-escape', codecs.unicode_escape_encode, codecs.unicode_escape_decode))
