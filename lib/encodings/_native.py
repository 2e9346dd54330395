"""Building blocks of the codecs whose work is done by functions of the native _codecs module
(ascii, latin-1, utf-16-le/be, utf-32-le/be, unicode-escape, raw-unicode-escape).

stateless(...) and buffered(...) return the names such a codec module exports (encode, decode,
Codec, IncrementalEncoder, IncrementalDecoder, StreamWriter, StreamReader, getregentry), with the
classes' __module__ and __qualname__ those of the codec module's own classes:
- stateless: decode_fn(input, errors) decodes every byte on its own (ascii, latin-1);
- buffered: decode_fn(input, errors, final) may leave an incomplete tail undecoded, which the
  incremental decoder keeps for the next call (codecs.BufferedIncrementalDecoder).
"""

import codecs


def _exports(module, name, encode_fn, decode, codec_decode, incremental_decoder, reader_decode):
    class Codec(codecs.Codec):
        encode = staticmethod(encode_fn)
        decode = staticmethod(codec_decode)

    class IncrementalEncoder(codecs.IncrementalEncoder):
        def encode(self, input, final=False):
            return encode_fn(input, self.errors)[0]

    class StreamWriter(Codec, codecs.StreamWriter):
        pass

    class StreamReader(Codec, codecs.StreamReader):
        if reader_decode is not None:
            decode = staticmethod(reader_decode)

    classes = {'Codec': Codec, 'IncrementalEncoder': IncrementalEncoder,
               'IncrementalDecoder': incremental_decoder, 'StreamWriter': StreamWriter,
               'StreamReader': StreamReader}
    for qualname, cls in classes.items():
        cls.__module__ = module
        cls.__qualname__ = qualname

    def getregentry():
        return codecs.CodecInfo(
            name=name,
            encode=encode_fn,
            decode=decode,
            incrementalencoder=IncrementalEncoder,
            incrementaldecoder=incremental_decoder,
            streamreader=StreamReader,
            streamwriter=StreamWriter,
        )

    return dict(classes, encode=encode_fn, decode=decode, getregentry=getregentry)


def stateless(module, name, encode_fn, decode_fn):
    class IncrementalDecoder(codecs.IncrementalDecoder):
        def decode(self, input, final=False):
            return decode_fn(input, self.errors)[0]

    return _exports(module, name, encode_fn, decode_fn, decode_fn, IncrementalDecoder, None)


def buffered(module, name, encode_fn, decode_fn):
    def decode(input, errors='strict'):
        return decode_fn(input, errors, True)

    def reader_decode(input, errors='strict'):
        return decode_fn(input, errors, False)

    class IncrementalDecoder(codecs.BufferedIncrementalDecoder):
        _buffer_decode = staticmethod(decode_fn)

    return _exports(module, name, encode_fn, decode, decode, IncrementalDecoder, reader_decode)
