/* fuzz-csv.c — untrusted CSV (an import's body) through the reader, the
 * writer and the record checks
 *
 * What the reader accepts, the writer writes back and the reader reads
 * again unchanged; each data row then goes through wg_record_input_parse
 * as an import would send it, keyed by the header, for every kind.
 */
#define G_LOG_DOMAIN "fuzz-csv"

#include "config.h"

#include "fuzz-replay.h"
#include "wg-csv.h"
#include "wg-error.h"
#include "wg-record-kind.h"

#define MAX_ROWS_CHECKED 8

static void
check_round_trip (GPtrArray *rows)
{
  g_autoptr(WgCsvWriter) writer = wg_csv_writer_new (TRUE);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  const char *data;

  for (guint i = 0; i < rows->len; i++)
    wg_csv_writer_add_row (writer, g_ptr_array_index (rows, i));
  bytes = wg_csv_writer_free_to_bytes (g_steal_pointer (&writer));
  data = g_bytes_get_data (bytes, &length);
  again = wg_csv_read (data, length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->len, ==, rows->len);
  for (guint i = 0; i < rows->len; i++)
    g_assert_true (g_strv_equal (g_ptr_array_index (rows, i), g_ptr_array_index (again, i)));
}

static void
check_records (GPtrArray *rows)
{
  const WgRecordKind * const *kinds = wg_record_kinds ();
  GStrv header;

  if (rows->len < 2)
    return;
  header = g_ptr_array_index (rows, 0);
  for (guint i = 1; i < MIN (rows->len, MAX_ROWS_CHECKED); i++)
    {
      GStrv row = g_ptr_array_index (rows, i);
      g_autoptr(JsonObject) body = json_object_new ();

      for (guint j = 0; header[j] != NULL && row[j] != NULL; j++)
        json_object_set_string_member (body, header[j], row[j]);
      for (guint k = 0; kinds[k] != NULL; k++)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(JsonObject) input = wg_record_input_parse (kinds[k], body, i % 2 == 0, &error);

          g_assert_true ((input == NULL) == (error != NULL));
          if (error != NULL)
            g_assert_true (error->domain == WG_ERROR);
        }
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = wg_csv_read ((const char *) data, size, &error);

  if (rows == NULL)
    {
      g_assert_error (error, WG_ERROR, WG_ERROR_INVALID_INPUT);
      return 0;
    }
  check_round_trip (rows);
  check_records (rows);
  return 0;
}
