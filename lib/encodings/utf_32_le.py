"""The utf-32-le codec (functions of the native _codecs module)."""

import codecs
from encodings._native import buffered

globals().update(buffered(__name__, 'utf-32-le', codecs.utf_32_le_encode, codecs.utf_32_le_decode))
