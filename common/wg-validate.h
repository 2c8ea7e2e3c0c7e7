/* wg-validate.h — validators shared by client and server
 *
 * Each fails with WG_ERROR_INVALID_INPUT naming @field, so that the same
 * message reaches the form field in the client and the API's error envelope.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  char     address_code[7];  /* GB/T 2260 county code at issue */
  GDateYear  year;
  GDateMonth month;
  GDateDay   day;
  gboolean male;             /* 17th digit odd */
} WgIdNumberInfo;

/* GB 11643-1999 18-digit citizen ID number: digits, province, birth date
 * (a real date, not after @today, not before 1850), MOD 11-2 check
 * character (X in upper case).  @today may be NULL for the current date;
 * @info may be NULL. */
gboolean  wg_validate_id_number   (const char     *value,
                                   const char     *field,
                                   const GDate    *today,
                                   WgIdNumberInfo *info,
                                   GError        **error);
/* The MOD 11-2 check character for the first 17 digits. */
char      wg_id_number_check_char (const char     *first17);
/* 110101********1234: the address code and the last four kept. */
char     *wg_id_number_mask       (const char     *value);

/* GB 32100-2015 unified social credit code: 18 characters of
 * 0-9 A-H J-N P-R T U W-Y, digits in the division code, MOD 31 check. */
gboolean  wg_validate_credit_code (const char     *value,
                                   const char     *field,
                                   GError        **error);
char      wg_credit_code_check_char (const char   *first17);

/* A mainland mobile number (11 digits, 1[3-9]…) or a landline with its area
 * code (010-12345678, 0571 8765432); an optional +86 prefix; spaces and
 * hyphens between groups are allowed. */
gboolean  wg_validate_phone       (const char     *value,
                                   const char     *field,
                                   GError        **error);
/* The digits of a phone number wg_validate_phone accepts, without +86 and
 * the group separators, as stored (so that a prefix search finds
 * landlines too); NULL with the same error when it is not one. */
char     *wg_normalize_phone      (const char     *value,
                                   const char     *field,
                                   GError        **error);

/* An ISO 8601 calendar date, YYYY-MM-DD. */
gboolean  wg_validate_date        (const char     *value,
                                   const char     *field,
                                   GDate          *out,
                                   GError        **error);

G_END_DECLS
