/* test-server-recovery.c — the database goes away and comes back
 *
 * These tests need a PostgreSQL they may stop: a private cluster
 * (tools/pg-cluster) in a temporary folder, filled with a dump of the
 * template database of tools/test.
 */
#define G_LOG_DOMAIN "test-server-recovery"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "wg-test-harness-private.h"
#include "wg-test-http.h"

#define PASSWORD "wangge2026"
/* A request while the database is down must be answered, quickly. */
#define MAX_ANSWER_USEC (5 * G_USEC_PER_SEC)
#define RECOVERY_SECONDS 20

typedef struct {
  char    *directory;
  guint    port;
  char    *owner_conninfo;   /* postgres on the database "wangge" */
  char    *app_conninfo;     /* wangge_app on "wangge" */
  gboolean ready;
} Cluster;

static Cluster cluster;

static gboolean
run_command (GError     **error,
             const char  *first,
             ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *output = NULL;
  int status = 0;
  va_list args;

  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  if (!g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &output, NULL, &status, error))
    return FALSE;
  return g_spawn_check_wait_status (status, error);
}

static gboolean
cluster_control (const char  *command,
                 GError     **error)
{
  g_autofree char *tool = g_build_filename (WG_SOURCE_DIR, "tools", "pg-cluster", NULL);
  g_autofree char *data = g_build_filename (cluster.directory, "pg", NULL);
  g_autofree char *port = g_strdup_printf ("%u", cluster.port);

  return run_command (error, tool, command, data, port, NULL);
}

/* The template database of tools/test, copied with pg_dump into the
 * cluster's "wangge" (the application role is cluster-wide: made first). */
static gboolean
cluster_fill (GError **error)
{
  g_autofree char *script = g_strdup_printf (
    "set -o pipefail; pg_dump -h '%s' -p '%s' -U postgres wangge_template | "
    "psql -q -v ON_ERROR_STOP=1 -h '%s/pg/socket' -p %u -U postgres -d wangge >/dev/null",
    g_getenv ("WG_TEST_PG_HOST"), g_getenv ("WG_TEST_PG_PORT"), cluster.directory, cluster.port);

  if (!wg_test_exec_sql (cluster.owner_conninfo,
                         "CREATE ROLE wangge_app LOGIN NOSUPERUSER NOBYPASSRLS", error))
    return FALSE;
  return run_command (error, "/bin/bash", "-c", script, NULL);
}

static gboolean
cluster_set_up (GError **error)
{
  cluster.directory = g_dir_make_tmp ("wangge-recovery-XXXXXX", error);
  if (cluster.directory == NULL)
    return FALSE;
  /* As root the cluster runs as postgres, which must reach the folder. */
  g_chmod (cluster.directory, 0755);
  cluster.port = wg_test_pick_free_port (error);
  if (cluster.port == 0 || !cluster_control ("start", error))
    return FALSE;
  cluster.owner_conninfo = g_strdup_printf ("host=%s/pg/socket port=%u user=postgres dbname=wangge",
                                            cluster.directory, cluster.port);
  cluster.app_conninfo = g_strdup_printf ("host=%s/pg/socket port=%u user=wangge_app dbname=wangge",
                                          cluster.directory, cluster.port);
  return cluster_fill (error);
}

static void
cluster_tear_down (void)
{
  if (cluster.directory == NULL)
    return;
  cluster_control ("stop", NULL);
  run_command (NULL, "rm", "-rf", cluster.directory, NULL);
  g_clear_pointer (&cluster.directory, g_free);
  g_clear_pointer (&cluster.owner_conninfo, g_free);
  g_clear_pointer (&cluster.app_conninfo, g_free);
}

static gboolean
skip_without_cluster (void)
{
  g_autoptr(GError) error = NULL;

  if (!wg_test_harness_available ())
    return TRUE;
  if (!cluster.ready)
    {
      g_test_fail_printf ("the private cluster could not be prepared");
      return TRUE;
    }
  cluster_control ("start", &error);
  g_assert_no_error (error);
  return FALSE;
}

/* Asserts that the answer is 503 database-unavailable, and fast. */
static void
assert_unavailable (SoupSession *session,
                    const char  *url,
                    const char  *method,
                    const char  *path,
                    const char  *token,
                    const char  *body)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr(WgTestResponse) response =
    wg_test_request (session, url, method, path, token, body != NULL ? "application/json" : NULL, body);

  wg_test_assert_error (response, 503, "database-unavailable", NULL);
  g_assert_cmpint (g_get_monotonic_time () - start, <, MAX_ANSWER_USEC);
}

static void
wait_until_healthy (SoupSession *session,
                    const char  *url)
{
  gint64 deadline = g_get_monotonic_time () + RECOVERY_SECONDS * G_USEC_PER_SEC;
  guint status = 0;

  while (g_get_monotonic_time () < deadline)
    {
      g_autoptr(WgTestResponse) response = wg_test_request (session, url, "GET", "/api/v1/health",
                                                            NULL, NULL, NULL);

      status = response->status;
      if (status == 200)
        return;
      g_assert_cmpuint (status, ==, 503);
      g_usleep (200 * 1000);
    }
  g_assert_cmpuint (status, ==, 200);
}

static void
test_recovery_database_down (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SoupSession) session = soup_session_new_with_options ("timeout", 30,
                                                                  "proxy-resolver", NULL, NULL);
  g_autofree char *token = NULL;
  WgTestServer *server;
  const char *url;

  if (skip_without_cluster ())
    return;
  server = wg_test_server_start_with_conninfo (cluster.app_conninfo, TRUE, &error);
  g_assert_no_error (error);
  url = wg_test_server_get_url (server);
  token = wg_test_sign_in (session, url, "leader", PASSWORD);
  g_assert_nonnull (token);

  cluster_control ("stop", &error);
  g_assert_no_error (error);
  assert_unavailable (session, url, "GET", "/api/v1/health", NULL, NULL);
  assert_unavailable (session, url, "GET", "/api/v1/regions", token, NULL);
  assert_unavailable (session, url, "POST", "/api/v1/session", NULL,
                      "{\"username\": \"leader\", \"password\": \"" PASSWORD "\"}");
  /* Again, now that every worker knows. */
  assert_unavailable (session, url, "GET", "/api/v1/session", token, NULL);

  cluster_control ("start", &error);
  g_assert_no_error (error);
  wait_until_healthy (session, url);
  {
    g_autoptr(WgTestResponse) regions = wg_test_request (session, url, "GET",
                                                         "/api/v1/regions?level=street", token,
                                                         NULL, NULL);

    g_assert_cmpuint (regions->status, ==, 200);
  }
  wg_test_server_stop (server);
}

static void
test_recovery_start_while_down (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SoupSession) session = soup_session_new_with_options ("timeout", 30,
                                                                  "proxy-resolver", NULL, NULL);
  g_autofree char *token = NULL;
  WgTestServer *server;

  if (skip_without_cluster ())
    return;
  cluster_control ("stop", &error);
  g_assert_no_error (error);
  server = wg_test_server_start_with_conninfo (cluster.app_conninfo, FALSE, &error);
  g_assert_no_error (error);
  assert_unavailable (session, wg_test_server_get_url (server), "GET", "/api/v1/health", NULL, NULL);

  cluster_control ("start", &error);
  g_assert_no_error (error);
  wait_until_healthy (session, wg_test_server_get_url (server));
  token = wg_test_sign_in (session, wg_test_server_get_url (server), "street", PASSWORD);
  g_assert_nonnull (token);
  wg_test_server_stop (server);
}

/* The server refuses to start against @database as @user, saying
 * @expected_words (e.g. which way the schema version is off). */
static void
assert_refused (const char *database,
                const char *user,
                const char *expected_words)
{
  const char *binary = g_getenv ("WG_SERVER_BIN");
  g_autofree char *conninfo = g_strdup_printf ("host=%s/pg/socket port=%u user=%s dbname=%s",
                                               cluster.directory, cluster.port, user, database);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *errors = NULL;

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                              &error, binary, "--port", "0", "--database", conninfo, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, NULL, &errors, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), !=, 0);
  g_test_message ("wangge-server said: %s", errors);
  g_assert_nonnull (strstr (errors, expected_words));
}

static void
test_recovery_schema_mismatch (void)
{
  g_autoptr(GError) error = NULL;

  if (skip_without_cluster ())
    return;
  wg_test_exec_sql (cluster.owner_conninfo,
                    "DROP DATABASE IF EXISTS wangge_future WITH (FORCE)", &error);
  g_assert_no_error (error);
  wg_test_exec_sql (cluster.owner_conninfo,
                    "DROP DATABASE IF EXISTS wangge_past WITH (FORCE)", &error);
  g_assert_no_error (error);
  wg_test_exec_sql (cluster.owner_conninfo, "CREATE DATABASE wangge_future TEMPLATE wangge", &error);
  g_assert_no_error (error);
  wg_test_exec_sql (cluster.owner_conninfo, "CREATE DATABASE wangge_past TEMPLATE wangge", &error);
  g_assert_no_error (error);
  {
    g_autofree char *future = g_strdup_printf ("host=%s/pg/socket port=%u user=postgres dbname=wangge_future",
                                               cluster.directory, cluster.port);
    g_autofree char *past = g_strdup_printf ("host=%s/pg/socket port=%u user=postgres dbname=wangge_past",
                                             cluster.directory, cluster.port);

    wg_test_exec_sql (future, "INSERT INTO schema_migrations (version, name) VALUES (999, 'future')", &error);
    g_assert_no_error (error);
    wg_test_exec_sql (past, "DELETE FROM schema_migrations", &error);
    g_assert_no_error (error);
  }
  assert_refused ("wangge_future", "wangge_app", "new");
  assert_refused ("wangge_past", "wangge_app", "old");
}

/* As the owner (or any role that bypasses row-level security) every user
 * would see the whole territory: the server refuses to start. */
static void
test_recovery_owner_role_refused (void)
{
  if (skip_without_cluster ())
    return;
  assert_refused ("wangge", "postgres", "row-level security");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  if (g_getenv ("WG_TEST_PG_HOST") != NULL && g_getenv ("WG_SERVER_BIN") != NULL)
    {
      cluster.ready = cluster_set_up (&error);
      if (!cluster.ready)
        g_printerr ("# private cluster: %s\n", error->message);
    }
  g_test_add_func ("/server-recovery/database-down", test_recovery_database_down);
  g_test_add_func ("/server-recovery/start-while-down", test_recovery_start_while_down);
  g_test_add_func ("/server-recovery/schema-mismatch", test_recovery_schema_mismatch);
  g_test_add_func ("/server-recovery/owner-role-refused", test_recovery_owner_role_refused);
  status = g_test_run ();
  cluster_tear_down ();
  return status;
}
