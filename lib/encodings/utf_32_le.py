"""The utf-32-le codec (functions of the native _codecs module)."""

import codecs

encode = codecs.utf_32_le_encode


def decode(input, errors='strict'):
    return codecs.utf_32_le_decode(input, errors, True)


class Codec(codecs.Codec):
    encode = staticmethod(codecs.utf_32_le_encode)
    decode = staticmethod(decode)


class IncrementalEncoder(codecs.IncrementalEncoder):
    def encode(self, input, final=False):
        return codecs.utf_32_le_encode(input, self.errors)[0]


class IncrementalDecoder(codecs.BufferedIncrementalDecoder):
    _buffer_decode = codecs.utf_32_le_decode


class StreamWriter(Codec, codecs.StreamWriter):
    pass


class StreamReader(Codec, codecs.StreamReader):
    def decode(self, input, errors='strict'):
        return codecs.utf_32_le_decode(input, errors, False)


def getregentry():
    return codecs.CodecInfo(
        name='utf-32-le',
        encode=encode,
        decode=decode,
        incrementalencoder=IncrementalEncoder,
        incrementaldecoder=IncrementalDecoder,
        streamreader=StreamReader,
        streamwriter=StreamWriter,
    )
