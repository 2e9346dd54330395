"""Unix shell-style filename matching (gilpy).

fnmatch(name, pat) normalises case as os.path.normcase does (a no-op on POSIX);
fnmatchcase never does. Patterns: * any run, ? one character, [seq] a set,
[!seq] its complement. translate() gives the regular expression used.
"""
import os
import posixpath
import re

__all__ = ["filter", "fnmatch", "fnmatchcase", "translate"]

_cache = {}


def _compile(pat):
    key = (type(pat), pat)
    m = _cache.get(key)
    if m is None:
        if isinstance(pat, bytes):
            res = translate(str(pat, 'ISO-8859-1'))
            m = re.compile(res.encode('ISO-8859-1')).match
        else:
            m = re.compile(translate(pat)).match
        if len(_cache) > 256:
            _cache.clear()
        _cache[key] = m
    return m


def fnmatch(name, pat):
    name = os.path.normcase(name)
    pat = os.path.normcase(pat)
    return fnmatchcase(name, pat)


def fnmatchcase(name, pat):
    return _compile(pat)(name) is not None


def filter(names, pat):
    pat = os.path.normcase(pat)
    match = _compile(pat)
    result = []
    for name in names:
        if match(os.path.normcase(name)):
            result.append(name)
    return result


def _translate_set(pat, i, n):
    # pat[i] follows '['; return (regex, new index) or None when there is no closing ']'.
    j = i
    if j < n and pat[j] == '!':
        j += 1
    if j < n and pat[j] == ']':
        j += 1
    while j < n and pat[j] != ']':
        j += 1
    if j >= n:
        return None
    stuff = pat[i:j]
    if '-' not in stuff:
        stuff = stuff.replace('\\', r'\\')
    else:
        chunks = []
        k = i + 2 if pat[i] == '!' else i + 1
        start = i
        while True:
            k = pat.find('-', k, j)
            if k < 0:
                break
            chunks.append(pat[start:k])
            start = k + 1
            k = k + 3
        chunk = pat[start:j]
        if chunk:
            chunks.append(chunk)
        else:
            chunks[-1] += '-'
        # remove empty ranges (a-b with a > b)
        for c in range(len(chunks) - 1, 0, -1):
            if chunks[c - 1][-1] > chunks[c][0]:
                chunks[c - 1] = chunks[c - 1][:-1] + chunks[c][1:]
                del chunks[c]
        stuff = '-'.join(s.replace('\\', r'\\').replace('-', r'\-') for s in chunks)
    stuff = re.sub(r'([&~|])', r'\\\1', stuff)
    j += 1
    if not stuff:
        return '(?!)', j
    if stuff == '!':
        return '.', j
    if stuff[0] == '!':
        stuff = '^' + stuff[1:]
    elif stuff[0] in ('^', '['):
        stuff = '\\' + stuff
    return '[' + stuff + ']', j


def translate(pat):
    """Translate a shell pattern to a regular expression (as CPython 3.12 spells it)."""
    STAR = object()
    res = []
    i, n = 0, len(pat)
    while i < n:
        c = pat[i]
        i += 1
        if c == '*':
            if not res or res[-1] is not STAR:
                res.append(STAR)
        elif c == '?':
            res.append('.')
        elif c == '[':
            r = _translate_set(pat, i, n)
            if r is None:
                res.append('\\[')
            else:
                res.append(r[0])
                i = r[1]
        else:
            res.append(re.escape(c))
    # Join: a star followed by fixed text becomes an atomic lazy group, as in CPython 3.12.
    out = []
    i, n = 0, len(res)
    while i < n and res[i] is not STAR:
        out.append(res[i])
        i += 1
    while i < n:
        i += 1  # the STAR
        if i == n:
            out.append('.*')
            break
        fixed = []
        while i < n and res[i] is not STAR:
            fixed.append(res[i])
            i += 1
        fixed = ''.join(fixed)
        if i == n:
            out.append('.*')
            out.append(fixed)
        else:
            out.append('(?>.*?%s)' % fixed)
    return '(?s:%s)\\Z' % ''.join(out)
