"""Building blocks of the bytes-to-bytes codecs (hex, base64, zlib, quopri, uu): reachable
through codecs.encode/codecs.decode only (CodecInfo._is_text_encoding is False, so str.encode and
bytes.decode refuse them). Like CPython's, they support the 'strict' error mode only."""

from encodings._native import stateless


def make_codec(module, name, encode_fn, decode_fn):
    """encode_fn/decode_fn: bytes-like -> bytes, for whole inputs."""

    def encode(input, errors='strict'):
        assert errors == 'strict'
        return (encode_fn(input), len(input))

    def decode(input, errors='strict'):
        assert errors == 'strict'
        return (decode_fn(input), len(input))

    return stateless(module, name, encode, decode, text_encoding=False)
