#define G_LOG_DOMAIN "wg-preferences-window"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "wg-error-messages.h"
#include "wg-preferences-window.h"
#include "wg-server-address.h"

struct _WgPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  GSettings *settings;

  AdwEntryRow *server_row;
  AdwEntryRow *tile_row;
  GtkSwitch *gcj02_switch;
};

G_DEFINE_FINAL_TYPE (WgPreferencesWindow, wg_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
wg_preferences_window_toast (WgPreferencesWindow *self,
                             const char          *message)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (message));
}

static void
wg_preferences_window_server_apply_cb (WgPreferencesWindow *self,
                                       AdwEntryRow         *row)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *address = NULL;
  g_autofree char *message = NULL;

  address = wg_server_address_normalize (gtk_editable_get_text (GTK_EDITABLE (row)), &error);
  if (address == NULL)
    {
      message = wg_error_get_user_message (error);
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      wg_preferences_window_toast (self, message);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (row), address);
  g_settings_set_string (self->settings, "server-url", address);
}

static void
wg_preferences_window_tile_apply_cb (WgPreferencesWindow *self,
                                     AdwEntryRow         *row)
{
  g_autofree char *url = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (!wg_tile_url_is_valid (url))
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      wg_preferences_window_toast (self,
                                   _("A tile URL starts with http:// or https:// and contains {z}, {x} and {y}."));
      return;
    }
  g_settings_set_string (self->settings, "tile-url", url);
}

static void
wg_preferences_window_row_changed_cb (WgPreferencesWindow *self,
                                      GtkEditable         *row)
{
  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

static void
wg_preferences_window_dispose (GObject *object)
{
  WgPreferencesWindow *self = WG_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), WG_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (wg_preferences_window_parent_class)->dispose (object);
}

static void
wg_preferences_window_class_init (WgPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wg_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/wangge/Wangge/wg-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, WgPreferencesWindow, server_row);
  gtk_widget_class_bind_template_child (widget_class, WgPreferencesWindow, tile_row);
  gtk_widget_class_bind_template_child (widget_class, WgPreferencesWindow, gcj02_switch);
  gtk_widget_class_bind_template_callback (widget_class, wg_preferences_window_server_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, wg_preferences_window_tile_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, wg_preferences_window_row_changed_cb);
}

static void
wg_preferences_window_init (WgPreferencesWindow *self)
{
  g_autofree char *server = NULL;
  g_autofree char *tile_url = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (WG_APP_ID);
  server = g_settings_get_string (self->settings, "server-url");
  tile_url = g_settings_get_string (self->settings, "tile-url");
  gtk_editable_set_text (GTK_EDITABLE (self->server_row), server);
  gtk_editable_set_text (GTK_EDITABLE (self->tile_row), tile_url);
  g_settings_bind (self->settings, "tile-gcj02", self->gcj02_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
}

GtkWidget *
wg_preferences_window_new (GtkWindow *parent)
{
  return g_object_new (WG_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);
}

gboolean
wg_tile_url_is_valid (const char *url)
{
  if (url == NULL || *url == '\0')
    return TRUE;
  if (!g_str_has_prefix (url, "http://") && !g_str_has_prefix (url, "https://"))
    return FALSE;
  return strstr (url, "{z}") != NULL && strstr (url, "{x}") != NULL &&
         strstr (url, "{y}") != NULL;
}
