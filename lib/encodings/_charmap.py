"""Building blocks of the single-byte codepage codecs (cp1252, iso8859_15, koi8_r, ...).

make_codec(name, decoding_table) returns the names a codec module exports: the decoding table is
a 256-character str ('\ufffe' marks an undefined byte), the encoding table is built from it by
the native charmap_build, and the charmap_encode/charmap_decode functions of _codecs do the work.
"""

import codecs


def make_codec(name, decoding_table):
    encoding_table = codecs.charmap_build(decoding_table)

    class Codec(codecs.Codec):
        def encode(self, input, errors='strict'):
            return codecs.charmap_encode(input, errors, encoding_table)

        def decode(self, input, errors='strict'):
            return codecs.charmap_decode(input, errors, decoding_table)

    class IncrementalEncoder(codecs.IncrementalEncoder):
        def encode(self, input, final=False):
            return codecs.charmap_encode(input, self.errors, encoding_table)[0]

    class IncrementalDecoder(codecs.IncrementalDecoder):
        def decode(self, input, final=False):
            return codecs.charmap_decode(input, self.errors, decoding_table)[0]

    class StreamWriter(Codec, codecs.StreamWriter):
        pass

    class StreamReader(Codec, codecs.StreamReader):
        pass

    def getregentry():
        return codecs.CodecInfo(
            name=name,
            encode=Codec().encode,
            decode=Codec().decode,
            incrementalencoder=IncrementalEncoder,
            incrementaldecoder=IncrementalDecoder,
            streamreader=StreamReader,
            streamwriter=StreamWriter,
        )

    return {'Codec': Codec, 'IncrementalEncoder': IncrementalEncoder,
            'IncrementalDecoder': IncrementalDecoder, 'StreamWriter': StreamWriter,
            'StreamReader': StreamReader, 'getregentry': getregentry,
            'decoding_table': decoding_table, 'encoding_table': encoding_table}
