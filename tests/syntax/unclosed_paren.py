# SyntaxError: '(' was never closed
values = (1, 2,
total = 3
