/* test-harness.c — the test harness itself: a test program that crashes
 * must not leave its wangge-server behind, nor hold meson's pipes open.
 */
#define G_LOG_DOMAIN "test-harness"

#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "wg-test-harness-private.h"

#define DATABASE "wangge_test_harness_abort"
/* Well under the 60 s trap timeout: starting a server takes about 1 s. */
#define MAX_CRASH_SECONDS 15
#define MAX_DEATH_SECONDS 10

static char *
pid_file_for (int test_pid)
{
  g_autofree char *name = g_strdup_printf ("wangge-harness-%d.pid", test_pid);

  return g_build_filename (g_get_tmp_dir (), name, NULL);
}

/* Gone or a zombie (nobody may reap it in a container). */
static gboolean
process_gone (int pid)
{
  g_autofree char *stat_path = g_strdup_printf ("/proc/%d/stat", pid);
  g_autofree char *stat = NULL;
  const char *state;

  if (kill (pid, 0) != 0 && errno == ESRCH)
    return TRUE;
  if (!g_file_get_contents (stat_path, &stat, NULL, NULL))
    return TRUE;
  state = strrchr (stat, ')');
  return state != NULL && state[1] == ' ' && state[2] == 'Z';
}

/* The crashing test: starts a server, says its pid, aborts. */
static void
crash_with_server (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pid_file = pid_file_for (getppid ());
  WgTestServer *server = wg_test_server_start (DATABASE, &error);

  g_assert_no_error (error);
  g_file_set_contents (pid_file, wg_test_server_get_pid (server), -1, &error);
  g_assert_no_error (error);
  g_print ("server started\n");
  abort ();
}

static void
drop_database (void)
{
  g_autofree char *conninfo = g_strdup_printf ("host=%s port=%s dbname=postgres user=postgres",
                                               g_getenv ("WG_TEST_PG_HOST"),
                                               g_getenv ("WG_TEST_PG_PORT"));
  g_autoptr(GError) error = NULL;

  wg_test_exec_sql (conninfo, "DROP DATABASE IF EXISTS " DATABASE " WITH (FORCE)", &error);
  g_assert_no_error (error);
}

static void
test_harness_server_dies_with_test (void)
{
  g_autofree char *pid_file = pid_file_for (getpid ());
  g_autofree char *pid_text = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start, deadline;
  int pid;

  if (!wg_test_harness_available ())
    return;
  if (g_test_subprocess ())
    {
      crash_with_server ();
      return;
    }
  start = g_get_monotonic_time ();
  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stdout ("*server started*");
  /* The trap reads the child's stdout and stderr to the end: a server
   * that inherited them would hold it here until the timeout. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, MAX_CRASH_SECONDS * G_USEC_PER_SEC);

  g_file_get_contents (pid_file, &pid_text, NULL, &error);
  g_assert_no_error (error);
  g_remove (pid_file);
  pid = atoi (pid_text);
  g_assert_cmpint (pid, >, 1);
  deadline = g_get_monotonic_time () + MAX_DEATH_SECONDS * G_USEC_PER_SEC;
  while (!process_gone (pid) && g_get_monotonic_time () < deadline)
    g_usleep (50 * 1000);
  g_assert_true (process_gone (pid));
  drop_database ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/server/harness/server-dies-with-test", test_harness_server_dies_with_test);
  return g_test_run ();
}
