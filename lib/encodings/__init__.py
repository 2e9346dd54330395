"""The standard codecs, found by name through the codec registry.

Importing this package registers search_function with the codec registry (the native `_codecs`
module imports it on the registry's first use). search_function(name) normalises the name,
resolves aliases (encodings.aliases) and imports encodings.<module>, whose getregentry()
returns the codecs.CodecInfo. Results, misses included, are cached in _cache.
"""

import codecs
import sys
from . import aliases

_cache = {}
_unknown = '--unknown--'
_aliases = aliases.aliases


class CodecRegistryError(LookupError, SystemError):
    pass


def normalize_encoding(encoding):
    """Collapse every run of characters other than ASCII letters, digits and '.' into one
    '_' (none at the ends); case is kept."""
    if isinstance(encoding, bytes):
        encoding = str(encoding, "ascii")
    chars = []
    punct = False
    for c in encoding:
        if c.isalnum() or c == '.':
            if punct and chars:
                chars.append('_')
            if c.isascii():
                chars.append(c)
            punct = False
        else:
            punct = True
    return ''.join(chars)


def search_function(encoding):
    entry = _cache.get(encoding, _unknown)
    if entry is not _unknown:
        return entry
    norm_encoding = normalize_encoding(encoding)
    aliased = _aliases.get(norm_encoding) or _aliases.get(norm_encoding.replace('.', '_'))
    modnames = [aliased, norm_encoding] if aliased is not None else [norm_encoding]
    mod = None
    for modname in modnames:
        if not modname or '.' in modname:
            continue
        try:
            mod = __import__('encodings.' + modname, fromlist=['_'])
        except ImportError:
            pass
        else:
            break
    getregentry = getattr(mod, 'getregentry', None)
    if getregentry is None:
        _cache[encoding] = None
        return None
    entry = getregentry()
    if not isinstance(entry, codecs.CodecInfo):
        if not 4 <= len(entry) <= 7:
            raise CodecRegistryError('module "%s" (%s) failed to register'
                                     % (mod.__name__, mod.__file__))
        if not callable(entry[0]) or not callable(entry[1]) or \
           (entry[2] is not None and not callable(entry[2])) or \
           (entry[3] is not None and not callable(entry[3])) or \
           (len(entry) > 4 and entry[4] is not None and not callable(entry[4])) or \
           (len(entry) > 5 and entry[5] is not None and not callable(entry[5])):
            raise CodecRegistryError('incompatible codecs in module "%s" (%s)'
                                     % (mod.__name__, mod.__file__))
        if len(entry) < 7 or entry[6] is None:
            entry += (None,) * (6 - len(entry)) + (mod.__name__.split(".", 1)[1],)
        entry = codecs.CodecInfo(*entry)
    _cache[encoding] = entry
    try:
        codecaliases = mod.getaliases()
    except AttributeError:
        pass
    else:
        for alias in codecaliases:
            if alias not in _aliases:
                _aliases[alias] = modname
    return entry


codecs.register(search_function)
