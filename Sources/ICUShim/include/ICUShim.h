// A small C API over the system ICU. This header deliberately includes no ICU header: Swift modules
// that see both the system ICU headers and Foundation (which carries its own ICU) fail to compile.
#ifndef OCRCLEAN_ICUSHIM_H
#define OCRCLEAN_ICUSHIM_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Normalization forms understood by the functions below.
enum { ICUSHIM_NFC = 0, ICUSHIM_NFKC = 1, ICUSHIM_NFD = 2 };

/// 1 when the UTF-8 text is already in the given form, 0 when not, -1 on an ICU error.
int icushim_is_normalized(int form, const char *text, int32_t length);

/// Normalizes UTF-8 text into `out`. Returns the length of the result; when it is larger than
/// `capacity`, nothing useful was written and the caller retries with a larger buffer.
/// Returns -1 on an ICU error (for example invalid UTF-8, which the decoder never lets through).
int32_t icushim_normalize(int form, const char *text, int32_t length, char *out, int32_t capacity);

/// Guesses the charset of a byte sample. Writes the ICU charset name (NUL-terminated) into `name`
/// and the detector's confidence (0-100) into `confidence`. Returns 0, or -1 when nothing matched.
int icushim_detect_charset(const char *sample, int32_t length, char *name, int32_t name_capacity,
                           int32_t *confidence);

/// A streaming converter from a legacy charset (windows-1252, ISO-8859-15, UTF-16LE, ...) to UTF-8.
typedef struct icushim_converter icushim_converter;

/// Opens a converter, or returns NULL when ICU does not know the charset name.
icushim_converter *icushim_converter_open(const char *charset);
void icushim_converter_close(icushim_converter *converter);

/// Converts `length` bytes. Writes at most `capacity` bytes to `out` (give at least 3 * length + 16,
/// or 4 * length + 16 for UTF-16/32 input) and returns how many were written, or -1 on an error.
/// Bytes of an incomplete sequence at the end are kept for the next call; `flush` ends the input.
/// Unmappable or invalid input becomes U+FFFD; `substitutions` is incremented for each.
int32_t icushim_converter_to_utf8(icushim_converter *converter, const char *input, int32_t length,
                                  char *out, int32_t capacity, int flush, int64_t *substitutions);

/// ICU's version, e.g. "72.1", NUL-terminated into `out`.
void icushim_version(char *out, int32_t capacity);

#ifdef __cplusplus
}
#endif

#endif
