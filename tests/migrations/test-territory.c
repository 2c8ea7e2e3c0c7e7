/* test-territory.c — the generated Dongcheng territory: counts, tiling, codes, RLS
 *
 * Runs against the PostgreSQL cluster of tools/test (see wg-test-db.h);
 * skipped with a reason without it.
 */
#define G_LOG_DOMAIN "test-territory"

#include "config.h"

#include <math.h>

#include "wg-admin-demo.h"
#include "wg-migrate.h"
#include "wg-territory.h"
#include "wg-test-db.h"

/* The loaded territory, shared by the tests of this file. */
static char *territory_db = NULL;


/* ---------------------------------------------------------- territory */

static const char *
test_territory_db (void)
{
  g_autoptr(PGconn) conn = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data_dir = NULL;

  if (territory_db != NULL)
    return territory_db;
  territory_db = wg_test_db_create ("territory");
  conn = wg_test_connect (territory_db, "postgres");
  data_dir = wg_territory_find_data_dir ();
  wg_test_exec (conn, "SET client_min_messages = warning");
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

  if (!wg_test_pg_available ())
    return;
  conn = wg_test_connect (test_territory_db (), "postgres");
  wg_territory_get_counts (conn, &counts, &error);
  g_assert_no_error (error);
  g_assert_cmpint (counts.districts, ==, 1);
  g_assert_cmpint (counts.streets, ==, 17);
  g_assert_cmpint (counts.communities, ==, 169);
  g_assert_cmpint (counts.grids, ==, 589);
  g_assert_cmpint (wg_test_query_int (conn, "SELECT count(*) FROM regions c WHERE level = 'community'"
                                            " AND NOT EXISTS (SELECT FROM regions g"
                                            "                  WHERE g.parent_code = c.code)"), ==, 0);
  g_assert_cmpint (wg_test_query_int (conn, "SELECT count(*) FROM regions s WHERE level = 'street'"
                                            " AND NOT EXISTS (SELECT FROM regions c"
                                            "                  WHERE c.parent_code = s.code)"), ==, 0);
}

static void
test_territory_tiling (void)
{
  g_autoptr(PGconn) conn = NULL;
  double district;

  if (!wg_test_pg_available ())
    return;
  conn = wg_test_connect (test_territory_db (), "postgres");
  district = wg_test_query_double (conn, "SELECT ST_Area (geom) FROM regions WHERE level = 'district'");
  g_assert_cmpfloat (district, >, 0.004);
  /* Sum of grid areas = district area. */
  g_assert_cmpfloat (fabs (wg_test_query_double (conn, "SELECT sum (ST_Area (geom)) FROM regions"
                                                       " WHERE level = 'grid'") - district) / district,
                     <, 1e-9);
  /* No overlaps between any two grids. */
  g_assert_cmpfloat (wg_test_query_double (conn, "SELECT coalesce (sum (ST_Area (ST_Intersection (a.geom, b.geom))), 0)"
                                                 "  FROM regions a JOIN regions b"
                                                 "    ON a.level = 'grid' AND b.level = 'grid'"
                                                 "   AND a.code < b.code AND ST_Intersects (a.geom, b.geom)") / district,
                     <, 1e-9);
  /* No gaps: the grids cover the outline. */
  g_assert_cmpfloat (wg_test_query_double (conn, "SELECT ST_Area (ST_Difference (d.geom,"
                                                 "         (SELECT ST_Union (geom) FROM regions WHERE level = 'grid')))"
                                                 "  FROM regions d WHERE level = 'district'") / district,
                     <, 1e-9);
  /* Every grid inside the outline. */
  g_assert_cmpint (wg_test_query_int (conn, "SELECT count(*) FROM regions g, regions d"
                                            " WHERE g.level = 'grid' AND d.level = 'district'"
                                            "   AND NOT ST_CoveredBy (g.geom, ST_Buffer (d.geom, 1e-9))"), ==, 0);
  /* A community is the union of its grids, a street of its communities. */
  g_assert_cmpfloat (wg_test_query_double (conn, "SELECT max (ST_Area (ST_SymDifference (p.geom, u.geom)))"
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

  if (!wg_test_pg_available ())
    return;
  conn = wg_test_connect (test_territory_db (), "postgres");
  g_assert_cmpint (wg_test_query_int (conn, "SELECT count(*) FROM regions"
                                            " WHERE geom IS NULL OR NOT ST_IsValid (geom)"
                                            "    OR GeometryType (geom) <> 'MULTIPOLYGON'"
                                            "    OR ST_SRID (geom) <> 4326 OR ST_IsEmpty (geom)"), ==, 0);
  g_assert_cmpint (wg_test_query_int (conn, "SELECT count(*) FROM regions"
                                            " WHERE synthetic <> (level <> 'district')"), ==, 0);
  /* Contiguous: no region is cut into pieces, none has holes. */
  g_assert_cmpint (wg_test_query_int (conn, "SELECT count(*) FROM regions"
                                            " WHERE ST_NumGeometries (geom) <> 1"
                                            "    OR ST_NumInteriorRings (ST_GeometryN (geom, 1)) <> 0"), ==, 0);
  /* Small polygons (PITFALLS: under ~8 kB). */
  g_assert_cmpint (wg_test_query_int (conn, "SELECT max (ST_MemSize (geom)) FROM regions"
                                            " WHERE level = 'grid'"), <, 8192);
  /* Roughly Dongcheng: 116.38–116.45 E, 39.85–39.97 N. */
  g_assert_cmpint (wg_test_query_int (conn, "SELECT count(*) FROM regions WHERE NOT ST_Within (geom,"
                                            " ST_MakeEnvelope (116.37, 39.84, 116.46, 39.98, 4326))"), ==, 0);
}

static void
test_territory_codes_and_names (void)
{
  g_autoptr(PGconn) conn = NULL;

  if (!wg_test_pg_available ())
    return;
  conn = wg_test_connect (test_territory_db (), "postgres");
  g_assert_cmpint (wg_test_query_int (conn, "SELECT count(*) FROM regions g WHERE level = 'grid' AND NOT ("
                                            " code ~ '^110101[0-9]{9}$' AND left (code, 12) = parent_code"
                                            " AND path = (substr (code, 1, 6) || '.' || substr (code, 7, 3) || '.'"
                                            "             || substr (code, 10, 3) || '.' || substr (code, 13, 3))::ltree"
                                            " AND grid_type IN ('residential', 'commercial', 'institutional', 'crowded')"
                                            " AND grid_grade IN ('routine', 'general', 'key', 'comprehensive')"
                                            " AND name = (SELECT c.name FROM regions c WHERE c.code = g.parent_code)"
                                            "            || '第' || right (code, 3)::int || '网格')"), ==, 0);
  /* Sequences run 001…k in each community. */
  g_assert_cmpint (wg_test_query_int (conn, "SELECT count(*) FROM (SELECT parent_code FROM regions"
                                            " WHERE level = 'grid' GROUP BY parent_code"
                                            " HAVING max (right (code, 3)::int) <> count(*)"
                                            "     OR min (right (code, 3)::int) <> 1) x"), ==, 0);
  /* North to south: a later number never lies north of an earlier one. */
  g_assert_cmpint (wg_test_query_int (conn, "SELECT count(*) FROM (SELECT ST_Y (ST_Centroid (geom)) AS y,"
                                            "  lag (ST_Y (ST_Centroid (geom))) OVER (PARTITION BY parent_code ORDER BY code) AS prev"
                                            "  FROM regions WHERE level = 'grid') x WHERE y > prev"), ==, 0);
  g_assert_cmpint (wg_test_query_int (conn, "SELECT count(*) FROM regions WHERE level = 'community'"
                                            " AND (name !~ '社区$' OR name ~ '居委会')"), ==, 0);
  wg_test_assert_query (conn, "SELECT name FROM regions WHERE code = '110101001001'", "多福巷社区");
  wg_test_assert_query (conn, "SELECT name FROM regions WHERE path = '110101.001.001.001'", "多福巷社区第1网格");
  wg_test_assert_query (conn, "SELECT name FROM regions WHERE code = '110101001'", "东华门街道");
  /* Plausible mix: mostly residential and routine, every value present. */
  wg_test_assert_query (conn, "SELECT grid_type FROM regions WHERE level = 'grid'"
                              " GROUP BY 1 ORDER BY count(*) DESC LIMIT 1", "residential");
  wg_test_assert_query (conn, "SELECT grid_grade FROM regions WHERE level = 'grid'"
                              " GROUP BY 1 ORDER BY count(*) DESC LIMIT 1", "routine");
  g_assert_cmpint (wg_test_query_int (conn, "SELECT count(DISTINCT grid_type) * 10 + count(DISTINCT grid_grade)"
                                            "  FROM regions WHERE level = 'grid'"), ==, 44);
}

static char *
test_territory_digest (PGconn *conn)
{
  return wg_test_query (conn, "SELECT md5 (string_agg (code || name || coalesce (grid_type, '')"
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

  if (!wg_test_pg_available ())
    return;
  first = wg_test_connect (test_territory_db (), "postgres");
  digest = test_territory_digest (first);
  /* A reload in place (units may refer to regions) … */
  wg_admin_demo_load_units (first, NULL, &error);
  g_assert_no_error (error);
  wg_territory_load (first, data_dir, &error);
  g_assert_no_error (error);
  again = test_territory_digest (first);
  g_assert_cmpstr (digest, ==, again);
  /* … and a load into another database give the same bytes. */
  name = wg_test_db_create ("territory2");
  second = wg_test_connect (name, "postgres");
  wg_test_exec (second, "SET client_min_messages = warning");
  wg_migrate_apply (second, 0, &error);
  g_assert_no_error (error);
  wg_territory_load (second, data_dir, &error);
  g_assert_no_error (error);
  other = test_territory_digest (second);
  g_assert_cmpstr (digest, ==, other);
  g_clear_pointer (&second, PQfinish);
  wg_test_db_drop (name);
}

static gint64
test_app_count (PGconn     *app,
                const char *scope)
{
  g_autofree char *set = g_strdup_printf ("SET LOCAL wangge.scope = '%s'", scope);
  gint64 count;

  wg_test_exec (app, "BEGIN");
  wg_test_exec (app, set);
  count = wg_test_query_int (app, "SELECT count(*) FROM regions");
  wg_test_exec (app, "COMMIT");
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

  if (!wg_test_pg_available ())
    return;
  owner = wg_test_connect (test_territory_db (), "postgres");
  app = wg_test_connect (test_territory_db (), "wangge_app");
  /* No scope, no rows. */
  g_assert_cmpint (wg_test_query_int (app, "SELECT count(*) FROM regions"), ==, 0);
  g_assert_cmpint (test_app_count (app, "110101"), ==, 1 + 17 + 169 + 589);
  g_assert_cmpint (test_app_count (app, "110101.001"), ==,
                   wg_test_query_int (owner, "SELECT count(*) FROM regions WHERE path <@ '110101.001'"));
  g_assert_cmpint (test_app_count (app, "110101.001.001"), ==,
                   1 + wg_test_query_int (owner, "SELECT count(*) FROM regions WHERE parent_code = '110101001001'"));
  g_assert_cmpint (test_app_count (app, "110101.001.001.001"), ==, 1);
  g_assert_cmpint (test_app_count (app, "110101.002"), <,
                   wg_test_query_int (owner, "SELECT count(*) FROM regions"));
  test_app_refused (app, "UPDATE regions SET name = 'x'");
  test_app_refused (app, "DELETE FROM regions");
  test_app_refused (app, "INSERT INTO regions (code, name, level, path)"
                         " VALUES ('110102', 'x', 'district', '110102')");
  /* The server checks the schema version as wangge_app. */
  g_assert_true (wg_migrate_check_version (app, &error));
  g_assert_no_error (error);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/territory/counts", test_territory_counts);
  g_test_add_func ("/territory/tiling", test_territory_tiling);
  g_test_add_func ("/territory/geometry", test_territory_geometry);
  g_test_add_func ("/territory/codes-and-names", test_territory_codes_and_names);
  g_test_add_func ("/territory/rls", test_territory_rls);
  g_test_add_func ("/territory/deterministic", test_territory_deterministic);

  status = g_test_run ();
  if (territory_db != NULL)
    wg_test_db_drop (territory_db);
  g_clear_pointer (&territory_db, g_free);
  return status;
}
