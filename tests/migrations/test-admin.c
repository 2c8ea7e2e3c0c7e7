/* test-admin.c — users and the wangge-admin command line
 *
 * Runs against the PostgreSQL cluster of tools/test (see wg-test-db.h);
 * skipped with a reason without it.
 */
#define G_LOG_DOMAIN "test-admin"

#include "config.h"

#include <string.h>
#include <unistd.h>
#include <gio/gio.h>
#include <glib/gstdio.h>

#include "wg-admin-demo.h"
#include "wg-admin-users.h"
#include "wg-error.h"
#include "wg-migrate.h"
#include "wg-password.h"
#include "wg-test-db.h"

/* -------------------------------------------------------------- users */

/* Migrated, with a district and one street, and their units. */
static void
test_prepare_small_territory (WgTestDbFixture *fixture)
{
  g_autoptr(GError) error = NULL;

  wg_migrate_apply (fixture->conn, 0, &error);
  g_assert_no_error (error);
  wg_test_exec (fixture->conn, "INSERT INTO regions (code, name, level, parent_code, path, synthetic) VALUES"
                               " ('110101', '东城区', 'district', NULL, '110101', false),"
                               " ('110101001', '东华门街道', 'street', '110101', '110101.001', true)");
  wg_admin_demo_load_units (fixture->conn, NULL, &error);
  g_assert_no_error (error);
}

static void
test_assert_field (const GError *error,
                   const char   *field)
{
  g_assert_error (error, WG_ERROR, WG_ERROR_INVALID_INPUT);
  g_assert_cmpstr (wg_error_get_field (error), ==, field);
}

static void
test_users_validation (WgTestDbFixture *fixture,
                       gconstpointer    data)
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
  PGconn *conn = fixture->conn;
  g_autoptr(GError) error = NULL;

  if (!wg_test_pg_available ())
    return;
  test_prepare_small_territory (fixture);
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gint64 id = 0;

      g_test_message ("case %" G_GSIZE_FORMAT ": %s", i, cases[i].field);
      g_assert_false (wg_admin_user_create (conn, &cases[i].user, cases[i].password, &id, &error));
      test_assert_field (error, cases[i].field);
      g_clear_error (&error);
    }
  g_assert_cmpint (wg_test_query_int (conn, "SELECT count(*) FROM users"), ==, 0);
}

static void
test_users_lifecycle (WgTestDbFixture *fixture,
                      gconstpointer    data)
{
  const WgAdminNewUser user = { "li.si", "李四", "110101001", "street,community", "110101.001" };
  PGconn *conn = fixture->conn;
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = NULL;
  gint64 id = 0;
  int revoked = -1;

  if (!wg_test_pg_available ())
    return;
  test_prepare_small_territory (fixture);
  g_assert_true (wg_admin_user_create (conn, &user, "first-password", &id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  hash = wg_test_query (conn, "SELECT password_hash FROM users WHERE username = 'li.si'");
  g_assert_true (g_str_has_prefix (hash, "$argon2id$"));
  g_assert_true (wg_password_verify (hash, "first-password"));
  wg_test_assert_query (conn, "SELECT roles::text || scope::text FROM users WHERE username = 'li.si'", "{street,community}110101.001");
  g_assert_false (wg_admin_user_create (conn, &user, "first-password", &id, &error));
  g_assert_error (error, WG_ERROR, WG_ERROR_CONFLICT);
  g_clear_error (&error);

  wg_test_exec (conn, "INSERT INTO sessions (token_hash, user_id, expires_at)"
                      " SELECT decode (repeat ('ab', 32), 'hex'), id, now () + interval '1 hour'"
                      "   FROM users WHERE username = 'li.si'");
  g_assert_true (wg_admin_user_set_disabled (conn, "li.si", TRUE, &revoked, &error));
  g_assert_no_error (error);
  g_assert_cmpint (revoked, ==, 1);
  wg_test_assert_query (conn, "SELECT disabled FROM users WHERE username = 'li.si'", "t");
  g_assert_cmpint (wg_test_query_int (conn, "SELECT count(*) FROM sessions WHERE revoked_at IS NULL"), ==, 0);
  g_assert_true (wg_admin_user_set_disabled (conn, "li.si", FALSE, &revoked, &error));
  g_assert_no_error (error);
  wg_test_assert_query (conn, "SELECT disabled FROM users WHERE username = 'li.si'", "f");

  g_assert_true (wg_admin_user_set_password (conn, "li.si", "second-password", NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&hash, g_free);
  hash = wg_test_query (conn, "SELECT password_hash FROM users WHERE username = 'li.si'");
  g_assert_true (wg_password_verify (hash, "second-password"));
  g_assert_false (wg_password_verify (hash, "first-password"));

  g_assert_false (wg_admin_user_set_disabled (conn, "nobody", TRUE, NULL, &error));
  g_assert_error (error, WG_ERROR, WG_ERROR_NOT_FOUND);
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
  if (!wg_test_pg_available ())
    return FALSE;
  if (g_getenv ("WG_ADMIN_BIN") == NULL)
    {
      g_test_skip ("WG_ADMIN_BIN not set: run through meson test");
      return FALSE;
    }
  return TRUE;
}

static void
test_cli_migrate_and_demo (WgTestDbFixture *fixture,
                           gconstpointer    data)
{
  g_autofree char *conninfo = NULL;
  g_auto(CliResult) first = { 0 };
  g_auto(CliResult) second = { 0 };
  g_auto(CliResult) demo = { 0 };
  g_auto(CliResult) again = { 0 };
  g_auto(CliResult) status = { 0 };

  if (!test_cli_available ())
    return;
  conninfo = wg_test_conninfo (fixture->name, "postgres");
  test_cli_run (&first, conninfo, NULL, "migrate", NULL);
  g_assert_cmpint (first.status, ==, 0);
  g_assert_nonnull (strstr (first.out, "Applied 001-"));
  test_cli_run (&second, conninfo, NULL, "migrate", NULL);
  g_assert_cmpint (second.status, ==, 0);
  g_assert_nonnull (strstr (second.out, "Nothing to apply"));

  test_cli_run (&demo, conninfo, NULL, "load-demo", NULL);
  g_assert_cmpint (demo.status, ==, 0);
  g_assert_nonnull (strstr (demo.out, "users: 8 new"));
  g_assert_cmpint (wg_test_query_int (fixture->conn, "SELECT count(*) FROM units"), ==, 1 + 17 + 169 + 10);
  wg_test_assert_query (fixture->conn, "SELECT u.name FROM users JOIN units u ON u.code = unit_code"
                                       " WHERE username = 'dept'", "区城市管理综合行政执法局");
  wg_test_assert_query (fixture->conn, "SELECT scope FROM users WHERE username = 'grid'", "110101.001.001.001");
  wg_test_assert_query (fixture->conn, "SELECT display_name FROM users WHERE username = 'admin'", "王磊");
  test_cli_run (&again, conninfo, NULL, "load-demo", NULL);
  g_assert_cmpint (again.status, ==, 0);
  g_assert_nonnull (strstr (again.out, "users: 0 new"));
  g_assert_cmpfloat (again.seconds, <, 1.0);

  test_cli_run (&status, conninfo, NULL, "status", NULL);
  g_assert_cmpint (status.status, ==, 0);
  g_assert_nonnull (strstr (status.out, "589 grids"));
}

static void
test_cli_users (WgTestDbFixture *fixture,
                gconstpointer    data)
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
  conninfo = wg_test_conninfo (fixture->name, "postgres");
  wg_migrate_apply (fixture->conn, 0, &error);
  g_assert_no_error (error);
  wg_test_exec (fixture->conn, "INSERT INTO regions (code, name, level, path)"
                               " VALUES ('110101', '东城区', 'district', '110101')");
  wg_test_exec (fixture->conn, "INSERT INTO units VALUES ('110101', '中心', 'district_center', '110101')");

  test_cli_run (&create, conninfo, "s3cret-pass-1\n", "create-user", "--username", "zhang.san",
                "--display-name", "张三", "--unit", "110101", "--roles", "leader,auditor",
                "--scope", "110101", NULL);
  g_assert_cmpint (create.status, ==, 0);
  g_assert_null (strstr (create.out, "s3cret"));
  g_assert_null (strstr (create.err, "s3cret"));
  hash = wg_test_query (fixture->conn, "SELECT password_hash FROM users WHERE username = 'zhang.san'");
  g_assert_true (wg_password_verify (hash, "s3cret-pass-1"));

  test_cli_run (&bad, conninfo, "s3cret-pass-1\n", "create-user", "--username", "zhang.san",
                "--display-name", "张三", "--unit", "110101", "--roles", "mayor",
                "--scope", "110101", NULL);
  g_assert_cmpint (bad.status, ==, 1);
  g_assert_nonnull (strstr (bad.err, "(roles)"));

  test_cli_run (&disable, conninfo, NULL, "disable-user", "zhang.san", NULL);
  g_assert_cmpint (disable.status, ==, 0);
  wg_test_assert_query (fixture->conn, "SELECT disabled FROM users WHERE username = 'zhang.san'", "t");
  test_cli_run (&unknown, conninfo, NULL, "enable-user", "nobody", NULL);
  g_assert_cmpint (unknown.status, ==, 1);

  test_cli_run (&password, conninfo, "short\n", "set-password", "zhang.san", NULL);
  g_assert_cmpint (password.status, ==, 1);
  g_assert_nonnull (strstr (password.err, "(password)"));
  g_assert_null (strstr (password.err, "short\n"));
}

static void
test_cli_config_and_refusals (WgTestDbFixture *fixture,
                              gconstpointer    data)
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
  conninfo = wg_test_conninfo (fixture->name, "postgres");
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

  wg_test_exec (fixture->conn, insert);
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
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/admin/users/validation", WgTestDbFixture, NULL,
              wg_test_db_fixture_set_up, test_users_validation, wg_test_db_fixture_tear_down);
  g_test_add ("/admin/users/lifecycle", WgTestDbFixture, NULL,
              wg_test_db_fixture_set_up, test_users_lifecycle, wg_test_db_fixture_tear_down);
  g_test_add ("/admin/cli/migrate-and-demo", WgTestDbFixture, NULL,
              wg_test_db_fixture_set_up, test_cli_migrate_and_demo, wg_test_db_fixture_tear_down);
  g_test_add ("/admin/cli/users", WgTestDbFixture, NULL,
              wg_test_db_fixture_set_up, test_cli_users, wg_test_db_fixture_tear_down);
  g_test_add ("/admin/cli/config-and-refusals", WgTestDbFixture, NULL,
              wg_test_db_fixture_set_up, test_cli_config_and_refusals, wg_test_db_fixture_tear_down);

  return g_test_run ();
}
