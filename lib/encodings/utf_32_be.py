"""The utf-32-be codec (functions of the native _codecs module)."""

import codecs
from encodings._native import buffered

globals().update(buffered(__name__, 'utf-32-be', codecs.utf_32_be_encode, codecs.utf_32_be_decode))
