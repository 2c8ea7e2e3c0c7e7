/* test-migrations.c — ordered SQL migrations (server/sql) from every earlier version
 *
 * Runs against the PostgreSQL cluster of tools/test (see wg-test-db.h);
 * skipped with a reason without it.
 */
#define G_LOG_DOMAIN "test-migrations"

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "wg-error.h"
#include "wg-migrate.h"
#include "wg-test-db.h"


static int
test_version (PGconn *conn)
{
  g_autoptr(GError) error = NULL;
  int version = -1;

  wg_migrate_get_version (conn, &version, &error);
  g_assert_no_error (error);
  return version;
}

static char *
test_sql_dir (void)
{
  return g_build_filename (WG_SOURCE_DIR, "server", "sql", NULL);
}

/* A copy of server/sql plus @extra (file name, text, file name, text, …). */
static char *
test_sql_dir_with (const char *first_name,
                   ...)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *source = test_sql_dir ();
  g_autoptr(GDir) dir = g_dir_open (source, 0, &error);
  char *copy = g_dir_make_tmp ("wg-sql-XXXXXX", &error);
  const char *name;
  va_list args;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *from = g_build_filename (source, name, NULL);
      g_autofree char *to = g_build_filename (copy, name, NULL);
      g_autofree char *text = NULL;

      g_file_get_contents (from, &text, NULL, &error);
      g_assert_no_error (error);
      g_file_set_contents (to, text, -1, &error);
      g_assert_no_error (error);
    }
  va_start (args, first_name);
  for (name = first_name; name != NULL; name = va_arg (args, const char *))
    {
      g_autofree char *to = g_build_filename (copy, name, NULL);

      g_file_set_contents (to, va_arg (args, const char *), -1, &error);
      g_assert_no_error (error);
    }
  va_end (args);
  return copy;
}

static void
test_rm_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (path, name, NULL);

      g_unlink (file);
    }
  g_rmdir (path);
}

/* Data that every schema version since 1 can hold. */
static void
test_insert_v1_data (PGconn *conn)
{
  wg_test_exec (conn, "INSERT INTO regions (code, name, level, path, synthetic)"
                      " VALUES ('110101', '东城区', 'district', '110101', false)");
  wg_test_exec (conn, "INSERT INTO units (code, name, kind, region_code)"
                      " VALUES ('110101', '东城区网格化服务管理中心', 'district_center', '110101')");
  wg_test_exec (conn, "INSERT INTO users (username, display_name, password_hash, unit_code, roles, scope)"
                      " VALUES ('keeper', '保留', 'x', '110101', '{admin}', '110101')");
}

static void
test_assert_v1_data (PGconn *conn)
{
  g_assert_cmpint (wg_test_query_int (conn, "SELECT count(*) FROM regions WHERE code = '110101'"), ==, 1);
  g_assert_cmpint (wg_test_query_int (conn, "SELECT count(*) FROM users WHERE username = 'keeper'"
                                            " AND scope = '110101' AND roles = '{admin}'"), ==, 1);
}

/* Records since version 2, which write audit rows: later migrations must
 * carry them over (the audit log is append-only and hash-chained). */
static void
test_insert_v2_records (PGconn *conn)
{
  wg_test_exec (conn, "INSERT INTO house (path, address, use) VALUES"
                      " ('110101', '保留胡同1号', 'residential'), ('110101', '保留胡同2号', 'office')");
  wg_test_exec (conn, "UPDATE house SET room = '101' WHERE address = '保留胡同1号'");
}

static void
test_assert_v2_records (PGconn *conn)
{
  g_assert_cmpint (wg_test_query_int (conn, "SELECT count(*) FROM house WHERE path = '110101'"), ==, 2);
  g_assert_cmpint (wg_test_query_int (conn, "SELECT count(*) FROM audit_log WHERE table_name = 'house'"),
                   ==, 3);
  /* Still one chain, each row after the one before, and a new row joins
   * its end. */
  wg_test_exec (conn, "DELETE FROM house WHERE address = '保留胡同2号'");
  g_assert_cmpint (wg_test_query_int (conn, "SELECT count(*) FROM audit_log"
                                            " WHERE prev_hash <> '\\x00'::bytea AND NOT EXISTS"
                                            " (SELECT 1 FROM audit_log b WHERE b.hash = audit_log.prev_hash)"),
                   ==, 0);
  g_assert_cmpint (wg_test_query_int (conn, "SELECT count(*) - count(DISTINCT prev_hash) FROM audit_log"),
                   ==, 0);
  g_assert_cmpint (wg_test_query_int (conn, "SELECT count(*) FROM (SELECT prev_hash,"
                                            " lag(hash, 1, '\\x00'::bytea) OVER (ORDER BY seq) AS previous"
                                            " FROM audit_log) AS a WHERE prev_hash <> previous"), ==, 0);
  g_assert_cmpint (wg_test_query_int (conn, "SELECT count(*) FROM audit_log"), ==, 4);
}

/* --------------------------------------------------------- migrations */

static void
test_schema_version_is_last_file (void)
{
  g_autofree char *sql_dir = test_sql_dir ();
  g_autoptr(GError) error = NULL;
  int latest = 0;

  wg_migrate_dir_latest (sql_dir, &latest, &error);
  g_assert_no_error (error);
  g_assert_cmpint (latest, ==, WG_SCHEMA_VERSION);
}

static void
test_migrate_from_empty (WgTestDbFixture *fixture,
                         gconstpointer    data)
{
  g_autoptr(GError) error = NULL;

  if (!wg_test_pg_available ())
    return;
  g_assert_cmpint (test_version (fixture->conn), ==, 0);
  g_assert_false (wg_migrate_check_version (fixture->conn, &error));
  g_assert_error (error, WG_ERROR, WG_ERROR_SCHEMA_MISMATCH);
  g_assert_nonnull (strstr (error->message, "too old"));
  g_clear_error (&error);

  g_assert_true (wg_migrate_apply (fixture->conn, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_version (fixture->conn), ==, WG_SCHEMA_VERSION);
  g_assert_true (wg_migrate_check_version (fixture->conn, &error));
  g_assert_no_error (error);
  g_assert_cmpint (wg_test_query_int (fixture->conn, "SELECT count(*) FROM schema_migrations"),
                   ==, WG_SCHEMA_VERSION);
  /* The server reads the version as wangge_app. */
  wg_test_assert_query (fixture->conn,
                     "SELECT has_table_privilege ('wangge_app', 'schema_migrations', 'SELECT')", "t");
}

static void
test_migrate_twice_is_noop (WgTestDbFixture *fixture,
                            gconstpointer    data)
{
  g_autofree char *sql_dir = test_sql_dir ();
  g_autoptr(GPtrArray) applied = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  if (!wg_test_pg_available ())
    return;
  wg_migrate_apply_dir (fixture->conn, sql_dir, 0, applied, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (applied->len, ==, WG_SCHEMA_VERSION);
  before = wg_test_query (fixture->conn, "SELECT string_agg (version || name || applied_at, ',')"
                                         "  FROM schema_migrations");
  g_ptr_array_set_size (applied, 0);
  wg_migrate_apply_dir (fixture->conn, sql_dir, 0, applied, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (applied->len, ==, 0);
  after = wg_test_query (fixture->conn, "SELECT string_agg (version || name || applied_at, ',')"
                                        "  FROM schema_migrations");
  g_assert_cmpstr (before, ==, after);
}

static void
test_check_version_too_new (WgTestDbFixture *fixture,
                            gconstpointer    data)
{
  g_autofree char *sql_dir = test_sql_dir ();
  g_autofree char *insert = g_strdup_printf ("INSERT INTO schema_migrations (version, name)"
                                             " VALUES (%d, '999-from-the-future.sql')",
                                             WG_SCHEMA_VERSION + 1);
  g_autoptr(GError) error = NULL;

  if (!wg_test_pg_available ())
    return;
  wg_migrate_apply (fixture->conn, 0, &error);
  g_assert_no_error (error);
  wg_test_exec (fixture->conn, insert);

  g_assert_false (wg_migrate_check_version (fixture->conn, &error));
  g_assert_error (error, WG_ERROR, WG_ERROR_SCHEMA_MISMATCH);
  g_assert_nonnull (strstr (error->message, "too new"));
  g_clear_error (&error);
  /* Nor will this build migrate it. */
  g_assert_false (wg_migrate_apply_dir (fixture->conn, sql_dir, 0, NULL, &error));
  g_assert_error (error, WG_ERROR, WG_ERROR_SCHEMA_MISMATCH);
  g_assert_nonnull (strstr (error->message, "too new"));
}

/* Stops at every earlier version, stores data, migrates to the latest. */
static void
test_migrate_each_version_keeps_data (void)
{
  if (!wg_test_pg_available ())
    return;
  for (int version = 1; version < WG_SCHEMA_VERSION; version++)
    {
      g_autofree char *name = wg_test_db_create ("step");
      g_autoptr(PGconn) conn = wg_test_connect (name, "postgres");
      g_autoptr(GError) error = NULL;

      wg_test_exec (conn, "SET client_min_messages = warning");
      g_assert_true (wg_migrate_apply (conn, version, &error));
      g_assert_no_error (error);
      g_assert_cmpint (test_version (conn), ==, version);
      test_insert_v1_data (conn);
      if (version >= 2)
        test_insert_v2_records (conn);
      g_assert_true (wg_migrate_apply (conn, 0, &error));
      g_assert_no_error (error);
      g_assert_cmpint (test_version (conn), ==, WG_SCHEMA_VERSION);
      test_assert_v1_data (conn);
      if (version >= 2)
        test_assert_v2_records (conn);
      g_clear_pointer (&conn, PQfinish);
      wg_test_db_drop (name);
    }
}

/* The mechanism with a migration newer than the real ones: data stays, a
 * failing migration leaves nothing behind and the version unchanged. */
static void
test_migrate_next_and_failing (WgTestDbFixture *fixture,
                               gconstpointer    data)
{
  g_autofree char *next_name = g_strdup_printf ("%03d-add-note.sql", WG_SCHEMA_VERSION + 1);
  g_autofree char *bad_name = g_strdup_printf ("%03d-broken.sql", WG_SCHEMA_VERSION + 2);
  g_autofree char *sql_dir = test_sql_dir_with (
      next_name, "ALTER TABLE regions ADD COLUMN note text NOT NULL DEFAULT 'kept';\n",
      bad_name, "CREATE TABLE half_done (id int);\nSELECT no_such_function ();\n",
      NULL);
  g_autoptr(GError) error = NULL;

  if (!wg_test_pg_available ())
    return;
  wg_migrate_apply_dir (fixture->conn, sql_dir, WG_SCHEMA_VERSION, NULL, &error);
  g_assert_no_error (error);
  test_insert_v1_data (fixture->conn);
  wg_migrate_apply_dir (fixture->conn, sql_dir, WG_SCHEMA_VERSION + 1, NULL, &error);
  g_assert_no_error (error);
  test_assert_v1_data (fixture->conn);
  wg_test_assert_query (fixture->conn, "SELECT note FROM regions", "kept");

  g_assert_false (wg_migrate_apply_dir (fixture->conn, sql_dir, 0, NULL, &error));
  g_assert_nonnull (strstr (error->message, bad_name));
  g_clear_error (&error);
  g_assert_cmpint (test_version (fixture->conn), ==, WG_SCHEMA_VERSION + 1);
  wg_test_assert_query (fixture->conn, "SELECT to_regclass ('half_done') IS NULL", "t");
  /* Backwards is refused. */
  g_assert_false (wg_migrate_apply_dir (fixture->conn, sql_dir, 1, NULL, &error));
  g_assert_error (error, WG_ERROR, WG_ERROR_INVALID_INPUT);
  test_rm_dir (sql_dir);
}

static void
test_migrate_rejects_gaps (void)
{
  g_autofree char *sql_dir = test_sql_dir_with ("009-gap.sql", "SELECT 1;\n", NULL);
  g_autoptr(GError) error = NULL;
  int latest = 0;

  g_assert_false (wg_migrate_dir_latest (sql_dir, &latest, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "009-gap.sql"));
  test_rm_dir (sql_dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/migrations/schema-version-is-last-file", test_schema_version_is_last_file);
  g_test_add ("/migrations/from-empty", WgTestDbFixture, NULL,
              wg_test_db_fixture_set_up, test_migrate_from_empty, wg_test_db_fixture_tear_down);
  g_test_add ("/migrations/twice-is-noop", WgTestDbFixture, NULL,
              wg_test_db_fixture_set_up, test_migrate_twice_is_noop, wg_test_db_fixture_tear_down);
  g_test_add ("/migrations/too-new-is-refused", WgTestDbFixture, NULL,
              wg_test_db_fixture_set_up, test_check_version_too_new, wg_test_db_fixture_tear_down);
  g_test_add_func ("/migrations/each-version-keeps-data", test_migrate_each_version_keeps_data);
  g_test_add ("/migrations/next-keeps-data-failing-rolls-back", WgTestDbFixture, NULL,
              wg_test_db_fixture_set_up, test_migrate_next_and_failing, wg_test_db_fixture_tear_down);
  g_test_add_func ("/migrations/rejects-gaps", test_migrate_rejects_gaps);

  return g_test_run ();
}
