"""Building blocks of the bytes-to-bytes codecs (hex, base64, zlib, quopri, uu): reachable
through codecs.encode/codecs.decode only (CodecInfo._is_text_encoding is False, so str.encode and
bytes.decode refuse them). Like CPython's, they support the 'strict' error mode only."""

import codecs


def make_codec(name, encode_fn, decode_fn):
    """encode_fn/decode_fn: bytes-like -> bytes, for whole inputs."""

    def encode(input, errors='strict'):
        assert errors == 'strict'
        return (encode_fn(input), len(input))

    def decode(input, errors='strict'):
        assert errors == 'strict'
        return (decode_fn(input), len(input))

    class Codec(codecs.Codec):
        def encode(self, input, errors='strict'):
            return encode(input, errors)

        def decode(self, input, errors='strict'):
            return decode(input, errors)

    class IncrementalEncoder(codecs.IncrementalEncoder):
        def encode(self, input, final=False):
            assert self.errors == 'strict'
            return encode_fn(input)

    class IncrementalDecoder(codecs.IncrementalDecoder):
        def decode(self, input, final=False):
            assert self.errors == 'strict'
            return decode_fn(input)

    class StreamWriter(Codec, codecs.StreamWriter):
        charbuffertype = bytes

    class StreamReader(Codec, codecs.StreamReader):
        charbuffertype = bytes

    def getregentry():
        return codecs.CodecInfo(
            name=name,
            encode=encode,
            decode=decode,
            incrementalencoder=IncrementalEncoder,
            incrementaldecoder=IncrementalDecoder,
            streamwriter=StreamWriter,
            streamreader=StreamReader,
            _is_text_encoding=False,
        )

    return {'encode': encode, 'decode': decode, 'Codec': Codec,
            'IncrementalEncoder': IncrementalEncoder, 'IncrementalDecoder': IncrementalDecoder,
            'StreamWriter': StreamWriter, 'StreamReader': StreamReader,
            'getregentry': getregentry}
