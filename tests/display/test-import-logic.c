/* test-import-logic.c — the import dialog's and the export's decisions,
 * without a display */
#define G_LOG_DOMAIN "test-import-logic"

#include "config.h"

#include <string.h>

#include "wg-csv.h"
#include "wg-import-rules.h"

static JsonObject *
object_from (const char *json)
{
  g_autoptr(JsonNode) node = json_from_string (json, NULL);

  g_assert_nonnull (node);
  return json_object_ref (json_node_get_object (node));
}

static void
test_import_field_label (void)
{
  /* Untranslated here: the English labels of the descriptors. */
  g_assert_cmpstr (wg_import_field_label ("organizations", "contact_phone"), ==, "Contact phone");
  g_assert_cmpstr (wg_import_field_label ("people", "birth_date"), ==, "Birth date");
  g_assert_cmpstr (wg_import_field_label ("people", "id_number"), ==, "ID number");
  g_assert_cmpstr (wg_import_field_label ("houses", "colour"), ==, "colour");
  g_assert_null (wg_import_field_label ("houses", NULL));
}

static void
test_import_problem_message (void)
{
  g_autoptr(JsonObject) choice = object_from ("{\"row\": 2, \"field\": \"kind\", \"code\": "
                                              "\"invalid-input\", \"message\": \"…\"}");
  g_autoptr(JsonObject) whole_row = object_from ("{\"row\": 4, \"field\": null, \"code\": "
                                                 "\"invalid-input\", \"message\": \"…\"}");
  g_autoptr(JsonObject) duplicate = object_from ("{\"row\": 1, \"field\": \"id_number\", \"code\": "
                                                 "\"conflict\", \"message\": \"…\"}");
  g_autoptr(JsonObject) required = object_from ("{\"row\": 5, \"field\": \"name\", \"code\": "
                                                "\"invalid-input\", \"message\": \"…\"}");
  g_autofree char *choice_text = wg_import_problem_message ("organizations", choice, "bookshop");
  g_autofree char *row_text = wg_import_problem_message ("organizations", whole_row, NULL);
  g_autofree char *duplicate_text = wg_import_problem_message ("people", duplicate,
                                                               "110101190102031119");
  g_autofree char *required_text = wg_import_problem_message ("organizations", required, "");

  /* The choices by the values a file writes, and the refused cell. */
  g_assert_nonnull (strstr (choice_text, "enterprise (Enterprise)"));
  g_assert_nonnull (strstr (choice_text, "“bookshop”"));
  g_assert_nonnull (strstr (row_text, "cells"));
  g_assert_nonnull (strstr (duplicate_text, "ID number"));
  g_assert_cmpstr (required_text, ==, "Required");
}

static void
test_import_cell (void)
{
  static const char text[] = "name, kind ,grid\nA,enterprise,110101001001001\nB,other\n";
  g_autoptr(GPtrArray) rows = wg_csv_read (text, strlen (text), NULL);

  g_assert_cmpstr (wg_import_cell (rows, 1, "kind"), ==, "enterprise");
  g_assert_cmpstr (wg_import_cell (rows, 2, "name"), ==, "B");
  g_assert_null (wg_import_cell (rows, 2, "grid"));   /* a short row */
  g_assert_null (wg_import_cell (rows, 3, "name"));
  g_assert_null (wg_import_cell (rows, 0, "name"));
  g_assert_null (wg_import_cell (rows, 1, NULL));
}

static void
test_import_report (void)
{
  g_autoptr(JsonObject) clean = object_from ("{\"dry_run\": true, \"rows\": 120, \"accepted\": 120,"
                                             " \"rejected\": [], \"imported\": 0}");
  g_autoptr(JsonObject) refused = object_from ("{\"dry_run\": true, \"rows\": 3, \"accepted\": 1,"
                                               " \"rejected\": [{}, {}], \"imported\": 0}");
  g_autoptr(JsonObject) empty = object_from ("{\"dry_run\": true, \"rows\": 0, \"accepted\": 0,"
                                             " \"rejected\": [], \"imported\": 0}");
  g_autofree char *clean_text = wg_import_report_summary (clean);
  g_autofree char *refused_text = wg_import_report_summary (refused);
  g_autofree char *empty_text = wg_import_report_summary (empty);

  g_assert_true (wg_import_report_is_clean (clean));
  g_assert_false (wg_import_report_is_clean (refused));
  g_assert_false (wg_import_report_is_clean (empty));
  g_assert_false (wg_import_report_is_clean (NULL));
  g_assert_cmpstr (clean_text, ==, "120 rows checked: every one can be imported.");
  g_assert_true (g_str_has_prefix (refused_text, "2 of 3 rows cannot be imported."));
  g_assert_cmpstr (empty_text, ==, "The file has no rows to import.");
}

static void
test_export_file_name (void)
{
  g_autoptr(GDateTime) when = g_date_time_new_local (2026, 11, 23, 9, 30, 0);
  g_autofree char *houses = wg_export_file_name ("houses", when);
  g_autofree char *people = wg_export_file_name ("people", when);

  g_assert_cmpstr (houses, ==, "Houses-2026-11-23.csv");
  g_assert_cmpstr (people, ==, "People-2026-11-23.csv");
}

static char *
bytes_text (GBytes *bytes)
{
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static void
test_import_template (void)
{
  g_autoptr(GBytes) households = wg_import_template ("households");
  g_autoptr(GBytes) people = wg_import_template ("people");
  g_autofree char *households_text = bytes_text (households);
  g_autofree char *people_text = bytes_text (people);
  g_autofree char *name = wg_import_template_name ("houses");

  /* Only what an import reads: the read-only fields are left out. */
  g_assert_cmpstr (households_text, ==, "\xEF\xBB\xBFkind,house_id,grid\r\n");
  g_assert_true (g_str_has_prefix (people_text, "\xEF\xBB\xBFname,sex,birth_date,"));
  g_assert_true (g_str_has_suffix (people_text, ",grid,tags\r\n"));
  g_assert_cmpstr (name, ==, "Houses-template.csv");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import-logic/field-label", test_import_field_label);
  g_test_add_func ("/import-logic/problem-message", test_import_problem_message);
  g_test_add_func ("/import-logic/cell", test_import_cell);
  g_test_add_func ("/import-logic/report", test_import_report);
  g_test_add_func ("/import-logic/export-file-name", test_export_file_name);
  g_test_add_func ("/import-logic/template", test_import_template);

  return g_test_run ();
}
