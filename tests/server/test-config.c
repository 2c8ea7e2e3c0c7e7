/* test-config.c — wangge-server's INI configuration */
#define G_LOG_DOMAIN "test-config"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "wg-config.h"

static char *
write_temp (const char *text)
{
  g_autoptr(GError) error = NULL;
  char *path = NULL;
  int fd = g_file_open_tmp ("wangge-config-XXXXXX.conf", &path, &error);

  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  return path;
}

static void
test_config_defaults (void)
{
  g_autoptr(WgConfig) config = wg_config_new ();
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (config->address, ==, "127.0.0.1");
  g_assert_cmpuint (config->port, ==, 8470);
  g_assert_cmpuint (config->workers, ==, 4);
  g_assert_cmpuint (config->max_body_bytes, ==, 1048576);
  g_assert_cmpuint (config->session_idle_minutes, ==, 120);
  g_assert_cmpuint (config->session_absolute_hours, ==, 12);
  g_assert_cmpuint (config->login_max_failures, ==, 5);
  g_assert_cmpuint (config->login_window_minutes, ==, 15);
  g_assert_cmpstr (config->key_file, ==, "/etc/wangge/id-number.key");
  g_assert_true (wg_config_validate (config, &error));
  g_assert_no_error (error);
}

/* The shipped example documents the defaults: reading it changes nothing. */
static void
test_config_example (void)
{
  g_autofree char *path = g_build_filename (WG_SOURCE_DIR, "server", "wangge-server.conf.example", NULL);
  g_autoptr(WgConfig) config = wg_config_new ();
  g_autoptr(WgConfig) defaults = wg_config_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (wg_config_load_file (config, path, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (config->address, ==, defaults->address);
  g_assert_cmpstr (config->conninfo, ==, defaults->conninfo);
  g_assert_cmpstr (config->key_file, ==, defaults->key_file);
  g_assert_cmpuint (config->port, ==, defaults->port);
  g_assert_cmpuint (config->workers, ==, defaults->workers);
  g_assert_cmpuint (config->max_body_bytes, ==, defaults->max_body_bytes);
  g_assert_cmpuint (config->session_idle_minutes, ==, defaults->session_idle_minutes);
  g_assert_cmpuint (config->session_absolute_hours, ==, defaults->session_absolute_hours);
  g_assert_cmpuint (config->login_max_failures, ==, defaults->login_max_failures);
  g_assert_cmpuint (config->login_window_minutes, ==, defaults->login_window_minutes);
}

static void
test_config_file (void)
{
  g_autofree char *path = write_temp ("[server]\naddress=::1\nport=9000\nworkers=8\n"
                                      "max_body_bytes=4096\nsession_idle_minutes=30\n"
                                      "[database]\nconninfo=dbname=other user=wangge_app\n"
                                      "[security]\nkey_file=/tmp/some.key\n");
  g_autoptr(WgConfig) config = wg_config_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (wg_config_load_file (config, path, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (config->address, ==, "::1");
  g_assert_cmpuint (config->port, ==, 9000);
  g_assert_cmpuint (config->workers, ==, 8);
  g_assert_cmpuint (config->max_body_bytes, ==, 4096);
  g_assert_cmpuint (config->session_idle_minutes, ==, 30);
  g_assert_cmpuint (config->session_absolute_hours, ==, 12);
  g_assert_cmpstr (config->conninfo, ==, "dbname=other user=wangge_app");
  g_assert_cmpstr (config->key_file, ==, "/tmp/some.key");
  g_assert_true (wg_config_validate (config, &error));
  g_remove (path);
}

static void
assert_rejected (const char *text,
                 const char *key)
{
  g_autofree char *path = write_temp (text);
  g_autoptr(WgConfig) config = wg_config_new ();
  g_autoptr(GError) error = NULL;

  g_assert_false (wg_config_load_file (config, path, &error) && wg_config_validate (config, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, key));
  g_remove (path);
}

static void
test_config_bad_values (void)
{
  assert_rejected ("[server]\nport=70000\n", "port");
  assert_rejected ("[server]\nworkers=0\n", "workers");
  assert_rejected ("[server]\nworkers=many\n", "workers");
  assert_rejected ("[server]\nmax_body_bytes=-1\n", "max_body_bytes");
  assert_rejected ("[server]\naddress=localhost\n", "address");
  assert_rejected ("[database]\nconninfo=\n", "conninfo");
  assert_rejected ("[security]\nkey_file=\n", "key_file");
  assert_rejected ("not an ini file", "");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/server/config/defaults", test_config_defaults);
  g_test_add_func ("/server/config/example", test_config_example);
  g_test_add_func ("/server/config/file", test_config_file);
  g_test_add_func ("/server/config/bad-values", test_config_bad_values);
  return g_test_run ();
}
