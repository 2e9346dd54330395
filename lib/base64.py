"""Base16, Base32, Base64 (RFC 3548), Base85 and Ascii85 data encodings.

Base64 and hex go through the native binascii module; Base32, Base85 and Ascii85 are done here
on 5-byte / 4-byte groups held in Python ints. Decoders accept bytes-like objects and ASCII-only
str; the error types and messages are CPython's (binascii.Error for malformed Base16/32/64 data,
ValueError for Base85/Ascii85).
"""

import binascii

__all__ = [
    'encode', 'decode', 'encodebytes', 'decodebytes',
    'b64encode', 'b64decode', 'b32encode', 'b32decode',
    'b32hexencode', 'b32hexdecode', 'b16encode', 'b16decode',
    'b85encode', 'b85decode', 'a85encode', 'a85decode',
    'standard_b64encode', 'standard_b64decode',
    'urlsafe_b64encode', 'urlsafe_b64decode',
]

bytes_types = (bytes, bytearray)


def _bytes_from_decode_data(s):
    if isinstance(s, str):
        try:
            return s.encode('ascii')
        except UnicodeEncodeError:
            raise ValueError('string argument should contain only ASCII characters')
    if isinstance(s, bytes_types):
        return s
    try:
        return memoryview(s).tobytes()
    except TypeError:
        raise TypeError("argument should be a bytes-like object or ASCII "
                        "string, not %r" % s.__class__.__name__) from None


# ---- Base64 ------------------------------------------------------------------------------------

def b64encode(s, altchars=None):
    """Encode the bytes-like object s with Base64; altchars (2 bytes) replaces '+' and '/'."""
    encoded = binascii.b2a_base64(s, newline=False)
    if altchars is not None:
        assert len(altchars) == 2, repr(altchars)
        return encoded.translate(bytes.maketrans(b'+/', altchars))
    return encoded


def b64decode(s, altchars=None, validate=False):
    """Decode the Base64 bytes-like object or ASCII string s. Characters outside the alphabet are
    discarded unless validate is true (then they raise binascii.Error)."""
    s = _bytes_from_decode_data(s)
    if altchars is not None:
        altchars = _bytes_from_decode_data(altchars)
        assert len(altchars) == 2, repr(altchars)
        s = s.translate(bytes.maketrans(altchars, b'+/'))
    return binascii.a2b_base64(s, strict_mode=validate)


def standard_b64encode(s):
    return b64encode(s)


def standard_b64decode(s):
    return b64decode(s)


_urlsafe_encode_translation = bytes.maketrans(b'+/', b'-_')
_urlsafe_decode_translation = bytes.maketrans(b'-_', b'+/')


def urlsafe_b64encode(s):
    """Base64 with '-' and '_' instead of '+' and '/'."""
    return b64encode(s).translate(_urlsafe_encode_translation)


def urlsafe_b64decode(s):
    s = _bytes_from_decode_data(s)
    s = s.translate(_urlsafe_decode_translation)
    return b64decode(s)


# ---- Base32 ------------------------------------------------------------------------------------

_B32ALPHABET = b'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
_B32HEXALPHABET = b'0123456789ABCDEFGHIJKLMNOPQRSTUV'
_b32rev = {}

# Padding characters written for a final group of 1, 2, 3 or 4 bytes.
_B32_PADDING = {0: 0, 1: 6, 2: 4, 3: 3, 4: 1}
# Bytes decoded from a final group, by its number of padding characters.
_B32_TAIL = {1: 4, 3: 3, 4: 2, 6: 1}


def _b32encode(alphabet, s):
    if not isinstance(s, bytes_types):
        s = memoryview(s).tobytes()
    leftover = len(s) % 5
    if leftover:
        s = s + b'\0' * (5 - leftover)
    out = bytearray()
    for i in range(0, len(s), 5):
        group = int.from_bytes(s[i:i + 5], 'big')
        for shift in range(35, -1, -5):
            out.append(alphabet[(group >> shift) & 31])
    pads = _B32_PADDING[leftover]
    if pads:
        out[-pads:] = b'=' * pads
    return bytes(out)


def _b32decode(alphabet, s, casefold=False, map01=None):
    rev = _b32rev.get(alphabet)
    if rev is None:
        rev = _b32rev[alphabet] = {c: i for i, c in enumerate(alphabet)}
    s = _bytes_from_decode_data(s)
    if len(s) % 8:
        raise binascii.Error('Incorrect padding')
    if map01 is not None:
        map01 = _bytes_from_decode_data(map01)
        assert len(map01) == 1, repr(map01)
        s = s.translate(bytes.maketrans(b'01', b'O' + map01))
    if casefold:
        s = s.upper()
    length = len(s)
    s = s.rstrip(b'=')
    padchars = length - len(s)
    out = bytearray()
    group = 0
    for i in range(0, len(s), 8):
        group = 0
        for c in s[i:i + 8]:
            digit = rev.get(c)
            if digit is None:
                raise binascii.Error('Non-base32 digit found')
            group = (group << 5) | digit
        out += group.to_bytes(5, 'big')
    if padchars not in (0, 1, 3, 4, 6):
        raise binascii.Error('Incorrect padding')
    if padchars and out:
        group <<= 5 * padchars
        out[-5:] = group.to_bytes(5, 'big')[:_B32_TAIL[padchars]]
    return bytes(out)


def b32encode(s):
    """Encode the bytes-like object s with Base32 (RFC 4648 alphabet)."""
    return _b32encode(_B32ALPHABET, s)


def b32decode(s, casefold=False, map01=None):
    """Decode Base32; casefold accepts lower case, map01 maps the digit 0 to O and 1 to the
    given letter (I or L)."""
    return _b32decode(_B32ALPHABET, s, casefold, map01)


def b32hexencode(s):
    """Encode with the Extended Hex Base32 alphabet (RFC 4648 section 7)."""
    return _b32encode(_B32HEXALPHABET, s)


def b32hexdecode(s, casefold=False):
    return _b32decode(_B32HEXALPHABET, s, casefold)


# ---- Base16 ------------------------------------------------------------------------------------

_B16DIGITS = frozenset(b'0123456789ABCDEF')


def b16encode(s):
    """Encode the bytes-like object s with Base16 (upper-case hex)."""
    return binascii.hexlify(s).upper()


def b16decode(s, casefold=False):
    """Decode Base16; lower-case digits are accepted only with casefold."""
    s = _bytes_from_decode_data(s)
    if casefold:
        s = s.upper()
    if not _B16DIGITS.issuperset(s):
        raise binascii.Error('Non-base16 digit found')
    return binascii.unhexlify(s)


# ---- Ascii85 and Base85 ------------------------------------------------------------------------

_A85START = b"<~"
_A85END = b"~>"
_A85ALPHABET = bytes(range(33, 118))
_B85ALPHABET = (b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
                b"abcdefghijklmnopqrstuvwxyz!#$%&()*+-;<=>?@^_`{|}~")
_b85rev = None


def _85encode(b, alphabet, pad=False, foldnuls=False, foldspaces=False):
    if not isinstance(b, bytes_types):
        b = memoryview(b).tobytes()
    padding = (-len(b)) % 4
    if padding:
        b = b + b'\0' * padding
    chunks = []
    for i in range(0, len(b), 4):
        word = int.from_bytes(b[i:i + 4], 'big')
        if foldnuls and not word:
            chunks.append(b'z')
        elif foldspaces and word == 0x20202020:
            chunks.append(b'y')
        else:
            digits = bytearray(5)
            for k in range(4, -1, -1):
                word, digit = divmod(word, 85)
                digits[k] = alphabet[digit]
            chunks.append(bytes(digits))
    if padding and not pad:
        if chunks[-1] == b'z':
            chunks[-1] = alphabet[0:1] * 5
        chunks[-1] = chunks[-1][:-padding]
    return b''.join(chunks)


def a85encode(b, *, foldspaces=False, wrapcol=0, pad=False, adobe=False):
    """Encode the bytes-like object b with Ascii85: 'z' stands for four NULs, 'y' for four spaces
    when foldspaces; lines wrap at wrapcol; adobe adds the <~ ~> framing."""
    result = _85encode(b, _A85ALPHABET, pad, True, foldspaces)
    if adobe:
        result = _A85START + result
    if wrapcol:
        wrapcol = max(2 if adobe else 1, wrapcol)
        chunks = [result[i:i + wrapcol] for i in range(0, len(result), wrapcol)]
        if adobe and len(chunks[-1]) + 2 > wrapcol:
            chunks.append(b'')
        result = b'\n'.join(chunks)
    if adobe:
        result += _A85END
    return result


def a85decode(b, *, foldspaces=False, adobe=False, ignorechars=b' \t\n\r\v'):
    """Decode Ascii85 (bytes-like or ASCII str); characters in ignorechars are skipped."""
    b = _bytes_from_decode_data(b)
    if adobe:
        if not b.endswith(_A85END):
            raise ValueError("Ascii85 encoded byte sequences must end with {!r}".format(_A85END))
        b = b[2:-2] if b.startswith(_A85START) else b[:-2]
    out = bytearray()
    group = []
    for x in b + b'u' * 4:
        if 33 <= x <= 117:
            group.append(x)
            if len(group) == 5:
                acc = 0
                for d in group:
                    acc = acc * 85 + (d - 33)
                if acc > 0xffffffff:
                    raise ValueError('Ascii85 overflow')
                out += acc.to_bytes(4, 'big')
                group.clear()
        elif x == 122:  # 'z'
            if group:
                raise ValueError('z inside Ascii85 5-tuple')
            out += b'\0\0\0\0'
        elif foldspaces and x == 121:  # 'y'
            if group:
                raise ValueError('y inside Ascii85 5-tuple')
            out += b'    '
        elif x in ignorechars:
            continue
        else:
            raise ValueError('Non-Ascii85 digit found: %c' % x)
    padding = 4 - len(group)
    if padding:
        del out[-padding:]
    return bytes(out)


def b85encode(b, pad=False):
    """Encode the bytes-like object b with Base85 (the git/Mercurial alphabet)."""
    return _85encode(b, _B85ALPHABET, pad)


def b85decode(b):
    """Decode Base85 (bytes-like or ASCII str)."""
    global _b85rev
    if _b85rev is None:
        _b85rev = {c: i for i, c in enumerate(_B85ALPHABET)}
    b = _bytes_from_decode_data(b)
    padding = (-len(b)) % 5
    b = b + b'~' * padding
    out = bytearray()
    for i in range(0, len(b), 5):
        acc = 0
        for j, c in enumerate(b[i:i + 5]):
            digit = _b85rev.get(c)
            if digit is None:
                raise ValueError('bad base85 character at position %d' % (i + j))
            acc = acc * 85 + digit
        if acc > 0xffffffff:
            raise ValueError('base85 overflow in hunk starting at byte %d' % i)
        out += acc.to_bytes(4, 'big')
    if padding:
        del out[-padding:]
    return bytes(out)


# ---- the legacy interface (MIME lines) ---------------------------------------------------------

MAXLINESIZE = 76  # excluding the newline
MAXBINSIZE = (MAXLINESIZE // 4) * 3


def encode(input, output):
    """Encode the binary file object input into output, in lines of MAXLINESIZE characters."""
    while s := input.read(MAXBINSIZE):
        while len(s) < MAXBINSIZE and (more := input.read(MAXBINSIZE - len(s))):
            s += more
        output.write(binascii.b2a_base64(s))


def decode(input, output):
    """Decode the base64 lines of the binary file object input into output."""
    while line := input.readline():
        output.write(binascii.a2b_base64(line))


def _input_type_check(s):
    try:
        m = memoryview(s)
    except TypeError as err:
        raise TypeError("expected bytes-like object, not %s" % s.__class__.__name__) from err
    if m.format not in ('c', 'b', 'B'):
        raise TypeError("expected single byte elements, not %r from %s"
                        % (m.format, s.__class__.__name__))
    if m.ndim != 1:
        raise TypeError("expected 1-D data, not %d-D data from %s"
                        % (m.ndim, s.__class__.__name__))


def encodebytes(s):
    """Encode a bytes-like object into MIME base64 lines of 76 characters, each ending with a
    newline."""
    _input_type_check(s)
    pieces = [binascii.b2a_base64(s[i:i + MAXBINSIZE]) for i in range(0, len(s), MAXBINSIZE)]
    return b"".join(pieces)


def decodebytes(s):
    """Decode MIME base64 data (a bytes-like object)."""
    _input_type_check(s)
    return binascii.a2b_base64(s)


def main():
    """Command line: base64 [-h|-d|-e|-u] [file|-] encodes (or decodes) a file or stdin."""
    import sys
    usage = ("usage: %s [-h|-d|-e|-u] [file|-]\n"
             "        -h: print this help message and exit\n"
             "        -d, -u: decode\n"
             "        -e: encode (default)" % sys.argv[0])
    func = encode
    args = sys.argv[1:]
    flags = []
    while args and args[0].startswith('-') and args[0] != '-':
        opt = args.pop(0)
        if opt == '--':
            break
        flags.extend(opt[1:])
    for flag in flags:
        if flag not in 'hdeu':
            sys.stdout = sys.stderr
            print("option -%s not recognized" % flag)
            print(usage)
            sys.exit(2)
    for flag in flags:
        if flag == 'e':
            func = encode
        elif flag in 'du':
            func = decode
        else:
            print(usage)
            return
    if args and args[0] != '-':
        with open(args[0], 'rb') as f:
            func(f, sys.stdout.buffer)
    else:
        func(sys.stdin.buffer, sys.stdout.buffer)


if __name__ == '__main__':
    main()
