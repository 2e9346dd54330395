"""The base64 codec: bytes <-> MIME base64 (lines of 76 characters, as base64.encodebytes)."""

import base64
from encodings._bytes_codec import make_codec

globals().update(make_codec(__name__, 'base64', base64.encodebytes, base64.decodebytes))
