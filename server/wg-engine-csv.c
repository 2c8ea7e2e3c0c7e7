#define G_LOG_DOMAIN "wg-engine"

#include "config.h"

#include <string.h>

#include "wg-csv.h"
#include "wg-engine-csv-private.h"
#include "wg-error.h"
#include "wg-json.h"
#include "wg-pg.h"

#define IMPORT_BLOCK_ROWS 200

/* What an import reads of one file: the header's columns (NULL for a
 * skipped one) and the report it builds. */
typedef struct {
  GPtrArray  *rows;
  GStrv       header;
  gboolean   *used;         /* per column: a field, not skipped */
  guint       n_rows;       /* data rows that were not empty */
  JsonArray  *rejected;
} Import;

static void
import_clear (Import *import)
{
  g_clear_pointer (&import->rows, g_ptr_array_unref);
  g_clear_pointer (&import->used, g_free);
  g_clear_pointer (&import->rejected, json_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Import, import_clear)

/* ----------------------------------------------------------- the job */

static void
csv_job_free (gpointer data)
{
  CsvJob *job = data;

  _wg_engine_job_clear (&job->people.base);
  g_clear_pointer (&job->people.query, wg_people_query_free);
  g_clear_pointer (&job->records_query, wg_record_query_free);
  g_clear_pointer (&job->filters, json_object_unref);
  g_clear_pointer (&job->csv, g_bytes_unref);
  g_clear_pointer (&job->report, json_node_unref);
  g_free (job);
}

CsvJob *
_wg_csv_job_new (WgEngine           *self,
                 const char         *token,
                 const WgRecordKind *kind)
{
  CsvJob *job = g_new0 (CsvJob, 1);

  _wg_engine_job_init (&job->people.base, self, token);
  job->people.protect = _wg_engine_get_protect (self);
  job->kind = kind;
  return job;
}

void
_wg_csv_run (WgEngine            *self,
             CsvJob              *job,
             WgDbJobFunc          func,
             gpointer             source_tag,
             GCancellable        *cancellable,
             GAsyncReadyCallback  callback,
             gpointer             user_data)
{
  _wg_engine_run (self, WG_DB_JOB_TRANSACTION, func, job, csv_job_free, source_tag,
                  cancellable, callback, user_data);
}

gboolean
_wg_csv_authorize (PGconn    *conn,
                   CsvJob    *job,
                   gboolean   write,
                   GError   **error)
{
  if (job->kind == NULL)
    return _wg_people_authorize (conn, &job->people,
                                 write ? WG_PERMISSION_RECORDS_WRITE : WG_PERMISSION_RECORDS_READ,
                                 error);
  return _wg_records_authorize (conn, &job->people.base, job->kind,
                                write ? job->kind->write : job->kind->read, error);
}

const char *
_wg_csv_table (CsvJob *job)
{
  return job->kind != NULL ? job->kind->table : "person";
}

gboolean
_wg_csv_audit (PGconn      *conn,
               CsvJob      *job,
               const char  *action,
               JsonObject  *changes,
               GError     **error)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autofree char *text = NULL;
  const char *params[4];
  g_autoptr(PGresult) result = NULL;

  json_node_set_object (node, changes);
  text = json_to_string (node, FALSE);
  params[0] = action;
  params[1] = _wg_csv_table (job);
  params[2] = wg_user_get_scope (job->people.base.actor.user);
  params[3] = text;
  result = wg_pg_exec (conn,
                       "INSERT INTO audit_log (user_id, action, table_name, path, changes,"
                       "                       prev_hash, hash) "
                       "VALUES (wg_user_id(), $1::text, $2::text, $3::ltree, $4::jsonb,"
                       "        '\\x00', '\\x00')",
                       G_N_ELEMENTS (params), params, error);
  return result != NULL;
}

gboolean
wg_csv_column_is_skipped (const WgRecordKind *kind,
                          const char         *name)
{
  static const char * const always[] = { "id", "version", "created_at", "updated_at", NULL };
  const WgFieldSpec *field;

  if (g_strv_contains (always, name))
    return TRUE;
  if (kind == NULL)
    return g_str_equal (name, "household_id");
  if (kind->author_only && g_str_equal (name, "author_id"))
    return TRUE;
  field = wg_record_kind_field (kind, name);
  return field != NULL && (field->flags & WG_FIELD_READ_ONLY);
}

/* ------------------------------------------------------------ header */

static gboolean
is_person_column (const char *name)
{
  if (g_str_equal (name, "tags"))
    return TRUE;
  for (guint i = 0; i < WG_PERSON_N_FIELDS; i++)
    if (g_str_equal (wg_person_field_name (i), name))
      return TRUE;
  return FALSE;
}

static gboolean
check_column (const WgRecordKind  *kind,
              GStrv                header,
              guint                index,
              gboolean            *used,
              GError             **error)
{
  const char *name = header[index];

  for (guint j = 0; j < index; j++)
    if (g_str_equal (header[j], name))
      {
        wg_set_field_error (error, name, "The column “%s” appears twice", name);
        return FALSE;
      }
  if (wg_csv_column_is_skipped (kind, name))
    return TRUE;
  if (kind != NULL ? wg_record_kind_field (kind, name) == NULL : !is_person_column (name))
    {
      wg_set_field_error (error, name, "The column “%s” is not a field of %s", name,
                          kind != NULL ? kind->name : "people");
      return FALSE;
    }
  *used = TRUE;
  return TRUE;
}

/* A kind's required fields each need a column, or every row would be
 * refused for it. */
static gboolean
check_required (const WgRecordKind  *kind,
                GStrv                header,
                GError             **error)
{
  for (guint i = 0; kind != NULL && i < kind->n_fields; i++)
    {
      const WgFieldSpec *field = &kind->fields[i];

      if ((field->flags & WG_FIELD_REQUIRED) && !(field->flags & WG_FIELD_READ_ONLY) &&
          !g_strv_contains ((const char * const *) header, field->name))
        {
          wg_set_field_error (error, field->name, "The file has no column “%s”, which is required",
                              field->name);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
read_file (CsvJob   *job,
           Import   *import,
           GError  **error)
{
  gsize length = 0;
  const char *data = g_bytes_get_data (job->csv, &length);

  import->rows = wg_csv_read (data != NULL ? data : "", length, error);
  if (import->rows == NULL)
    return FALSE;
  if (import->rows->len == 0 || g_strv_length (g_ptr_array_index (import->rows, 0)) == 0)
    {
      wg_set_field_error (error, NULL, "The file is empty: its first row names the fields");
      return FALSE;
    }
  import->header = g_ptr_array_index (import->rows, 0);
  import->used = g_new0 (gboolean, g_strv_length (import->header));
  for (guint i = 0; import->header[i] != NULL; i++)
    {
      g_strstrip (import->header[i]);
      if (!check_column (job->kind, import->header, i, &import->used[i], error))
        return FALSE;
    }
  return check_required (job->kind, import->header, error);
}

/* -------------------------------------------------------------- rows */

static void
reject (Import       *import,
        guint         row,
        const GError *error)
{
  JsonObject *entry = json_object_new ();
  const char *field = wg_error_get_field (error);
  WgErrorCode code = error->domain == WG_ERROR ? error->code : WG_ERROR_INTERNAL;

  json_object_set_int_member (entry, "row", row);
  if (field != NULL)
    json_object_set_string_member (entry, "field", field);
  else
    json_object_set_null_member (entry, "field");
  json_object_set_string_member (entry, "code", wg_error_code_to_string (code));
  json_object_set_string_member (entry, "message", error->message);
  json_array_add_object_element (import->rejected, entry);
}

/* "elderly_alone;veteran" as people's tags, each from today. */
static JsonNode *
tags_node (const char *cell)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_auto(GStrv) names = g_strsplit_set (cell, ";,", -1);
  JsonArray *tags = json_array_new ();
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  for (guint i = 0; names[i] != NULL; i++)
    {
      JsonObject *tag;

      if (*g_strstrip (names[i]) == '\0')
        continue;
      tag = json_object_new ();
      json_object_set_string_member (tag, "tag", names[i]);
      json_object_set_string_member (tag, "from", today);
      json_array_add_object_element (tags, tag);
    }
  json_node_take_array (node, tags);
  return node;
}

/* The row as the body of a create: its non-empty cells as strings keyed
 * by the header (an empty cell is an absent member). */
static JsonObject *
row_object (CsvJob  *job,
            Import  *import,
            GStrv    row)
{
  JsonObject *object = json_object_new ();

  for (guint i = 0; row[i] != NULL; i++)
    {
      g_autofree char *cell = g_strstrip (g_strdup (row[i]));

      if (!import->used[i] || *cell == '\0')
        continue;
      if (job->kind == NULL && g_str_equal (import->header[i], "tags"))
        json_object_set_member (object, "tags", tags_node (cell));
      else
        json_object_set_string_member (object, import->header[i], cell);
    }
  return object;
}

static gboolean
insert_person (PGconn      *conn,
               CsvJob      *job,
               JsonObject  *object,
               GError     **error)
{
  g_autoptr(WgPersonInput) input = wg_person_input_parse (object, FALSE, error);
  gint64 id = 0;

  return input != NULL && _wg_people_insert (conn, job->people.protect, input, &id, error);
}

static gboolean
insert_record (PGconn      *conn,
               CsvJob      *job,
               JsonObject  *object,
               GError     **error)
{
  g_autoptr(JsonObject) input = wg_record_input_parse (job->kind, object, FALSE, error);
  gint64 id = 0;

  return input != NULL &&
         _wg_records_insert (conn, job->kind, input, job->people.base.actor.user_id, &id, error);
}

static gboolean
exec_simple (PGconn      *conn,
             const char  *sql,
             GError     **error)
{
  g_autoptr(PGresult) result = wg_pg_exec (conn, sql, 0, NULL, error);

  return result != NULL;
}

/* One row: FALSE with @row_error when it is refused (by the checks or by
 * the database); an empty row is skipped. */
static gboolean
insert_row (PGconn   *conn,
            CsvJob   *job,
            Import   *import,
            guint     number,
            GError  **row_error)
{
  GStrv row = g_ptr_array_index (import->rows, number);
  guint n_columns = g_strv_length (import->header);
  g_autoptr(JsonObject) object = NULL;

  if (g_strv_length (row) != n_columns)
    {
      wg_set_field_error (row_error, NULL, "The row has %u fields, the header %u",
                          g_strv_length (row), n_columns);
      return FALSE;
    }
  object = row_object (job, import, row);
  return job->kind == NULL ? insert_person (conn, job, object, row_error)
                           : insert_record (conn, job, object, row_error);
}

/* A refusal by the database has aborted the transaction (to the last
 * savepoint); one by the checks has not. */
static gboolean
aborts_transaction (PGconn *conn)
{
  return PQtransactionStatus (conn) == PQTRANS_INERROR;
}

/* Rows @first to @last each under its own savepoint, so that what the
 * database refuses is that row's error and the others go on; FALSE only
 * when the import cannot go on (the connection is lost). */
static gboolean
import_rows_one_by_one (PGconn   *conn,
                        CsvJob   *job,
                        Import   *import,
                        guint     first,
                        guint     last,
                        GError  **error)
{
  for (guint i = first; i <= last; i++)
    {
      g_autoptr(GError) row_error = NULL;

      if (g_strv_length (g_ptr_array_index (import->rows, i)) == 0)
        continue;
      import->n_rows++;
      if (!exec_simple (conn, "SAVEPOINT wg_import_row", error))
        return FALSE;
      if (insert_row (conn, job, import, i, &row_error))
        {
          if (!exec_simple (conn, "RELEASE SAVEPOINT wg_import_row", error))
            return FALSE;
          continue;
        }
      if (g_error_matches (row_error, WG_ERROR, WG_ERROR_UNAVAILABLE))
        {
          g_propagate_error (error, g_steal_pointer (&row_error));
          return FALSE;
        }
      reject (import, i, row_error);
      if (!exec_simple (conn, "ROLLBACK TO SAVEPOINT wg_import_row", error))
        return FALSE;
    }
  return TRUE;
}

/* Rows @first to @last under one savepoint: each subtransaction costs the
 * rest of the transaction (PostgreSQL's lock bookkeeping grows with them,
 * a savepoint per row made 20,000 rows quadratic: 7 minutes), so rows go
 * in blocks, and only a block the database refuses is done again row by
 * row.  Rows the checks refuse are reported without a savepoint. */
static gboolean
import_block (PGconn   *conn,
              CsvJob   *job,
              Import   *import,
              guint     first,
              guint     last,
              GError  **error)
{
  guint rows_before = import->n_rows;
  guint rejected_before = json_array_get_length (import->rejected);

  if (!exec_simple (conn, "SAVEPOINT wg_import_block", error))
    return FALSE;
  for (guint i = first; i <= last; i++)
    {
      g_autoptr(GError) row_error = NULL;

      if (g_strv_length (g_ptr_array_index (import->rows, i)) == 0)
        continue;
      import->n_rows++;
      if (insert_row (conn, job, import, i, &row_error))
        continue;
      if (g_error_matches (row_error, WG_ERROR, WG_ERROR_UNAVAILABLE))
        {
          g_propagate_error (error, g_steal_pointer (&row_error));
          return FALSE;
        }
      if (aborts_transaction (conn))
        {
          import->n_rows = rows_before;
          while (json_array_get_length (import->rejected) > rejected_before)
            json_array_remove_element (import->rejected, rejected_before);
          return exec_simple (conn, "ROLLBACK TO SAVEPOINT wg_import_block", error) &&
                 import_rows_one_by_one (conn, job, import, first, last, error) &&
                 exec_simple (conn, "RELEASE SAVEPOINT wg_import_block", error);
        }
      reject (import, i, row_error);
    }
  return exec_simple (conn, "RELEASE SAVEPOINT wg_import_block", error);
}

static JsonNode *
report_node (CsvJob  *job,
             Import  *import,
             guint    imported)
{
  JsonObject *report = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);
  guint n_rejected = json_array_get_length (import->rejected);

  json_object_set_boolean_member (report, "dry_run", job->dry_run);
  json_object_set_int_member (report, "rows", import->n_rows);
  json_object_set_int_member (report, "accepted", import->n_rows - n_rejected);
  json_object_set_array_member (report, "rejected", json_array_ref (import->rejected));
  json_object_set_int_member (report, "imported", imported);
  json_node_take_object (node, report);
  return node;
}

static gboolean
audit_import (PGconn   *conn,
              CsvJob   *job,
              guint     rows,
              GError  **error)
{
  g_autoptr(JsonObject) changes = json_object_new ();

  json_object_set_string_member (changes, "kind", job->kind != NULL ? job->kind->name : "people");
  json_object_set_int_member (changes, "rows", rows);
  return _wg_csv_audit (conn, job, "import", changes, error);
}

static gboolean
wg_engine_csv_import_job (PGconn   *conn,
                          gpointer  data,
                          GError  **outcome,
                          GError  **error)
{
  CsvJob *job = data;
  g_auto(Import) import = { NULL };
  gboolean clean;

  import.rejected = json_array_new ();
  if (!_wg_csv_authorize (conn, job, TRUE, error) || !read_file (job, &import, error) ||
      !exec_simple (conn, "SAVEPOINT wg_import", error))
    return FALSE;
  for (guint first = 1; first < import.rows->len; first += IMPORT_BLOCK_ROWS)
    if (!import_block (conn, job, &import, first,
                       MIN (first + IMPORT_BLOCK_ROWS, import.rows->len) - 1, error))
      return FALSE;
  job->rejected = json_array_get_length (import.rejected) > 0;
  clean = !job->dry_run && !job->rejected;
  /* A dry run or a refused row writes nothing: every insert goes. */
  if (!clean && !exec_simple (conn, "ROLLBACK TO SAVEPOINT wg_import", error))
    return FALSE;
  if (clean && !audit_import (conn, job, import.n_rows, error))
    return FALSE;
  job->report = report_node (job, &import, clean ? import.n_rows : 0);
  return TRUE;
}

/* -------------------------------------------------------- public API */

void
wg_engine_csv_import_async (WgEngine            *self,
                            const char          *token,
                            const WgRecordKind  *kind,
                            GBytes              *csv,
                            gboolean             dry_run,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  CsvJob *job;

  g_return_if_fail (WG_IS_ENGINE (self));
  g_return_if_fail (csv != NULL);

  job = _wg_csv_job_new (self, token, kind);
  job->csv = g_bytes_ref (csv);
  job->dry_run = dry_run;
  _wg_csv_run (self, job, wg_engine_csv_import_job, wg_engine_csv_import_async, cancellable,
               callback, user_data);
}

JsonNode *
wg_engine_csv_import_finish (WgEngine      *self,
                             GAsyncResult  *result,
                             gint64        *user_id,
                             gboolean      *rejected,
                             GError       **error)
{
  CsvJob *job = _wg_engine_finish_job (self, result, wg_engine_csv_import_async, user_id, error);

  if (job == NULL)
    return NULL;
  if (rejected != NULL)
    *rejected = job->rejected;
  return json_node_ref (job->report);
}

void
wg_engine_csv_export_async (WgEngine            *self,
                            const char          *token,
                            const WgRecordKind  *kind,
                            const WgRecordQuery *records_query,
                            const WgPeopleQuery *people_query,
                            JsonObject          *filters,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  CsvJob *job;

  g_return_if_fail (WG_IS_ENGINE (self));
  g_return_if_fail (kind != NULL ? records_query != NULL : people_query != NULL);
  g_return_if_fail (filters != NULL);

  job = _wg_csv_job_new (self, token, kind);
  job->records_query = kind != NULL ? wg_record_query_copy (records_query) : NULL;
  job->people.query = kind == NULL ? wg_people_query_copy (people_query) : NULL;
  job->filters = json_object_ref (filters);
  _wg_csv_run (self, job, _wg_csv_export_job, wg_engine_csv_export_async, cancellable,
               callback, user_data);
}

GBytes *
wg_engine_csv_export_finish (WgEngine      *self,
                             GAsyncResult  *result,
                             gint64        *user_id,
                             gboolean      *truncated,
                             GError       **error)
{
  CsvJob *job = _wg_engine_finish_job (self, result, wg_engine_csv_export_async, user_id, error);

  if (job == NULL)
    return NULL;
  if (truncated != NULL)
    *truncated = job->truncated;
  return g_bytes_ref (job->csv);
}
