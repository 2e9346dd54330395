"""The quopri codec: bytes <-> quoted-printable with tabs and spaces quoted
(binascii.b2a_qp(quotetabs=True) / a2b_qp)."""

import binascii
from encodings._bytes_codec import make_codec


def _encode(input):
    return binascii.b2a_qp(bytes(input), quotetabs=True)


def _decode(input):
    return binascii.a2b_qp(bytes(input))


globals().update(make_codec(__name__, 'quopri', _encode, _decode))
