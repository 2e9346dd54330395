# "\N{...}" escapes in string literals use the full name database (aliases too, not named
# sequences, any ASCII case); bad names are SyntaxErrors with CPython's message.
print(ascii("\N{BULLET}"), ascii("\N{bullet}"), ascii("\N{GRINNING FACE}"), ascii("\N{NUL}"),
      ascii("\N{BYTE ORDER MARK}"), ascii("\N{HANGUL SYLLABLE GAG}"), ascii("\N{CJK UNIFIED IDEOGRAPH-4E00}"),
      ascii("\N{CJK COMPATIBILITY IDEOGRAPH-F900}"), ascii("\N{LATIN CAPITAL LETTER GHA}"),
      ascii("x\N{SPACE}y\N{EM DASH}z"), ascii(f"\N{BULLET} {1+1}"), ascii(r"\N{BULLET}"),
      ascii("\N{VS256}"))
for src in [r'"\N{NOT A NAME}"', r'"\N{KEYCAP NUMBER SIGN}"', r'"\N{}"', r'"\N{BULLET"', r'"\N"',
            r'"ab\N{LATIN SMALL LETTER Q WITH TILDE}"', r'"\N{hangul syllable ga}"',
            r'"\N{CJK UNIFIED IDEOGRAPH-4e00}"', r'f"\N{NOPE}"']:
    try:
        print(ascii(eval(src)))
    except SyntaxError as e:
        print(src, "->", type(e).__name__, e.msg)
