"""The iso8859-1 codec (functions of the native _codecs module)."""

import codecs
from encodings._native import stateless

globals().update(stateless(__name__, 'iso8859-1', codecs.latin_1_encode, codecs.latin_1_decode))
