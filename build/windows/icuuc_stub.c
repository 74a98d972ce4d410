/* A stand-in for Windows' own icuuc.dll, for the Wine prefix that tests the build only.

   Qt 6.10 and later link QtCore to the ICU that Windows 10 (1703 and later) ships as icuuc.dll,
   for its text codecs. Wine 8 has no icuuc.dll, so no Qt program would start in it. This stub
   exports the converter functions QtCore imports and fails every request to open a converter,
   which makes Qt use its own codecs (UTF-8, UTF-16, Latin-1: all the program needs). It is
   compiled by build/windows.sh into the test prefix's system32; it never goes into the program,
   and real Windows uses its own. */

#include <stddef.h>
#include <stdint.h>

typedef int32_t UErrorCode;
typedef uint16_t UChar;
#define U_FILE_ACCESS_ERROR 4

#define EXPORT __declspec(dllexport)

EXPORT void *ucnv_open(const char *name, UErrorCode *err) {
    (void)name;
    if (err && *err <= 0) *err = U_FILE_ACCESS_ERROR;
    return NULL;
}
EXPORT void ucnv_close(void *converter) { (void)converter; }
EXPORT void ucnv_reset(void *converter) { (void)converter; }
EXPORT int8_t ucnv_getMaxCharSize(const void *converter) { (void)converter; return 1; }
EXPORT const char *ucnv_getName(const void *converter, UErrorCode *err) {
    (void)converter;
    if (err && *err <= 0) *err = U_FILE_ACCESS_ERROR;
    return NULL;
}
EXPORT const char *ucnv_getStandardName(const char *name, const char *standard, UErrorCode *err) {
    (void)name; (void)standard;
    if (err && *err <= 0) *err = U_FILE_ACCESS_ERROR;
    return NULL;
}
EXPORT int32_t ucnv_countAvailable(void) { return 0; }
EXPORT const char *ucnv_getAvailableName(int32_t n) { (void)n; return NULL; }
EXPORT void ucnv_getToUCallBack(const void *c, void **action, const void **context) {
    (void)c; if (action) *action = NULL; if (context) *context = NULL;
}
EXPORT void ucnv_getFromUCallBack(const void *c, void **action, const void **context) {
    (void)c; if (action) *action = NULL; if (context) *context = NULL;
}
EXPORT void ucnv_setToUCallBack(void *c, void *action, const void *context, void **old_action,
                                const void **old_context, UErrorCode *err) {
    (void)c; (void)action; (void)context;
    if (old_action) *old_action = NULL;
    if (old_context) *old_context = NULL;
    if (err && *err <= 0) *err = U_FILE_ACCESS_ERROR;
}
EXPORT void ucnv_setFromUCallBack(void *c, void *action, const void *context, void **old_action,
                                  const void **old_context, UErrorCode *err) {
    (void)c; (void)action; (void)context;
    if (old_action) *old_action = NULL;
    if (old_context) *old_context = NULL;
    if (err && *err <= 0) *err = U_FILE_ACCESS_ERROR;
}
EXPORT void ucnv_toUnicode(void *c, UChar **target, const UChar *target_limit, const char **source,
                           const char *source_limit, int32_t *offsets, int8_t flush,
                           UErrorCode *err) {
    (void)c; (void)target; (void)target_limit; (void)source; (void)source_limit; (void)offsets;
    (void)flush;
    if (err && *err <= 0) *err = U_FILE_ACCESS_ERROR;
}
EXPORT void ucnv_fromUnicode(void *c, char **target, const char *target_limit,
                             const UChar **source, const UChar *source_limit, int32_t *offsets,
                             int8_t flush, UErrorCode *err) {
    (void)c; (void)target; (void)target_limit; (void)source; (void)source_limit; (void)offsets;
    (void)flush;
    if (err && *err <= 0) *err = U_FILE_ACCESS_ERROR;
}
EXPORT int32_t ucnv_toUCountPending(const void *c, UErrorCode *err) { (void)c; (void)err; return 0; }
EXPORT int32_t ucnv_fromUCountPending(const void *c, UErrorCode *err) { (void)c; (void)err; return 0; }
EXPORT void ucnv_cbToUWriteUChars(void *args, const UChar *source, int32_t length, int32_t offset,
                                  UErrorCode *err) {
    (void)args; (void)source; (void)length; (void)offset; (void)err;
}
EXPORT void ucnv_cbFromUWriteUChars(void *args, const UChar **source, const UChar *source_limit,
                                    int32_t offset, UErrorCode *err) {
    (void)args; (void)source; (void)source_limit; (void)offset; (void)err;
}
EXPORT void UCNV_TO_U_CALLBACK_SUBSTITUTE(const void *context, void *args, const char *units,
                                          int32_t length, int32_t reason, UErrorCode *err) {
    (void)context; (void)args; (void)units; (void)length; (void)reason; (void)err;
}
EXPORT void UCNV_FROM_U_CALLBACK_SUBSTITUTE(const void *context, void *args, const UChar *units,
                                            int32_t length, int32_t code_point, int32_t reason,
                                            UErrorCode *err) {
    (void)context; (void)args; (void)units; (void)length; (void)code_point; (void)reason;
    (void)err;
}
