#define G_LOG_DOMAIN "wangge-admin"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <sodium.h>

#include "wg-admin-demo.h"
#include "wg-admin-users.h"
#include "wg-error.h"
#include "wg-migrate.h"
#include "wg-pg.h"
#include "wg-protect.h"
#include "wg-seed.h"
#include "wg-validate.h"
#include "wg-territory.h"

/* Exit statuses. */
enum {
  WG_ADMIN_EXIT_OK = 0,
  WG_ADMIN_EXIT_FAILED = 1,
  WG_ADMIN_EXIT_USAGE = 2,
};

typedef int (*WgAdminCommandFunc) (const char *conninfo,
                                   int         argc,
                                   char      **argv);

typedef struct {
  const char         *name;
  const char         *summary;
  WgAdminCommandFunc  func;
} WgAdminCommand;

/* A password buffer, wiped before it is freed. */
typedef char WgSecret;

static void
wg_secret_free (WgSecret *secret)
{
  if (secret == NULL)
    return;
  sodium_memzero (secret, strlen (secret));
  g_free (secret);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WgSecret, wg_secret_free)

/* ------------------------------------------------------------ helpers */

static int
wg_admin_fail (const GError *error)
{
  const char *field = error->domain == WG_ERROR ? wg_error_get_field (error) : NULL;

  if (field != NULL)
    g_printerr ("wangge-admin: error (%s): %s\n", field, error->message);
  else
    g_printerr ("wangge-admin: error: %s\n", error->message);
  return WG_ADMIN_EXIT_FAILED;
}

static int
wg_admin_usage_error (GOptionContext *context,
                      const char     *message)
{
  g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

  g_printerr ("wangge-admin: %s\n\n%s", message, help);
  return WG_ADMIN_EXIT_USAGE;
}

static double
wg_admin_seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

/* Parses a command's options; leaves positional arguments in argv[1…].
 * Text options are G_OPTION_ARG_FILENAME so that they arrive as the bytes
 * typed (UTF-8) even under LANG=C, where GLib could not convert 张三; the
 * validators check UTF-8 themselves. */
static GOptionContext *
wg_admin_parse (const char    *command,
                const char    *parameters,
                GOptionEntry  *entries,
                int           *argc,
                char        ***argv,
                GError       **error)
{
  g_autofree char *usage = g_strdup_printf ("%s%s%s", command, parameters ? " " : "",
                                            parameters ? parameters : "");
  g_autoptr(GOptionContext) context = g_option_context_new (usage);

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, argc, argv, error))
    return NULL;
  return g_steal_pointer (&context);
}

static PGconn *
wg_admin_connect (const char  *conninfo,
                  GError     **error)
{
  g_autoptr(PGconn) conn = wg_pg_connect (conninfo, error);
  g_autoptr(PGresult) result = NULL;

  if (conn == NULL)
    return NULL;
  result = wg_pg_exec (conn, "SET client_min_messages = warning", 0, NULL, error);
  if (result == NULL)
    return NULL;
  return g_steal_pointer (&conn);
}

/* Every command but migrate and status needs the schema of this build. */
static PGconn *
wg_admin_connect_current (const char  *conninfo,
                          GError     **error)
{
  g_autoptr(PGconn) conn = wg_admin_connect (conninfo, error);

  if (conn == NULL || !wg_migrate_check_version (conn, error))
    return NULL;
  return g_steal_pointer (&conn);
}

/* ---------------------------------------------------------- passwords */

static WgSecret *
wg_admin_read_line (FILE    *stream,
                    GError **error)
{
  char buffer[WG_ADMIN_PASSWORD_MAX_BYTES + 3];
  size_t length;
  WgSecret *line;

  if (fgets (buffer, sizeof buffer, stream) == NULL)
    {
      wg_set_field_error (error, "password", "No password was given on stdin");
      return NULL;
    }
  length = strcspn (buffer, "\r\n");
  if (length == strlen (buffer) && !feof (stream))
    {
      sodium_memzero (buffer, sizeof buffer);
      wg_set_field_error (error, "password", "The password is longer than %d bytes",
                          WG_ADMIN_PASSWORD_MAX_BYTES);
      return NULL;
    }
  buffer[length] = '\0';
  line = g_strdup (buffer);
  sodium_memzero (buffer, sizeof buffer);
  return line;
}

static WgSecret *
wg_admin_prompt (const char  *prompt,
                 GError     **error)
{
  struct termios saved;
  struct termios quiet;
  WgSecret *line;

  g_printerr ("%s", prompt);
  if (tcgetattr (STDIN_FILENO, &saved) != 0)
    return wg_admin_read_line (stdin, error);
  quiet = saved;
  quiet.c_lflag &= ~(tcflag_t) ECHO;
  tcsetattr (STDIN_FILENO, TCSAFLUSH, &quiet);
  line = wg_admin_read_line (stdin, error);
  tcsetattr (STDIN_FILENO, TCSAFLUSH, &saved);
  g_printerr ("\n");
  return line;
}

static WgSecret *
wg_admin_read_password_file (const char  *path,
                             GError     **error)
{
  g_autoptr(WgSecret) text = NULL;
  g_autoptr(WgSecret) line = NULL;
  size_t length;

  if (!g_file_get_contents (path, &text, NULL, error))
    return NULL;
  length = strcspn (text, "\r\n");
  line = g_strndup (text, length);
  return g_steal_pointer (&line);
}

/* From --password-file, else stdin: asked twice on a terminal, otherwise
 * the first line.  Never from argv, where other users could read it. */
static WgSecret *
wg_admin_read_password (const char  *password_file,
                        GError     **error)
{
  g_autoptr(WgSecret) first = NULL;
  g_autoptr(WgSecret) second = NULL;

  if (password_file != NULL)
    return wg_admin_read_password_file (password_file, error);
  if (!isatty (STDIN_FILENO))
    return wg_admin_read_line (stdin, error);
  first = wg_admin_prompt ("New password: ", error);
  if (first == NULL)
    return NULL;
  second = wg_admin_prompt ("Repeat the password: ", error);
  if (second == NULL)
    return NULL;
  if (strcmp (first, second) != 0)
    {
      wg_set_field_error (error, "password", "The two passwords differ");
      return NULL;
    }
  return g_steal_pointer (&first);
}

/* ----------------------------------------------------------- commands */

static void
wg_admin_print_migration_state (int version)
{
  g_print ("Schema version %d (this build expects %d).\n", version, WG_SCHEMA_VERSION);
}

static gboolean
wg_admin_migrate (PGconn      *conn,
                  const char  *sql_dir,
                  int          target,
                  GError     **error)
{
  g_autoptr(GPtrArray) applied = g_ptr_array_new_with_free_func (g_free);
  int latest = 0;
  int version = 0;

  if (!wg_migrate_dir_latest (sql_dir, &latest, error))
    return FALSE;
  if (latest != WG_SCHEMA_VERSION)
    {
      g_set_error (error, WG_ERROR, WG_ERROR_INTERNAL,
                   "%s holds migrations up to %d but this build expects %d", sql_dir, latest,
                   WG_SCHEMA_VERSION);
      return FALSE;
    }
  if (!wg_migrate_apply_dir (conn, sql_dir, target, applied, error) ||
      !wg_migrate_get_version (conn, &version, error))
    return FALSE;
  for (guint i = 0; i < applied->len; i++)
    g_print ("Applied %s\n", (const char *) g_ptr_array_index (applied, i));
  if (applied->len == 0)
    g_print ("Nothing to apply.\n");
  wg_admin_print_migration_state (version);
  return TRUE;
}

static int
wg_admin_command_migrate (const char  *conninfo,
                          int          argc,
                          char       **argv)
{
  g_autofree char *sql_dir = NULL;
  int target = 0;
  GOptionEntry entries[] = {
    { "to", 0, 0, G_OPTION_ARG_INT, &target, "Stop at schema version N", "N" },
    { "sql-dir", 0, 0, G_OPTION_ARG_FILENAME, &sql_dir, "Read the migrations from DIR", "DIR" },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GOptionContext) context = wg_admin_parse ("migrate", NULL, entries, &argc, &argv, &error);
  g_autoptr(PGconn) conn = NULL;

  if (context == NULL)
    return wg_admin_fail (error);
  if (argc > 1 || target < 0)
    return wg_admin_usage_error (context, "migrate takes no arguments and --to must be ≥ 1");
  if (sql_dir == NULL)
    sql_dir = wg_migrate_find_sql_dir ();
  conn = wg_admin_connect (conninfo, &error);
  if (conn == NULL || !wg_admin_migrate (conn, sql_dir, target, &error))
    return wg_admin_fail (error);
  return WG_ADMIN_EXIT_OK;
}

static gboolean
wg_admin_print_applied (PGconn  *conn,
                        GError **error)
{
  g_autoptr(PGresult) result = NULL;

  result = wg_pg_exec (conn, "SELECT version, name, to_char (applied_at, 'YYYY-MM-DD HH24:MI:SS TZ')"
                             "  FROM schema_migrations ORDER BY version", 0, NULL, error);
  if (result == NULL)
    return FALSE;
  for (int row = 0; row < PQntuples (result); row++)
    g_print ("  %3s  %-40s  %s\n", PQgetvalue (result, row, 0), PQgetvalue (result, row, 1),
             PQgetvalue (result, row, 2));
  return TRUE;
}

static gboolean
wg_admin_print_territory (PGconn  *conn,
                          GError **error)
{
  WgTerritoryCounts counts = { 0 };

  if (!wg_territory_get_counts (conn, &counts, error))
    return FALSE;
  g_print ("Territory %s: %d streets, %d communities, %d grids%s\n",
           WG_TERRITORY_DISTRICT_CODE, counts.streets, counts.communities, counts.grids,
           wg_territory_counts_complete (&counts) ? "" : " (not loaded)");
  return TRUE;
}

static int
wg_admin_command_status (const char  *conninfo,
                         int          argc,
                         char       **argv)
{
  GOptionEntry entries[] = { { NULL } };
  g_autoptr(GError) error = NULL;
  g_autoptr(GOptionContext) context = wg_admin_parse ("status", NULL, entries, &argc, &argv, &error);
  g_autoptr(PGconn) conn = NULL;
  int version = 0;

  if (context == NULL)
    return wg_admin_fail (error);
  if (argc > 1)
    return wg_admin_usage_error (context, "status takes no arguments");
  conn = wg_admin_connect (conninfo, &error);
  if (conn == NULL || !wg_migrate_get_version (conn, &version, &error))
    return wg_admin_fail (error);
  wg_admin_print_migration_state (version);
  if (version > 0 && !wg_admin_print_applied (conn, &error))
    return wg_admin_fail (error);
  if (version != WG_SCHEMA_VERSION)
    {
      g_print ("%s\n", version < WG_SCHEMA_VERSION ? "The schema is too old: run “wangge-admin migrate”."
                                                   : "The schema is too new for this build.");
      return WG_ADMIN_EXIT_FAILED;
    }
  if (!wg_admin_print_territory (conn, &error))
    return wg_admin_fail (error);
  return WG_ADMIN_EXIT_OK;
}

static int
wg_admin_command_create_user (const char  *conninfo,
                              int          argc,
                              char       **argv)
{
  g_autofree char *username = NULL, *display_name = NULL, *unit = NULL, *roles = NULL;
  g_autofree char *scope = NULL, *password_file = NULL;
  GOptionEntry entries[] = {
    { "username", 0, 0, G_OPTION_ARG_FILENAME, &username, "Login name (a-z 0-9 _ . -)", "NAME" },
    { "display-name", 0, 0, G_OPTION_ARG_FILENAME, &display_name, "Name shown to others", "TEXT" },
    { "unit", 0, 0, G_OPTION_ARG_FILENAME, &unit, "Code of the user's unit", "CODE" },
    { "roles", 0, 0, G_OPTION_ARG_FILENAME, &roles, "Comma-separated roles", "R1,R2" },
    { "scope", 0, 0, G_OPTION_ARG_FILENAME, &scope, "Region path the user sees", "PATH" },
    { "password-file", 0, 0, G_OPTION_ARG_FILENAME, &password_file,
      "Read the password from FILE (default: stdin)", "FILE" },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GOptionContext) context = wg_admin_parse ("create-user", NULL, entries, &argc, &argv, &error);
  g_autoptr(PGconn) conn = NULL;
  g_autoptr(WgSecret) password = NULL;
  WgAdminNewUser user;
  gint64 id = 0;

  if (context == NULL)
    return wg_admin_fail (error);
  if (argc > 1)
    return wg_admin_usage_error (context, "create-user takes options only; the password comes from stdin");
  user = (WgAdminNewUser) { username, display_name, unit, roles, scope };
  conn = wg_admin_connect_current (conninfo, &error);
  if (conn == NULL || !wg_admin_user_validate (conn, &user, &error))
    return wg_admin_fail (error);
  password = wg_admin_read_password (password_file, &error);
  if (password == NULL || !wg_admin_user_create (conn, &user, password, &id, &error))
    return wg_admin_fail (error);
  g_print ("Created user %s (id %" G_GINT64_FORMAT ").\n", username, id);
  return WG_ADMIN_EXIT_OK;
}

/* disable-user, enable-user and set-password take one USERNAME. */
static const char *
wg_admin_parse_username (const char     *command,
                         GOptionEntry   *entries,
                         int            *argc,
                         char         ***argv,
                         int            *status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOptionContext) context = wg_admin_parse (command, "USERNAME", entries, argc, argv, &error);

  if (context == NULL)
    {
      *status = wg_admin_fail (error);
      return NULL;
    }
  if (*argc != 2)
    {
      *status = wg_admin_usage_error (context, "give exactly one USERNAME");
      return NULL;
    }
  return (*argv)[1];
}

static int
wg_admin_set_disabled (const char  *conninfo,
                       const char  *command,
                       gboolean     disabled,
                       int          argc,
                       char       **argv)
{
  GOptionEntry entries[] = { { NULL } };
  g_autoptr(GError) error = NULL;
  g_autoptr(PGconn) conn = NULL;
  int status = WG_ADMIN_EXIT_OK;
  int revoked = 0;
  const char *username = wg_admin_parse_username (command, entries, &argc, &argv, &status);

  if (username == NULL)
    return status;
  conn = wg_admin_connect_current (conninfo, &error);
  if (conn == NULL || !wg_admin_user_set_disabled (conn, username, disabled, &revoked, &error))
    return wg_admin_fail (error);
  if (disabled)
    g_print ("Disabled user %s; revoked %d open session(s).\n", username, revoked);
  else
    g_print ("Enabled user %s.\n", username);
  return WG_ADMIN_EXIT_OK;
}

static int
wg_admin_command_disable_user (const char  *conninfo,
                               int          argc,
                               char       **argv)
{
  return wg_admin_set_disabled (conninfo, "disable-user", TRUE, argc, argv);
}

static int
wg_admin_command_enable_user (const char  *conninfo,
                              int          argc,
                              char       **argv)
{
  return wg_admin_set_disabled (conninfo, "enable-user", FALSE, argc, argv);
}

static int
wg_admin_command_set_password (const char  *conninfo,
                               int          argc,
                               char       **argv)
{
  g_autofree char *password_file = NULL;
  GOptionEntry entries[] = {
    { "password-file", 0, 0, G_OPTION_ARG_FILENAME, &password_file,
      "Read the password from FILE (default: stdin)", "FILE" },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(PGconn) conn = NULL;
  g_autoptr(WgSecret) password = NULL;
  int status = WG_ADMIN_EXIT_OK;
  int revoked = 0;
  const char *username = wg_admin_parse_username ("set-password", entries, &argc, &argv, &status);

  if (username == NULL)
    return status;
  conn = wg_admin_connect_current (conninfo, &error);
  if (conn == NULL)
    return wg_admin_fail (error);
  password = wg_admin_read_password (password_file, &error);
  if (password == NULL ||
      !wg_admin_user_set_password (conn, username, password, &revoked, &error))
    return wg_admin_fail (error);
  g_print ("Set the password of %s; revoked %d open session(s).\n", username, revoked);
  return WG_ADMIN_EXIT_OK;
}

/* Loads unless complete (or @force); says what it did. */
static gboolean
wg_admin_load_territory (PGconn      *conn,
                         const char  *data_dir,
                         gboolean     force,
                         GError     **error)
{
  WgTerritoryCounts counts = { 0 };
  gint64 start = g_get_monotonic_time ();

  if (!wg_territory_get_counts (conn, &counts, error))
    return FALSE;
  if (wg_territory_counts_complete (&counts) && !force)
    {
      g_print ("Territory %s is already loaded (%d streets, %d communities, %d grids); "
               "use --force to regenerate it.\n", WG_TERRITORY_DISTRICT_CODE,
               counts.streets, counts.communities, counts.grids);
      return TRUE;
    }
  if (!wg_territory_load (conn, data_dir, error) ||
      !wg_territory_get_counts (conn, &counts, error))
    return FALSE;
  g_print ("Loaded territory %s from %s: %d streets, %d communities, %d grids in %.2f s.\n",
           WG_TERRITORY_DISTRICT_CODE, data_dir, counts.streets, counts.communities, counts.grids,
           wg_admin_seconds_since (start));
  return TRUE;
}

static int
wg_admin_command_load_territory (const char  *conninfo,
                                 int          argc,
                                 char       **argv)
{
  g_autofree char *data_dir = NULL;
  gboolean force = FALSE;
  GOptionEntry entries[] = {
    { "data-dir", 0, 0, G_OPTION_ARG_FILENAME, &data_dir, "Read the territory files from DIR", "DIR" },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force, "Regenerate even when already loaded", NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GOptionContext) context = wg_admin_parse ("load-territory", NULL, entries, &argc, &argv, &error);
  g_autoptr(PGconn) conn = NULL;

  if (context == NULL)
    return wg_admin_fail (error);
  if (argc > 1)
    return wg_admin_usage_error (context, "load-territory takes no arguments");
  if (data_dir == NULL)
    data_dir = wg_territory_find_data_dir ();
  conn = wg_admin_connect_current (conninfo, &error);
  if (conn == NULL || !wg_admin_load_territory (conn, data_dir, force, &error))
    return wg_admin_fail (error);
  return WG_ADMIN_EXIT_OK;
}

static gboolean
wg_admin_load_demo (PGconn      *conn,
                    const char  *data_dir,
                    GError     **error)
{
  gint64 start = g_get_monotonic_time ();
  gint64 stage = start;
  int units = 0;
  int users = 0;

  if (!wg_admin_load_territory (conn, data_dir, FALSE, error))
    return FALSE;
  g_print ("  territory: %.3f s\n", wg_admin_seconds_since (stage));
  stage = g_get_monotonic_time ();
  if (!wg_admin_demo_load_units (conn, &units, error))
    return FALSE;
  g_print ("  units: %d new, %.3f s\n", units, wg_admin_seconds_since (stage));
  stage = g_get_monotonic_time ();
  if (!wg_admin_demo_load_users (conn, &users, error))
    return FALSE;
  g_print ("  users: %d new, %.3f s\n", users, wg_admin_seconds_since (stage));
  g_print ("Demo data loaded in %.3f s.\n", wg_admin_seconds_since (start));
  return TRUE;
}

static int
wg_admin_command_load_demo (const char  *conninfo,
                            int          argc,
                            char       **argv)
{
  g_autofree char *data_dir = NULL;
  GOptionEntry entries[] = {
    { "data-dir", 0, 0, G_OPTION_ARG_FILENAME, &data_dir, "Read the territory files from DIR", "DIR" },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GOptionContext) context = wg_admin_parse ("load-demo", NULL, entries, &argc, &argv, &error);
  g_autoptr(PGconn) conn = NULL;

  if (context == NULL)
    return wg_admin_fail (error);
  if (argc > 1)
    return wg_admin_usage_error (context, "load-demo takes no arguments");
  if (data_dir == NULL)
    data_dir = wg_territory_find_data_dir ();
  conn = wg_admin_connect_current (conninfo, &error);
  if (conn == NULL || !wg_admin_load_demo (conn, data_dir, &error))
    return wg_admin_fail (error);
  return WG_ADMIN_EXIT_OK;
}

/* The key file of the ID-number protection (server [security] key_file):
 * a new random key, mode 0600; an existing file is never overwritten. */
static int
wg_admin_command_generate_key (const char  *conninfo,
                               int          argc,
                               char       **argv)
{
  GOptionEntry entries[] = { { NULL } };
  g_autoptr(GError) error = NULL;
  g_autoptr(GOptionContext) context = wg_admin_parse ("generate-key", "FILE", entries, &argc, &argv, &error);

  if (context == NULL)
    return wg_admin_fail (error);
  if (argc != 2)
    return wg_admin_usage_error (context, "give exactly one FILE");
  if (!wg_protect_create_key_file (argv[1], &error))
    return wg_admin_fail (error);
  g_print ("Wrote a new key to %s (mode 0600). Keep a copy in a safe place: "
           "without it the ID numbers in the database cannot be read.\n", argv[1]);
  return WG_ADMIN_EXIT_OK;
}

/* ---------------------------------------------------------------- seed */

static void
wg_admin_seed_progress (const char *stage,
                        guint64     rows,
                        double      seconds,
                        gpointer    user_data)
{
  if (rows > 0)
    g_print ("  %-18s %9" G_GUINT64_FORMAT " rows %8.2f s\n", stage, rows, seconds);
  else
    g_print ("  %-18s %14s %8.2f s\n", stage, "", seconds);
}

static gboolean
wg_admin_seed (PGconn       *conn,
               WgProtect    *protect,
               const char   *data_dir,
               WgSeedScale   scale,
               guint64       seed,
               const GDate  *as_of,
               GError      **error)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr(PGresult) size = NULL;

  g_print ("Seeding the %s scale with seed %" G_GUINT64_FORMAT ":\n", wg_seed_scale_to_string (scale), seed);
  if (!wg_seed_run (conn, protect, data_dir, scale, seed, as_of, wg_admin_seed_progress, NULL, error))
    return FALSE;
  size = wg_pg_exec (conn, "SELECT pg_size_pretty(pg_database_size(current_database()))", 0, NULL, error);
  if (size == NULL)
    return FALSE;
  g_print ("Seeded in %.2f s; the database now takes %s.\n", wg_admin_seconds_since (start),
           PQgetvalue (size, 0, 0));
  return TRUE;
}

static int
wg_admin_command_seed (const char  *conninfo,
                       int          argc,
                       char       **argv)
{
  g_autofree char *scale_text = NULL;
  g_autofree char *seed_text = NULL;
  g_autofree char *as_of_text = NULL;
  g_autofree char *key_file = NULL;
  g_autofree char *data_dir = NULL;
  GOptionEntry entries[] = {
    { "scale", 0, 0, G_OPTION_ARG_STRING, &scale_text, "demo (~30 k people, default) or full (Dongcheng, ~1.2 M)", "SCALE" },
    { "seed", 0, 0, G_OPTION_ARG_STRING, &seed_text, "Seed of the generator (default 1): the same seed, the same data", "N" },
    { "as-of", 0, 0, G_OPTION_ARG_STRING, &as_of_text, "The generator's today (default 2026-10-31, for the same data on any day)", "YYYY-MM-DD" },
    { "key-file", 0, 0, G_OPTION_ARG_FILENAME, &key_file, "The server's key file ([security] key_file; see generate-key)", "FILE" },
    { "data-dir", 0, 0, G_OPTION_ARG_FILENAME, &data_dir, "Read the name and county files from DIR", "DIR" },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GOptionContext) context = wg_admin_parse ("seed", NULL, entries, &argc, &argv, &error);
  g_autoptr(PGconn) conn = NULL;
  g_autoptr(WgProtect) protect = NULL;
  WgSeedScale scale = WG_SEED_SCALE_DEMO;
  guint64 seed = 1;
  GDate as_of;

  if (context == NULL)
    return wg_admin_fail (error);
  if (argc > 1)
    return wg_admin_usage_error (context, "seed takes no arguments");
  if (key_file == NULL)
    return wg_admin_usage_error (context, "--key-file is required");
  if ((scale_text != NULL && !wg_seed_scale_from_string (scale_text, &scale, &error)) ||
      (seed_text != NULL && !g_ascii_string_to_unsigned (seed_text, 10, 0, G_MAXUINT64, &seed, &error)) ||
      (as_of_text != NULL && !wg_validate_date (as_of_text, "as-of", &as_of, &error)))
    return wg_admin_fail (error);
  if (data_dir == NULL)
    data_dir = wg_territory_find_data_dir ();
  protect = wg_protect_new_from_file (key_file, &error);
  if (protect == NULL)
    return wg_admin_fail (error);
  conn = wg_admin_connect_current (conninfo, &error);
  if (conn == NULL || !wg_admin_seed (conn, protect, data_dir, scale, seed, as_of_text != NULL ? &as_of : NULL, &error))
    return wg_admin_fail (error);
  return WG_ADMIN_EXIT_OK;
}

/* --------------------------------------------------------------- main */

static const WgAdminCommand commands[] = {
  { "migrate", "Apply the migrations (server/sql) up to this build's schema", wg_admin_command_migrate },
  { "status", "Show the schema version and the territory", wg_admin_command_status },
  { "create-user", "Create a user; the password is read from stdin", wg_admin_command_create_user },
  { "disable-user", "Disable a user and revoke their sessions", wg_admin_command_disable_user },
  { "enable-user", "Enable a disabled user", wg_admin_command_enable_user },
  { "set-password", "Set a user's password (stdin) and revoke their sessions", wg_admin_command_set_password },
  { "load-territory", "Load the Dongcheng (110101) territory", wg_admin_command_load_territory },
  { "load-demo", "Load the territory, units and demo accounts", wg_admin_command_load_demo },
  { "generate-key", "Create the key file that protects ID numbers", wg_admin_command_generate_key },
  { "seed", "Fill the records with a generated district (--scale demo|full)", wg_admin_command_seed },
};

static char *
wg_admin_commands_help (void)
{
  g_autoptr(GString) help = g_string_new ("Commands:\n");

  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (help, "  %-16s %s\n", commands[i].name, commands[i].summary);
  g_string_append (help, "\nRun “wangge-admin COMMAND --help” for a command's options.\n"
                         "The connection must be the owner of the database (not wangge_app).");
  return g_string_free (g_steal_pointer (&help), FALSE);
}

/* --conninfo wins; else the [admin] conninfo of --config; else libpq's
 * defaults (PGHOST, PGDATABASE, …). */
static char *
wg_admin_resolve_conninfo (const char  *conninfo,
                           const char  *config,
                           GError     **error)
{
  g_autoptr(GKeyFile) key_file = NULL;
  char *value;

  if (conninfo != NULL)
    return g_strdup (conninfo);
  if (config == NULL)
    return g_strdup ("");
  key_file = g_key_file_new ();
  if (!g_key_file_load_from_file (key_file, config, G_KEY_FILE_NONE, error))
    {
      g_prefix_error (error, "Cannot read %s: ", config);
      return NULL;
    }
  value = g_key_file_get_string (key_file, "admin", "conninfo", error);
  if (value == NULL)
    g_prefix_error (error, "%s: ", config);
  return value;
}

/* Output is UTF-8 whatever the locale: names are Chinese, and GLib would
 * turn them into "?" under LANG=C. */
static void
wg_admin_print_stdout (const char *text)
{
  fputs (text, stdout);
}

static void
wg_admin_print_stderr (const char *text)
{
  fputs (text, stderr);
}

static const WgAdminCommand *
wg_admin_find_command (const char *name)
{
  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_strcmp0 (commands[i].name, name) == 0)
      return &commands[i];
  return NULL;
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *conninfo = NULL;
  g_autofree char *config = NULL;
  g_autofree char *commands_help = wg_admin_commands_help ();
  g_autofree char *resolved = NULL;
  GOptionEntry entries[] = {
    { "conninfo", 0, 0, G_OPTION_ARG_FILENAME, &conninfo, "libpq connection string of the owner", "CONNINFO" },
    { "config", 0, 0, G_OPTION_ARG_FILENAME, &config, "Server INI file with [admin] conninfo", "FILE" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("COMMAND [OPTION…]");
  g_autoptr(GError) error = NULL;
  const WgAdminCommand *command;

  g_set_print_handler (wg_admin_print_stdout);
  g_set_printerr_handler (wg_admin_print_stderr);
  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_set_strict_posix (context, TRUE);
  g_option_context_set_summary (context, "Administers a Wangge database: migrations, territory, users.");
  g_option_context_set_description (context, commands_help);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return wg_admin_fail (error);
  if (argc < 2)
    return wg_admin_usage_error (context, "no command given");
  command = wg_admin_find_command (argv[1]);
  if (command == NULL)
    return wg_admin_usage_error (context, "unknown command");
  resolved = wg_admin_resolve_conninfo (conninfo, config, &error);
  if (resolved == NULL)
    return wg_admin_fail (error);
  return command->func (resolved, argc - 1, argv + 1);
}
