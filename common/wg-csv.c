#define G_LOG_DOMAIN "wg-common"

#include "config.h"

#include <string.h>

#include "wg-csv.h"
#include "wg-error.h"

#define BYTE_ORDER_MARK "\xEF\xBB\xBF"

typedef struct {
  const char *data;
  gsize       length;
  gsize       pos;
  guint       row;       /* the record being read: 0 is the header */
  GPtrArray  *fields;    /* of the current row */
  GString    *field;
} Reader;

static void
reader_clear (Reader *reader)
{
  g_clear_pointer (&reader->fields, g_ptr_array_unref);
  if (reader->field != NULL)
    g_string_free (reader->field, TRUE);
  reader->field = NULL;
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Reader, reader_clear)

static gboolean
at_end (Reader *reader)
{
  return reader->pos >= reader->length;
}

static gboolean
at_line_end (Reader *reader)
{
  return !at_end (reader) &&
         (reader->data[reader->pos] == '\n' || reader->data[reader->pos] == '\r');
}

/* Consumes "\r\n", "\n" or a lone "\r". */
static void
skip_line_end (Reader *reader)
{
  if (reader->data[reader->pos] == '\r')
    reader->pos++;
  if (!at_end (reader) && reader->data[reader->pos] == '\n')
    reader->pos++;
}

static guint
column (Reader *reader)
{
  return reader->fields->len + 1;
}

static gboolean
check_field_length (Reader  *reader,
                    GError **error)
{
  if (reader->field->len <= WG_CSV_MAX_FIELD_BYTES)
    return TRUE;
  wg_set_field_error (error, NULL, "Row %u, column %u: a field holds at most %d bytes",
                      reader->row, column (reader), WG_CSV_MAX_FIELD_BYTES);
  return FALSE;
}

/* A quoted field, from its opening quote to the character after the
 * closing one, which must end the field. */
static gboolean
read_quoted (Reader  *reader,
             GError **error)
{
  reader->pos++;
  for (;;)
    {
      const char *start = reader->data + reader->pos;
      const char *quote = memchr (start, '"', reader->length - reader->pos);

      if (quote == NULL)
        {
          wg_set_field_error (error, NULL, "Row %u, column %u: a quoted field has no closing quote",
                              reader->row, column (reader));
          return FALSE;
        }
      g_string_append_len (reader->field, start, quote - start);
      reader->pos = quote - reader->data + 1;
      if (!check_field_length (reader, error))
        return FALSE;
      if (at_end (reader) || reader->data[reader->pos] != '"')
        break;
      g_string_append_c (reader->field, '"');
      reader->pos++;
    }
  if (at_end (reader) || at_line_end (reader) || reader->data[reader->pos] == ',')
    return TRUE;
  wg_set_field_error (error, NULL,
                      "Row %u, column %u: text follows a closing quote (a quote inside a field "
                      "is written twice)", reader->row, column (reader));
  return FALSE;
}

static gboolean
read_unquoted (Reader  *reader,
               GError **error)
{
  gsize start = reader->pos;

  while (!at_end (reader) && !at_line_end (reader) && reader->data[reader->pos] != ',')
    {
      if (reader->data[reader->pos] == '"')
        {
          wg_set_field_error (error, NULL,
                              "Row %u, column %u: a quote inside a field that does not start "
                              "with one (quote the whole field and write the quote twice)",
                              reader->row, column (reader));
          return FALSE;
        }
      reader->pos++;
    }
  g_string_append_len (reader->field, reader->data + start, reader->pos - start);
  return check_field_length (reader, error);
}

static gboolean
read_field (Reader  *reader,
            GError **error)
{
  gboolean read;

  if (reader->fields->len >= WG_CSV_MAX_COLUMNS)
    {
      wg_set_field_error (error, NULL, "Row %u has more than %d columns", reader->row,
                          WG_CSV_MAX_COLUMNS);
      return FALSE;
    }
  g_string_truncate (reader->field, 0);
  if (!at_end (reader) && reader->data[reader->pos] == '"')
    read = read_quoted (reader, error);
  else
    read = read_unquoted (reader, error);
  if (!read)
    return FALSE;
  /* A NUL byte is refused too: fields become C strings. */
  if (!g_utf8_validate_len (reader->field->str, reader->field->len, NULL))
    {
      wg_set_field_error (error, NULL,
                          "Row %u, column %u is not UTF-8 text (save the file as “CSV UTF-8”)",
                          reader->row, column (reader));
      return FALSE;
    }
  g_ptr_array_add (reader->fields, g_strndup (reader->field->str, reader->field->len));
  return TRUE;
}

/* One record and its line end; an empty line is a record of no fields. */
static GStrv
read_row (Reader  *reader,
          GError **error)
{
  g_clear_pointer (&reader->fields, g_ptr_array_unref);
  reader->fields = g_ptr_array_new_with_free_func (g_free);
  if (!at_line_end (reader))
    for (;;)
      {
        if (!read_field (reader, error))
          return NULL;
        if (at_end (reader) || at_line_end (reader))
          break;
        reader->pos++;   /* the comma */
      }
  if (!at_end (reader))
    skip_line_end (reader);
  g_ptr_array_add (reader->fields, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&reader->fields), FALSE);
}

GPtrArray *
wg_csv_read (const char  *data,
             gsize        length,
             GError     **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_auto(Reader) reader = { data, length, 0, 0, NULL, NULL };

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  reader.field = g_string_new (NULL);
  if (length >= 3 && memcmp (data, BYTE_ORDER_MARK, 3) == 0)
    reader.pos = 3;
  for (; !at_end (&reader); reader.row++)
    {
      GStrv row;

      if (reader.row > WG_CSV_MAX_ROWS)
        {
          wg_set_field_error (error, NULL, "The file has more than %d rows", WG_CSV_MAX_ROWS);
          return NULL;
        }
      if ((row = read_row (&reader, error)) == NULL)
        return NULL;
      g_ptr_array_add (rows, row);
    }
  return g_steal_pointer (&rows);
}

/* ------------------------------------------------------------- writer */

struct _WgCsvWriter {
  GString *text;
  gsize    row_start;    /* where the current row begins in text */
  guint    row_fields;
  guint    n_rows;
};

WgCsvWriter *
wg_csv_writer_new (gboolean byte_order_mark)
{
  WgCsvWriter *writer = g_new0 (WgCsvWriter, 1);

  writer->text = g_string_new (byte_order_mark ? BYTE_ORDER_MARK : NULL);
  writer->row_start = writer->text->len;
  return writer;
}

void
wg_csv_writer_free (WgCsvWriter *writer)
{
  if (writer == NULL)
    return;
  g_string_free (writer->text, TRUE);
  g_free (writer);
}

/* Quoted when it holds a separator, a quote or a line break, or begins or
 * ends with a blank (which readers may trim). */
static gboolean
needs_quotes (const char *value)
{
  gsize length = strlen (value);

  return strpbrk (value, ",\"\r\n") != NULL ||
         (length > 0 && (g_ascii_isspace (value[0]) || g_ascii_isspace (value[length - 1])));
}

void
wg_csv_writer_add_field (WgCsvWriter *writer,
                         const char  *value)
{
  g_return_if_fail (writer != NULL);

  if (writer->row_fields++ > 0)
    g_string_append_c (writer->text, ',');
  if (value == NULL)
    return;
  if (!needs_quotes (value))
    {
      g_string_append (writer->text, value);
      return;
    }
  g_string_append_c (writer->text, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (writer->text, '"');
      g_string_append_c (writer->text, *p);
    }
  g_string_append_c (writer->text, '"');
}

void
wg_csv_writer_end_row (WgCsvWriter *writer)
{
  g_return_if_fail (writer != NULL);

  /* A row of one empty field is not an empty line (which reads as a row
   * of no fields). */
  if (writer->row_fields == 1 && writer->text->len == writer->row_start)
    g_string_append (writer->text, "\"\"");
  g_string_append (writer->text, "\r\n");
  writer->row_start = writer->text->len;
  writer->row_fields = 0;
  writer->n_rows++;
}

void
wg_csv_writer_add_row (WgCsvWriter        *writer,
                       const char * const *fields)
{
  g_return_if_fail (writer != NULL);
  g_return_if_fail (fields != NULL);

  for (guint i = 0; fields[i] != NULL; i++)
    wg_csv_writer_add_field (writer, fields[i]);
  wg_csv_writer_end_row (writer);
}

guint
wg_csv_writer_get_n_rows (WgCsvWriter *writer)
{
  g_return_val_if_fail (writer != NULL, 0);

  return writer->n_rows;
}

GBytes *
wg_csv_writer_free_to_bytes (WgCsvWriter *writer)
{
  GString *text;

  g_return_val_if_fail (writer != NULL, NULL);

  text = writer->text;
  g_free (writer);
  return g_string_free_to_bytes (text);
}
