#define G_LOG_DOMAIN "wg-validate"

#include "config.h"

#include <string.h>

#include "wg-error.h"
#include "wg-validate.h"

/* GB 11643: W[i] = 2^(17-i) mod 11 */
static const guint id_weights[17] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
static const char id_check_chars[] = "10X98765432";

/* GB 32100: the 31 characters, and W[i] = 3^i mod 31 */
static const char credit_chars[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
static const guint credit_weights[17] = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

/* Province-level codes of GB/T 2260 (the first two digits). */
static const guint province_codes[] = {
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37,
  41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65,
  71, 81, 82,
};

static gboolean
all_digits (const char *value,
            gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isdigit (value[i]))
      return FALSE;
  return TRUE;
}

static guint
digits_value (const char *value,
              gsize       length)
{
  guint result = 0;

  for (gsize i = 0; i < length; i++)
    result = result * 10 + (guint) (value[i] - '0');
  return result;
}

static gboolean
is_province (guint code)
{
  for (guint i = 0; i < G_N_ELEMENTS (province_codes); i++)
    if (province_codes[i] == code)
      return TRUE;
  return FALSE;
}

char
wg_id_number_check_char (const char *first17)
{
  guint sum = 0;

  for (guint i = 0; i < 17; i++)
    sum += (guint) (first17[i] - '0') * id_weights[i];
  return id_check_chars[sum % 11];
}

static gboolean
check_birth_date (const char  *value,
                  const char  *field,
                  const GDate *today,
                  GDate       *birth,
                  GError     **error)
{
  guint year = digits_value (value + 6, 4);
  guint month = digits_value (value + 10, 2);
  guint day = digits_value (value + 12, 2);
  g_autoptr(GDateTime) now = NULL;
  GDate current;

  if (year < 1850 || !g_date_valid_dmy (day, month, year))
    {
      wg_set_field_error (error, field, "The ID number holds no valid birth date");
      return FALSE;
    }
  g_date_clear (birth, 1);
  g_date_set_dmy (birth, day, month, year);
  if (today == NULL)
    {
      now = g_date_time_new_now_local ();
      g_date_clear (&current, 1);
      g_date_set_dmy (&current, g_date_time_get_day_of_month (now),
                      g_date_time_get_month (now), g_date_time_get_year (now));
      today = &current;
    }
  if (g_date_compare (birth, today) > 0)
    {
      wg_set_field_error (error, field, "The ID number's birth date is in the future");
      return FALSE;
    }
  return TRUE;
}

gboolean
wg_validate_id_number (const char     *value,
                       const char     *field,
                       const GDate    *today,
                       WgIdNumberInfo *info,
                       GError        **error)
{
  GDate birth;

  if (value == NULL || strlen (value) != 18 || !all_digits (value, 17) ||
      !(g_ascii_isdigit (value[17]) || value[17] == 'X'))
    {
      wg_set_field_error (error, field, "An ID number has 17 digits and a check digit or X");
      return FALSE;
    }
  if (!is_province (digits_value (value, 2)))
    {
      wg_set_field_error (error, field, "The ID number does not start with a province code");
      return FALSE;
    }
  if (!check_birth_date (value, field, today, &birth, error))
    return FALSE;
  if (wg_id_number_check_char (value) != value[17])
    {
      wg_set_field_error (error, field, "The ID number's check digit is wrong");
      return FALSE;
    }
  if (info != NULL)
    {
      memcpy (info->address_code, value, 6);
      info->address_code[6] = '\0';
      info->year = g_date_get_year (&birth);
      info->month = g_date_get_month (&birth);
      info->day = g_date_get_day (&birth);
      info->male = (value[16] - '0') % 2 == 1;
    }
  return TRUE;
}

char *
wg_id_number_mask (const char *value)
{
  gsize length = value != NULL ? strlen (value) : 0;

  if (length < 10)
    return g_strnfill (length, '*');
  return g_strdup_printf ("%.6s%s%s", value, "********", value + length - 4);
}

static int
credit_index (char c)
{
  const char *found = c != '\0' ? strchr (credit_chars, c) : NULL;

  return found != NULL ? (int) (found - credit_chars) : -1;
}

char
wg_credit_code_check_char (const char *first17)
{
  guint sum = 0;

  for (guint i = 0; i < 17; i++)
    sum += (guint) credit_index (first17[i]) * credit_weights[i];
  return credit_chars[(31 - sum % 31) % 31];
}

gboolean
wg_validate_credit_code (const char  *value,
                         const char  *field,
                         GError     **error)
{
  if (value == NULL || strlen (value) != 18)
    {
      wg_set_field_error (error, field, "A unified social credit code has 18 characters");
      return FALSE;
    }
  for (guint i = 0; i < 18; i++)
    {
      if (credit_index (value[i]) < 0)
        {
          wg_set_field_error (error, field,
                              "A unified social credit code has no “%c” (I, O, S, V and Z are never used)",
                              value[i]);
          return FALSE;
        }
    }
  if (!all_digits (value + 2, 6))
    {
      wg_set_field_error (error, field,
                          "Characters 3 to 8 of a unified social credit code are a division code");
      return FALSE;
    }
  if (wg_credit_code_check_char (value) != value[17])
    {
      wg_set_field_error (error, field, "The unified social credit code's check character is wrong");
      return FALSE;
    }
  return TRUE;
}

/* Keeps the digits, dropping group separators; FALSE on anything else. */
static gboolean
phone_digits (const char *value,
              GString    *digits)
{
  const char *p = value;

  if (g_str_has_prefix (p, "+86"))
    p += 3;
  for (; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p);
      else if (*p != ' ' && *p != '-')
        return FALSE;
    }
  return TRUE;
}

gboolean
wg_validate_phone (const char  *value,
                   const char  *field,
                   GError     **error)
{
  g_autofree char *digits = wg_normalize_phone (value, field, error);

  return digits != NULL;
}

char *
wg_normalize_phone (const char  *value,
                    const char  *field,
                    GError     **error)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  gboolean mobile;
  gboolean landline;

  if (value == NULL || strlen (value) > 20 || !phone_digits (value, digits))
    {
      wg_set_field_error (error, field, "A phone number has only digits, spaces and hyphens");
      return NULL;
    }
  mobile = digits->len == 11 && digits->str[0] == '1' && digits->str[1] >= '3';
  /* 0 + a 2- or 3-digit area code + a 7- or 8-digit number */
  landline = digits->str[0] == '0' && digits->len >= 10 && digits->len <= 12;
  if (!mobile && !landline)
    {
      wg_set_field_error (error, field,
                          "Not a phone number: a mobile number has 11 digits, a landline its area code");
      return NULL;
    }
  return g_string_free (g_steal_pointer (&digits), FALSE);
}

gboolean
wg_validate_date (const char  *value,
                  const char  *field,
                  GDate       *out,
                  GError     **error)
{
  guint year;
  guint month;
  guint day;

  if (value == NULL || strlen (value) != 10 || value[4] != '-' || value[7] != '-' ||
      !all_digits (value, 4) || !all_digits (value + 5, 2) || !all_digits (value + 8, 2))
    {
      wg_set_field_error (error, field, "A date is written YYYY-MM-DD");
      return FALSE;
    }
  year = digits_value (value, 4);
  month = digits_value (value + 5, 2);
  day = digits_value (value + 8, 2);
  if (year < 1 || !g_date_valid_dmy (day, month, year))
    {
      wg_set_field_error (error, field, "%s is not a date in the calendar", value);
      return FALSE;
    }
  if (out != NULL)
    {
      g_date_clear (out, 1);
      g_date_set_dmy (out, day, month, year);
    }
  return TRUE;
}
