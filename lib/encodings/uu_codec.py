"""The uu codec: bytes <-> uuencoded text with its "begin 666 <data>" header and "end"
trailer (binascii.b2a_uu / a2b_uu, 45 bytes per line)."""

import binascii
from encodings._bytes_codec import make_codec


def _encode(input, filename='<data>', mode=0o666):
    data = bytes(input)
    out = [b'begin %o %s\n' % (mode & 0o777, filename.replace('\n', '\\n').replace('\r', '\\r').encode())]
    for start in range(0, len(data), 45):
        out.append(binascii.b2a_uu(data[start:start + 45]))
    out.append(b' \nend\n')
    return b''.join(out)


def _decode(input):
    lines = iter(bytes(input).splitlines(keepends=True))
    for line in lines:
        if line[:5] == b'begin':
            break
    else:
        raise ValueError('Missing "begin" line in input data')
    out = []
    for line in lines:
        if not line or line == b'end\n':
            break
        try:
            data = binascii.a2b_uu(line)
        except binascii.Error:
            # Some encoders write a few bytes of garbage after the data: use the line's count.
            nbytes = (((line[0] - 32) & 63) * 4 + 5) // 3
            data = binascii.a2b_uu(line[:nbytes])
        out.append(data)
    else:
        raise ValueError('Truncated input data')
    return b''.join(out)


globals().update(make_codec(__name__, 'uu', _encode, _decode))
