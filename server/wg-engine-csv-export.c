#define G_LOG_DOMAIN "wg-engine"

#include "config.h"

#include <string.h>

#include "wg-csv.h"
#include "wg-engine-csv-private.h"
#include "wg-error.h"
#include "wg-json.h"
#include "wg-pg.h"

/* The members of a person (WG_PERSON_JSON) that an export writes; its
 * id_number is the masked one. */
static const char * const person_columns[] = {
  "id", "name", "sex", "birth_date", "ethnicity", "phone", "id_number", "residence_status",
  "origin_code", "nationality", "grid", "tags", "household_id", NULL,
};

GPtrArray *
_wg_csv_columns (const WgRecordKind *kind)
{
  GPtrArray *columns = g_ptr_array_new ();

  if (kind == NULL)
    {
      for (guint i = 0; person_columns[i] != NULL; i++)
        g_ptr_array_add (columns, (gpointer) person_columns[i]);
      return columns;
    }
  g_ptr_array_add (columns, (gpointer) "id");
  for (guint i = 0; i < kind->n_fields; i++)
    g_ptr_array_add (columns, (gpointer) kind->fields[i].name);
  g_ptr_array_add (columns, (gpointer) "created_at");
  g_ptr_array_add (columns, (gpointer) "updated_at");
  return columns;
}

/* ------------------------------------------------------------- cells */

static char *
number_text (JsonNode *node)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  /* 15 digits: 116.41 stays 116.41, not 116.41000000000001. */
  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.15g", json_node_get_double (node)));
}

static char *
value_text (JsonNode *node)
{
  GType type = json_node_get_value_type (node);

  if (type == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));
  if (type == G_TYPE_BOOLEAN)
    return g_strdup (json_node_get_boolean (node) ? "true" : "false");
  return number_text (node);
}

/* People's tags in force today, by name. */
static gboolean
tag_in_force (JsonObject *tag,
              const char *today)
{
  const char *to = json_object_get_string_member_with_default (tag, "to", NULL);

  return to == NULL || strcmp (to, today) >= 0;
}

/* A point "lon,lat"; a list (of text, of tags) "a;b"; else JSON. */
static char *
array_text (JsonArray  *array,
            const char *today)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint length = json_array_get_length (array);

  if (length == 2 && JSON_NODE_HOLDS_VALUE (json_array_get_element (array, 0)) &&
      json_node_get_value_type (json_array_get_element (array, 0)) != G_TYPE_STRING)
    {
      g_autofree char *lon = number_text (json_array_get_element (array, 0));
      g_autofree char *lat = number_text (json_array_get_element (array, 1));

      return g_strdup_printf ("%s,%s", lon, lat);
    }
  for (guint i = 0; i < length; i++)
    {
      JsonNode *item = json_array_get_element (array, i);
      const char *name = NULL;

      if (JSON_NODE_HOLDS_VALUE (item) && json_node_get_value_type (item) == G_TYPE_STRING)
        name = json_node_get_string (item);
      else if (JSON_NODE_HOLDS_OBJECT (item) &&
               tag_in_force (json_node_get_object (item), today))
        name = json_object_get_string_member_with_default (json_node_get_object (item), "tag",
                                                           NULL);
      if (name != NULL)
        g_string_append_printf (text, "%s%s", text->len > 0 ? ";" : "", name);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* A member of a record's JSON as a cell: the grid by its code, a
 * geometry as GeoJSON text, null as an empty cell. */
static char *
cell_text (JsonNode   *node,
           const char *today)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (JSON_NODE_HOLDS_VALUE (node))
    return value_text (node);
  if (JSON_NODE_HOLDS_ARRAY (node))
    return array_text (json_node_get_array (node), today);
  if (json_object_has_member (json_node_get_object (node), "code"))
    return g_strdup (json_object_get_string_member_with_default (json_node_get_object (node),
                                                                 "code", NULL));
  return wg_json_to_string (node, NULL);
}

static gboolean
write_record (WgCsvWriter  *writer,
              GPtrArray    *columns,
              const char   *json,
              gsize         length,
              const char   *today,
              GError      **error)
{
  g_autoptr(JsonNode) root = wg_json_parse (json, length, error);
  JsonObject *record;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_clear_error (error);
      g_set_error_literal (error, WG_ERROR, WG_ERROR_INTERNAL, "A record could not be read");
      return FALSE;
    }
  record = json_node_get_object (root);
  for (guint i = 0; i < columns->len; i++)
    {
      g_autofree char *cell = cell_text (json_object_get_member (record, columns->pdata[i]), today);

      wg_csv_writer_add_field (writer, cell);
    }
  wg_csv_writer_end_row (writer);
  return TRUE;
}

/* ------------------------------------------------------------ export */

static PGresult *
select_all (PGconn   *conn,
            CsvJob   *job,
            GError  **error)
{
  /* One more than the limit tells that more matched. */
  if (job->kind == NULL)
    return _wg_people_select_all (conn, &job->people, WG_CSV_EXPORT_MAX_ROWS, error);
  return _wg_records_select_all (conn, job->kind, job->records_query,
                                 WG_CSV_EXPORT_MAX_ROWS + 1, error);
}

static gboolean
write_file (CsvJob    *job,
            PGresult  *result,
            guint      n_rows,
            GError   **error)
{
  g_autoptr(GPtrArray) columns = _wg_csv_columns (job->kind);
  g_autoptr(WgCsvWriter) writer = wg_csv_writer_new (TRUE);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  g_ptr_array_add (columns, NULL);
  wg_csv_writer_add_row (writer, (const char * const *) columns->pdata);
  g_ptr_array_set_size (columns, columns->len - 1);
  for (guint i = 0; i < n_rows; i++)
    if (!write_record (writer, columns, PQgetvalue (result, i, 0), PQgetlength (result, i, 0),
                       today, error))
      return FALSE;
  job->csv = wg_csv_writer_free_to_bytes (g_steal_pointer (&writer));
  return TRUE;
}

static gboolean
audit_export (PGconn   *conn,
              CsvJob   *job,
              guint     rows,
              GError  **error)
{
  g_autoptr(JsonObject) changes = json_object_new ();

  json_object_set_string_member (changes, "kind", job->kind != NULL ? job->kind->name : "people");
  json_object_set_int_member (changes, "rows", rows);
  json_object_set_boolean_member (changes, "truncated", job->truncated);
  json_object_set_object_member (changes, "filters", json_object_ref (job->filters));
  return _wg_csv_audit (conn, job, "export", changes, error);
}

gboolean
_wg_csv_export_job (PGconn   *conn,
                    gpointer  data,
                    GError  **outcome,
                    GError  **error)
{
  CsvJob *job = data;
  g_autoptr(PGresult) result = NULL;
  guint n_rows;

  if (!_wg_csv_authorize (conn, job, FALSE, error) ||
      (result = select_all (conn, job, error)) == NULL)
    return FALSE;
  n_rows = PQntuples (result);
  job->truncated = n_rows > WG_CSV_EXPORT_MAX_ROWS;
  n_rows = MIN (n_rows, WG_CSV_EXPORT_MAX_ROWS);
  return write_file (job, result, n_rows, error) && audit_export (conn, job, n_rows, error);
}
