#define G_LOG_DOMAIN "wg-test-db"

#include "config.h"

#include <unistd.h>

#include "wg-test-db.h"

gboolean
wg_test_pg_available (void)
{
  if (g_getenv ("WG_TEST_PG_HOST") == NULL || g_getenv ("WG_TEST_PG_PORT") == NULL)
    {
      g_test_skip ("WG_TEST_PG_HOST/WG_TEST_PG_PORT not set: run through tools/test");
      return FALSE;
    }
  return TRUE;
}

char *
wg_test_conninfo (const char *dbname,
                  const char *user)
{
  return g_strdup_printf ("host=%s port=%s dbname=%s user=%s", g_getenv ("WG_TEST_PG_HOST"),
                          g_getenv ("WG_TEST_PG_PORT"), dbname, user);
}

PGconn *
wg_test_connect (const char *dbname,
                 const char *user)
{
  g_autofree char *conninfo = wg_test_conninfo (dbname, user);
  g_autoptr(GError) error = NULL;
  PGconn *conn = wg_pg_connect (conninfo, &error);

  g_assert_no_error (error);
  return conn;
}

void
wg_test_exec (PGconn     *conn,
              const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) result = wg_pg_exec (conn, sql, 0, NULL, &error);

  g_assert_no_error (error);
}

/* The first value of the first row of @sql, as text. */
char *
wg_test_query (PGconn     *conn,
               const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) result = wg_pg_exec (conn, sql, 0, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (PQntuples (result), ==, 1);
  return g_strdup (PQgetvalue (result, 0, 0));
}

void
wg_test_assert_query (PGconn     *conn,
                      const char *sql,
                      const char *expected)
{
  g_autofree char *value = wg_test_query (conn, sql);

  g_assert_cmpstr (value, ==, expected);
}

gint64
wg_test_query_int (PGconn     *conn,
                   const char *sql)
{
  g_autofree char *value = wg_test_query (conn, sql);

  return g_ascii_strtoll (value, NULL, 10);
}

double
wg_test_query_double (PGconn     *conn,
                      const char *sql)
{
  g_autofree char *value = wg_test_query (conn, sql);

  return g_ascii_strtod (value, NULL);
}

char *
wg_test_db_create (const char *tag)
{
  g_autoptr(PGconn) admin = wg_test_connect ("postgres", "postgres");
  char *name = g_strdup_printf ("wg_test_%s_%d", tag, (int) getpid ());
  g_autofree char *drop = g_strdup_printf ("DROP DATABASE IF EXISTS %s WITH (FORCE)", name);
  g_autofree char *create = g_strdup_printf ("CREATE DATABASE %s", name);

  wg_test_exec (admin, "SET client_min_messages = warning");
  wg_test_exec (admin, drop);
  wg_test_exec (admin, create);
  return name;
}

void
wg_test_db_drop (const char *name)
{
  g_autoptr(PGconn) admin = wg_test_connect ("postgres", "postgres");
  g_autofree char *drop = g_strdup_printf ("DROP DATABASE IF EXISTS %s WITH (FORCE)", name);

  wg_test_exec (admin, drop);
}

void
wg_test_db_fixture_set_up (WgTestDbFixture *fixture,
                           gconstpointer  data)
{
  if (g_getenv ("WG_TEST_PG_HOST") == NULL || g_getenv ("WG_TEST_PG_PORT") == NULL)
    return;
  fixture->name = wg_test_db_create ("mig");
  fixture->conn = wg_test_connect (fixture->name, "postgres");
  wg_test_exec (fixture->conn, "SET client_min_messages = warning");
}

void
wg_test_db_fixture_tear_down (WgTestDbFixture *fixture,
                              gconstpointer  data)
{
  g_clear_pointer (&fixture->conn, PQfinish);
  if (fixture->name != NULL)
    wg_test_db_drop (fixture->name);
  g_clear_pointer (&fixture->name, g_free);
}

