"""The zlib codec: bytes <-> zlib-compressed bytes. The incremental codecs stream through
compression objects."""

import codecs
import zlib
from encodings._bytes_codec import make_codec

globals().update(make_codec(__name__, 'zlib', zlib.compress, zlib.decompress))


class IncrementalEncoder(codecs.IncrementalEncoder):
    def __init__(self, errors='strict'):
        assert errors == 'strict'
        self.errors = errors
        self.compressobj = zlib.compressobj()

    def encode(self, input, final=False):
        if final:
            c = self.compressobj.compress(input)
            return c + self.compressobj.flush()
        return self.compressobj.compress(input)

    def reset(self):
        self.compressobj = zlib.compressobj()


class IncrementalDecoder(codecs.IncrementalDecoder):
    def __init__(self, errors='strict'):
        assert errors == 'strict'
        self.errors = errors
        self.decompressobj = zlib.decompressobj()

    def decode(self, input, final=False):
        if final:
            c = self.decompressobj.decompress(input)
            return c + self.decompressobj.flush()
        return self.decompressobj.decompress(input)

    def reset(self):
        self.decompressobj = zlib.decompressobj()


def getregentry():
    return codecs.CodecInfo(
        name='zlib',
        encode=encode,
        decode=decode,
        incrementalencoder=IncrementalEncoder,
        incrementaldecoder=IncrementalDecoder,
        streamreader=StreamReader,
        streamwriter=StreamWriter,
        _is_text_encoding=False,
    )
