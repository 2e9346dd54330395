# Lexical features that must parse: comments, continuation, unicode identifiers, soft keywords.
# comment at the start
x = 1  # trailing comment
très_bien = "unicode identifier"
π = 3.14159
match = "soft keyword used as a name"
case = type = _ = "names"
long_expr = (1 +
             2 +  # comment inside parens
             3)
backslash = 1 + \
    2
print(x, très_bien, π, match, case, long_expr, backslash, _)
if x:  # comment after colon
    pass
print(not not x, -(-x), x if x else None, [x for x in [x]], (lambda: x)())
