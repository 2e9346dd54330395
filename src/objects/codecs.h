// The codec layer between str/bytes (objects/codecs.cpp: the built-in codecs and error handlers)
// and the `_codecs` module (modules/codecs_module.cpp: the codec registry, the error-handler
// registry and the codec functions the `encodings` package calls).
//
// str.encode / bytes.decode first try the built-in codecs (codec_lookup); an unknown name goes to
// the registry (codec_text_encode/decode), which imports the `encodings` package on first use.
// Error handlers other than the built-in names (strict, ignore, replace, surrogateescape,
// backslashreplace, xmlcharrefreplace, surrogatepass) are looked up in the error registry and
// called with the Unicode*Error, as CPython does. Registry state is process-wide, protected by the
// GIL.
#pragma once

#include "core/object.h"

namespace gilpy {

enum Codec {
  CODEC_UNKNOWN = 0, CODEC_UTF8 = 1, CODEC_ASCII = 2, CODEC_LATIN1 = 3,
  CODEC_UTF16 = 4, CODEC_UTF16LE = 5, CODEC_UTF16BE = 6,
  CODEC_UTF32 = 7, CODEC_UTF32LE = 8, CODEC_UTF32BE = 9, CODEC_RAW_UNICODE_ESCAPE = 10,
};

// ---- objects/codecs.cpp ----
// Decode with a built-in codec (not CODEC_UNKNOWN). With final=false an incomplete sequence at
// the end is left undecoded; *consumed gets the number of bytes used. For UTF-16/32 `byteorder`
// (may be null) is in: 0 = look for a BOM, -1 little, 1 big endian; out: the order in effect.
Object* codec_decode_stateful(int codec, const char* data, ssize n, const char* errors, bool final,
                              ssize* consumed, int* byteorder);
// Encode with a built-in codec (str_encode without the name lookup).
Object* codec_encode_builtin(Object* str, int codec, const char* errors);
// The unicode-escape codec ("unicodeescape" in error messages). *first_invalid: offset of the
// first invalid escape's character (after the backslash) or -1; the caller warns.
Object* unicode_escape_decode(const char* data, ssize n, const char* errors, bool final,
                              ssize* consumed, ssize* first_invalid);
Object* unicode_escape_encode(Object* str);
// The character a one-letter escape of a string literal stands for (\\ \' \" \a \b \f \n \r
// \t \v), or -1: shared by the unicode-escape and the bytes escape decoders.
int simple_escape_char(unsigned char e);
// The charmap codec: `mapping` is None (Latin-1), a decoding-table str or a mapping object.
Object* charmap_decode(const char* data, ssize n, const char* errors, Object* mapping);
Object* charmap_encode(Object* str, const char* errors, Object* mapping);

// ---- modules/codecs_module.cpp ----
// The CodecInfo for `encoding` (LookupError "unknown encoding: x").
Object* codec_registry_lookup(Object* encoding);
// The error handler registered under `name` (LookupError "unknown error handler name 'x'").
Object* codec_lookup_error_handler(const char* name);
// str.encode / bytes.decode through the registry: refuses codecs that are not text encodings
// ("'hex' is not a text encoding; use codecs.encode() to handle arbitrary codecs") and checks
// the result type.
Object* codec_text_encode(Object* str, const char* encoding, const char* errors);
Object* codec_text_decode(const char* data, ssize n, const char* encoding, const char* errors);
// Add CPython 3.12's note "<operation> with '<encoding>' codec failed" to the current exception.
void codec_add_note(const char* operation, const char* encoding);

}  // namespace gilpy
