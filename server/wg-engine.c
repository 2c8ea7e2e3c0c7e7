#define G_LOG_DOMAIN "wg-engine"

#include "config.h"

#include "wg-engine-people.h"
#include "wg-engine-private.h"
#include "wg-error.h"
#include "wg-migrate.h"
#include "wg-password.h"
#include "wg-pg.h"

struct _WgEngine {
  GObject           parent_instance;

  WgDbPool         *pool;
  WgEngineSettings  settings;
  WgProtect        *protect;   /* read-only once loaded: shared by the workers */
};

G_DEFINE_FINAL_TYPE (WgEngine, wg_engine, G_TYPE_OBJECT)

typedef struct {
  int schema_version;
} HealthJob;

void
_wg_engine_job_init (WgEngineJob *job,
                     WgEngine    *self,
                     const char  *token)
{
  job->settings = self->settings;
  job->token = g_strdup (token);
}

void
_wg_engine_job_clear (WgEngineJob *job)
{
  g_clear_pointer (&job->token, g_free);
  g_clear_object (&job->actor.user);
  g_clear_pointer (&job->actor.expires_at, g_free);
  job->actor.user_id = 0;
}

char *
_wg_engine_token_key (const char *token)
{
  guint8 hash[WG_TOKEN_HASH_BYTES];
  GString *hex;

  if (!wg_token_hash (token, hash))
    return NULL;
  hex = g_string_sized_new (2 * sizeof hash);
  for (gsize i = 0; i < sizeof hash; i++)
    g_string_append_printf (hex, "%02x", hash[i]);
  return g_string_free (hex, FALSE);
}

gboolean
_wg_engine_set_actor (PGconn      *conn,
                      gint64       user_id,
                      const char  *scope,
                      GError     **error)
{
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, user_id);
  const char *params[] = { id_text, scope };
  g_autoptr(PGresult) result =
    wg_pg_exec (conn,
                "SELECT set_config('wangge.user_id', $1::text, true), "
                "set_config('wangge.scope', $2::text, true)",
                2, params, error);

  return result != NULL;
}

WgUser *
_wg_engine_user_from_row (PGresult *result,
                          int       row,
                          int       first)
{
  g_auto(GStrv) roles = g_strsplit (PQgetvalue (result, row, first + 3), ",", -1);

  return wg_user_new (g_ascii_strtoll (PQgetvalue (result, row, first), NULL, 10),
                      PQgetvalue (result, row, first + 1),
                      PQgetvalue (result, row, first + 2),
                      (const char * const *) roles,
                      PQgetvalue (result, row, first + 4),
                      PQgetvalue (result, row, first + 5),
                      PQgetvalue (result, row, first + 6));
}

gboolean
_wg_engine_find_idempotent (PGconn      *conn,
                            gint64       user_id,
                            const char  *key,
                            const char  *resource,
                            gint64      *record_id,
                            GError     **error)
{
  g_autofree char *user = g_strdup_printf ("%" G_GINT64_FORMAT, user_id);
  const char *params[] = { user, key };
  g_autoptr(PGresult) lock = NULL;
  g_autoptr(PGresult) result = NULL;

  *record_id = 0;
  lock = wg_pg_exec (conn, "SELECT pg_advisory_xact_lock(hashtextextended($2::text, $1::bigint))",
                     2, params, error);
  if (lock == NULL)
    return FALSE;
  result = wg_pg_exec (conn,
                       "SELECT record_id, resource FROM idempotency_key"
                       " WHERE user_id = $1::bigint AND key = $2::text",
                       2, params, error);
  if (result == NULL)
    return FALSE;
  if (PQntuples (result) == 0)
    return TRUE;
  if (!g_str_equal (PQgetvalue (result, 0, 1), resource))
    {
      wg_set_error_with_field (error, WG_ERROR_CONFLICT, "Idempotency-Key",
                               "This Idempotency-Key was used for another kind of record");
      return FALSE;
    }
  *record_id = g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
  return TRUE;
}

gboolean
_wg_engine_remember_idempotent (PGconn      *conn,
                                gint64       user_id,
                                const char  *key,
                                const char  *resource,
                                gint64       record_id,
                                GError     **error)
{
  g_autofree char *user = g_strdup_printf ("%" G_GINT64_FORMAT, user_id);
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, record_id);
  const char *params[] = { user, key, resource, id_text };
  g_autoptr(PGresult) result =
    wg_pg_exec (conn,
                "INSERT INTO idempotency_key (user_id, key, resource, record_id)"
                " VALUES ($1::bigint, $2::text, $3::text, $4::bigint)",
                4, params, error);

  return result != NULL;
}

static void
wg_engine_pool_done_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!wg_db_pool_run_finish (WG_DB_POOL (source), result, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
_wg_engine_run (WgEngine            *self,
                WgDbJobFlags         flags,
                WgDbJobFunc          func,
                gpointer             job,
                GDestroyNotify       job_free,
                gpointer             source_tag,
                GCancellable        *cancellable,
                GAsyncReadyCallback  callback,
                gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, job, job_free);
  wg_db_pool_run_async (self->pool, flags, func, job, cancellable,
                        wg_engine_pool_done_cb, g_steal_pointer (&task));
}

gpointer
_wg_engine_get_job (WgEngine     *self,
                    GAsyncResult *result,
                    gpointer      source_tag)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  return g_task_get_task_data (G_TASK (result));
}

gboolean
_wg_engine_finish (WgEngine      *self,
                   GAsyncResult  *result,
                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gpointer
_wg_engine_finish_job (WgEngine      *self,
                       GAsyncResult  *result,
                       gpointer       source_tag,
                       gint64        *user_id,
                       GError       **error)
{
  WgEngineJob *job = _wg_engine_get_job (self, result, source_tag);

  if (user_id != NULL)
    *user_id = job != NULL ? job->actor.user_id : 0;
  if (!_wg_engine_finish (self, result, error))
    return NULL;
  return job;
}

/* One statement, so that a health check costs one round trip; a database
 * without the table is at version 0 (as wg_migrate_get_version says). */
static gboolean
read_schema_version (PGconn  *conn,
                     int     *version,
                     GError **error)
{
  g_autoptr(PGresult) result =
    PQexec (conn, "SELECT coalesce(max(version), 0) FROM public.schema_migrations");
  const char *sqlstate = result != NULL ? PQresultErrorField (result, PG_DIAG_SQLSTATE) : NULL;

  if (g_strcmp0 (sqlstate, "42P01") == 0)   /* undefined_table */
    {
      *version = 0;
      return TRUE;
    }
  if (!wg_pg_check (conn, result, PGRES_TUPLES_OK, error))
    return FALSE;
  *version = (int) g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
  return TRUE;
}

static gboolean
wg_engine_health_job (PGconn   *conn,
                      gpointer  data,
                      GError  **outcome,
                      GError  **error)
{
  HealthJob *job = data;

  if (!read_schema_version (conn, &job->schema_version, error))
    return FALSE;
  /* A database migrated under a running server: say so (too old or too
   * new); it is the request that fails, not the transaction. */
  if (job->schema_version != WG_SCHEMA_VERSION)
    wg_migrate_check_version (conn, outcome);
  return TRUE;
}

static void
wg_engine_dispose (GObject *object)
{
  WgEngine *self = WG_ENGINE (object);

  g_clear_object (&self->pool);

  G_OBJECT_CLASS (wg_engine_parent_class)->dispose (object);
}

static void
wg_engine_finalize (GObject *object)
{
  WgEngine *self = WG_ENGINE (object);

  g_clear_pointer (&self->protect, wg_protect_free);

  G_OBJECT_CLASS (wg_engine_parent_class)->finalize (object);
}

static void
wg_engine_class_init (WgEngineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = wg_engine_dispose;
  object_class->finalize = wg_engine_finalize;
}

static void
wg_engine_init (WgEngine *self)
{
}

WgEngine *
wg_engine_new (WgDbPool               *pool,
               const WgEngineSettings *settings)
{
  WgEngine *self;

  g_return_val_if_fail (WG_IS_DB_POOL (pool), NULL);
  g_return_val_if_fail (settings != NULL, NULL);

  self = g_object_new (WG_TYPE_ENGINE, NULL);
  self->pool = g_object_ref (pool);
  self->settings = *settings;
  return self;
}

void
wg_engine_set_protect (WgEngine  *self,
                       WgProtect *protect)
{
  g_return_if_fail (WG_IS_ENGINE (self));

  g_clear_pointer (&self->protect, wg_protect_free);
  self->protect = protect;
}

WgProtect *
_wg_engine_get_protect (WgEngine *self)
{
  return self->protect;
}

void
wg_engine_health_async (WgEngine            *self,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_return_if_fail (WG_IS_ENGINE (self));

  _wg_engine_run (self, WG_DB_JOB_ONE_READ, wg_engine_health_job,
                  g_new0 (HealthJob, 1), g_free, wg_engine_health_async,
                  cancellable, callback, user_data);
}

JsonNode *
wg_engine_health_finish (WgEngine      *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  HealthJob *job = _wg_engine_get_job (self, result, wg_engine_health_async);
  g_autoptr(JsonBuilder) builder = NULL;

  if (!_wg_engine_finish (self, result, error))
    return NULL;

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, "ok");
  json_builder_set_member_name (builder, "database");
  json_builder_add_string_value (builder, "ok");
  json_builder_set_member_name (builder, "schema_version");
  json_builder_add_int_value (builder, job->schema_version);
  json_builder_set_member_name (builder, "expected_schema_version");
  json_builder_add_int_value (builder, WG_SCHEMA_VERSION);
  json_builder_set_member_name (builder, "version");
  json_builder_add_string_value (builder, PACKAGE_VERSION);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}
