"""Building blocks of the codecs whose work is done by functions of the native _codecs module
(ascii, latin-1, utf-16-le/be, utf-32-le/be, unicode-escape, raw-unicode-escape).

stateless(...) and buffered(...) return the names such a codec module exports (encode, decode,
Codec, IncrementalEncoder, IncrementalDecoder, StreamWriter, StreamReader, getregentry), with the
classes' __module__ and __qualname__ those of the codec module's own classes:
- stateless: decode_fn(input, errors) decodes every byte on its own (ascii, latin-1; with
  text_encoding=False also the bytes-to-bytes codecs of encodings._bytes_codec);
- buffered: decode_fn(input, errors, final) may leave an incomplete tail undecoded, which the
  incremental decoder keeps for the next call (codecs.BufferedIncrementalDecoder);
- with_bom: utf-16 and utf-32, whose byte order is given by a byte order mark.
"""

import codecs
import sys


def _exports(module, name, encode_fn, decode, codec_decode, incremental_decoder, reader_decode,
             text_encoding=True):
    class Codec(codecs.Codec):
        encode = staticmethod(encode_fn)
        decode = staticmethod(codec_decode)

    class IncrementalEncoder(codecs.IncrementalEncoder):
        def encode(self, input, final=False):
            return encode_fn(input, self.errors)[0]

    class StreamWriter(Codec, codecs.StreamWriter):
        if not text_encoding:
            charbuffertype = bytes

    class StreamReader(Codec, codecs.StreamReader):
        if not text_encoding:
            charbuffertype = bytes
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
            _is_text_encoding=text_encoding,
        )

    return dict(classes, encode=encode_fn, decode=decode, getregentry=getregentry)


def stateless(module, name, encode_fn, decode_fn, text_encoding=True):
    class IncrementalDecoder(codecs.IncrementalDecoder):
        def decode(self, input, final=False):
            return decode_fn(input, self.errors)[0]

    return _exports(module, name, encode_fn, decode_fn, decode_fn, IncrementalDecoder, None,
                    text_encoding)


def buffered(module, name, encode_fn, decode_fn):
    def decode(input, errors='strict'):
        return decode_fn(input, errors, True)

    def reader_decode(input, errors='strict'):
        return decode_fn(input, errors, False)

    class IncrementalDecoder(codecs.BufferedIncrementalDecoder):
        _buffer_decode = staticmethod(decode_fn)

    return _exports(module, name, encode_fn, decode, decode, IncrementalDecoder, reader_decode)


def with_bom(module, bits):
    """utf-16 / utf-32 (bits = 16 / 32): the encoder writes a BOM, then continues in the
    machine's byte order; the decoder's byte order is picked by the BOM (little endian without
    one); the stream reader insists on a BOM."""
    f = {kind: getattr(codecs, 'utf_%d_%s' % (bits, kind))
         for kind in ('encode', 'le_encode', 'be_encode', 'decode', 'ex_decode', 'le_decode',
                      'be_decode')}
    bom_size = bits // 8
    no_bom = 'UTF-%d stream does not start with BOM' % bits
    name = 'utf-%d' % bits

    def decode(input, errors='strict'):
        return f['decode'](input, errors, True)

    class IncrementalEncoder(codecs.IncrementalEncoder):
        def __init__(self, errors='strict'):
            codecs.IncrementalEncoder.__init__(self, errors)
            self.encoder = None  # chosen after the first call, which writes the BOM

        def encode(self, input, final=False):
            if self.encoder is None:
                result = f['encode'](input, self.errors)[0]
                self.encoder = (f['le_encode'] if sys.byteorder == 'little'
                                else f['be_encode'])
                return result
            return self.encoder(input, self.errors)[0]

        def reset(self):
            codecs.IncrementalEncoder.reset(self)
            self.encoder = None

        def getstate(self):
            # 2: the BOM is still to be written, 0: it was written.
            return 2 if self.encoder is None else 0

        def setstate(self, state):
            if state:
                self.encoder = None
            else:
                self.encoder = (f['le_encode'] if sys.byteorder == 'little'
                                else f['be_encode'])

    class IncrementalDecoder(codecs.BufferedIncrementalDecoder):
        def __init__(self, errors='strict'):
            codecs.BufferedIncrementalDecoder.__init__(self, errors)
            self.decoder = None  # chosen by the BOM

        def _buffer_decode(self, input, errors, final):
            if self.decoder is not None:
                return self.decoder(input, self.errors, final)
            output, consumed, byteorder = f['ex_decode'](input, errors, 0, final)
            if byteorder == -1:
                self.decoder = f['le_decode']
            elif byteorder == 1:
                self.decoder = f['be_decode']
            elif consumed >= bom_size:
                raise UnicodeError(no_bom)
            return (output, consumed)

        def reset(self):
            codecs.BufferedIncrementalDecoder.reset(self)
            self.decoder = None

        def getstate(self):
            state = codecs.BufferedIncrementalDecoder.getstate(self)[0]
            if self.decoder is None:
                return (state, 2)
            addstate = int((sys.byteorder == 'big') != (self.decoder is f['be_decode']))
            return (state, addstate)

        def setstate(self, state):
            codecs.BufferedIncrementalDecoder.setstate(self, state)
            state = state[1]
            if state == 0:
                self.decoder = (f['be_decode'] if sys.byteorder == 'big'
                                else f['le_decode'])
            elif state == 1:
                self.decoder = (f['le_decode'] if sys.byteorder == 'big'
                                else f['be_decode'])
            else:
                self.decoder = None

    class StreamWriter(codecs.StreamWriter):
        def __init__(self, stream, errors='strict'):
            codecs.StreamWriter.__init__(self, stream, errors)
            self.encoder = None

        def reset(self):
            codecs.StreamWriter.reset(self)
            self.encoder = None

        def encode(self, input, errors='strict'):
            if self.encoder is None:
                result = f['encode'](input, errors)
                self.encoder = (f['le_encode'] if sys.byteorder == 'little'
                                else f['be_encode'])
                return result
            return self.encoder(input, errors)

    class StreamReader(codecs.StreamReader):
        def reset(self):
            codecs.StreamReader.reset(self)
            try:
                del self.decode
            except AttributeError:
                pass

        def decode(self, input, errors='strict'):
            (object, consumed, byteorder) = f['ex_decode'](input, errors, 0, False)
            if byteorder == -1:
                self.decode = f['le_decode']
            elif byteorder == 1:
                self.decode = f['be_decode']
            elif consumed >= bom_size:
                raise UnicodeError(no_bom)
            return (object, consumed)

    classes = {'IncrementalEncoder': IncrementalEncoder, 'IncrementalDecoder': IncrementalDecoder,
               'StreamWriter': StreamWriter, 'StreamReader': StreamReader}
    for qualname, cls in classes.items():
        cls.__module__ = module
        cls.__qualname__ = qualname

    def getregentry():
        return codecs.CodecInfo(
            name=name,
            encode=f['encode'],
            decode=decode,
            incrementalencoder=IncrementalEncoder,
            incrementaldecoder=IncrementalDecoder,
            streamreader=StreamReader,
            streamwriter=StreamWriter,
        )

    return dict(classes, encode=f['encode'], decode=decode, getregentry=getregentry)
