#define G_LOG_DOMAIN "wg-migrate"

#include "config.h"

#include <stdlib.h>

#include "wg-admin-paths.h"
#include "wg-error.h"
#include "wg-migrate.h"
#include "wg-pg.h"

/* Serialises migrators (and territory loads) across processes. */
#define WG_MIGRATE_LOCK_KEY "8470001"

typedef struct {
  int   version;
  char *name;   /* file name, e.g. 001-territory-users-sessions.sql */
  char *path;
} WgMigration;

static void
wg_migration_free (WgMigration *migration)
{
  g_free (migration->name);
  g_free (migration->path);
  g_free (migration);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WgMigration, wg_migration_free)

static int
wg_migration_compare (gconstpointer a,
                      gconstpointer b)
{
  const WgMigration *left = *(WgMigration * const *) a;
  const WgMigration *right = *(WgMigration * const *) b;

  return left->version - right->version;
}

/* NNN-name.sql → NNN, or 0 when the name is not a migration. */
static int
wg_migration_version_from_name (const char *name)
{
  if (!g_regex_match_simple ("^[0-9]{3}-[A-Za-z0-9_.-]+\\.sql$", name, 0, 0))
    return 0;
  return (int) g_ascii_strtoll (name, NULL, 10);
}

/* The sorted @list must be 1, 2, … without gaps or duplicates. */
static gboolean
wg_migrate_check_sequence (GPtrArray   *list,
                           const char  *sql_dir,
                           GError     **error)
{
  if (list->len == 0)
    {
      g_set_error (error, WG_ERROR, WG_ERROR_INTERNAL, "No migrations (NNN-*.sql) in %s", sql_dir);
      return FALSE;
    }
  for (guint i = 0; i < list->len; i++)
    {
      WgMigration *migration = g_ptr_array_index (list, i);

      if (migration->version != (int) i + 1)
        {
          g_set_error (error, WG_ERROR, WG_ERROR_INTERNAL,
                       "Migrations in %s must be numbered 1, 2, … without gaps or duplicates (found %s)",
                       sql_dir, migration->name);
          return FALSE;
        }
    }
  return TRUE;
}

/* Ordered, gap-free list of the migrations of @sql_dir. */
static GPtrArray *
wg_migrate_list_dir (const char  *sql_dir,
                     GError     **error)
{
  g_autoptr(GDir) dir = g_dir_open (sql_dir, 0, error);
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) wg_migration_free);
  const char *name;

  if (dir == NULL)
    {
      g_prefix_error (error, "Cannot read the migrations: ");
      return NULL;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      int version = wg_migration_version_from_name (name);
      WgMigration *migration;

      if (version <= 0)
        continue;
      migration = g_new0 (WgMigration, 1);
      migration->version = version;
      migration->name = g_strdup (name);
      migration->path = g_build_filename (sql_dir, name, NULL);
      g_ptr_array_add (list, migration);
    }
  g_ptr_array_sort (list, wg_migration_compare);
  if (!wg_migrate_check_sequence (list, sql_dir, error))
    return NULL;
  return g_steal_pointer (&list);
}

static void
wg_migrate_rollback (PGconn *conn)
{
  g_autoptr(PGresult) result = PQexec (conn, "ROLLBACK");
}

gboolean
wg_migrate_get_version (PGconn  *conn,
                        int     *version,
                        GError **error)
{
  g_autoptr(PGresult) exists = NULL;
  g_autoptr(PGresult) result = NULL;

  exists = wg_pg_exec (conn, "SELECT to_regclass ('public.schema_migrations') IS NOT NULL",
                       0, NULL, error);
  if (exists == NULL)
    return FALSE;
  if (g_strcmp0 (PQgetvalue (exists, 0, 0), "t") != 0)
    {
      *version = 0;
      return TRUE;
    }
  result = wg_pg_exec (conn, "SELECT coalesce (max (version), 0) FROM public.schema_migrations",
                       0, NULL, error);
  if (result == NULL)
    return FALSE;
  *version = atoi (PQgetvalue (result, 0, 0));
  return TRUE;
}

static void
wg_migrate_set_mismatch (GError **error,
                         int      version,
                         int      expected)
{
  if (version < expected)
    g_set_error (error, WG_ERROR, WG_ERROR_SCHEMA_MISMATCH,
                 "The database schema is too old (version %d, this build expects %d): "
                 "run “wangge-admin migrate”", version, expected);
  else
    g_set_error (error, WG_ERROR, WG_ERROR_SCHEMA_MISMATCH,
                 "The database schema is too new (version %d, this build expects %d): "
                 "upgrade Wangge", version, expected);
}

gboolean
wg_migrate_check_version (PGconn  *conn,
                          GError **error)
{
  int version = 0;

  if (!wg_migrate_get_version (conn, &version, error))
    return FALSE;
  if (version != WG_SCHEMA_VERSION)
    {
      wg_migrate_set_mismatch (error, version, WG_SCHEMA_VERSION);
      return FALSE;
    }
  return TRUE;
}

char *
wg_migrate_find_sql_dir (void)
{
  return wg_admin_find_shipped_dir ("server/sql", "sql");
}

gboolean
wg_migrate_dir_latest (const char  *sql_dir,
                       int         *latest,
                       GError     **error)
{
  g_autoptr(GPtrArray) list = wg_migrate_list_dir (sql_dir, error);

  if (list == NULL)
    return FALSE;
  *latest = ((WgMigration *) g_ptr_array_index (list, list->len - 1))->version;
  return TRUE;
}

/* A migration file must not end or open transactions itself: it runs in ours. */
static gboolean
wg_migrate_check_text (const WgMigration  *migration,
                       const char         *text,
                       GError            **error)
{
  if (g_regex_match_simple ("^\\s*(BEGIN|COMMIT|ROLLBACK|START\\s+TRANSACTION)\\s*;",
                            text, G_REGEX_CASELESS | G_REGEX_MULTILINE, 0))
    {
      g_set_error (error, WG_ERROR, WG_ERROR_INTERNAL,
                   "%s controls transactions itself; migrations run inside one transaction each",
                   migration->name);
      return FALSE;
    }
  return TRUE;
}

static gboolean
wg_migrate_record (PGconn             *conn,
                   const WgMigration  *migration,
                   GError            **error)
{
  g_autofree char *version = g_strdup_printf ("%d", migration->version);
  const char *params[] = { version, migration->name };
  g_autoptr(PGresult) inserted = NULL;
  g_autoptr(PGresult) granted = NULL;

  inserted = wg_pg_exec (conn, "INSERT INTO public.schema_migrations (version, name) "
                               "VALUES ($1::int, $2::text)", 2, params, error);
  if (inserted == NULL)
    return FALSE;
  /* The server (wangge_app) reads the version at start and in /health. */
  return wg_pg_exec_script (conn,
                          "DO $$ BEGIN "
                          "IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'wangge_app') THEN "
                          "GRANT SELECT ON public.schema_migrations TO wangge_app; "
                          "END IF; END $$", error);
}

/* Inside the open transaction: the lock, the table, the version check. */
static gboolean
wg_migrate_prepare (PGconn             *conn,
                    const WgMigration  *migration,
                    gboolean           *needed,
                    GError            **error)
{
  int version = 0;

  if (!wg_pg_exec_script (conn, "SET LOCAL client_min_messages = warning", error) ||
      !wg_pg_exec_script (conn, "SELECT pg_advisory_xact_lock (" WG_MIGRATE_LOCK_KEY ")", error) ||
      !wg_pg_exec_script (conn, "CREATE TABLE IF NOT EXISTS public.schema_migrations ("
                              " version int PRIMARY KEY,"
                              " name text NOT NULL,"
                              " applied_at timestamptz NOT NULL DEFAULT now ())", error) ||
      !wg_migrate_get_version (conn, &version, error))
    return FALSE;
  /* Another migrator may have got there first while we waited for the lock. */
  *needed = version < migration->version;
  if (*needed && version != migration->version - 1)
    {
      g_set_error (error, WG_ERROR, WG_ERROR_INTERNAL,
                   "Cannot apply %s: the database is at version %d", migration->name, version);
      return FALSE;
    }
  return TRUE;
}

static gboolean
wg_migrate_apply_one (PGconn             *conn,
                      const WgMigration  *migration,
                      gboolean           *applied,
                      GError            **error)
{
  g_autofree char *text = NULL;
  gboolean needed = FALSE;

  *applied = FALSE;
  if (!g_file_get_contents (migration->path, &text, NULL, error) ||
      !wg_migrate_check_text (migration, text, error))
    return FALSE;
  if (!wg_pg_exec_script (conn, "BEGIN", error))
    return FALSE;
  if (!wg_migrate_prepare (conn, migration, &needed, error) ||
      (needed && (!wg_pg_exec_script (conn, text, error) ||
                  !wg_migrate_record (conn, migration, error))) ||
      !wg_pg_exec_script (conn, needed ? "COMMIT" : "ROLLBACK", error))
    {
      wg_migrate_rollback (conn);
      g_prefix_error (error, "Migration %s failed, nothing of it was applied: ", migration->name);
      return FALSE;
    }
  *applied = needed;
  return TRUE;
}

static gboolean
wg_migrate_check_target (int      current,
                         int      target,
                         int      latest,
                         GError **error)
{
  if (target < 0 || target > latest)
    {
      g_set_error (error, WG_ERROR, WG_ERROR_INVALID_INPUT,
                   "No migration %d: versions go from 1 to %d", target, latest);
      return FALSE;
    }
  if (current > latest)
    {
      wg_migrate_set_mismatch (error, current, latest);
      return FALSE;
    }
  if (current > target)
    {
      g_set_error (error, WG_ERROR, WG_ERROR_INVALID_INPUT,
                   "The database is at version %d; migrations only go forward, not to %d",
                   current, target);
      return FALSE;
    }
  return TRUE;
}

gboolean
wg_migrate_apply_dir (PGconn      *conn,
                      const char  *sql_dir,
                      int          target,
                      GPtrArray   *applied,
                      GError     **error)
{
  g_autoptr(GPtrArray) list = wg_migrate_list_dir (sql_dir, error);
  int current = 0;
  int latest;

  if (list == NULL || !wg_migrate_get_version (conn, &current, error))
    return FALSE;
  latest = ((WgMigration *) g_ptr_array_index (list, list->len - 1))->version;
  if (target == 0)
    target = latest;
  if (!wg_migrate_check_target (current, target, latest, error))
    return FALSE;
  for (guint i = current; i < (guint) target; i++)
    {
      WgMigration *migration = g_ptr_array_index (list, i);
      gboolean done = FALSE;

      if (!wg_migrate_apply_one (conn, migration, &done, error))
        return FALSE;
      if (done && applied != NULL)
        g_ptr_array_add (applied, g_strdup (migration->name));
    }
  return TRUE;
}

gboolean
wg_migrate_apply (PGconn  *conn,
                  int      target,
                  GError **error)
{
  g_autofree char *sql_dir = wg_migrate_find_sql_dir ();
  int latest = 0;

  if (!wg_migrate_dir_latest (sql_dir, &latest, error))
    return FALSE;
  if (latest != WG_SCHEMA_VERSION)
    {
      g_set_error (error, WG_ERROR, WG_ERROR_INTERNAL,
                   "%s holds migrations up to %d but this build expects %d",
                   sql_dir, latest, WG_SCHEMA_VERSION);
      return FALSE;
    }
  return wg_migrate_apply_dir (conn, sql_dir, target, NULL, error);
}
