"""The utf-16-le codec (functions of the native _codecs module)."""

import codecs
from encodings._native import buffered

globals().update(buffered(__name__, 'utf-16-le', codecs.utf_16_le_encode, codecs.utf_16_le_decode))
