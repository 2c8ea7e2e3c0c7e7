/* test-migrations.c — migrations, territory loading and wangge-admin
 *
 * Uses the PostgreSQL cluster of tools/test (WG_TEST_PG_HOST, WG_TEST_PG_PORT)
 * and creates its own databases in it; skipped with a reason without them.
 */
#define G_LOG_DOMAIN "test-migrations"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <gio/gio.h>
#include <glib/gstdio.h>

#include "wg-admin-demo.h"
#include "wg-admin-users.h"
#include "wg-error.h"
#include "wg-migrate.h"
#include "wg-password.h"
#include "wg-pg.h"
#include "wg-territory.h"

typedef struct {
  char   *name;       /* database name */
  PGconn *conn;       /* as the superuser (the owner) */
} DbFixture;

/* The loaded territory is shared by the read-only territory tests. */
static char *territory_db = NULL;

/* ------------------------------------------------------------ helpers */

static gboolean
test_pg_available (void)
{
  if (g_getenv ("WG_TEST_PG_HOST") == NULL || g_getenv ("WG_TEST_PG_PORT") == NULL)
    {
      g_test_skip ("WG_TEST_PG_HOST/WG_TEST_PG_PORT not set: run through tools/test");
      return FALSE;
    }
  return TRUE;
}

static char *
test_conninfo (const char *dbname,
               const char *user)
{
  return g_strdup_printf ("host=%s port=%s dbname=%s user=%s", g_getenv ("WG_TEST_PG_HOST"),
                          g_getenv ("WG_TEST_PG_PORT"), dbname, user);
}

static PGconn *
test_connect (const char *dbname,
              const char *user)
{
  g_autofree char *conninfo = test_conninfo (dbname, user);
  g_autoptr(GError) error = NULL;
  PGconn *conn = wg_pg_connect (conninfo, &error);

  g_assert_no_error (error);
  return conn;
}

static void
test_exec (PGconn     *conn,
           const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) result = wg_pg_exec (conn, sql, 0, NULL, &error);

  g_assert_no_error (error);
}

/* The first value of the first row of @sql, as text. */
static char *
test_query (PGconn     *conn,
            const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) result = wg_pg_exec (conn, sql, 0, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (PQntuples (result), ==, 1);
  return g_strdup (PQgetvalue (result, 0, 0));
}

static void
test_assert_query (PGconn     *conn,
                   const char *sql,
                   const char *expected)
{
  g_autofree char *value = test_query (conn, sql);

  g_assert_cmpstr (value, ==, expected);
}

static gint64
test_query_int (PGconn     *conn,
                const char *sql)
{
  g_autofree char *value = test_query (conn, sql);

  return g_ascii_strtoll (value, NULL, 10);
}

static double
test_query_double (PGconn     *conn,
                   const char *sql)
{
  g_autofree char *value = test_query (conn, sql);

  return g_ascii_strtod (value, NULL);
}

static char *
test_db_create (const char *tag)
{
  g_autoptr(PGconn) admin = test_connect ("postgres", "postgres");
  char *name = g_strdup_printf ("wg_test_%s_%d", tag, (int) getpid ());
  g_autofree char *drop = g_strdup_printf ("DROP DATABASE IF EXISTS %s WITH (FORCE)", name);
  g_autofree char *create = g_strdup_printf ("CREATE DATABASE %s", name);

  test_exec (admin, "SET client_min_messages = warning");
  test_exec (admin, drop);
  test_exec (admin, create);
  return name;
}

static void
test_db_drop (const char *name)
{
  g_autoptr(PGconn) admin = test_connect ("postgres", "postgres");
  g_autofree char *drop = g_strdup_printf ("DROP DATABASE IF EXISTS %s WITH (FORCE)", name);

  test_exec (admin, drop);
}

static void
db_fixture_set_up (DbFixture     *fixture,
                   gconstpointer  data)
{
  if (g_getenv ("WG_TEST_PG_HOST") == NULL || g_getenv ("WG_TEST_PG_PORT") == NULL)
    return;
  fixture->name = test_db_create ("mig");
  fixture->conn = test_connect (fixture->name, "postgres");
  test_exec (fixture->conn, "SET client_min_messages = warning");
}

static void
db_fixture_tear_down (DbFixture     *fixture,
                      gconstpointer  data)
{
  g_clear_pointer (&fixture->conn, PQfinish);
  if (fixture->name != NULL)
    test_db_drop (fixture->name);
  g_clear_pointer (&fixture->name, g_free);
}

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
  test_exec (conn, "INSERT INTO regions (code, name, level, path, synthetic)"
                   " VALUES ('110101', '东城区', 'district', '110101', false)");
  test_exec (conn, "INSERT INTO units (code, name, kind, region_code)"
                   " VALUES ('110101', '东城区网格化服务管理中心', 'district_center', '110101')");
  test_exec (conn, "INSERT INTO users (username, display_name, password_hash, unit_code, roles, scope)"
                   " VALUES ('keeper', '保留', 'x', '110101', '{admin}', '110101')");
}

static void
test_assert_v1_data (PGconn *conn)
{
  g_assert_cmpint (test_query_int (conn, "SELECT count(*) FROM regions WHERE code = '110101'"), ==, 1);
  g_assert_cmpint (test_query_int (conn, "SELECT count(*) FROM users WHERE username = 'keeper'"
                                         " AND scope = '110101' AND roles = '{admin}'"), ==, 1);
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
test_migrate_from_empty (DbFixture     *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  if (!test_pg_available ())
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
  g_assert_cmpint (test_query_int (fixture->conn, "SELECT count(*) FROM schema_migrations"),
                   ==, WG_SCHEMA_VERSION);
  /* The server reads the version as wangge_app. */
  test_assert_query (fixture->conn,
                     "SELECT has_table_privilege ('wangge_app', 'schema_migrations', 'SELECT')", "t");
}

static void
test_migrate_twice_is_noop (DbFixture     *fixture,
                            gconstpointer  data)
{
  g_autofree char *sql_dir = test_sql_dir ();
  g_autoptr(GPtrArray) applied = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  if (!test_pg_available ())
    return;
  wg_migrate_apply_dir (fixture->conn, sql_dir, 0, applied, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (applied->len, ==, WG_SCHEMA_VERSION);
  before = test_query (fixture->conn, "SELECT string_agg (version || name || applied_at, ',')"
                                      "  FROM schema_migrations");
  g_ptr_array_set_size (applied, 0);
  wg_migrate_apply_dir (fixture->conn, sql_dir, 0, applied, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (applied->len, ==, 0);
  after = test_query (fixture->conn, "SELECT string_agg (version || name || applied_at, ',')"
                                     "  FROM schema_migrations");
  g_assert_cmpstr (before, ==, after);
}

static void
test_check_version_too_new (DbFixture     *fixture,
                            gconstpointer  data)
{
  g_autofree char *sql_dir = test_sql_dir ();
  g_autofree char *insert = g_strdup_printf ("INSERT INTO schema_migrations (version, name)"
                                             " VALUES (%d, '999-from-the-future.sql')",
                                             WG_SCHEMA_VERSION + 1);
  g_autoptr(GError) error = NULL;

  if (!test_pg_available ())
    return;
  wg_migrate_apply (fixture->conn, 0, &error);
  g_assert_no_error (error);
  test_exec (fixture->conn, insert);

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
  if (!test_pg_available ())
    return;
  for (int version = 1; version < WG_SCHEMA_VERSION; version++)
    {
      g_autofree char *name = test_db_create ("step");
      g_autoptr(PGconn) conn = test_connect (name, "postgres");
      g_autoptr(GError) error = NULL;

      test_exec (conn, "SET client_min_messages = warning");
      g_assert_true (wg_migrate_apply (conn, version, &error));
      g_assert_no_error (error);
      g_assert_cmpint (test_version (conn), ==, version);
      test_insert_v1_data (conn);
      g_assert_true (wg_migrate_apply (conn, 0, &error));
      g_assert_no_error (error);
      g_assert_cmpint (test_version (conn), ==, WG_SCHEMA_VERSION);
      test_assert_v1_data (conn);
      g_clear_pointer (&conn, PQfinish);
      test_db_drop (name);
    }
}

/* The mechanism with a migration newer than the real ones: data stays, a
 * failing migration leaves nothing behind and the version unchanged. */
static void
test_migrate_next_and_failing (DbFixture     *fixture,
                               gconstpointer  data)
{
  g_autofree char *next_name = g_strdup_printf ("%03d-add-note.sql", WG_SCHEMA_VERSION + 1);
  g_autofree char *bad_name = g_strdup_printf ("%03d-broken.sql", WG_SCHEMA_VERSION + 2);
  g_autofree char *sql_dir = test_sql_dir_with (
      next_name, "ALTER TABLE regions ADD COLUMN note text NOT NULL DEFAULT 'kept';\n",
      bad_name, "CREATE TABLE half_done (id int);\nSELECT no_such_function ();\n",
      NULL);
  g_autoptr(GError) error = NULL;

  if (!test_pg_available ())
    return;
  wg_migrate_apply_dir (fixture->conn, sql_dir, WG_SCHEMA_VERSION, NULL, &error);
  g_assert_no_error (error);
  test_insert_v1_data (fixture->conn);
  wg_migrate_apply_dir (fixture->conn, sql_dir, WG_SCHEMA_VERSION + 1, NULL, &error);
  g_assert_no_error (error);
  test_assert_v1_data (fixture->conn);
  test_assert_query (fixture->conn, "SELECT note FROM regions", "kept");

  g_assert_false (wg_migrate_apply_dir (fixture->conn, sql_dir, 0, NULL, &error));
  g_assert_nonnull (strstr (error->message, bad_name));
  g_clear_error (&error);
  g_assert_cmpint (test_version (fixture->conn), ==, WG_SCHEMA_VERSION + 1);
  test_assert_query (fixture->conn, "SELECT to_regclass ('half_done') IS NULL", "t");
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

/* ---------------------------------------------------------- territory */

static const char *
test_territory_db (void)
{
  g_autoptr(PGconn) conn = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data_dir = NULL;

  if (territory_db != NULL)
    return territory_db;
  territory_db = test_db_create ("territory");
  conn = test_connect (territory_db, "postgres");
  data_dir = wg_territory_find_data_dir ();
  test_exec (conn, "SET client_min_messages = warning");
  wg_migrate_apply (conn, 0, &error);
  g_assert_no_error (error);
  wg_territory_load (conn, data_dir, &error);
  g_assert_no_error (error);
  return territory_db;
}

static void
test_territory_counts (void)
{
  g_autoptr(PGconn) conn = NULL;
  WgTerritoryCounts counts = { 0 };
  g_autoptr(GError) error = NULL;

  if (!test_pg_available ())
    return;
  conn = test_connect (test_territory_db (), "postgres");
  wg_territory_get_counts (conn, &counts, &error);
  g_assert_no_error (error);
  g_assert_cmpint (counts.districts, ==, 1);
  g_assert_cmpint (counts.streets, ==, 17);
  g_assert_cmpint (counts.communities, ==, 169);
  g_assert_cmpint (counts.grids, ==, 589);
  g_assert_cmpint (test_query_int (conn, "SELECT count(*) FROM regions c WHERE level = 'community'"
                                         " AND NOT EXISTS (SELECT FROM regions g"
                                         "                  WHERE g.parent_code = c.code)"), ==, 0);
  g_assert_cmpint (test_query_int (conn, "SELECT count(*) FROM regions s WHERE level = 'street'"
                                         " AND NOT EXISTS (SELECT FROM regions c"
                                         "                  WHERE c.parent_code = s.code)"), ==, 0);
}

static void
test_territory_tiling (void)
{
  g_autoptr(PGconn) conn = NULL;
  double district;

  if (!test_pg_available ())
    return;
  conn = test_connect (test_territory_db (), "postgres");
  district = test_query_double (conn, "SELECT ST_Area (geom) FROM regions WHERE level = 'district'");
  g_assert_cmpfloat (district, >, 0.004);
  /* Sum of grid areas = district area. */
  g_assert_cmpfloat (fabs (test_query_double (conn, "SELECT sum (ST_Area (geom)) FROM regions"
                                                    " WHERE level = 'grid'") - district) / district,
                     <, 1e-9);
  /* No overlaps between any two grids. */
  g_assert_cmpfloat (test_query_double (conn, "SELECT coalesce (sum (ST_Area (ST_Intersection (a.geom, b.geom))), 0)"
                                              "  FROM regions a JOIN regions b"
                                              "    ON a.level = 'grid' AND b.level = 'grid'"
                                              "   AND a.code < b.code AND ST_Intersects (a.geom, b.geom)") / district,
                     <, 1e-9);
  /* No gaps: the grids cover the outline. */
  g_assert_cmpfloat (test_query_double (conn, "SELECT ST_Area (ST_Difference (d.geom,"
                                              "         (SELECT ST_Union (geom) FROM regions WHERE level = 'grid')))"
                                              "  FROM regions d WHERE level = 'district'") / district,
                     <, 1e-9);
  /* Every grid inside the outline. */
  g_assert_cmpint (test_query_int (conn, "SELECT count(*) FROM regions g, regions d"
                                         " WHERE g.level = 'grid' AND d.level = 'district'"
                                         "   AND NOT ST_CoveredBy (g.geom, ST_Buffer (d.geom, 1e-9))"), ==, 0);
  /* A community is the union of its grids, a street of its communities. */
  g_assert_cmpfloat (test_query_double (conn, "SELECT max (ST_Area (ST_SymDifference (p.geom, u.geom)))"
                                              "  FROM regions p JOIN (SELECT parent_code, ST_Union (geom) AS geom"
                                              "                         FROM regions WHERE level IN ('grid', 'community')"
                                              "                        GROUP BY parent_code) u"
                                              "    ON u.parent_code = p.code") / district,
                     <, 1e-9);
}

static void
test_territory_geometry (void)
{
  g_autoptr(PGconn) conn = NULL;

  if (!test_pg_available ())
    return;
  conn = test_connect (test_territory_db (), "postgres");
  g_assert_cmpint (test_query_int (conn, "SELECT count(*) FROM regions"
                                         " WHERE geom IS NULL OR NOT ST_IsValid (geom)"
                                         "    OR GeometryType (geom) <> 'MULTIPOLYGON'"
                                         "    OR ST_SRID (geom) <> 4326 OR ST_IsEmpty (geom)"), ==, 0);
  g_assert_cmpint (test_query_int (conn, "SELECT count(*) FROM regions"
                                         " WHERE synthetic <> (level <> 'district')"), ==, 0);
  /* Small polygons (PITFALLS: under ~8 kB). */
  g_assert_cmpint (test_query_int (conn, "SELECT max (ST_MemSize (geom)) FROM regions"
                                         " WHERE level = 'grid'"), <, 8192);
  /* Roughly Dongcheng: 116.38–116.45 E, 39.85–39.97 N. */
  g_assert_cmpint (test_query_int (conn, "SELECT count(*) FROM regions WHERE NOT ST_Within (geom,"
                                         " ST_MakeEnvelope (116.37, 39.84, 116.46, 39.98, 4326))"), ==, 0);
}

static void
test_territory_codes_and_names (void)
{
  g_autoptr(PGconn) conn = NULL;

  if (!test_pg_available ())
    return;
  conn = test_connect (test_territory_db (), "postgres");
  g_assert_cmpint (test_query_int (conn, "SELECT count(*) FROM regions g WHERE level = 'grid' AND NOT ("
                                         " code ~ '^110101[0-9]{9}$' AND left (code, 12) = parent_code"
                                         " AND path = (substr (code, 1, 6) || '.' || substr (code, 7, 3) || '.'"
                                         "             || substr (code, 10, 3) || '.' || substr (code, 13, 3))::ltree"
                                         " AND grid_type IN ('residential', 'commercial', 'institutional', 'crowded')"
                                         " AND grid_grade IN ('routine', 'general', 'key', 'comprehensive')"
                                         " AND name = (SELECT c.name FROM regions c WHERE c.code = g.parent_code)"
                                         "            || '第' || right (code, 3)::int || '网格')"), ==, 0);
  /* Sequences run 001…k in each community. */
  g_assert_cmpint (test_query_int (conn, "SELECT count(*) FROM (SELECT parent_code FROM regions"
                                         " WHERE level = 'grid' GROUP BY parent_code"
                                         " HAVING max (right (code, 3)::int) <> count(*)"
                                         "     OR min (right (code, 3)::int) <> 1) x"), ==, 0);
  /* North to south: a later number never lies north of an earlier one. */
  g_assert_cmpint (test_query_int (conn, "SELECT count(*) FROM (SELECT ST_Y (ST_Centroid (geom)) AS y,"
                                         "  lag (ST_Y (ST_Centroid (geom))) OVER (PARTITION BY parent_code ORDER BY code) AS prev"
                                         "  FROM regions WHERE level = 'grid') x WHERE y > prev"), ==, 0);
  g_assert_cmpint (test_query_int (conn, "SELECT count(*) FROM regions WHERE level = 'community'"
                                         " AND (name !~ '社区$' OR name ~ '居委会')"), ==, 0);
  test_assert_query (conn, "SELECT name FROM regions WHERE code = '110101001001'", "多福巷社区");
  test_assert_query (conn, "SELECT name FROM regions WHERE path = '110101.001.001.001'", "多福巷社区第1网格");
  test_assert_query (conn, "SELECT name FROM regions WHERE code = '110101001'", "东华门街道");
  /* Plausible mix: mostly residential and routine, every value present. */
  test_assert_query (conn, "SELECT grid_type FROM regions WHERE level = 'grid'"
                                     " GROUP BY 1 ORDER BY count(*) DESC LIMIT 1", "residential");
  test_assert_query (conn, "SELECT grid_grade FROM regions WHERE level = 'grid'"
                                     " GROUP BY 1 ORDER BY count(*) DESC LIMIT 1", "routine");
  g_assert_cmpint (test_query_int (conn, "SELECT count(DISTINCT grid_type) * 10 + count(DISTINCT grid_grade)"
                                         "  FROM regions WHERE level = 'grid'"), ==, 44);
}

static char *
test_territory_digest (PGconn *conn)
{
  return test_query (conn, "SELECT md5 (string_agg (code || name || coalesce (grid_type, '')"
                           "  || coalesce (grid_grade, '') || encode (ST_AsBinary (geom), 'hex'), ','"
                           "  ORDER BY code)) FROM regions");
}

static void
test_territory_deterministic (void)
{
  g_autoptr(PGconn) first = NULL;
  g_autoptr(PGconn) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data_dir = wg_territory_find_data_dir ();
  g_autofree char *name = NULL;
  g_autofree char *digest = NULL;
  g_autofree char *again = NULL;
  g_autofree char *other = NULL;

  if (!test_pg_available ())
    return;
  first = test_connect (test_territory_db (), "postgres");
  digest = test_territory_digest (first);
  /* A reload in place (units may refer to regions) … */
  wg_admin_demo_load_units (first, NULL, &error);
  g_assert_no_error (error);
  wg_territory_load (first, data_dir, &error);
  g_assert_no_error (error);
  again = test_territory_digest (first);
  g_assert_cmpstr (digest, ==, again);
  /* … and a load into another database give the same bytes. */
  name = test_db_create ("territory2");
  second = test_connect (name, "postgres");
  test_exec (second, "SET client_min_messages = warning");
  wg_migrate_apply (second, 0, &error);
  g_assert_no_error (error);
  wg_territory_load (second, data_dir, &error);
  g_assert_no_error (error);
  other = test_territory_digest (second);
  g_assert_cmpstr (digest, ==, other);
  g_clear_pointer (&second, PQfinish);
  test_db_drop (name);
}

static gint64
test_app_count (PGconn     *app,
                const char *scope)
{
  g_autofree char *set = g_strdup_printf ("SET LOCAL wangge.scope = '%s'", scope);
  gint64 count;

  test_exec (app, "BEGIN");
  test_exec (app, set);
  count = test_query_int (app, "SELECT count(*) FROM regions");
  test_exec (app, "COMMIT");
  return count;
}

static void
test_app_refused (PGconn     *app,
                  const char *sql)
{
  g_autoptr(PGresult) result = PQexec (app, sql);

  g_assert_cmpint (PQresultStatus (result), ==, PGRES_FATAL_ERROR);
  g_assert_cmpstr (PQresultErrorField (result, PG_DIAG_SQLSTATE), ==, "42501");
}

static void
test_territory_rls (void)
{
  g_autoptr(PGconn) owner = NULL;
  g_autoptr(PGconn) app = NULL;
  g_autoptr(GError) error = NULL;

  if (!test_pg_available ())
    return;
  owner = test_connect (test_territory_db (), "postgres");
  app = test_connect (test_territory_db (), "wangge_app");
  /* No scope, no rows. */
  g_assert_cmpint (test_query_int (app, "SELECT count(*) FROM regions"), ==, 0);
  g_assert_cmpint (test_app_count (app, "110101"), ==, 1 + 17 + 169 + 589);
  g_assert_cmpint (test_app_count (app, "110101.001"), ==,
                   test_query_int (owner, "SELECT count(*) FROM regions WHERE path <@ '110101.001'"));
  g_assert_cmpint (test_app_count (app, "110101.001.001"), ==,
                   1 + test_query_int (owner, "SELECT count(*) FROM regions WHERE parent_code = '110101001001'"));
  g_assert_cmpint (test_app_count (app, "110101.001.001.001"), ==, 1);
  g_assert_cmpint (test_app_count (app, "110101.002"), <,
                   test_query_int (owner, "SELECT count(*) FROM regions"));
  test_app_refused (app, "UPDATE regions SET name = 'x'");
  test_app_refused (app, "DELETE FROM regions");
  test_app_refused (app, "INSERT INTO regions (code, name, level, path)"
                         " VALUES ('110102', 'x', 'district', '110102')");
  /* The server checks the schema version as wangge_app. */
  g_assert_true (wg_migrate_check_version (app, &error));
  g_assert_no_error (error);
}

/* -------------------------------------------------------------- users */

static void
test_assert_field (const GError *error,
                   const char   *field)
{
  g_assert_error (error, WG_ERROR, WG_ERROR_INVALID_INPUT);
  g_assert_cmpstr (wg_error_get_field (error), ==, field);
}

static void
test_users_validation (void)
{
  static const struct {
    WgAdminNewUser user;
    const char *password;
    const char *field;
  } cases[] = {
    { { "Bad Name", "甲", "110101", "admin", "110101" }, "long-enough", "username" },
    { { "", "甲", "110101", "admin", "110101" }, "long-enough", "username" },
    { { "ok", "", "110101", "admin", "110101" }, "long-enough", "display_name" },
    { { "ok", "甲", "110101", "admin,boss", "110101" }, "long-enough", "roles" },
    { { "ok", "甲", "110101", "admin,,leader", "110101" }, "long-enough", "roles" },
    { { "ok", "甲", "no-such-unit", "admin", "110101" }, "long-enough", "unit" },
    { { "ok", "甲", "110101", "admin", "110101.999" }, "long-enough", "scope" },
    { { "ok", "甲", "110101", "admin", "110101;drop" }, "long-enough", "scope" },
    { { "ok", "甲", "110101", "admin", "110101" }, "short", "password" },
    { { "longpassword", "甲", "110101", "admin", "110101" }, "longpassword", "password" },
  };
  g_autoptr(PGconn) conn = NULL;
  g_autoptr(GError) error = NULL;

  if (!test_pg_available ())
    return;
  conn = test_connect (test_territory_db (), "postgres");
  wg_admin_demo_load_units (conn, NULL, &error);
  g_assert_no_error (error);
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gint64 id = 0;

      g_test_message ("case %" G_GSIZE_FORMAT ": %s", i, cases[i].field);
      g_assert_false (wg_admin_user_create (conn, &cases[i].user, cases[i].password, &id, &error));
      test_assert_field (error, cases[i].field);
      g_clear_error (&error);
    }
  g_assert_cmpint (test_query_int (conn, "SELECT count(*) FROM users"), ==, 0);
}

static void
test_users_lifecycle (void)
{
  const WgAdminNewUser user = { "li.si", "李四", "110101001", "street,community", "110101.001" };
  g_autoptr(PGconn) conn = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = NULL;
  gint64 id = 0;
  int revoked = -1;

  if (!test_pg_available ())
    return;
  conn = test_connect (test_territory_db (), "postgres");
  wg_admin_demo_load_units (conn, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (wg_admin_user_create (conn, &user, "first-password", &id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  hash = test_query (conn, "SELECT password_hash FROM users WHERE username = 'li.si'");
  g_assert_true (g_str_has_prefix (hash, "$argon2id$"));
  g_assert_true (wg_password_verify (hash, "first-password"));
  test_assert_query (conn, "SELECT roles::text || scope::text FROM users WHERE username = 'li.si'", "{street,community}110101.001");
  g_assert_false (wg_admin_user_create (conn, &user, "first-password", &id, &error));
  g_assert_error (error, WG_ERROR, WG_ERROR_CONFLICT);
  g_clear_error (&error);

  test_exec (conn, "INSERT INTO sessions (token_hash, user_id, expires_at)"
                   " SELECT decode (repeat ('ab', 32), 'hex'), id, now () + interval '1 hour'"
                   "   FROM users WHERE username = 'li.si'");
  g_assert_true (wg_admin_user_set_disabled (conn, "li.si", TRUE, &revoked, &error));
  g_assert_no_error (error);
  g_assert_cmpint (revoked, ==, 1);
  test_assert_query (conn, "SELECT disabled FROM users WHERE username = 'li.si'", "t");
  g_assert_cmpint (test_query_int (conn, "SELECT count(*) FROM sessions WHERE revoked_at IS NULL"), ==, 0);
  g_assert_true (wg_admin_user_set_disabled (conn, "li.si", FALSE, &revoked, &error));
  g_assert_no_error (error);
  test_assert_query (conn, "SELECT disabled FROM users WHERE username = 'li.si'", "f");

  g_assert_true (wg_admin_user_set_password (conn, "li.si", "second-password", NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&hash, g_free);
  hash = test_query (conn, "SELECT password_hash FROM users WHERE username = 'li.si'");
  g_assert_true (wg_password_verify (hash, "second-password"));
  g_assert_false (wg_password_verify (hash, "first-password"));

  g_assert_false (wg_admin_user_set_disabled (conn, "nobody", TRUE, NULL, &error));
  g_assert_error (error, WG_ERROR, WG_ERROR_NOT_FOUND);
  g_clear_error (&error);
  test_exec (conn, "DELETE FROM sessions");
  test_exec (conn, "DELETE FROM users");
}

/* ---------------------------------------------------------------- CLI */

typedef struct {
  int    status;
  char  *out;
  char  *err;
  double seconds;
} CliResult;

static void
cli_result_clear (CliResult *result)
{
  g_clear_pointer (&result->out, g_free);
  g_clear_pointer (&result->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CliResult, cli_result_clear)

/* Runs wangge-admin --conninfo @conninfo ARGS… with @input on stdin. */
static void
test_cli_run (CliResult  *result,
              const char *conninfo,
              const char *input,
              ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (char *) g_getenv ("WG_ADMIN_BIN"));
  if (conninfo != NULL)
    {
      g_ptr_array_add (argv, (char *) "--conninfo");
      g_ptr_array_add (argv, (char *) conninfo);
    }
  va_start (args, input);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                               G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, input, NULL, &result->out, &result->err, &error);
  g_assert_no_error (error);
  result->status = g_subprocess_get_exit_status (process);
  result->seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  g_test_message ("exit %d in %.3f s\nstdout: %s\nstderr: %s", result->status, result->seconds,
                  result->out, result->err);
}

static gboolean
test_cli_available (void)
{
  if (!test_pg_available ())
    return FALSE;
  if (g_getenv ("WG_ADMIN_BIN") == NULL)
    {
      g_test_skip ("WG_ADMIN_BIN not set: run through meson test");
      return FALSE;
    }
  return TRUE;
}

static void
test_cli_migrate_and_demo (DbFixture     *fixture,
                           gconstpointer  data)
{
  g_autofree char *conninfo = NULL;
  g_auto(CliResult) first = { 0 };
  g_auto(CliResult) second = { 0 };
  g_auto(CliResult) demo = { 0 };
  g_auto(CliResult) again = { 0 };
  g_auto(CliResult) status = { 0 };

  if (!test_cli_available ())
    return;
  conninfo = test_conninfo (fixture->name, "postgres");
  test_cli_run (&first, conninfo, NULL, "migrate", NULL);
  g_assert_cmpint (first.status, ==, 0);
  g_assert_nonnull (strstr (first.out, "Applied 001-"));
  test_cli_run (&second, conninfo, NULL, "migrate", NULL);
  g_assert_cmpint (second.status, ==, 0);
  g_assert_nonnull (strstr (second.out, "Nothing to apply"));

  test_cli_run (&demo, conninfo, NULL, "load-demo", NULL);
  g_assert_cmpint (demo.status, ==, 0);
  g_assert_nonnull (strstr (demo.out, "users: 8 new"));
  g_assert_cmpint (test_query_int (fixture->conn, "SELECT count(*) FROM units"), ==, 1 + 17 + 169 + 10);
  test_assert_query (fixture->conn, "SELECT u.name FROM users JOIN units u ON u.code = unit_code"
                                              " WHERE username = 'dept'", "区城市管理综合行政执法局");
  test_assert_query (fixture->conn, "SELECT scope FROM users WHERE username = 'grid'", "110101.001.001.001");
  test_assert_query (fixture->conn, "SELECT display_name FROM users WHERE username = 'admin'", "王磊");
  test_cli_run (&again, conninfo, NULL, "load-demo", NULL);
  g_assert_cmpint (again.status, ==, 0);
  g_assert_nonnull (strstr (again.out, "users: 0 new"));
  g_assert_cmpfloat (again.seconds, <, 1.0);

  test_cli_run (&status, conninfo, NULL, "status", NULL);
  g_assert_cmpint (status.status, ==, 0);
  g_assert_nonnull (strstr (status.out, "589 grids"));
}

static void
test_cli_users (DbFixture     *fixture,
                gconstpointer  data)
{
  g_autofree char *conninfo = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(CliResult) create = { 0 };
  g_auto(CliResult) bad = { 0 };
  g_auto(CliResult) disable = { 0 };
  g_auto(CliResult) unknown = { 0 };
  g_auto(CliResult) password = { 0 };
  g_autofree char *hash = NULL;

  if (!test_cli_available ())
    return;
  conninfo = test_conninfo (fixture->name, "postgres");
  wg_migrate_apply (fixture->conn, 0, &error);
  g_assert_no_error (error);
  test_exec (fixture->conn, "INSERT INTO regions (code, name, level, path)"
                            " VALUES ('110101', '东城区', 'district', '110101')");
  test_exec (fixture->conn, "INSERT INTO units VALUES ('110101', '中心', 'district_center', '110101')");

  test_cli_run (&create, conninfo, "s3cret-pass-1\n", "create-user", "--username", "zhang.san",
                "--display-name", "张三", "--unit", "110101", "--roles", "leader,auditor",
                "--scope", "110101", NULL);
  g_assert_cmpint (create.status, ==, 0);
  g_assert_null (strstr (create.out, "s3cret"));
  g_assert_null (strstr (create.err, "s3cret"));
  hash = test_query (fixture->conn, "SELECT password_hash FROM users WHERE username = 'zhang.san'");
  g_assert_true (wg_password_verify (hash, "s3cret-pass-1"));

  test_cli_run (&bad, conninfo, "s3cret-pass-1\n", "create-user", "--username", "zhang.san",
                "--display-name", "张三", "--unit", "110101", "--roles", "mayor",
                "--scope", "110101", NULL);
  g_assert_cmpint (bad.status, ==, 1);
  g_assert_nonnull (strstr (bad.err, "(roles)"));

  test_cli_run (&disable, conninfo, NULL, "disable-user", "zhang.san", NULL);
  g_assert_cmpint (disable.status, ==, 0);
  test_assert_query (fixture->conn, "SELECT disabled FROM users WHERE username = 'zhang.san'", "t");
  test_cli_run (&unknown, conninfo, NULL, "enable-user", "nobody", NULL);
  g_assert_cmpint (unknown.status, ==, 1);

  test_cli_run (&password, conninfo, "short\n", "set-password", "zhang.san", NULL);
  g_assert_cmpint (password.status, ==, 1);
  g_assert_nonnull (strstr (password.err, "(password)"));
  g_assert_null (strstr (password.err, "short\n"));
}

static void
test_cli_config_and_refusals (DbFixture     *fixture,
                              gconstpointer  data)
{
  g_autofree char *conninfo = NULL;
  g_autofree char *config_text = NULL;
  g_autofree char *config = NULL;
  g_autofree char *insert = g_strdup_printf ("INSERT INTO schema_migrations (version, name)"
                                             " VALUES (%d, 'future')", WG_SCHEMA_VERSION + 1);
  g_autoptr(GError) error = NULL;
  g_auto(CliResult) old = { 0 };
  g_auto(CliResult) migrate = { 0 };
  g_auto(CliResult) newer = { 0 };
  g_auto(CliResult) usage = { 0 };
  int fd;

  if (!test_cli_available ())
    return;
  conninfo = test_conninfo (fixture->name, "postgres");
  config_text = g_strdup_printf ("[database]\nconninfo=dbname=unused\n[admin]\nconninfo=%s\n", conninfo);
  fd = g_file_open_tmp ("wg-admin-XXXXXX.ini", &config, &error);
  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (config, config_text, -1, &error);
  g_assert_no_error (error);

  /* An old schema: every command but migrate/status refuses. */
  test_cli_run (&old, NULL, NULL, "--config", config, "load-demo", NULL);
  g_assert_cmpint (old.status, ==, 1);
  g_assert_nonnull (strstr (old.err, "too old"));
  test_cli_run (&migrate, NULL, NULL, "--config", config, "migrate", NULL);
  g_assert_cmpint (migrate.status, ==, 0);

  test_exec (fixture->conn, insert);
  test_cli_run (&newer, conninfo, NULL, "migrate", NULL);
  g_assert_cmpint (newer.status, ==, 1);
  g_assert_nonnull (strstr (newer.err, "too new"));

  test_cli_run (&usage, conninfo, NULL, "frobnicate", NULL);
  g_assert_cmpint (usage.status, ==, 2);
  g_unlink (config);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/migrations/schema-version-is-last-file", test_schema_version_is_last_file);
  g_test_add ("/migrations/from-empty", DbFixture, NULL,
              db_fixture_set_up, test_migrate_from_empty, db_fixture_tear_down);
  g_test_add ("/migrations/twice-is-noop", DbFixture, NULL,
              db_fixture_set_up, test_migrate_twice_is_noop, db_fixture_tear_down);
  g_test_add ("/migrations/too-new-is-refused", DbFixture, NULL,
              db_fixture_set_up, test_check_version_too_new, db_fixture_tear_down);
  g_test_add_func ("/migrations/each-version-keeps-data", test_migrate_each_version_keeps_data);
  g_test_add ("/migrations/next-keeps-data-failing-rolls-back", DbFixture, NULL,
              db_fixture_set_up, test_migrate_next_and_failing, db_fixture_tear_down);
  g_test_add_func ("/migrations/rejects-gaps", test_migrate_rejects_gaps);
  g_test_add_func ("/territory/counts", test_territory_counts);
  g_test_add_func ("/territory/tiling", test_territory_tiling);
  g_test_add_func ("/territory/geometry", test_territory_geometry);
  g_test_add_func ("/territory/codes-and-names", test_territory_codes_and_names);
  g_test_add_func ("/territory/rls", test_territory_rls);
  g_test_add_func ("/territory/deterministic", test_territory_deterministic);
  g_test_add_func ("/admin/users/validation", test_users_validation);
  g_test_add_func ("/admin/users/lifecycle", test_users_lifecycle);
  g_test_add ("/admin/cli/migrate-and-demo", DbFixture, NULL,
              db_fixture_set_up, test_cli_migrate_and_demo, db_fixture_tear_down);
  g_test_add ("/admin/cli/users", DbFixture, NULL,
              db_fixture_set_up, test_cli_users, db_fixture_tear_down);
  g_test_add ("/admin/cli/config-and-refusals", DbFixture, NULL,
              db_fixture_set_up, test_cli_config_and_refusals, db_fixture_tear_down);

  status = g_test_run ();
  if (territory_db != NULL)
    test_db_drop (territory_db);
  g_clear_pointer (&territory_db, g_free);
  return status;
}
