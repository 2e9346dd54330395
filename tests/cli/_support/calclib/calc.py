"""A tiny calculator library tested by test_calc.py (run with -m unittest discover)."""


def tokenize(text):
    tokens, num = [], ''
    for ch in text:
        if ch.isdigit() or ch == '.':
            num += ch
            continue
        if num:
            tokens.append(float(num))
            num = ''
        if ch in '+-*/()':
            tokens.append(ch)
        elif not ch.isspace():
            raise ValueError(f'bad character {ch!r}')
    if num:
        tokens.append(float(num))
    return tokens


def evaluate(text):
    tokens = tokenize(text)
    pos = 0

    def expr():
        nonlocal pos
        value = term()
        while pos < len(tokens) and tokens[pos] in ('+', '-'):
            op = tokens[pos]
            pos += 1
            value = value + term() if op == '+' else value - term()
        return value

    def term():
        nonlocal pos
        value = factor()
        while pos < len(tokens) and tokens[pos] in ('*', '/'):
            op = tokens[pos]
            pos += 1
            rhs = factor()
            value = value * rhs if op == '*' else value / rhs
        return value

    def factor():
        nonlocal pos
        tok = tokens[pos]
        pos += 1
        if tok == '(':
            value = expr()
            pos += 1
            return value
        if tok == '-':
            return -factor()
        return tok

    result = expr()
    if pos != len(tokens):
        raise ValueError('trailing input')
    return result
