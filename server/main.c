#define G_LOG_DOMAIN "wangge-server"

#include "config.h"

#include <glib-unix.h>
#include <locale.h>
#include <string.h>

#include "wg-config.h"
#include "wg-db-pool.h"
#include "wg-engine.h"
#include "wg-engine-people.h"
#include "wg-error.h"
#include "wg-migrate.h"
#include "wg-password.h"
#include "wg-pg.h"
#include "wg-server.h"

/* How long in-flight requests may take to finish after SIGTERM. */
#define SHUTDOWN_GRACE_SECONDS 15

typedef struct {
  GMainLoop *loop;
  WgServer  *server;
  WgDbPool  *pool;
  gint64     deadline;
  guint      signal_ids[2];
} Shutdown;

typedef struct {
  char  *config_path;
  char  *address;
  int    port;
  char  *conninfo;
  int    workers;
} Options;

static gboolean
wg_server_main_drain_cb (gpointer user_data)
{
  Shutdown *shutdown = user_data;
  guint in_flight = wg_server_get_in_flight (shutdown->server);

  if (in_flight > 0 && g_get_monotonic_time () < shutdown->deadline)
    return G_SOURCE_CONTINUE;
  if (in_flight > 0)
    {
      g_message ("Giving up on %u unfinished requests", in_flight);
      wg_db_pool_cancel_running (shutdown->pool);
    }
  wg_server_disconnect (shutdown->server);
  g_main_loop_quit (shutdown->loop);
  return G_SOURCE_REMOVE;
}

static gboolean
wg_server_main_signal_cb (gpointer user_data)
{
  Shutdown *shutdown = user_data;

  /* A second signal does not wait for the grace period. */
  if (shutdown->deadline != 0)
    {
      g_message ("Second signal: stopping now");
      shutdown->deadline = g_get_monotonic_time ();
      return G_SOURCE_CONTINUE;
    }
  g_message ("Shutting down: no new connections, finishing %u requests",
             wg_server_get_in_flight (shutdown->server));
  shutdown->deadline = g_get_monotonic_time () + SHUTDOWN_GRACE_SECONDS * G_USEC_PER_SEC;
  wg_server_stop_accepting (shutdown->server);
  g_timeout_add (20, wg_server_main_drain_cb, shutdown);
  return G_SOURCE_CONTINUE;
}

static gboolean
parse_options (int       *argc,
               char    ***argv,
               Options   *options,
               GError   **error)
{
  const GOptionEntry entries[] = {
    { "config", 'c', 0, G_OPTION_ARG_FILENAME, &options->config_path, "Configuration file (INI)", "FILE" },
    { "address", 0, 0, G_OPTION_ARG_STRING, &options->address, "IP address to listen on", "ADDRESS" },
    { "port", 'p', 0, G_OPTION_ARG_INT, &options->port, "TCP port (0: any free port)", "PORT" },
    { "database", 'd', 0, G_OPTION_ARG_STRING, &options->conninfo, "libpq connection string", "CONNINFO" },
    { "workers", 'w', 0, G_OPTION_ARG_INT, &options->workers, "Database connections and worker threads", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- the Wangge server");

  g_option_context_add_main_entries (context, entries, NULL);
  return g_option_context_parse (context, argc, argv, error);
}

static WgConfig *
load_config (Options  *options,
             GError  **error)
{
  g_autoptr(WgConfig) config = wg_config_new ();

  if (options->config_path != NULL && !wg_config_load_file (config, options->config_path, error))
    return NULL;
  if (options->address != NULL)
    {
      g_free (config->address);
      config->address = g_strdup (options->address);
    }
  if (options->conninfo != NULL)
    {
      g_free (config->conninfo);
      config->conninfo = g_strdup (options->conninfo);
    }
  if (options->port < -1 || options->port > 65535)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   "--port must be between 0 and 65535");
      return NULL;
    }
  if (options->port >= 0)
    config->port = options->port;
  if (options->workers > 0)
    config->workers = options->workers;
  else if (options->workers != -1)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, "--workers must be at least 1");
      return NULL;
    }
  if (!wg_config_validate (config, error))
    return NULL;
  return g_steal_pointer (&config);
}

/* A database at another schema version, or a role that row-level security
 * would not bind, is refused; an unreachable database is not: the server
 * answers 503 until it is back. */
static gboolean
check_schema (const WgConfig  *config,
              GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(PGconn) conn = wg_db_connect (config->conninfo, &local_error);

  if (conn == NULL && g_error_matches (local_error, WG_ERROR, WG_ERROR_UNAVAILABLE))
    {
      g_message ("%s; starting anyway, requests get 503 until the database is back",
                 local_error->message);
      return TRUE;
    }
  if (conn == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return wg_migrate_check_version (conn, error);
}

static WgServer *
start_server (const WgConfig  *config,
              WgProtect       *protect,
              WgDbPool       **pool,
              GError         **error)
{
  WgEngineSettings settings = {
    .session_idle_minutes = config->session_idle_minutes,
    .session_absolute_hours = config->session_absolute_hours,
    .login_max_failures = config->login_max_failures,
    .login_window_minutes = config->login_window_minutes,
  };
  g_autoptr(WgEngine) engine = NULL;
  g_autoptr(WgServer) server = NULL;

  *pool = wg_db_pool_new (config->conninfo, config->workers);
  engine = wg_engine_new (*pool, &settings);
  wg_engine_set_protect (engine, protect);
  server = wg_server_new (config, engine);
  if (!wg_server_listen (server, error))
    return NULL;
  g_message (strchr (config->address, ':') != NULL
               ? "Listening on http://[%s]:%u/api/v1/ with %u database workers"
               : "Listening on http://%s:%u/api/v1/ with %u database workers",
             config->address, wg_server_get_port (server), config->workers);
  return g_steal_pointer (&server);
}

static int
run (Options *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WgConfig) config = load_config (options, &error);
  g_autoptr(WgDbPool) pool = NULL;
  g_autoptr(WgServer) server = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  WgProtect *protect = NULL;
  Shutdown shutdown = { 0 };

  /* No key, no server: ID numbers could be neither stored nor read. */
  if (config == NULL || !wg_password_init (&error) || !check_schema (config, &error) ||
      (protect = wg_protect_new_from_file (config->key_file, &error)) == NULL)
    {
      wg_protect_free (protect);
      g_printerr ("wangge-server: %s\n", error->message);
      return 1;
    }
  server = start_server (config, protect, &pool, &error);
  if (server == NULL)
    {
      g_printerr ("wangge-server: %s\n", error->message);
      return 1;
    }
  loop = g_main_loop_new (NULL, FALSE);
  shutdown.loop = loop;
  shutdown.server = server;
  shutdown.pool = pool;
  shutdown.signal_ids[0] = g_unix_signal_add (SIGINT, wg_server_main_signal_cb, &shutdown);
  shutdown.signal_ids[1] = g_unix_signal_add (SIGTERM, wg_server_main_signal_cb, &shutdown);
  g_main_loop_run (loop);

  g_source_remove (shutdown.signal_ids[0]);
  g_source_remove (shutdown.signal_ids[1]);
  g_clear_object (&server);
  wg_db_pool_shutdown (pool);
  g_message ("Stopped");
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  Options options = { .port = -1, .workers = -1 };
  int status;

  setlocale (LC_ALL, "");
  if (!parse_options (&argc, &argv, &options, &error))
    {
      g_printerr ("wangge-server: %s\n", error->message);
      return 2;
    }
  status = run (&options);
  g_free (options.config_path);
  g_free (options.address);
  g_free (options.conninfo);
  return status;
}
