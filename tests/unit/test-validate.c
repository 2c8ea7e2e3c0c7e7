#define G_LOG_DOMAIN "test-validate"

#include "config.h"

#include "wg-error.h"
#include "wg-validate.h"

static GDate *
fixed_today (void)
{
  return g_date_new_dmy (23, G_DATE_NOVEMBER, 2026);
}

static void
assert_field_error (GError     *error,
                    const char *field)
{
  g_assert_error (error, WG_ERROR, WG_ERROR_INVALID_INPUT);
  g_assert_cmpstr (wg_error_get_field (error), ==, field);
}

static void
test_id_number_valid (void)
{
  /* The valid vectors of GB 11643 (recomputed, data/gb11643 spec). */
  static const char * const valid[] = {
    "11010519491231002X", "440524188001010014", "513101198201130014", "34052419800101001X",
  };
  g_autoptr(GDate) today = fixed_today ();

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_autoptr(GError) error = NULL;
      WgIdNumberInfo info;

      g_assert_true (wg_validate_id_number (valid[i], "id_number", today, &info, &error));
      g_assert_no_error (error);
      g_assert_cmpint (strncmp (info.address_code, valid[i], 6), ==, 0);
    }
}

static void
test_id_number_info (void)
{
  g_autoptr(GDate) today = fixed_today ();
  WgIdNumberInfo info;

  g_assert_true (wg_validate_id_number ("11010519491231002X", "id_number", today, &info, NULL));
  g_assert_cmpstr (info.address_code, ==, "110105");
  g_assert_cmpuint (info.year, ==, 1949);
  g_assert_cmpuint (info.month, ==, 12);
  g_assert_cmpuint (info.day, ==, 31);
  g_assert_false (info.male);  /* 17th digit 2: even */
  g_assert_true (wg_validate_id_number ("440524188001010014", "id_number", today, &info, NULL));
  g_assert_true (info.male);   /* 17th digit 1: odd */
}

static void
test_id_number_invalid (void)
{
  static const char * const invalid[] = {
    "110105194912310021",   /* wrong check digit (spec vector) */
    "440524188001010015",   /* wrong check digit (spec vector) */
    "11010519491231002x",   /* X must be upper case */
    "1101051949123100",     /* too short */
    "1101051949123100200",  /* too long */
    "110105194913310021",   /* month 13 (check digit right) */
    "110105194902300004",   /* 30 February (check digit right) */
    "990105194912310023",   /* no province 99 (check digit right) */
    "110105180001010010",   /* born before 1850 (check digit right) */
    "110105203012310026",   /* born in the future (check digit right) */
    "1101051949123100A2",   /* a letter among the digits */
    "",
  };
  g_autoptr(GDate) today = fixed_today ();

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", invalid[i]);
      g_assert_false (wg_validate_id_number (invalid[i], "id_number", today, NULL, &error));
      assert_field_error (error, "id_number");
    }
}

static void
test_id_number_check_char (void)
{
  g_assert_cmpint (wg_id_number_check_char ("11010519491231002"), ==, 'X');
  g_assert_cmpint (wg_id_number_check_char ("44052418800101001"), ==, '4');
}

static void
test_id_number_mask (void)
{
  g_autofree char *masked = wg_id_number_mask ("11010519491231002X");
  g_autofree char *short_masked = wg_id_number_mask ("12345");

  g_assert_cmpstr (masked, ==, "110105********002X");
  g_assert_cmpstr (short_masked, ==, "*****");
}

static void
test_credit_code (void)
{
  /* A published example of GB 32100 and one built from its check rule. */
  g_autoptr(GError) error = NULL;
  char built[19] = "91110101MA01ABCDE";

  g_assert_true (wg_validate_credit_code ("91350100M000100Y43", "credit_code", &error));
  g_assert_no_error (error);
  built[17] = wg_credit_code_check_char (built);
  built[18] = '\0';
  g_assert_true (wg_validate_credit_code (built, "credit_code", &error));
  g_assert_no_error (error);

  g_assert_false (wg_validate_credit_code ("91350100M000100Y44", "credit_code", &error));
  assert_field_error (error, "credit_code");
  g_clear_error (&error);
  g_assert_false (wg_validate_credit_code ("91350100M0001O0Y43", "credit_code", &error));
  assert_field_error (error, "credit_code");
  g_clear_error (&error);
  g_assert_false (wg_validate_credit_code ("913501A0M000100Y43", "credit_code", &error));
  assert_field_error (error, "credit_code");
  g_clear_error (&error);
  g_assert_false (wg_validate_credit_code ("91350100M000100Y4", "credit_code", &error));
  assert_field_error (error, "credit_code");
}

static void
test_phone (void)
{
  static const char * const valid[] = {
    "13812345678", "+86 138 1234 5678", "010-65123456", "0571 8765432", "01065123456",
  };
  static const char * const invalid[] = {
    "12812345678", "1381234567", "138123456789", "65123456", "010-6512345a", "110",
    "+1 415 555 0100", "",
  };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", valid[i]);
      g_assert_true (wg_validate_phone (valid[i], "phone", &error));
      g_assert_no_error (error);
    }
  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", invalid[i]);
      g_assert_false (wg_validate_phone (invalid[i], "phone", &error));
      assert_field_error (error, "phone");
    }
}

static void
test_date (void)
{
  g_autoptr(GError) error = NULL;
  GDate date;

  g_assert_true (wg_validate_date ("2024-02-29", "birth_date", &date, &error));
  g_assert_cmpuint (g_date_get_day (&date), ==, 29);
  g_assert_false (wg_validate_date ("2023-02-29", "birth_date", NULL, &error));
  assert_field_error (error, "birth_date");
  g_clear_error (&error);
  g_assert_false (wg_validate_date ("2023/01/01", "birth_date", NULL, &error));
  assert_field_error (error, "birth_date");
  g_clear_error (&error);
  g_assert_false (wg_validate_date ("0000-01-01", "from", NULL, &error));
  assert_field_error (error, "from");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/validate/id-number/valid", test_id_number_valid);
  g_test_add_func ("/validate/id-number/info", test_id_number_info);
  g_test_add_func ("/validate/id-number/invalid", test_id_number_invalid);
  g_test_add_func ("/validate/id-number/check-char", test_id_number_check_char);
  g_test_add_func ("/validate/id-number/mask", test_id_number_mask);
  g_test_add_func ("/validate/credit-code", test_credit_code);
  g_test_add_func ("/validate/phone", test_phone);
  g_test_add_func ("/validate/date", test_date);

  return g_test_run ();
}
