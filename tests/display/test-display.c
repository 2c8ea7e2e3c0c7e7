/* The real client under a display (Xvfb in tools/test), talking to a real
 * wangge-server on a real database (tests/wg-test-harness.h).  Screenshots
 * go to <build>/tests/display/screenshots/; look at them. */
#define G_LOG_DOMAIN "test-display"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>
#include <glib/gstdio.h>
#include <libpq-fe.h>

#include "wg-about.h"
#include "wg-application.h"
#include "wg-display-test-util.h"
#include "wg-error.h"
#include "wg-error-messages.h"
#include "wg-preferences-window.h"
#include "wg-screenshot.h"
#include "wg-test-harness.h"
#include "wg-window.h"

#define TIMEOUT_SECONDS 30
#define SETTLE_MS 600
#define DEMO_PASSWORD "wangge2026"

static gboolean have_display;
static WgTestServer *server;

/* Helpers */

static gboolean
require_server (void)
{
  g_autoptr(GError) error = NULL;

  if (!have_display)
    {
      g_test_skip ("needs a display (DISPLAY unset or not usable); tools/test runs this under Xvfb");
      return FALSE;
    }
  if (!wg_test_harness_available ())
    return FALSE;
  if (server == NULL)
    {
      server = wg_test_server_start ("wangge_display", &error);
      g_assert_no_error (error);
    }
  return TRUE;
}

static gboolean
spin_until (WgWindow               *window,
            WgDisplayTestCondition  condition,
            const char             *what)
{
  return wg_display_test_spin_until (condition, window, TIMEOUT_SECONDS, what);
}

static void
save_screenshot (gpointer    window,
                 const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = wg_display_test_save_screenshot (window, name, SETTLE_MS);
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  texture = gdk_texture_new_from_filename (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, width);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, height);
}

static void
assert_login_message (WgWindow   *window,
                      WgErrorCode code,
                      const char *chinese)
{
  g_autoptr(GError) error = g_error_new_literal (WG_ERROR, code, "");
  g_autofree char *expected = wg_error_get_user_message (error);
  const char *shown = wg_login_view_get_error_text (wg_window_get_login_view (window));

  g_assert_cmpstr (shown, ==, expected);
  if (wg_display_test_chinese_expected ())
    g_assert_cmpstr (shown, ==, chinese);
}

static gboolean
login_finished (gpointer window)
{
  WgLoginView *login_view = wg_window_get_login_view (window);

  return wg_window_get_signed_in (window) ||
         (!wg_login_view_get_busy (login_view) &&
          wg_login_view_get_error_text (login_view) != NULL);
}

static gboolean
regions_loaded (gpointer window)
{
  return wg_window_get_regions (window) != NULL;
}

static gboolean
signed_out (gpointer window)
{
  return !wg_window_get_signed_in (window);
}

static gboolean
sign_in (WgWindow   *window,
         const char *url,
         const char *username,
         const char *password)
{
  wg_login_view_sign_in (wg_window_get_login_view (window), url, username, password);
  return spin_until (window, login_finished, "the sign-in to finish");
}

static gboolean
sign_in_and_draw (WgWindow   *window,
                  const char *username)
{
  if (!sign_in (window, wg_test_server_get_url (server), username, DEMO_PASSWORD))
    return FALSE;
  if (!wg_window_get_signed_in (window))
    {
      g_test_fail_printf ("%s could not sign in: %s", username,
                          wg_login_view_get_error_text (wg_window_get_login_view (window)));
      return FALSE;
    }
  if (!spin_until (window, regions_loaded, "the territory"))
    return FALSE;
  g_assert_cmpuint (g_list_model_get_n_items (wg_window_get_regions (window)), >, 0);
  return spin_until (window, wg_display_test_map_drawn, "the map to be drawn");
}

static gboolean
has_page (WgWindow *window,
          WgPage    page)
{
  WgPage pages[WG_PAGE_LAST + 1];
  guint n = wg_window_get_pages (window, pages);

  for (guint i = 0; i < n; i++)
    if (pages[i] == page)
      return TRUE;
  return FALSE;
}

/* Tests */

static void
test_login_wrong_password (void)
{
  WgWindow *window;

  if (!require_server ())
    return;
  window = wg_display_test_new_window (560, 800);
  g_assert_true (sign_in (window, wg_test_server_get_url (server), "grid", "not-the-password"));

  g_assert_false (wg_window_get_signed_in (window));
  assert_login_message (window, WG_ERROR_INVALID_CREDENTIALS, "用户名或密码错误。");
  save_screenshot (window, "login-wrong-password-560x800.png");
  wg_display_test_close_window (window);
}

static void
test_login_unreachable (void)
{
  WgWindow *window;

  if (!have_display)
    {
      g_test_skip ("needs a display (DISPLAY unset or not usable)");
      return;
    }
  window = wg_display_test_new_window (1280, 800);
  /* Port 9 (discard) on loopback: nothing listens there. */
  g_assert_true (sign_in (window, "http://127.0.0.1:9", "street", DEMO_PASSWORD));

  g_assert_false (wg_window_get_signed_in (window));
  assert_login_message (window, WG_ERROR_UNREACHABLE, "无法连接服务器，请检查服务器地址和网络连接。");
  save_screenshot (window, "login-unreachable-1280x800.png");
  wg_display_test_close_window (window);
}

static void
test_login_street (void)
{
  WgWindow *window;

  if (!require_server ())
    return;
  window = wg_display_test_new_window (1280, 800);
  if (!sign_in_and_draw (window, "street"))
    {
      wg_display_test_close_window (window);
      return;
    }

  g_assert_true (has_page (window, WG_PAGE_MAP));
  g_assert_true (has_page (window, WG_PAGE_TASKS));
  g_assert_true (has_page (window, WG_PAGE_CASES));
  g_assert_true (has_page (window, WG_PAGE_DIARY));
  g_assert_false (has_page (window, WG_PAGE_ADMINISTRATION));
  g_assert_false (wg_window_show_page (window, WG_PAGE_ADMINISTRATION));
  save_screenshot (window, "street-map-1280x800.png");

  g_assert_cmpint (wg_window_get_visible_page (window), ==, WG_PAGE_MAP);
  g_assert_true (wg_window_show_page (window, WG_PAGE_TASKS));
  g_assert_cmpint (wg_window_get_visible_page (window), ==, WG_PAGE_TASKS);
  save_screenshot (window, "street-tasks-1280x800.png");

  /* Ctrl+3 is the third page of the sidebar: Cases for a street user. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "i", 3);
  g_assert_cmpint (wg_window_get_visible_page (window), ==, WG_PAGE_CASES);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.sign-out", NULL);
  g_assert_true (spin_until (window, signed_out, "the sign-out"));
  g_assert_null (wg_window_get_map_page (window));
  g_assert_null (wg_api_client_get_token (wg_window_get_client (window)));
  wg_display_test_close_window (window);
}

static void
test_login_street_narrow (void)
{
  WgWindow *window;
  GtkWidget *leaflet;

  if (!require_server ())
    return;
  window = wg_display_test_new_window (560, 800);
  if (sign_in_and_draw (window, "street"))
    save_screenshot (window, "street-map-560x800.png");

  /* Folded, so that the map keeps the width; the back button leads to
   * the sidebar. */
  leaflet = gtk_widget_get_ancestor (wg_window_get_map_page (window), ADW_TYPE_LEAFLET);
  g_assert_true (leaflet != NULL && adw_leaflet_get_folded (ADW_LEAFLET (leaflet)));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.go-back", NULL);
  save_screenshot (window, "street-sidebar-560x800.png");
  wg_display_test_close_window (window);
}

static void
test_login_admin (void)
{
  WgWindow *window;

  if (!require_server ())
    return;
  window = wg_display_test_new_window (1280, 800);
  if (!sign_in_and_draw (window, "admin"))
    {
      wg_display_test_close_window (window);
      return;
    }

  g_assert_true (has_page (window, WG_PAGE_MAP));
  g_assert_true (has_page (window, WG_PAGE_ADMINISTRATION));
  g_assert_false (has_page (window, WG_PAGE_DIARY));
  save_screenshot (window, "admin-map-1280x800.png");
  g_assert_true (wg_window_show_page (window, WG_PAGE_ADMINISTRATION));
  save_screenshot (window, "admin-administration-1280x800.png");
  wg_display_test_close_window (window);
}

static void
expire_sessions (void)
{
  PGconn *connection = PQconnectdb (wg_test_server_get_admin_conninfo (server));
  PGresult *result;

  g_assert_cmpint (PQstatus (connection), ==, CONNECTION_OK);
  result = PQexec (connection, "UPDATE sessions SET expires_at = now() - interval '1 second'");
  g_assert_cmpint (PQresultStatus (result), ==, PGRES_COMMAND_OK);
  PQclear (result);
  PQfinish (connection);
}

static void
test_session_expired (void)
{
  WgWindow *window;

  if (!require_server ())
    return;
  window = wg_display_test_new_window (1280, 800);
  if (!sign_in_and_draw (window, "community"))
    {
      wg_display_test_close_window (window);
      return;
    }

  expire_sessions ();
  gtk_widget_activate_action (GTK_WIDGET (window), "win.reload-regions", NULL);
  if (spin_until (window, signed_out, "the window to return to the sign-in"))
    assert_login_message (window, WG_ERROR_SESSION_EXPIRED, "登录已过期，请重新登录。");
  save_screenshot (window, "session-expired-1280x800.png");
  wg_display_test_close_window (window);
}

static void
test_command_line_screenshot (void)
{
  const char *client = g_getenv ("WG_CLIENT_BIN");
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *printed = NULL;
  g_autofree char *path = g_build_filename (WG_BUILD_DIR, "tests", "display", "screenshots",
                                            "wangge-street-1280x800.png", NULL);

  if (!require_server ())
    return;
  if (client == NULL)
    {
      g_test_skip ("needs WG_CLIENT_BIN");
      return;
    }
  g_remove (path);
  /* The client prints the screenshot's path: kept off the test's TAP
   * output and checked. */
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  /* The password travels in the environment, never on the command line. */
  g_subprocess_launcher_setenv (launcher, "WANGGE_PASSWORD", DEMO_PASSWORD, TRUE);
  process = g_subprocess_launcher_spawn (launcher, &error, client,
                                         "--server", wg_test_server_get_url (server),
                                         "--username", "street",
                                         "--window-size", "1280x800",
                                         "--screenshot", path, NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (process, NULL, NULL, &printed, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (g_strstrip (printed), ==, path);
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);

  texture = gdk_texture_new_from_filename (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 1280);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, 800);
}

static void
test_preferences_and_about (void)
{
  g_autoptr(GtkBuilder) builder = NULL;
  GtkWidget *preferences;
  GtkWidget *about;
  GtkWidget *shortcuts;

  if (!have_display)
    {
      g_test_skip ("needs a display (DISPLAY unset or not usable)");
      return;
    }
  preferences = wg_preferences_window_new (NULL);
  wg_screenshot_prepare_window (GTK_WINDOW (preferences), 640, 560);
  gtk_window_present (GTK_WINDOW (preferences));
  save_screenshot (preferences, "preferences-640x560.png");
  gtk_window_destroy (GTK_WINDOW (preferences));

  about = wg_about_window_new (NULL);
  wg_screenshot_prepare_window (GTK_WINDOW (about), 420, 640);
  gtk_window_present (GTK_WINDOW (about));
  save_screenshot (about, "about-420x640.png");
  gtk_window_destroy (GTK_WINDOW (about));

  builder = gtk_builder_new_from_resource ("/org/wangge/Wangge/gtk/help-overlay.ui");
  shortcuts = GTK_WIDGET (gtk_builder_get_object (builder, "help_overlay"));
  wg_screenshot_prepare_window (GTK_WINDOW (shortcuts), 1000, 560);
  gtk_window_present (GTK_WINDOW (shortcuts));
  save_screenshot (shortcuts, "shortcuts-1000x560.png");
  gtk_window_destroy (GTK_WINDOW (shortcuts));
  wg_display_test_spin_for (50);
}

static gboolean
window_gone (gpointer window)
{
  return !gtk_widget_get_visible (GTK_WIDGET (window));
}

static void
test_window_remembers_size (void)
{
  g_autoptr(GSettings) settings = NULL;
  WgWindow *window;

  if (!have_display)
    {
      g_test_skip ("needs a display (DISPLAY unset or not usable)");
      return;
    }
  settings = g_settings_new (WG_APP_ID);
  window = g_object_ref (wg_window_new (NULL));
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_present (GTK_WINDOW (window));
  wg_display_test_spin_for (100);

  gtk_window_close (GTK_WINDOW (window));
  spin_until (window, window_gone, "the window to close");
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1000);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 700);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));
  g_object_unref (window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  have_display = wg_display_test_init (&argc, &argv, "wangge-display-XXXXXX");

  g_test_add_func ("/display/login/wrong-password", test_login_wrong_password);
  g_test_add_func ("/display/login/unreachable", test_login_unreachable);
  g_test_add_func ("/display/login/street", test_login_street);
  g_test_add_func ("/display/login/street-narrow", test_login_street_narrow);
  g_test_add_func ("/display/login/admin", test_login_admin);
  g_test_add_func ("/display/session/expired", test_session_expired);
  g_test_add_func ("/display/command-line/screenshot", test_command_line_screenshot);
  g_test_add_func ("/display/windows/preferences-and-about", test_preferences_and_about);
  g_test_add_func ("/display/windows/remembers-size", test_window_remembers_size);

  status = g_test_run ();
  g_clear_pointer (&server, wg_test_server_stop);
  return status;
}
