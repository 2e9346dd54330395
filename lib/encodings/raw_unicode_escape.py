"""The raw-unicode-escape codec (functions of the native _codecs module)."""

import codecs
from encodings._native import buffered

globals().update(buffered(__name__, 'raw-unicode-escape', codecs.raw_unicode_escape_encode, codecs.raw_unicode_escape_decode))
