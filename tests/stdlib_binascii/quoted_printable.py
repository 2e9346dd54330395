# binascii.b2a_qp / a2b_qp: quoting rules (=, high bytes, trailing whitespace, leading dots,
# tabs with quotetabs, header mode underscores), soft line breaks at 76 columns, CRLF files.
import binascii

cases = [
    b'plain text', b'a=b', b'caf\xc3\xa9', b'trailing space ', b'tab\tinside', b'end tab\t',
    b'line one \nline two\t\nthree', b'.\nstart dot', b'.', b'a.b', b'under_score and space',
    b'x' * 80, b'y' * 75 + b'=', b'crlf line \r\nnext\r\n', b'\x00\x01ctl', b'mixed\rcr\nlf',
]
for data in cases:
    print(repr(data))
    print('  ', binascii.b2a_qp(data))
    print('  ', binascii.b2a_qp(data, quotetabs=True), binascii.b2a_qp(data, header=True))
    print('  ', binascii.b2a_qp(data, istext=False))
    for flags in ({}, {'header': True}):
        enc = binascii.b2a_qp(data, **flags)
        print('   round trip', flags, binascii.a2b_qp(enc, **flags) == data)

for data in [b'a=3Db', b'=41=42', b'=4', b'=', b'soft=\nbreak', b'soft=\r\nbreak', b'a==b', b'=zz',
             b'=4g', 'str=20input', b'under_score', b'=\n', b'x=  \ny']:
    print(repr(data), binascii.a2b_qp(data), binascii.a2b_qp(data, header=True))

try:
    binascii.b2a_qp('text')
except TypeError as e:
    print('TypeError', e)
try:
    binascii.a2b_qp('\xe9')
except ValueError as e:
    print('ValueError', e)
