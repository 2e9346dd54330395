# textwrap: wrap, fill, shorten, dedent, indent, TextWrapper options
import textwrap

text = ("The quick brown fox jumps over the lazy dog. Pack my box with five dozen liquor jugs! "
        "A well-known, long-winded sentence--with dashes--and a supercalifragilisticexpialidocious word.")
print(textwrap.wrap(text, width=30))
print(textwrap.fill(text, width=40))
print(textwrap.fill(text, width=25, initial_indent='* ', subsequent_indent='  '))
print(textwrap.wrap('short'), textwrap.wrap(''), textwrap.wrap('   '))
print(textwrap.wrap('a-very-long-hyphenated-compound-word here', width=10))
print(textwrap.wrap('a-very-long-hyphenated-compound-word here', width=10, break_on_hyphens=False))
print(textwrap.wrap('abcdefghijklmnopqrstuvwxyz', width=8), textwrap.wrap('abcdefghij xy', width=4, break_long_words=False))
print(textwrap.wrap('tab\there and\nnewline', width=12), textwrap.wrap('tab\there', width=20, expand_tabs=False))
print(textwrap.fill('Hello there. How are you? Fine.', width=80, fix_sentence_endings=True))
print(textwrap.wrap(text, width=20, max_lines=3), textwrap.wrap(text, width=20, max_lines=2, placeholder='...'))
print(textwrap.shorten('Hello  world!   This is a test', width=15), textwrap.shorten('Hello world', width=11))
print(repr(textwrap.shorten('Hello world, this is long', width=12, placeholder=' [more]')))
print(repr(textwrap.dedent('''
    def f():
        return 1
      odd
    ''')))
print(repr(textwrap.dedent('  a\n\tb\n')), repr(textwrap.dedent('  x\n  \n  y')))
print(repr(textwrap.indent('a\nb\n\nc', '> ')), repr(textwrap.indent('a\n\nb', '+', lambda l: True)))
w = textwrap.TextWrapper(width=15, drop_whitespace=False)
print(w.wrap('one two  three   four'))
try:
    textwrap.wrap('x', width=0)
except ValueError as e:
    print('ValueError', e)
try:
    textwrap.wrap('hello world', width=5, max_lines=1, placeholder=' [......]')
except ValueError as e:
    print('ValueError', e)
