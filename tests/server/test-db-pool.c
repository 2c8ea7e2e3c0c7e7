/* test-db-pool.c — the worker pool's transactions, against a real database
 *
 * Each job runs in its own transaction; what a job sets locally (the
 * user's scope) must not reach the next job on the same connection, and a
 * job that ignores an error must not be reported as done.
 */
#define G_LOG_DOMAIN "test-db-pool"

#include "config.h"

#include "wg-db-pool.h"
#include "wg-engine-private.h"
#include "wg-error.h"
#include "wg-migrate.h"
#include "wg-test-db.h"

typedef struct {
  char     *name;       /* the database, NULL when skipped */
  WgDbPool *pool;       /* one worker: every job shares its connection */
} Fixture;

typedef struct {
  gboolean  done;
  gboolean  ok;
  GError   *error;
} Outcome;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(PGconn) owner = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *conninfo = NULL;

  if (!wg_test_pg_available ())
    return;
  fixture->name = wg_test_db_create ("pool");
  owner = wg_test_connect (fixture->name, "postgres");
  wg_test_exec (owner, "SET client_min_messages = warning");
  /* Creates wangge_app, the role the pool must connect as. */
  g_assert_true (wg_migrate_apply (owner, 0, &error));
  g_assert_no_error (error);
  conninfo = wg_test_conninfo (fixture->name, "wangge_app");
  fixture->pool = wg_db_pool_new (conninfo, 1);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  if (fixture->pool != NULL)
    wg_db_pool_shutdown (fixture->pool);
  g_clear_object (&fixture->pool);
  if (fixture->name != NULL)
    wg_test_db_drop (fixture->name);
  g_clear_pointer (&fixture->name, g_free);
}

static void
run_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Outcome *outcome = user_data;

  outcome->ok = wg_db_pool_run_finish (WG_DB_POOL (source), result, &outcome->error);
  outcome->done = TRUE;
}

/* Runs @func on the pool and waits for it; the error is the caller's. */
static gboolean
run_job (Fixture       *fixture,
         WgDbJobFlags   flags,
         WgDbJobFunc    func,
         gpointer       data,
         GError       **error)
{
  Outcome outcome = { 0 };

  wg_db_pool_run_async (fixture->pool, flags, func, data, NULL, run_done_cb, &outcome);
  while (!outcome.done)
    g_main_context_iteration (NULL, TRUE);
  if (outcome.error != NULL)
    g_propagate_error (error, outcome.error);
  return outcome.ok;
}

/* Sets a user and scope as every authenticated request does. */
static gboolean
set_actor_job (PGconn   *conn,
               gpointer  data,
               GError  **outcome,
               GError  **error)
{
  return _wg_engine_set_actor (conn, 42, "110101.001", error);
}

/* The same, then fails: the transaction is rolled back. */
static gboolean
set_actor_and_fail_job (PGconn   *conn,
                        gpointer  data,
                        GError  **outcome,
                        GError  **error)
{
  if (!_wg_engine_set_actor (conn, 42, "110101.001", error))
    return FALSE;
  g_set_error_literal (error, WG_ERROR, WG_ERROR_INVALID_INPUT, "refused");
  return FALSE;
}

/* Reads the scope the connection carries now into @data (a char **). */
static gboolean
read_scope_job (PGconn   *conn,
                gpointer  data,
                GError  **outcome,
                GError  **error)
{
  char **scope = data;
  g_autoptr(PGresult) result =
    wg_pg_exec (conn,
                "SELECT coalesce(current_setting('wangge.scope', true), '') || '|' ||"
                "       coalesce(current_setting('wangge.user_id', true), '')",
                0, NULL, error);

  if (result == NULL)
    return FALSE;
  *scope = g_strdup (PQgetvalue (result, 0, 0));
  return TRUE;
}

static void
assert_no_scope_left (Fixture      *fixture,
                      WgDbJobFlags  flags)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *scope = NULL;

  g_assert_true (run_job (fixture, flags, read_scope_job, &scope, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (scope, ==, "|");
}

static void
test_pool_scope_is_transaction_local (Fixture       *fixture,
                                      gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  if (fixture->pool == NULL)
    return;
  g_assert_true (run_job (fixture, WG_DB_JOB_TRANSACTION, set_actor_job, NULL, &error));
  g_assert_no_error (error);
  assert_no_scope_left (fixture, WG_DB_JOB_TRANSACTION);
  assert_no_scope_left (fixture, WG_DB_JOB_ONE_READ);

  g_assert_false (run_job (fixture, WG_DB_JOB_TRANSACTION, set_actor_and_fail_job, NULL, &error));
  g_assert_error (error, WG_ERROR, WG_ERROR_INVALID_INPUT);
  assert_no_scope_left (fixture, WG_DB_JOB_TRANSACTION);
  assert_no_scope_left (fixture, WG_DB_JOB_ONE_READ);
}

/* Writes a row, then swallows the error of a failing statement. */
static gboolean
ignore_error_job (PGconn   *conn,
                  gpointer  data,
                  GError  **outcome,
                  GError  **error)
{
  g_autoptr(PGresult) inserted =
    wg_pg_exec (conn, "INSERT INTO login_failures (username) VALUES ('pool-test')",
                0, NULL, error);
  g_autoptr(PGresult) failed = PQexec (conn, "SELECT 1 / 0");

  return inserted != NULL && PQresultStatus (failed) == PGRES_FATAL_ERROR;
}

static void
test_pool_failed_transaction_is_an_error (Fixture       *fixture,
                                          gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PGconn) owner = NULL;
  g_autofree char *scope = NULL;

  if (fixture->pool == NULL)
    return;
  g_test_expect_message ("wg-db-pool", G_LOG_LEVEL_MESSAGE, "*failed transaction*");
  g_assert_false (run_job (fixture, WG_DB_JOB_TRANSACTION, ignore_error_job, NULL, &error));
  g_test_assert_expected_messages ();
  g_assert_error (error, WG_ERROR, WG_ERROR_INTERNAL);

  owner = wg_test_connect (fixture->name, "postgres");
  g_assert_cmpint (wg_test_query_int (owner, "SELECT count(*) FROM login_failures"), ==, 0);
  /* The connection is fit for the next job. */
  g_assert_true (run_job (fixture, WG_DB_JOB_TRANSACTION, read_scope_job, &scope, NULL));
}

#define SLEEP_SECONDS 10
#define N_SLEEPERS 3

typedef struct {
  guint pending;
  guint failed;
} Sleepers;

static gboolean
sleep_job (PGconn   *conn,
           gpointer  data,
           GError  **outcome,
           GError  **error)
{
  g_autoptr(PGresult) result = wg_pg_exec (conn, "SELECT pg_sleep (" G_STRINGIFY (SLEEP_SECONDS) ")",
                                           0, NULL, error);

  return result != NULL;
}

static void
sleeper_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Sleepers *sleepers = user_data;
  g_autoptr(GError) error = NULL;

  if (!wg_db_pool_run_finish (WG_DB_POOL (source), result, &error))
    sleepers->failed++;
  sleepers->pending--;
}

/* A shutdown that has waited long enough: the running statement is
 * cancelled and the queued jobs fail without running. */
static void
test_pool_cancel_running (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(PGconn) owner = NULL;
  Sleepers sleepers = { 0 };
  gint64 start;

  if (fixture->pool == NULL)
    return;
  owner = wg_test_connect (fixture->name, "postgres");
  for (guint i = 0; i < N_SLEEPERS; i++)
    {
      sleepers.pending++;
      wg_db_pool_run_async (fixture->pool, WG_DB_JOB_TRANSACTION, sleep_job, NULL, NULL,
                            sleeper_done_cb, &sleepers);
    }
  while (wg_test_query_int (owner, "SELECT count(*) FROM pg_stat_activity "
                                   "WHERE query LIKE 'SELECT pg_sleep%' AND state = 'active'") == 0)
    g_usleep (20 * 1000);

  start = g_get_monotonic_time ();
  g_test_expect_message ("wg-pg", G_LOG_LEVEL_MESSAGE, "SQL error 57014*");
  wg_db_pool_cancel_running (fixture->pool);
  while (sleepers.pending > 0)
    g_main_context_iteration (NULL, TRUE);
  g_test_assert_expected_messages ();
  g_assert_cmpuint (sleepers.failed, ==, N_SLEEPERS);
  g_assert_cmpint (g_get_monotonic_time () - start, <, (SLEEP_SECONDS / 2) * G_USEC_PER_SEC);
}

/* A database that hangs: the queue is bounded, and the jobs beyond it
 * fail at once rather than wait. */
static void
test_pool_queue_is_bounded (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(PGconn) owner = NULL;
  Sleepers sleepers = { 0 };
  g_autoptr(GError) error = NULL;
  gint64 start;

  if (fixture->pool == NULL)
    return;
  owner = wg_test_connect (fixture->name, "postgres");
  wg_db_pool_set_max_queued (fixture->pool, 2);
  for (guint i = 0; i < 3; i++)
    {
      sleepers.pending++;
      wg_db_pool_run_async (fixture->pool, WG_DB_JOB_TRANSACTION, sleep_job, NULL, NULL,
                            sleeper_done_cb, &sleepers);
      /* The first one runs: two wait behind it. */
      while (i == 0 && wg_test_query_int (owner, "SELECT count(*) FROM pg_stat_activity "
                                                 "WHERE query LIKE 'SELECT pg_sleep%' "
                                                 "AND state = 'active'") == 0)
        g_usleep (20 * 1000);
    }

  start = g_get_monotonic_time ();
  g_assert_false (run_job (fixture, WG_DB_JOB_TRANSACTION, sleep_job, NULL, &error));
  g_assert_error (error, WG_ERROR, WG_ERROR_UNAVAILABLE);
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);

  g_test_expect_message ("wg-pg", G_LOG_LEVEL_MESSAGE, "SQL error 57014*");
  wg_db_pool_cancel_running (fixture->pool);
  while (sleepers.pending > 0)
    g_main_context_iteration (NULL, TRUE);
  g_test_assert_expected_messages ();
}

static void
test_pool_role_check (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(PGconn) owner = NULL;
  g_autoptr(PGconn) app = NULL;
  g_autoptr(PGconn) refused = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *owner_conninfo = NULL;

  if (fixture->pool == NULL)
    return;
  app = wg_test_connect (fixture->name, "wangge_app");
  g_assert_true (wg_db_check_role (app, &error));
  g_assert_no_error (error);

  /* The owner (here a superuser) is not bound by row-level security. */
  owner = wg_test_connect (fixture->name, "postgres");
  g_assert_false (wg_db_check_role (owner, &error));
  g_assert_error (error, WG_ERROR, WG_ERROR_INTERNAL);
  g_clear_error (&error);
  owner_conninfo = wg_test_conninfo (fixture->name, "postgres");
  refused = wg_db_connect (owner_conninfo, &error);
  g_assert_null (refused);
  g_assert_error (error, WG_ERROR, WG_ERROR_INTERNAL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/server/db-pool/scope-is-transaction-local", Fixture, NULL,
              fixture_set_up, test_pool_scope_is_transaction_local, fixture_tear_down);
  g_test_add ("/server/db-pool/failed-transaction-is-an-error", Fixture, NULL,
              fixture_set_up, test_pool_failed_transaction_is_an_error, fixture_tear_down);
  g_test_add ("/server/db-pool/cancel-running", Fixture, NULL,
              fixture_set_up, test_pool_cancel_running, fixture_tear_down);
  g_test_add ("/server/db-pool/queue-is-bounded", Fixture, NULL,
              fixture_set_up, test_pool_queue_is_bounded, fixture_tear_down);
  g_test_add ("/server/db-pool/role-check", Fixture, NULL,
              fixture_set_up, test_pool_role_check, fixture_tear_down);
  return g_test_run ();
}
