"""The utf-16-be codec (functions of the native _codecs module)."""

import codecs
from encodings._native import buffered

globals().update(buffered(__name__, 'utf-16-be', codecs.utf_16_be_encode, codecs.utf_16_be_decode))
