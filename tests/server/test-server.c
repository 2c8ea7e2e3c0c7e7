/* test-server.c — wangge-server over real HTTP against a real database
 *
 * Each test gets its own copy of the template database and its own server
 * process (tests/wg-test-harness.h); the server must exit 0 on SIGTERM at
 * the end of every test.
 */
#define G_LOG_DOMAIN "test-server"

#include "config.h"

#include <libpq-fe.h>
#include <string.h>

#include "test-server.h"

void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  static guint counter = 0;
  g_autofree char *name = NULL;
  g_autoptr(GError) error = NULL;

  if (!wg_test_harness_available ())
    return;
  name = g_strdup_printf ("wangge_test_server_%d_%u", (int) getpid (), counter++);
  fixture->server = wg_test_server_start (name, &error);
  g_assert_no_error (error);
  fixture->url = wg_test_server_get_url (fixture->server);
  /* No proxy: the server is on loopback whatever the environment says. */
  fixture->session = soup_session_new_with_options ("timeout", 30, "proxy-resolver", NULL, NULL);
}

void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_object (&fixture->session);
  /* Fails the test unless the server exits 0 on SIGTERM. */
  g_clear_pointer (&fixture->server, wg_test_server_stop);
}

void
admin_sql (Fixture    *fixture,
           const char *sql)
{
  g_autoptr(GError) error = NULL;

  wg_test_exec_sql (wg_test_server_get_admin_conninfo (fixture->server), sql, &error);
  g_assert_no_error (error);
}

/* The first column of the first row of an admin query, as an integer. */
gint64
admin_count (Fixture    *fixture,
             const char *sql)
{
  g_autoptr(PGconn) conn = PQconnectdb (wg_test_server_get_admin_conninfo (fixture->server));
  g_autoptr(PGresult) result = NULL;

  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  result = PQexec (conn, sql);
  g_assert_cmpint (PQresultStatus (result), ==, PGRES_TUPLES_OK);
  return g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
}

WgTestResponse *
get (Fixture    *fixture,
     const char *path,
     const char *token)
{
  return wg_test_request (fixture->session, fixture->url, "GET", path, token, NULL, NULL);
}

WgTestResponse *
post_json (Fixture    *fixture,
           const char *path,
           const char *body)
{
  return wg_test_request (fixture->session, fixture->url, "POST", path, NULL,
                          "application/json", body);
}

char *
sign_in (Fixture    *fixture,
         const char *username)
{
  char *token = wg_test_sign_in (fixture->session, fixture->url, username, WG_TEST_PASSWORD);

  g_assert_nonnull (token);
  return token;
}

WgTestResponse *
sign_in_with (Fixture    *fixture,
              const char *username,
              const char *password)
{
  g_autofree char *body = g_strdup_printf ("{\"username\": \"%s\", \"password\": \"%s\"}",
                                           username, password);

  return post_json (fixture, "/api/v1/session", body);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  wg_test_add_session_tests ();
  wg_test_add_regions_tests ();
  wg_test_add_input_tests ();
  wg_test_add_parallel_tests ();
  wg_test_add_people_tests ();
  wg_test_add_records_tests ();
  wg_test_add_summary_tests ();
  wg_test_add_matrix_tests ();
  wg_test_add_csv_tests ();
  return g_test_run ();
}
