#define G_LOG_DOMAIN "wg-application"

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "wg-about.h"
#include "wg-application.h"
#include "wg-map-page.h"
#include "wg-preferences-window.h"
#include "wg-screenshot.h"
#include "wg-window.h"

#define SCREENSHOT_TIMEOUT_SECONDS 30
/* Lets the stack's crossfade and the first frames of the map finish. */
#define SCREENSHOT_SETTLE_MS 600

struct _WgApplication
{
  AdwApplication parent_instance;

  char *server;
  char *username;
  char *screenshot;
  int width;
  int height;
  gboolean size_given;
  gboolean size_adjusted;
  int exit_status;

  WgWindow *screenshot_window;
  GtkWidget *watched_map_page;
  guint screenshot_timeout_id;
  guint screenshot_settle_id;
};

G_DEFINE_FINAL_TYPE (WgApplication, wg_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "server", 's', 0, G_OPTION_ARG_STRING, NULL,
    N_("Address of the Wangge server"), N_("URL") },
  { "username", 'u', 0, G_OPTION_ARG_STRING, NULL,
    N_("User name to sign in with (the password is read from WANGGE_PASSWORD)"), N_("NAME") },
  { "screenshot", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Sign in, wait for the map, save the window as PNG and quit"), N_("FILE") },
  { "window-size", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Window size, e.g. 1280x800"), N_("WIDTHxHEIGHT") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and quit"), NULL },
  { NULL }
};

/* Screenshot mode */

static void
wg_application_screenshot_save (WgApplication *self,
                                gboolean       complete)
{
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->screenshot_timeout_id, g_source_remove);
  g_clear_handle_id (&self->screenshot_settle_id, g_source_remove);
  if (self->screenshot_window == NULL)
    return;

  if (!wg_widget_save_png (GTK_WIDGET (self->screenshot_window), self->screenshot, &error))
    {
      g_printerr ("%s\n", error->message);
      complete = FALSE;
    }
  else
    g_print ("%s\n", self->screenshot);
  if (!complete)
    self->exit_status = 1;
  self->screenshot_window = NULL;
  g_application_quit (G_APPLICATION (self));
}

static gboolean
wg_application_screenshot_timeout_cb (gpointer user_data)
{
  WgApplication *self = user_data;

  self->screenshot_timeout_id = 0;
  g_printerr ("The map was not drawn within %d s; saving the window as it is\n",
              SCREENSHOT_TIMEOUT_SECONDS);
  wg_application_screenshot_save (self, FALSE);
  return G_SOURCE_REMOVE;
}

static gboolean
wg_application_screenshot_failed_cb (gpointer user_data)
{
  WgApplication *self = user_data;

  self->screenshot_settle_id = 0;
  g_printerr ("Sign-in failed; saving the window as it is\n");
  wg_application_screenshot_save (self, FALSE);
  return G_SOURCE_REMOVE;
}

/* Client-side decorations may take a few pixels of the surface (resize
 * borders without a compositor): grow the window once so that the saved
 * image has exactly the size asked for. */
static gboolean
wg_application_screenshot_fix_size (WgApplication *self)
{
  GtkWidget *window = GTK_WIDGET (self->screenshot_window);
  int dw = self->width - gtk_widget_get_width (window);
  int dh = self->height - gtk_widget_get_height (window);

  if (self->size_adjusted || (dw == 0 && dh == 0))
    return FALSE;
  self->size_adjusted = TRUE;
  gtk_window_set_default_size (GTK_WINDOW (window), self->width + dw, self->height + dh);
  return TRUE;
}

static gboolean
wg_application_screenshot_settle_cb (gpointer user_data)
{
  WgApplication *self = user_data;

  if (self->screenshot_window != NULL && wg_application_screenshot_fix_size (self))
    return G_SOURCE_CONTINUE;
  self->screenshot_settle_id = 0;
  wg_application_screenshot_save (self, TRUE);
  return G_SOURCE_REMOVE;
}

static gboolean
wg_application_screenshot_ready (WgWindow *window)
{
  GtkWidget *map_page = wg_window_get_map_page (window);

  if (!wg_window_get_signed_in (window))
    return FALSE;
  if (map_page != NULL)
    return wg_map_page_get_drawn (WG_MAP_PAGE (map_page));
  return wg_window_get_regions (window) != NULL;
}

static void
wg_application_screenshot_check (WgApplication *self)
{
  WgWindow *window = self->screenshot_window;
  GtkWidget *map_page;

  if (window == NULL || self->screenshot_settle_id != 0)
    return;
  map_page = wg_window_get_map_page (window);
  if (map_page != NULL && map_page != self->watched_map_page)
    {
      /* Only compared, never dereferenced: the page belongs to the window. */
      self->watched_map_page = map_page;
      g_signal_connect_object (map_page, "notify::drawn",
                               G_CALLBACK (wg_application_screenshot_check), self,
                               G_CONNECT_SWAPPED);
    }
  if (wg_application_screenshot_ready (window))
    self->screenshot_settle_id = g_timeout_add (SCREENSHOT_SETTLE_MS,
                                                wg_application_screenshot_settle_cb, self);
}

static void
wg_application_screenshot_login_busy_cb (WgApplication *self,
                                         GParamSpec    *pspec,
                                         WgLoginView   *login_view)
{
  WgWindow *window = self->screenshot_window;

  /* A failed sign-in will not get better by waiting: save it as it is. */
  if (window != NULL && self->screenshot_settle_id == 0 && !wg_login_view_get_busy (login_view) &&
      wg_login_view_get_error_text (login_view) != NULL)
    self->screenshot_settle_id = g_timeout_add (SCREENSHOT_SETTLE_MS,
                                                wg_application_screenshot_failed_cb, self);
}

static void
wg_application_start_screenshot (WgApplication *self,
                                 WgWindow      *window)
{
  self->screenshot_window = window;
  wg_window_set_remember_size (window, FALSE);
  g_signal_connect_object (window, "notify::signed-in",
                           G_CALLBACK (wg_application_screenshot_check), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (window, "notify::regions",
                           G_CALLBACK (wg_application_screenshot_check), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (wg_window_get_login_view (window), "notify::busy",
                           G_CALLBACK (wg_application_screenshot_login_busy_cb), self,
                           G_CONNECT_SWAPPED);
  self->screenshot_timeout_id = g_timeout_add_seconds (SCREENSHOT_TIMEOUT_SECONDS,
                                                       wg_application_screenshot_timeout_cb,
                                                       self);
}

/* Actions */

static void
wg_application_action_quit (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  GApplication *application = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (application));

  /* Closing windows runs their close-request: sizes saved, calls cancelled. */
  for (GList *l = windows; l != NULL;)
    {
      GtkWindow *window = l->data;

      l = l->next;
      gtk_window_close (window);
    }
  g_application_quit (application);
}

static void
wg_application_action_preferences (GSimpleAction *action,
                                   GVariant      *parameter,
                                   gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  gtk_window_present (GTK_WINDOW (wg_preferences_window_new (parent)));
}

static void
wg_application_action_about (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  gtk_window_present (GTK_WINDOW (wg_about_window_new (parent)));
}

static const GActionEntry app_actions[] = {
  { "quit", wg_application_action_quit },
  { "preferences", wg_application_action_preferences },
  { "about", wg_application_action_about },
};

/* GApplication */

static gint
wg_application_handle_local_options (GApplication *application,
                                     GVariantDict *options)
{
  WgApplication *self = WG_APPLICATION (application);
  g_autofree char *size = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("wangge %s\n", PACKAGE_VERSION);
      return 0;
    }
  g_variant_dict_lookup (options, "server", "s", &self->server);
  g_variant_dict_lookup (options, "username", "s", &self->username);
  g_variant_dict_lookup (options, "screenshot", "^ay", &self->screenshot);
  if (g_variant_dict_lookup (options, "window-size", "s", &size) &&
      !wg_screenshot_parse_size (size, &self->width, &self->height))
    {
      g_printerr (_("Invalid window size “%s”: expected WIDTHxHEIGHT, e.g. 1280x800\n"), size);
      return 2;
    }
  self->size_given = size != NULL;
  /* A screenshot is its own short-lived instance, never handed to a
   * running client. */
  if (self->screenshot != NULL)
    g_application_set_flags (application,
                             g_application_get_flags (application) | G_APPLICATION_NON_UNIQUE);
  return -1;
}

static void
wg_application_sign_in_from_options (WgApplication *self,
                                     WgWindow      *window)
{
  const char *password = g_getenv ("WANGGE_PASSWORD");
  WgLoginView *login_view = wg_window_get_login_view (window);

  wg_login_view_fill (login_view, self->server, self->username);
  if (self->username != NULL && password != NULL && *password != '\0')
    wg_login_view_sign_in (login_view, NULL, NULL, password);
}

static void
wg_application_activate (GApplication *application)
{
  WgApplication *self = WG_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (application));
  WgWindow *wg_window;

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  wg_window = wg_window_new (GTK_APPLICATION (application));
  if (self->screenshot != NULL)
    {
      wg_screenshot_prepare_window (GTK_WINDOW (wg_window), self->width, self->height);
      wg_application_start_screenshot (self, wg_window);
    }
  else if (self->size_given)
    gtk_window_set_default_size (GTK_WINDOW (wg_window), self->width, self->height);
  gtk_window_present (GTK_WINDOW (wg_window));

  wg_application_sign_in_from_options (self, wg_window);
}

static void
wg_application_startup (GApplication *application)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };

  G_APPLICATION_CLASS (wg_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (application), app_actions,
                                   G_N_ELEMENTS (app_actions), application);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.preferences",
                                         preferences_accels);
}

static void
wg_application_finalize (GObject *object)
{
  WgApplication *self = WG_APPLICATION (object);

  g_clear_handle_id (&self->screenshot_timeout_id, g_source_remove);
  g_clear_handle_id (&self->screenshot_settle_id, g_source_remove);
  g_clear_pointer (&self->server, g_free);
  g_clear_pointer (&self->username, g_free);
  g_clear_pointer (&self->screenshot, g_free);

  G_OBJECT_CLASS (wg_application_parent_class)->finalize (object);
}

static void
wg_application_class_init (WgApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = wg_application_finalize;
  application_class->handle_local_options = wg_application_handle_local_options;
  application_class->startup = wg_application_startup;
  application_class->activate = wg_application_activate;
}

static void
wg_application_init (WgApplication *self)
{
  self->width = 1280;
  self->height = 800;
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
}

WgApplication *
wg_application_new (void)
{
  return g_object_new (WG_TYPE_APPLICATION,
                       "application-id", WG_APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/org/wangge/Wangge",
                       NULL);
}

int
wg_application_get_exit_status (WgApplication *self)
{
  g_return_val_if_fail (WG_IS_APPLICATION (self), 1);
  return self->exit_status;
}

void
wg_i18n_init (void)
{
  const char *localedir = g_getenv ("WANGGE_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}
