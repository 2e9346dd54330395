# String literal forms and escape sequences.
print('single', "double", '''triple
quoted''', """also "triple" """)
print('tab\tnew\\nline', r'raw\n\t', 'quote\'s', "dq\"s")
print('\x41\101\u00e9\U0001F600\N{GREEK SMALL LETTER ALPHA}')
print(len('\n'), len(r'\n'), len('\U0001F600'))
print('adjacent' ' literals' " concatenate")
print(repr('it\'s'), repr("say \"hi\""), repr('both \' and "'), repr('\x00\x7f\t\r\n'))
print(repr('é ü 😀 \u200b'), ascii('é ü 😀'))
