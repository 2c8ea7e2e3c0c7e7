#define G_LOG_DOMAIN "wg-test-harness"

#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <libpq-fe.h>
#include <libsoup/soup.h>

#include "wg-test-harness-private.h"

#define START_TIMEOUT_SECONDS 20
#define STOP_TIMEOUT_SECONDS  20

struct _WgTestServer {
  char        *database;        /* created from the template, or NULL */
  char        *maintenance_conninfo;
  char        *admin_conninfo;
  char        *app_conninfo;
  char        *directory;
  char        *url;
  char        *log_path;
  char        *key_file;        /* created here when WG_TEST_KEY_FILE is unset */
  GSubprocess *process;
};

static void wg_test_server_free (WgTestServer *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WgTestServer, wg_test_server_free)

gboolean
wg_test_harness_available (void)
{
  const char *missing = NULL;

  if (g_getenv ("WG_TEST_PG_HOST") == NULL || g_getenv ("WG_TEST_PG_PORT") == NULL)
    missing = "WG_TEST_PG_HOST/WG_TEST_PG_PORT (run through tools/test)";
  else if (g_getenv ("WG_SERVER_BIN") == NULL)
    missing = "WG_SERVER_BIN";
  if (missing == NULL)
    return TRUE;
  g_test_skip_printf ("needs %s", missing);
  return FALSE;
}

static char *
conninfo_for (const char *database,
              const char *user)
{
  return g_strdup_printf ("host=%s port=%s dbname=%s user=%s",
                          g_getenv ("WG_TEST_PG_HOST"), g_getenv ("WG_TEST_PG_PORT"),
                          database, user);
}

static void
ignore_notice (void       *data,
               const char *message)
{
}

gboolean
wg_test_exec_sql (const char  *conninfo,
                  const char  *sql,
                  GError     **error)
{
  g_autoptr(PGconn) conn = PQconnectdb (conninfo);
  g_autoptr(PGresult) result = NULL;

  /* "does not exist, skipping" and the like are not news in a test log. */
  PQsetNoticeProcessor (conn, ignore_notice, NULL);
  if (PQstatus (conn) != CONNECTION_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED,
                   "Cannot connect (%s): %s", conninfo, PQerrorMessage (conn));
      return FALSE;
    }
  result = PQexec (conn, sql);
  if (PQresultStatus (result) != PGRES_COMMAND_OK && PQresultStatus (result) != PGRES_TUPLES_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "%s: %s", sql, PQresultErrorMessage (result));
      return FALSE;
    }
  return TRUE;
}

/* CREATE DATABASE … TEMPLATE fails while anyone is connected to the
 * template; another test program may be, for a moment. */
static gboolean
create_from_template (const char  *conninfo,
                      const char  *sql,
                      GError     **error)
{
  for (guint attempt = 0; ; attempt++)
    {
      g_autoptr(GError) local_error = NULL;

      if (wg_test_exec_sql (conninfo, sql, &local_error))
        return TRUE;
      if (attempt == 20 || strstr (local_error->message, "being accessed by other users") == NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      g_usleep (250 * 1000);
    }
}

static gboolean
create_database (WgTestServer  *self,
                 const char    *name,
                 GError       **error)
{
  g_autofree char *drop = g_strdup_printf ("DROP DATABASE IF EXISTS \"%s\" WITH (FORCE)", name);
  g_autofree char *create = g_strdup_printf ("CREATE DATABASE \"%s\" TEMPLATE wangge_template", name);

  self->maintenance_conninfo = conninfo_for ("postgres", "postgres");
  if (!wg_test_exec_sql (self->maintenance_conninfo, drop, error) ||
      !create_from_template (self->maintenance_conninfo, create, error))
    return FALSE;
  self->database = g_strdup (name);
  self->admin_conninfo = conninfo_for (name, "postgres");
  self->app_conninfo = conninfo_for (name, "wangge_app");
  return TRUE;
}

/* A port nobody listens on right now (the kernel's choice). */
guint
wg_test_pick_free_port (GError **error)
{
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                                            G_SOCKET_PROTOCOL_TCP, error);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;

  if (socket == NULL || !g_socket_bind (socket, address, TRUE, error))
    return 0;
  bound = g_socket_get_local_address (socket, error);
  if (bound == NULL)
    return 0;
  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

/* The key file of the ID-number protection: tools/test makes one for the
 * whole run (the template database's numbers are encrypted with it);
 * without it, a new one in the server's directory. */
static const char *
key_file_path (WgTestServer  *self,
               GError       **error)
{
  const char *shared = g_getenv ("WG_TEST_KEY_FILE");
  guint8 key[32];
  g_autoptr(GString) hex = g_string_new (NULL);
  g_autofree char *path = NULL;
  FILE *random;
  size_t got;

  if (shared != NULL && *shared != '\0')
    return shared;
  random = fopen ("/dev/urandom", "rb");
  got = random != NULL ? fread (key, 1, sizeof key, random) : 0;
  if (random != NULL)
    fclose (random);
  if (got != sizeof key)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Cannot read /dev/urandom");
      return NULL;
    }
  for (gsize i = 0; i < sizeof key; i++)
    g_string_append_printf (hex, "%02x", key[i]);
  g_string_append_c (hex, '\n');
  path = g_build_filename (self->directory, "id-number.key", NULL);
  if (!g_file_set_contents_full (path, hex->str, hex->len, G_FILE_SET_CONTENTS_NONE, 0600, error))
    return NULL;
  self->key_file = g_steal_pointer (&path);
  return self->key_file;
}

static char *
write_config (WgTestServer  *self,
              const char    *conninfo,
              guint          port,
              GError       **error)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autofree char *path = g_build_filename (self->directory, "wangge-server.conf", NULL);
  const char *key_file = key_file_path (self, error);

  if (key_file == NULL)
    return NULL;
  g_key_file_set_string (file, "security", "key_file", key_file);
  g_key_file_set_string (file, "server", "address", "127.0.0.1");
  g_key_file_set_integer (file, "server", "port", port);
  g_key_file_set_integer (file, "server", "workers", 2);
  g_key_file_set_string (file, "database", "conninfo", conninfo);
  if (!g_key_file_save_to_file (file, path, error))
    return NULL;
  return g_steal_pointer (&path);
}

/* A failed assertion aborts the test program: its server must not
 * outlive it.  The signal follows the death of the spawning thread (so
 * start servers from the test's main thread); a parent that died before
 * prctl took effect is caught by the getppid check. */
static void
die_with_parent (gpointer user_data)
{
  pid_t parent = GPOINTER_TO_INT (user_data);

  if (prctl (PR_SET_PDEATHSIG, SIGTERM) != 0 || getppid () != parent)
    _exit (1);
}

/* The status of GET /health, 0 when nothing answers. */
static guint
probe_health (SoupSession *session,
              const char  *url)
{
  g_autofree char *uri = g_strconcat (url, "/api/v1/health", NULL);
  g_autoptr(SoupMessage) message = soup_message_new ("GET", uri);
  g_autoptr(GBytes) body = soup_session_send_and_read (session, message, NULL, NULL);

  return body != NULL ? soup_message_get_status (message) : 0;
}

static gboolean
wait_until_up (WgTestServer  *self,
               gboolean       healthy,
               GError       **error)
{
  /* No proxy: the server is on loopback whatever the environment says. */
  g_autoptr(SoupSession) session = soup_session_new_with_options ("timeout", 5,
                                                                  "proxy-resolver", NULL, NULL);
  gint64 deadline = g_get_monotonic_time () + START_TIMEOUT_SECONDS * G_USEC_PER_SEC;
  guint status = 0;

  while (g_get_monotonic_time () < deadline)
    {
      if (g_subprocess_get_identifier (self->process) == NULL)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                               "wangge-server exited during start-up");
          return FALSE;
        }
      status = probe_health (session, self->url);
      if (status == SOUP_STATUS_OK || (!healthy && status != 0))
        return TRUE;
      g_usleep (100 * 1000);
    }
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
               "wangge-server did not answer health with 200 within %d s (last status %u)",
               START_TIMEOUT_SECONDS, status);
  return FALSE;
}

static gboolean
spawn_server (WgTestServer  *self,
              const char    *conninfo,
              gboolean       healthy,
              GError       **error)
{
  const char *binary = g_getenv ("WG_SERVER_BIN");
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autofree char *config = NULL;
  guint port;

  self->directory = g_dir_make_tmp ("wangge-server-XXXXXX", error);
  if (self->directory == NULL || (port = wg_test_pick_free_port (error)) == 0)
    return FALSE;
  config = write_config (self, conninfo, port, error);
  if (config == NULL)
    return FALSE;
  self->url = g_strdup_printf ("http://127.0.0.1:%u", port);
  /* The log goes to a file that tests can read; it is copied to our
   * stderr when the server stops, for the test log. */
  self->log_path = g_build_filename (self->directory, "server.log", NULL);
  /* None of the test's own descriptors: meson reads the test's stdout and
   * stderr until every writer has closed them, so a server holding them
   * would keep a crashed test "running" until its timeout. */
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE);
  g_subprocess_launcher_set_stdin_file_path (launcher, "/dev/null");
  g_subprocess_launcher_set_stderr_file_path (launcher, self->log_path);
  g_subprocess_launcher_set_child_setup (launcher, die_with_parent,
                                         GINT_TO_POINTER (getpid ()), NULL);
  self->process = g_subprocess_launcher_spawn (launcher, error, binary, "--config", config, NULL);
  return self->process != NULL && wait_until_up (self, healthy, error);
}

WgTestServer *
wg_test_server_start_with_conninfo (const char  *conninfo,
                                    gboolean     wait_healthy,
                                    GError     **error)
{
  g_autoptr(WgTestServer) self = g_new0 (WgTestServer, 1);

  if (g_getenv ("WG_SERVER_BIN") == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "WG_SERVER_BIN is not set");
      return NULL;
    }
  self->app_conninfo = g_strdup (conninfo);
  if (!spawn_server (self, conninfo, wait_healthy, error))
    return NULL;
  return g_steal_pointer (&self);
}

WgTestServer *
wg_test_server_start (const char  *name,
                      GError     **error)
{
  g_autoptr(WgTestServer) self = g_new0 (WgTestServer, 1);

  g_return_val_if_fail (name != NULL, NULL);

  if (g_getenv ("WG_TEST_PG_HOST") == NULL || g_getenv ("WG_SERVER_BIN") == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           "WG_TEST_PG_HOST, WG_TEST_PG_PORT and WG_SERVER_BIN are needed");
      return NULL;
    }
  if (!create_database (self, name, error) ||
      !spawn_server (self, self->app_conninfo, TRUE, error))
    return NULL;
  return g_steal_pointer (&self);
}

const char *
wg_test_server_get_url (WgTestServer *self)
{
  return self->url;
}

const char *
wg_test_server_get_admin_conninfo (WgTestServer *self)
{
  return self->admin_conninfo;
}

const char *
wg_test_server_get_app_conninfo (WgTestServer *self)
{
  return self->app_conninfo;
}

const char *
wg_test_server_get_pid (WgTestServer *self)
{
  return self->process != NULL ? g_subprocess_get_identifier (self->process) : NULL;
}

void
wg_test_server_send_signal (WgTestServer *self,
                            int           signal_number)
{
  g_subprocess_send_signal (self->process, signal_number);
}

char *
wg_test_server_read_log (WgTestServer *self)
{
  char *log = NULL;

  if (self->log_path == NULL || !g_file_get_contents (self->log_path, &log, NULL, NULL))
    return g_strdup ("");
  return log;
}

gboolean
wg_test_server_is_running (WgTestServer *self)
{
  return self->process != NULL && g_subprocess_get_identifier (self->process) != NULL;
}

static void
wait_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  gboolean *done = user_data;

  g_subprocess_wait_finish (G_SUBPROCESS (source), result, NULL);
  *done = TRUE;
}

static gboolean
wait_for_exit (GSubprocess *process,
               guint        seconds)
{
  g_autoptr(GMainContext) context = g_main_context_new ();
  gint64 deadline = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;
  gboolean done = FALSE;
  gboolean in_time;

  g_main_context_push_thread_default (context);
  g_subprocess_wait_async (process, NULL, wait_done_cb, &done);
  while (!done && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (context, FALSE);
      if (!done)
        g_usleep (10 * 1000);
    }
  in_time = done;
  if (!done)
    {
      g_subprocess_force_exit (process);
      while (!done)
        g_main_context_iteration (context, TRUE);
    }
  g_main_context_pop_thread_default (context);
  return in_time;
}

gboolean
wg_test_server_stop_checked (WgTestServer  *self,
                             GError       **error)
{
  GSubprocess *process = self->process;

  if (process == NULL)
    return TRUE;
  if (g_subprocess_get_identifier (process) != NULL)
    g_subprocess_send_signal (process, SIGTERM);
  if (!wait_for_exit (process, STOP_TIMEOUT_SECONDS))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                   "wangge-server did not stop within %d s of SIGTERM", STOP_TIMEOUT_SECONDS);
      return FALSE;
    }
  if (!g_subprocess_get_if_exited (process) || g_subprocess_get_exit_status (process) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "wangge-server did not exit with 0 after SIGTERM (%s %d)",
                   g_subprocess_get_if_exited (process) ? "exit status" : "signal",
                   g_subprocess_get_if_exited (process) ? g_subprocess_get_exit_status (process)
                                                        : g_subprocess_get_term_sig (process));
      return FALSE;
    }
  return TRUE;
}

static void
wg_test_server_free (WgTestServer *self)
{
  if (self->process != NULL && g_subprocess_get_identifier (self->process) != NULL)
    {
      g_subprocess_force_exit (self->process);
      wait_for_exit (self->process, STOP_TIMEOUT_SECONDS);
    }
  if (self->database != NULL)
    {
      g_autofree char *drop = g_strdup_printf ("DROP DATABASE IF EXISTS \"%s\" WITH (FORCE)",
                                               self->database);
      g_autoptr(GError) error = NULL;

      if (!wg_test_exec_sql (self->maintenance_conninfo, drop, &error))
        g_test_message ("Could not drop %s: %s", self->database, error->message);
    }
  if (self->log_path != NULL)
    {
      g_autofree char *log = NULL;

      if (g_file_get_contents (self->log_path, &log, NULL, NULL))
        g_printerr ("%s", log);
      g_remove (self->log_path);
    }
  if (self->directory != NULL)
    {
      g_autofree char *config = g_build_filename (self->directory, "wangge-server.conf", NULL);

      g_remove (config);
      if (self->key_file != NULL)
        g_remove (self->key_file);
      g_rmdir (self->directory);
    }
  g_clear_object (&self->process);
  g_free (self->database);
  g_free (self->maintenance_conninfo);
  g_free (self->admin_conninfo);
  g_free (self->app_conninfo);
  g_free (self->directory);
  g_free (self->url);
  g_free (self->log_path);
  g_free (self->key_file);
  g_free (self);
}

void
wg_test_server_stop (WgTestServer *self)
{
  g_autoptr(GError) error = NULL;

  if (self == NULL)
    return;
  if (!wg_test_server_stop_checked (self, &error))
    g_test_fail_printf ("%s", error->message);
  wg_test_server_free (self);
}
