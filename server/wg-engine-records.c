#define G_LOG_DOMAIN "wg-engine"

#include "config.h"

#include <string.h>

#include "wg-cursor.h"
#include "wg-engine-records-private.h"
#include "wg-error.h"
#include "wg-pg.h"

/* ------------------------------------------------------------ helpers */

static void
records_job_free (gpointer data)
{
  RecordsJob *job = data;

  _wg_engine_job_clear (&job->base);
  g_clear_pointer (&job->query, wg_record_query_free);
  g_clear_pointer (&job->input, json_object_unref);
  g_clear_pointer (&job->body, g_bytes_unref);
  g_free (job->key);
  g_free (job);
}

RecordsJob *
_wg_records_job_new (WgEngine           *self,
                     const char         *token,
                     const WgRecordKind *kind)
{
  RecordsJob *job = g_new0 (RecordsJob, 1);

  _wg_engine_job_init (&job->base, self, token);
  job->kind = kind;
  return job;
}

void
_wg_records_run (WgEngine            *self,
                 RecordsJob          *job,
                 WgDbJobFunc          func,
                 gpointer             source_tag,
                 GCancellable        *cancellable,
                 GAsyncReadyCallback  callback,
                 gpointer             user_data)
{
  _wg_engine_run (self, WG_DB_JOB_TRANSACTION, func, job, records_job_free, source_tag,
                  cancellable, callback, user_data);
}

gboolean
_wg_records_authorize (PGconn              *conn,
                       WgEngineJob         *job,
                       const WgRecordKind  *kind,
                       WgPermission         permission,
                       GError             **error)
{
  if (!_wg_engine_authenticate (conn, &job->settings, job->token, &job->actor, error))
    return FALSE;
  if (!wg_roles_may (wg_user_get_role_mask (job->actor.user), permission))
    {
      g_set_error (error, WG_ERROR, WG_ERROR_FORBIDDEN,
                   "Your role does not allow this on the records of %s", kind->name);
      return FALSE;
    }
  return TRUE;
}

void
_wg_records_not_found (const WgRecordKind  *kind,
                       GError             **error)
{
  g_set_error (error, WG_ERROR, WG_ERROR_NOT_FOUND,
               "There is no such record of %s in your territory", kind->name);
}

/* The text of the only value of @result. */
static GBytes *
result_text (PGresult *result)
{
  return g_bytes_new (PQgetvalue (result, 0, 0), PQgetlength (result, 0, 0));
}

gboolean
_wg_records_read (PGconn      *conn,
                  RecordsJob  *job,
                  gint64       id,
                  GError     **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT ");
  g_autoptr(GPtrArray) params = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_autoptr(PGresult) result = NULL;

  _wg_records_append_json (sql, job->kind, NULL);
  g_string_append_printf (sql, "::text FROM %s r" WG_RECORDS_GRID_JOIN " WHERE r.id = ",
                          job->kind->table);
  _wg_records_add_param (sql, params, id_text, "bigint");
  result = _wg_records_exec (conn, sql, params, error);
  if (result == NULL)
    return FALSE;
  if (PQntuples (result) == 0)
    {
      _wg_records_not_found (job->kind, error);
      return FALSE;
    }
  g_clear_pointer (&job->body, g_bytes_unref);
  job->body = result_text (result);
  job->id = id;
  return TRUE;
}

/* ----------------------------------------------------------------- list */

/* "r.id > $a" or, for a dated kind, "(r.date, r.id) < ($d, $a)". */
static void
append_after (GString             *sql,
              GPtrArray           *params,
              const WgRecordQuery *query)
{
  g_autofree char *after = g_strdup_printf ("%" G_GINT64_FORMAT, query->after_id);

  if (query->after_id == 0)
    return;
  if (query->after_date == NULL)
    {
      g_string_append (sql, " AND r.id > ");
      _wg_records_add_param (sql, params, after, "bigint");
      return;
    }
  g_string_append_printf (sql, " AND (r.%s, r.id) < (", query->kind->date_field);
  _wg_records_add_param (sql, params, query->after_date, "date");
  g_string_append (sql, ", ");
  _wg_records_add_param (sql, params, after, "bigint");
  g_string_append (sql, ")");
}

/* "WITH grids AS (…), page AS (the ids of the page and one more,
 * numbered) " */
static void
append_page (GString             *sql,
             GPtrArray           *params,
             const WgRecordQuery *query,
             const char          *scope,
             const char          *limit)
{
  g_string_append (sql, "WITH " WG_RECORDS_GRIDS ", page AS (SELECT r.id, row_number() OVER (");
  _wg_records_append_order (sql, query->kind);
  g_string_append_printf (sql, ") AS n FROM %s r WHERE ", query->kind->table);
  _wg_records_append_filter (sql, params, query, scope);
  append_after (sql, params, query);
  _wg_records_append_order (sql, query->kind);
  g_string_append (sql, " LIMIT ");
  _wg_records_add_param (sql, params, limit, "int");
  g_string_append (sql, " + 1) ");
}

static GBytes *
page_body (const WgRecordQuery *query,
           PGresult            *result,
           const char          *total)
{
  g_autofree char *cursor = NULL;

  if (g_str_equal (PQgetvalue (result, 0, 2), "t"))
    cursor = wg_record_cursor_encode (g_ascii_strtoll (PQgetvalue (result, 0, 1), NULL, 10),
                                      query->kind->date_field != NULL ? PQgetvalue (result, 0, 3)
                                                                      : NULL);
  return wg_cursor_page_body (PQgetvalue (result, 0, 0), cursor, total);
}

static PGresult *
select_page (PGconn               *conn,
             const WgRecordQuery  *query,
             const char           *scope,
             GError              **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GPtrArray) params = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *limit = g_strdup_printf ("%u", query->limit);
  const char *date_field = query->kind->date_field;

  append_page (sql, params, query, scope, limit);
  g_string_append_printf (sql, "SELECT coalesce(json_agg(");
  _wg_records_append_json (sql, query->kind, NULL);
  g_string_append_printf (sql, " ORDER BY x.n) FILTER (WHERE x.n <= $%u::int), '[]'::json)::text,"
                          " max(r.id) FILTER (WHERE x.n = $%u::int), count(*) > $%u::int,"
                          " max(r.%s::text) FILTER (WHERE x.n = $%u::int)"
                          " FROM page x JOIN %s r ON r.id = x.id" WG_RECORDS_GRIDS_JOIN,
                          params->len, params->len, params->len,
                          date_field != NULL ? date_field : "id", params->len,
                          query->kind->table);
  return _wg_records_exec (conn, sql, params, error);
}

static PGresult *
select_count (PGconn               *conn,
              const WgRecordQuery  *query,
              const char           *scope,
              GError              **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GPtrArray) params = g_ptr_array_new_with_free_func (g_free);

  g_string_append_printf (sql, "SELECT count(*) FROM %s r WHERE ", query->kind->table);
  _wg_records_append_filter (sql, params, query, scope);
  return _wg_records_exec (conn, sql, params, error);
}

/* A FeatureCollection of the page: id, geometry, the rest as properties. */
static PGresult *
select_features (PGconn               *conn,
                 const WgRecordQuery  *query,
                 const char           *scope,
                 GError              **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GPtrArray) params = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *limit = g_strdup_printf ("%u", query->limit);
  const WgFieldSpec *geometry = _wg_records_geometry_field (query->kind);

  append_page (sql, params, query, scope, limit);
  g_string_append_printf (sql, "SELECT json_build_object('type', 'FeatureCollection', 'features',"
                          " coalesce(json_agg(json_build_object('type', 'Feature', 'id', r.id,"
                          " 'geometry', ST_AsGeoJSON(r.%s, 6)::json, 'properties', ",
                          _wg_records_column (geometry));
  _wg_records_append_json (sql, query->kind, geometry->name);
  g_string_append_printf (sql, ") ORDER BY x.n) FILTER (WHERE x.n <= $%u::int), '[]'::json),"
                          " 'truncated', count(*) > $%u::int)::text"
                          " FROM page x JOIN %s r ON r.id = x.id" WG_RECORDS_GRIDS_JOIN,
                          params->len, params->len, query->kind->table);
  return _wg_records_exec (conn, sql, params, error);
}

static gboolean
wg_engine_records_list_job (PGconn   *conn,
                            gpointer  data,
                            GError  **outcome,
                            GError  **error)
{
  RecordsJob *job = data;
  const WgRecordQuery *query = job->query;
  g_autoptr(PGresult) page = NULL;
  g_autoptr(PGresult) count = NULL;
  g_autofree char *scope = NULL;

  if (!_wg_records_authorize (conn, &job->base, job->kind, job->kind->read, error) ||
      !_wg_records_narrow (conn, query, &scope, error))
    return FALSE;
  if (query->geojson)
    {
      page = select_features (conn, query, scope, error);
      if (page != NULL)
        job->body = result_text (page);
      return page != NULL;
    }
  page = select_page (conn, query, scope, error);
  if (page == NULL)
    return FALSE;
  if (query->total && (count = select_count (conn, query, scope, error)) == NULL)
    return FALSE;
  job->body = page_body (query, page, count != NULL ? PQgetvalue (count, 0, 0) : NULL);
  return TRUE;
}

PGresult *
_wg_records_select_all (PGconn               *conn,
                        const WgRecordKind   *kind,
                        const WgRecordQuery  *query,
                        guint                 max_rows,
                        GError              **error)
{
  g_autoptr(GString) sql = g_string_new ("WITH " WG_RECORDS_GRIDS " SELECT ");
  g_autoptr(GPtrArray) params = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *limit = g_strdup_printf ("%u", max_rows);
  g_autofree char *scope = NULL;

  g_return_val_if_fail (query->kind == kind, NULL);

  if (!_wg_records_narrow (conn, query, &scope, error))
    return NULL;
  _wg_records_append_json (sql, kind, NULL);
  g_string_append_printf (sql, "::text FROM %s r" WG_RECORDS_GRIDS_JOIN " WHERE ", kind->table);
  _wg_records_append_filter (sql, params, query, scope);
  _wg_records_append_order (sql, kind);
  g_string_append (sql, " LIMIT ");
  _wg_records_add_param (sql, params, limit, "int");
  return _wg_records_exec (conn, sql, params, error);
}

/* ------------------------------------------------------------------ get */

static gboolean
wg_engine_record_get_job (PGconn   *conn,
                          gpointer  data,
                          GError  **outcome,
                          GError  **error)
{
  RecordsJob *job = data;

  return _wg_records_authorize (conn, &job->base, job->kind, job->kind->read, error) &&
         _wg_records_read (conn, job, job->id, error);
}

/* ----------------------------------------------------------- public API */

void
wg_engine_records_list_async (WgEngine            *self,
                              const char          *token,
                              const WgRecordQuery *query,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  RecordsJob *job;

  g_return_if_fail (WG_IS_ENGINE (self));
  g_return_if_fail (query != NULL);

  job = _wg_records_job_new (self, token, query->kind);
  job->query = wg_record_query_copy (query);
  _wg_records_run (self, job, wg_engine_records_list_job, wg_engine_records_list_async,
                   cancellable, callback, user_data);
}

void
wg_engine_record_get_async (WgEngine            *self,
                            const char          *token,
                            const WgRecordKind  *kind,
                            gint64               id,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  RecordsJob *job;

  g_return_if_fail (WG_IS_ENGINE (self));
  g_return_if_fail (kind != NULL);

  job = _wg_records_job_new (self, token, kind);
  job->id = id;
  _wg_records_run (self, job, wg_engine_record_get_job, wg_engine_record_get_async,
                   cancellable, callback, user_data);
}

void
wg_engine_record_create_async (WgEngine            *self,
                               const char          *token,
                               const WgRecordKind  *kind,
                               JsonObject          *input,
                               const char          *idempotency_key,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  RecordsJob *job;

  g_return_if_fail (WG_IS_ENGINE (self));
  g_return_if_fail (kind != NULL && input != NULL);

  job = _wg_records_job_new (self, token, kind);
  job->input = json_object_ref (input);
  job->key = g_strdup (idempotency_key);
  _wg_records_run (self, job, _wg_records_create_job, wg_engine_record_create_async,
                   cancellable, callback, user_data);
}

void
wg_engine_record_update_async (WgEngine            *self,
                               const char          *token,
                               const WgRecordKind  *kind,
                               gint64               id,
                               gint64               version,
                               JsonObject          *patch,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  RecordsJob *job;

  g_return_if_fail (WG_IS_ENGINE (self));
  g_return_if_fail (kind != NULL && patch != NULL);

  job = _wg_records_job_new (self, token, kind);
  job->id = id;
  job->version = version;
  job->input = json_object_ref (patch);
  _wg_records_run (self, job, _wg_records_update_job, wg_engine_record_update_async,
                   cancellable, callback, user_data);
}

void
wg_engine_record_delete_async (WgEngine            *self,
                               const char          *token,
                               const WgRecordKind  *kind,
                               gint64               id,
                               gint64               version,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  RecordsJob *job;

  g_return_if_fail (WG_IS_ENGINE (self));
  g_return_if_fail (kind != NULL);

  job = _wg_records_job_new (self, token, kind);
  job->id = id;
  job->version = version;
  _wg_records_run (self, job, _wg_records_delete_job, wg_engine_record_delete_async,
                   cancellable, callback, user_data);
}

void
wg_engine_record_chain_async (WgEngine            *self,
                              const char          *token,
                              const WgRecordKind  *kind,
                              gint64               id,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  RecordsJob *job;

  g_return_if_fail (WG_IS_ENGINE (self));
  g_return_if_fail (kind != NULL);

  job = _wg_records_job_new (self, token, kind);
  job->id = id;
  _wg_records_run (self, job, _wg_records_chain_job, wg_engine_record_chain_async,
                   cancellable, callback, user_data);
}

void
wg_engine_record_link_async (WgEngine            *self,
                             const char          *token,
                             const WgRecordKind  *kind,
                             gint64               id,
                             JsonObject          *body,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  RecordsJob *job;

  g_return_if_fail (WG_IS_ENGINE (self));
  g_return_if_fail (kind != NULL && body != NULL);

  job = _wg_records_job_new (self, token, kind);
  job->id = id;
  job->input = json_object_ref (body);
  _wg_records_run (self, job, _wg_records_link_job, wg_engine_record_link_async,
                   cancellable, callback, user_data);
}

void
wg_engine_record_unlink_async (WgEngine            *self,
                               const char          *token,
                               const WgRecordKind  *kind,
                               gint64               id,
                               gint64               link_id,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  RecordsJob *job;

  g_return_if_fail (WG_IS_ENGINE (self));
  g_return_if_fail (kind != NULL);

  job = _wg_records_job_new (self, token, kind);
  job->id = id;
  job->link_id = link_id;
  _wg_records_run (self, job, _wg_records_unlink_job, wg_engine_record_unlink_async,
                   cancellable, callback, user_data);
}

GBytes *
wg_engine_records_finish (WgEngine      *self,
                          GAsyncResult  *result,
                          gint64        *user_id,
                          gint64        *id,
                          gboolean      *replayed,
                          GError       **error)
{
  RecordsJob *job;

  g_return_val_if_fail (G_IS_TASK (result), NULL);

  job = _wg_engine_finish_job (self, result, g_task_get_source_tag (G_TASK (result)), user_id,
                               error);
  if (job == NULL)
    return NULL;
  if (id != NULL)
    *id = job->id;
  if (replayed != NULL)
    *replayed = job->replayed;
  return job->body != NULL ? g_bytes_ref (job->body) : g_bytes_new (NULL, 0);
}
