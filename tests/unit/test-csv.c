#define G_LOG_DOMAIN "test-csv"

#include "config.h"

#include <string.h>

#include "wg-csv.h"
#include "wg-error.h"

static GPtrArray *
read_text (const char  *text,
           GError     **error)
{
  return wg_csv_read (text, strlen (text), error);
}

static void
assert_row (GPtrArray  *rows,
            guint       index,
            const char *first,
            ...)
{
  GStrv row = g_ptr_array_index (rows, index);
  va_list args;
  guint i = 0;

  va_start (args, first);
  for (const char *expected = first; expected != NULL; expected = va_arg (args, const char *))
    {
      g_assert_nonnull (row[i]);
      g_assert_cmpstr (row[i], ==, expected);
      i++;
    }
  va_end (args);
  g_assert_null (row[i]);
}

/* The error names the row and the column in its message. */
static void
assert_read_error (const char *text,
                   gsize       length,
                   const char *fragment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = wg_csv_read (text, length, &error);

  g_assert_null (rows);
  g_assert_error (error, WG_ERROR, WG_ERROR_INVALID_INPUT);
  if (strstr (error->message, fragment) == NULL)
    g_error ("“%s” does not contain “%s”", error->message, fragment);
}

static void
test_csv_read_simple (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = read_text ("name,kind\r\n管井,enterprise\r\nb,other", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 3);
  assert_row (rows, 0, "name", "kind", NULL);
  assert_row (rows, 1, "管井", "enterprise", NULL);
  assert_row (rows, 2, "b", "other", NULL);
}

static void
test_csv_read_quoted (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows =
    read_text ("a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"two\r\nlines\"\n\"\",,\"\"\"\"\n", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 3);
  assert_row (rows, 1, "x, y", "say \"hi\"", "two\r\nlines", NULL);
  assert_row (rows, 2, "", "", "\"", NULL);
}

static void
test_csv_read_line_ends (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = read_text ("a\nb\r\nc\rd\r\n", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 4);
  assert_row (rows, 0, "a", NULL);
  assert_row (rows, 1, "b", NULL);
  assert_row (rows, 2, "c", NULL);
  assert_row (rows, 3, "d", NULL);
}

static void
test_csv_read_empty_lines (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = read_text ("a,b\n\n1,\n", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 3);
  assert_row (rows, 1, NULL);          /* an empty line keeps its number */
  assert_row (rows, 2, "1", "", NULL); /* a trailing comma is an empty field */
}

static void
test_csv_read_bom (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = read_text ("\xEF\xBB\xBFname\n是\n", &error);
  g_autoptr(GPtrArray) empty = read_text ("\xEF\xBB\xBF", &error);

  g_assert_no_error (error);
  assert_row (rows, 0, "name", NULL);
  assert_row (rows, 1, "是", NULL);
  g_assert_cmpuint (empty->len, ==, 0);
}

static void
test_csv_read_invalid_utf8 (void)
{
  /* GBK, as an old spreadsheet would save 东城 */
  assert_read_error ("name\nok\n\xB6\xAB\xB3\xC7\n", 15, "Row 2, column 1 is not UTF-8");
  assert_read_error ("a,b\nx,y\0z\n", 10, "Row 1, column 2 is not UTF-8");
}

static void
test_csv_read_quote_errors (void)
{
  assert_read_error ("a,b\n1,\"open\n", 12, "Row 1, column 2: a quoted field has no closing quote");
  assert_read_error ("a,b\n1,\"x\"y\n", 11, "Row 1, column 2: text follows a closing quote");
  assert_read_error ("a,b\n1,2\n3,x\"y\n", 14, "Row 2, column 2: a quote inside a field");
}

static void
test_csv_read_limits (void)
{
  g_autoptr(GString) text = g_string_new ("h\n");
  g_autoptr(GString) wide = g_string_new ("h\n");
  g_autoptr(GString) long_field = g_string_new ("a,b\n1,");
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < WG_CSV_MAX_ROWS; i++)
    g_string_append (text, "x\n");
  rows = wg_csv_read (text->str, text->len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, WG_CSV_MAX_ROWS + 1);
  g_string_append (text, "x\n");
  assert_read_error (text->str, text->len, "more than 20000 rows");

  for (guint i = 0; i < WG_CSV_MAX_COLUMNS; i++)
    g_string_append (wide, "x,");
  g_string_append (wide, "x\n");
  assert_read_error (wide->str, wide->len, "Row 1 has more than 64 columns");

  g_string_append (long_field, "\"");
  for (guint i = 0; i <= WG_CSV_MAX_FIELD_BYTES; i++)
    g_string_append_c (long_field, 'y');
  g_string_append (long_field, "\"\n");
  assert_read_error (long_field->str, long_field->len, "Row 1, column 2: a field holds at most");
}

static char *
bytes_text (GBytes *bytes)
{
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);

  return g_strndup (data, length);
}

static void
test_csv_write (void)
{
  g_autoptr(WgCsvWriter) writer = wg_csv_writer_new (TRUE);
  static const char * const header[] = { "name", "note", NULL };
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;

  wg_csv_writer_add_row (writer, header);
  wg_csv_writer_add_field (writer, "a,b");
  wg_csv_writer_add_field (writer, "say \"hi\"");
  wg_csv_writer_end_row (writer);
  wg_csv_writer_add_field (writer, "two\nlines");
  wg_csv_writer_add_field (writer, NULL);
  wg_csv_writer_end_row (writer);
  wg_csv_writer_add_field (writer, " padded");
  wg_csv_writer_add_field (writer, "东城");
  wg_csv_writer_end_row (writer);
  wg_csv_writer_add_field (writer, "");
  wg_csv_writer_end_row (writer);
  g_assert_cmpuint (wg_csv_writer_get_n_rows (writer), ==, 5);
  bytes = wg_csv_writer_free_to_bytes (g_steal_pointer (&writer));
  text = bytes_text (bytes);
  g_assert_cmpstr (text, ==,
                   "\xEF\xBB\xBFname,note\r\n"
                   "\"a,b\",\"say \"\"hi\"\"\"\r\n"
                   "\"two\nlines\",\r\n"
                   "\" padded\",东城\r\n"
                   "\"\"\r\n");
}

/* What the writer writes, the reader reads back unchanged. */
static void
test_csv_round_trip (void)
{
  static const char * const values[] = {
    "", "plain", "a,b", "\"", "\"\"x\"", "line\r\nbreak", "\r", "是；否", " x ", ",", NULL,
  };
  g_autoptr(WgCsvWriter) writer = wg_csv_writer_new (TRUE);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  const char *data;

  wg_csv_writer_add_row (writer, values);
  for (guint i = 0; values[i] != NULL; i++)
    {
      const char *single[] = { values[i], NULL };

      wg_csv_writer_add_row (writer, single);
    }
  bytes = wg_csv_writer_free_to_bytes (g_steal_pointer (&writer));
  data = g_bytes_get_data (bytes, &length);
  rows = wg_csv_read (data, length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 1 + g_strv_length ((GStrv) values));
  g_assert_true (g_strv_equal (g_ptr_array_index (rows, 0), values));
  for (guint i = 0; values[i] != NULL; i++)
    {
      GStrv row = g_ptr_array_index (rows, i + 1);

      g_assert_cmpuint (g_strv_length (row), ==, 1);
      g_assert_cmpstr (row[0], ==, values[i]);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/read/simple", test_csv_read_simple);
  g_test_add_func ("/csv/read/quoted", test_csv_read_quoted);
  g_test_add_func ("/csv/read/line-ends", test_csv_read_line_ends);
  g_test_add_func ("/csv/read/empty-lines", test_csv_read_empty_lines);
  g_test_add_func ("/csv/read/bom", test_csv_read_bom);
  g_test_add_func ("/csv/read/invalid-utf8", test_csv_read_invalid_utf8);
  g_test_add_func ("/csv/read/quote-errors", test_csv_read_quote_errors);
  g_test_add_func ("/csv/read/limits", test_csv_read_limits);
  g_test_add_func ("/csv/write", test_csv_write);
  g_test_add_func ("/csv/round-trip", test_csv_round_trip);

  return g_test_run ();
}
