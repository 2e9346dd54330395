"""The utf-16 codec: a BOM in front of the little-endian encoding (the machine's order) when
encoding; when decoding, the BOM picks the byte order (little endian without one)."""

from encodings._native import with_bom

globals().update(with_bom(__name__, 16))
