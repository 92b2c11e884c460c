// Implementation of ICUShim.h: every ICU call of the project lives in this file.
#include "ICUShim.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ucsdet.h>
#include <unicode/uversion.h>

#include <cstdlib>
#include <cstring>

namespace {

const icu::Normalizer2 *normalizer(int form) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2 *n = form == ICUSHIM_NFKC ? icu::Normalizer2::getNFKCInstance(status)
                                : form == ICUSHIM_NFD ? icu::Normalizer2::getNFDInstance(status)
                                                      : icu::Normalizer2::getNFCInstance(status);
    return U_SUCCESS(status) ? n : nullptr;
}

// Counts substitutions while delegating to ICU's standard "substitute" callback.
struct SubstitutionCounter {
    int64_t count = 0;
};

void U_CALLCONV countingSubstitute(const void *context, UConverterToUnicodeArgs *args,
                                   const char *codeUnits, int32_t length, UConverterCallbackReason reason,
                                   UErrorCode *err) {
    if (reason <= UCNV_IRREGULAR) {
        SubstitutionCounter *counter = static_cast<SubstitutionCounter *>(const_cast<void *>(context));
        counter->count += 1;
        *err = U_ZERO_ERROR;
        static const UChar replacement = 0xFFFD;
        ucnv_cbToUWriteUChars(args, &replacement, 1, 0, err);
    }
}

}  // namespace

extern "C" {

int icushim_is_normalized(int form, const char *text, int32_t length) {
    const icu::Normalizer2 *n = normalizer(form);
    if (n == nullptr) return -1;
    UErrorCode status = U_ZERO_ERROR;
    UBool ok = n->isNormalizedUTF8(icu::StringPiece(text, length), status);
    if (U_FAILURE(status)) return -1;
    return ok ? 1 : 0;
}

int32_t icushim_normalize(int form, const char *text, int32_t length, char *out, int32_t capacity) {
    const icu::Normalizer2 *n = normalizer(form);
    if (n == nullptr) return -1;
    UErrorCode status = U_ZERO_ERROR;
    icu::CheckedArrayByteSink sink(out, capacity);
    n->normalizeUTF8(0, icu::StringPiece(text, length), sink, nullptr, status);
    if (U_FAILURE(status)) return -1;
    return sink.NumberOfBytesAppended();
}

int icushim_detect_charset(const char *sample, int32_t length, char *name, int32_t name_capacity,
                           int32_t *confidence) {
    UErrorCode status = U_ZERO_ERROR;
    UCharsetDetector *detector = ucsdet_open(&status);
    if (U_FAILURE(status)) return -1;
    ucsdet_setText(detector, sample, length, &status);
    const UCharsetMatch *match = ucsdet_detect(detector, &status);
    int result = -1;
    if (U_SUCCESS(status) && match != nullptr) {
        const char *found = ucsdet_getName(match, &status);
        int32_t conf = ucsdet_getConfidence(match, &status);
        if (U_SUCCESS(status) && found != nullptr && name_capacity > 0) {
            std::strncpy(name, found, static_cast<size_t>(name_capacity - 1));
            name[name_capacity - 1] = '\0';
            *confidence = conf;
            result = 0;
        }
    }
    ucsdet_close(detector);
    return result;
}

struct icushim_converter {
    UConverter *source;
    UConverter *utf8;
    UChar pivot[4096];
    UChar *pivotSource;
    UChar *pivotTarget;
    SubstitutionCounter counter;
};

icushim_converter *icushim_converter_open(const char *charset) {
    UErrorCode status = U_ZERO_ERROR;
    UConverter *source = ucnv_open(charset, &status);
    if (U_FAILURE(status) || source == nullptr) return nullptr;
    UConverter *utf8 = ucnv_open("UTF-8", &status);
    if (U_FAILURE(status) || utf8 == nullptr) {
        ucnv_close(source);
        return nullptr;
    }
    icushim_converter *c = static_cast<icushim_converter *>(std::calloc(1, sizeof(icushim_converter)));
    if (c == nullptr) {
        ucnv_close(source);
        ucnv_close(utf8);
        return nullptr;
    }
    c->source = source;
    c->utf8 = utf8;
    c->pivotSource = c->pivot;
    c->pivotTarget = c->pivot;
    ucnv_setToUCallBack(source, countingSubstitute, &c->counter, nullptr, nullptr, &status);
    return c;
}

void icushim_converter_close(icushim_converter *c) {
    if (c == nullptr) return;
    ucnv_close(c->source);
    ucnv_close(c->utf8);
    std::free(c);
}

int32_t icushim_converter_to_utf8(icushim_converter *c, const char *input, int32_t length, char *out,
                                  int32_t capacity, int flush, int64_t *substitutions) {
    UErrorCode status = U_ZERO_ERROR;
    const char *src = input;
    char *target = out;
    int64_t before = c->counter.count;
    ucnv_convertEx(c->utf8, c->source, &target, out + capacity, &src, input + length, c->pivot,
                   &c->pivotSource, &c->pivotTarget, c->pivot + 4096, false, flush != 0, &status);
    if (U_FAILURE(status)) return -1;
    if (substitutions != nullptr) *substitutions += c->counter.count - before;
    return static_cast<int32_t>(target - out);
}

void icushim_version(char *out, int32_t capacity) {
    UVersionInfo info;
    u_getVersion(info);
    char buffer[U_MAX_VERSION_STRING_LENGTH];
    u_versionToString(info, buffer);
    std::strncpy(out, buffer, static_cast<size_t>(capacity - 1));
    out[capacity - 1] = '\0';
}

}  // extern "C"
