#define G_LOG_DOMAIN "wg-display-test-util"

#include "config.h"

#include <adwaita.h>

#include "wg-application.h"
#include "wg-display-test-util.h"
#include "wg-map-page.h"
#include "wg-screenshot.h"

/* Initialises GLib's test framework with non-fatal assertions, and GTK
 * when there is a display (set up as AdwApplication would from its resource
 * base path).  Returns whether there is one. */
gboolean
wg_display_test_init (int          *argc,
                      char       ***argv,
                      const char   *cache_template)
{
  g_autoptr(GtkCssProvider) provider = NULL;
  GdkDisplay *display;

  wg_i18n_init ();
  g_test_init (argc, argv, NULL);
  g_test_set_nonfatal_assertions ();
  /* the cache must not be the user's; tools/test provides one */
  if (g_getenv ("XDG_CACHE_HOME") == NULL)
    {
      g_autofree char *cache = g_dir_make_tmp (cache_template, NULL);

      g_setenv ("XDG_CACHE_HOME", cache, TRUE);
    }
  if (g_getenv ("DISPLAY") == NULL || !gtk_init_check ())
    return FALSE;
  adw_init ();
  display = gdk_display_get_default ();
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/org/wangge/Wangge/style.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (display),
                                    "/org/wangge/Wangge/icons");
  return TRUE;
}

/* Failures are not fatal (g_test_set_nonfatal_assertions): a test that
 * times out returns, and its main() still stops the server it started. */
gboolean
wg_display_test_spin_until (WgDisplayTestCondition  condition,
                            gpointer                data,
                            guint                   timeout_seconds,
                            const char             *what)
{
  gint64 deadline = g_get_monotonic_time () + timeout_seconds * G_USEC_PER_SEC;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        {
          g_test_fail_printf ("Timed out after %u s waiting for %s", timeout_seconds, what);
          return FALSE;
        }
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
  return TRUE;
}

void
wg_display_test_spin_for (guint milliseconds)
{
  gint64 end = g_get_monotonic_time () + milliseconds * 1000;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
}

WgWindow *
wg_display_test_new_window (int width,
                            int height)
{
  WgWindow *window = wg_window_new (NULL);

  wg_window_set_remember_size (window, FALSE);
  wg_screenshot_prepare_window (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

void
wg_display_test_close_window (WgWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  wg_display_test_spin_for (50);
}

/* Saves <build>/tests/display/screenshots/@name and returns its path. */
char *
wg_display_test_save_screenshot (gpointer    window,
                                 const char *name,
                                 guint       settle_ms)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (WG_BUILD_DIR, "tests", "display", "screenshots",
                                            name, NULL);

  wg_display_test_spin_for (settle_ms);
  /* a window that has not drawn its first frame yet renders nothing */
  for (int i = 0; i < 10 && !wg_widget_save_png (GTK_WIDGET (window), path, NULL); i++)
    wg_display_test_spin_for (200);
  g_assert_true (wg_widget_save_png (GTK_WIDGET (window), path, &error));
  g_assert_no_error (error);
  g_test_message ("screenshot: %s", path);
  return g_steal_pointer (&path);
}

/* The translation is checked literally when it should be in use, so that a
 * missing or broken catalogue fails instead of passing in English. */
gboolean
wg_display_test_chinese_expected (void)
{
  const char *language = g_getenv ("LANGUAGE");
  const char *localedir = g_getenv ("WANGGE_LOCALEDIR");
  g_autofree char *catalogue = NULL;

  if (language == NULL || !g_str_has_prefix (language, "zh_CN"))
    return FALSE;
  catalogue = g_build_filename (localedir != NULL ? localedir : LOCALEDIR,
                                "zh_CN", "LC_MESSAGES", "wangge.mo", NULL);
  return g_file_test (catalogue, G_FILE_TEST_EXISTS);
}

gboolean
wg_display_test_map_drawn (gpointer window)
{
  GtkWidget *map_page = wg_window_get_map_page (window);

  return map_page != NULL && wg_map_page_get_drawn (WG_MAP_PAGE (map_page));
}

gboolean
wg_display_test_signed_in (gpointer window)
{
  return wg_window_get_signed_in (window) && wg_window_get_regions (window) != NULL;
}

AdwMessageDialog *
wg_display_test_find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

gboolean
wg_display_test_dialog_shown (gpointer data)
{
  return wg_display_test_find_message_dialog () != NULL;
}
