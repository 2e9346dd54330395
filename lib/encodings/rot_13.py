"""The rot13 codec: str -> str, letters rotated by 13 places (codecs.encode/decode only)."""

import codecs

_map = {c: c for c in range(256)}
for _first in (ord('A'), ord('a')):
    for _i in range(26):
        _map[_first + _i] = _first + (_i + 13) % 26
del _first, _i


def rot13(infile, outfile):
    outfile.write(codecs.encode(infile.read(), 'rot-13'))


def _rot(input):
    return str.translate(input, _map)


class Codec(codecs.Codec):
    def encode(self, input, errors='strict'):
        return (_rot(input), len(input))

    def decode(self, input, errors='strict'):
        return (_rot(input), len(input))


class IncrementalEncoder(codecs.IncrementalEncoder):
    def encode(self, input, final=False):
        return _rot(input)


class IncrementalDecoder(codecs.IncrementalDecoder):
    def decode(self, input, final=False):
        return _rot(input)


class StreamWriter(Codec, codecs.StreamWriter):
    pass


class StreamReader(Codec, codecs.StreamReader):
    pass


def getregentry():
    return codecs.CodecInfo(
        name='rot-13',
        encode=Codec().encode,
        decode=Codec().decode,
        incrementalencoder=IncrementalEncoder,
        incrementaldecoder=IncrementalDecoder,
        streamwriter=StreamWriter,
        streamreader=StreamReader,
        _is_text_encoding=False,
    )
