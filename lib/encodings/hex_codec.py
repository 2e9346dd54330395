"""The hex codec: bytes <-> hexadecimal digits (binascii.b2a_hex / a2b_hex)."""

import binascii
from encodings._bytes_codec import make_codec

globals().update(make_codec(__name__, 'hex', binascii.b2a_hex, binascii.a2b_hex))
