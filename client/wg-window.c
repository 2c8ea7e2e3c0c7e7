#define G_LOG_DOMAIN "wg-window"

#include "config.h"

#include <glib/gi18n.h>

#include "wg-diary-page.h"
#include "wg-error-messages.h"
#include "wg-map-page.h"
#include "wg-pages.h"
#include "wg-records-page.h"
#include "wg-window.h"

struct _WgWindow
{
  AdwApplicationWindow parent_instance;

  WgApiClient *client;
  GSettings *settings;
  /* Cancelled on close and on sign-out: nothing of an old session lands. */
  GCancellable *cancellable;
  GListModel *regions;
  AdwToast *regions_toast;      /* weak: the toast offering to retry */
  gboolean remember_size;
  gboolean loading_regions;

  WgPage pages[WG_N_PAGES];
  guint n_pages;
  GtkWidget *map_page;
  GtkWidget *records_page;
  GtkWidget *diary_page;

  WgLoginView *login_view;
  AdwToastOverlay *toast_overlay;
  GtkStack *main_stack;
  AdwLeaflet *leaflet;
  GtkWidget *sidebar;
  GtkWidget *sidebar_separator;
  GtkWidget *content;
  GtkListBox *sidebar_list;
  AdwWindowTitle *user_title;
  AdwWindowTitle *page_title;
  GtkStack *page_stack;
};

G_DEFINE_FINAL_TYPE (WgWindow, wg_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SIGNED_IN,
  PROP_REGIONS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
wg_window_update_actions (WgWindow *self)
{
  gboolean signed_in = wg_window_get_signed_in (self);
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_widget_action_set_enabled (widget, "win.sign-out", signed_in);
  gtk_widget_action_set_enabled (widget, "win.show-page", signed_in && self->n_pages > 0);
  gtk_widget_action_set_enabled (widget, "win.toggle-sidebar", signed_in);
  gtk_widget_action_set_enabled (widget, "win.go-back",
                                 signed_in && adw_leaflet_get_folded (self->leaflet));
  gtk_widget_action_set_enabled (widget, "win.reload-regions",
                                 signed_in && !self->loading_regions);
}

static void
wg_window_set_regions (WgWindow   *self,
                       GListModel *regions)
{
  if (!g_set_object (&self->regions, regions))
    return;
  if (self->map_page != NULL && regions != NULL)
    wg_map_page_set_regions (WG_MAP_PAGE (self->map_page), regions);
  if (self->records_page != NULL && regions != NULL)
    wg_records_page_set_regions (WG_RECORDS_PAGE (self->records_page), regions);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REGIONS]);
}

static void
wg_window_set_loading_regions (WgWindow *self,
                               gboolean  loading)
{
  self->loading_regions = loading;
  if (self->map_page != NULL)
    wg_map_page_set_loading (WG_MAP_PAGE (self->map_page), loading);
  wg_window_update_actions (self);
}

static void
wg_window_dismiss_regions_toast (WgWindow *self)
{
  if (self->regions_toast != NULL)
    adw_toast_dismiss (self->regions_toast);
}

static void
wg_window_show_toast_for_error (WgWindow     *self,
                                const GError *error)
{
  g_autofree char *message = wg_error_get_user_message (error);
  AdwToast *toast;

  if (message == NULL || wg_error_ends_session (error))
    return;
  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 0);
  adw_toast_set_button_label (toast, _("_Retry"));
  adw_toast_set_action_name (toast, "win.reload-regions");
  g_set_weak_pointer (&self->regions_toast, toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
wg_window_regions_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(WgWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) regions = NULL;

  regions = wg_api_client_list_regions_geojson_finish (WG_API_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  wg_window_set_loading_regions (self, FALSE);
  if (regions == NULL)
    {
      /* expected when the network or the server is down: the toast says it */
      g_debug ("Could not load the territory: %s", error->message);
      wg_window_show_toast_for_error (self, error);
      return;
    }
  g_debug ("Territory loaded: %u regions", g_list_model_get_n_items (regions));
  wg_window_set_regions (self, regions);
}

static void
wg_window_load_regions (WgWindow *self)
{
  /* A retry replaces the toast of the last failure instead of stacking. */
  wg_window_dismiss_regions_toast (self);
  wg_window_set_loading_regions (self, TRUE);
  wg_api_client_list_regions_geojson_async (self->client, self->cancellable,
                                            wg_window_regions_cb, g_object_ref (self));
}

/* Pages */

static GtkWidget *
wg_window_create_sidebar_row (WgPage page)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (wg_page_get_title (page));

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (wg_page_get_icon_name (page)));
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

/* "Show on the map" from the records: the Map page with that grid selected. */
static void
wg_window_records_show_grid_cb (WgWindow      *self,
                                const char    *code,
                                WgRecordsPage *records_page)
{
  if (self->map_page == NULL || !wg_window_show_page (self, WG_PAGE_MAP))
    return;
  if (!wg_map_page_select_region (WG_MAP_PAGE (self->map_page), code))
    g_debug ("Grid %s is not on the map (territory not loaded?)", code);
}

static GtkWidget *
wg_window_create_page (WgWindow *self,
                       WgPage    page,
                       WgUser   *user)
{
  GtkWidget *status;

  if (page == WG_PAGE_MAP)
    {
      self->map_page = wg_map_page_new ();
      wg_map_page_set_client (WG_MAP_PAGE (self->map_page), self->client);
      return self->map_page;
    }
  if (page == WG_PAGE_RECORDS)
    {
      self->records_page = wg_records_page_new (self->client, user);
      g_signal_connect_object (self->records_page, "show-grid",
                               G_CALLBACK (wg_window_records_show_grid_cb), self, G_CONNECT_SWAPPED);
      return self->records_page;
    }
  if (page == WG_PAGE_DIARY)
    {
      self->diary_page = wg_diary_page_new (self->client, user);
      return self->diary_page;
    }
  status = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), wg_page_get_icon_name (page));
  adw_status_page_set_title (ADW_STATUS_PAGE (status), wg_page_get_title (page));
  adw_status_page_set_description (ADW_STATUS_PAGE (status), wg_page_get_description (page));
  return status;
}

static void
wg_window_clear_pages (WgWindow *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->page_stack))) != NULL)
    gtk_stack_remove (self->page_stack, child);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list))) != NULL)
    gtk_list_box_remove (self->sidebar_list, child);
  self->map_page = NULL;
  self->records_page = NULL;
  self->diary_page = NULL;
  self->n_pages = 0;
}

static void
wg_window_build_pages (WgWindow *self,
                       WgUser   *user)
{
  wg_window_clear_pages (self);
  self->n_pages = wg_pages_for_roles (wg_user_get_role_mask (user), self->pages);
  for (guint i = 0; i < self->n_pages; i++)
    {
      WgPage page = self->pages[i];

      gtk_stack_add_named (self->page_stack, wg_window_create_page (self, page, user),
                           wg_page_to_string (page));
      gtk_list_box_append (self->sidebar_list, wg_window_create_sidebar_row (page));
    }
}

static gint
wg_window_page_position (WgWindow *self,
                         WgPage    page)
{
  for (guint i = 0; i < self->n_pages; i++)
    if (self->pages[i] == page)
      return (gint) i;
  return -1;
}

static void
wg_window_select_position (WgWindow *self,
                           gint      position)
{
  WgPage page = self->pages[position];
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->sidebar_list, position);

  gtk_list_box_select_row (self->sidebar_list, row);
  gtk_stack_set_visible_child_name (self->page_stack, wg_page_to_string (page));
  adw_window_title_set_title (self->page_title, wg_page_get_title (page));
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

/* Session */

static void
wg_window_show_signed_in (WgWindow *self,
                          WgUser   *user)
{
  adw_window_title_set_title (self->user_title, wg_user_get_display_name (user));
  adw_window_title_set_subtitle (self->user_title, wg_user_get_unit_name (user));
  /* The unit name may be ellipsized in the sidebar. */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->user_title), wg_user_get_unit_name (user));
  wg_window_build_pages (self, user);
  if (self->n_pages > 0)
    wg_window_select_position (self, 0);
  gtk_stack_set_visible_child_name (self->main_stack, "main");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIGNED_IN]);
  wg_window_update_actions (self);
  wg_window_load_regions (self);
}

static void
wg_window_show_login (WgWindow     *self,
                      const GError *error)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->loading_regions = FALSE;
  wg_window_dismiss_regions_toast (self);

  wg_window_clear_pages (self);
  wg_window_set_regions (self, NULL);
  wg_login_view_reset (self->login_view);
  if (error != NULL)
    wg_login_view_show_error (self->login_view, error);
  gtk_stack_set_visible_child_name (self->main_stack, "login");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIGNED_IN]);
  wg_window_update_actions (self);
}

static void
wg_window_logout_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* Signed out locally already; a server that did not hear it lets the
   * session expire on its own. */
  if (!wg_api_client_logout_finish (WG_API_CLIENT (source), result, &error))
    g_debug ("Sign-out not confirmed by the server: %s", error->message);
}

/* Callbacks */

static void
wg_window_login_view_signed_in_cb (WgWindow    *self,
                                   WgUser      *user,
                                   WgLoginView *login_view)
{
  wg_window_show_signed_in (self, user);
}

static void
wg_window_client_session_expired_cb (WgWindow     *self,
                                     const GError *error,
                                     WgApiClient  *client)
{
  wg_window_show_login (self, error);
}

static void
wg_window_sidebar_row_activated_cb (WgWindow      *self,
                                    GtkListBoxRow *row,
                                    GtkListBox    *list)
{
  gint position = gtk_list_box_row_get_index (row);

  if (position >= 0 && (guint) position < self->n_pages)
    wg_window_select_position (self, position);
}

static void
wg_window_leaflet_folded_cb (WgWindow   *self,
                             GParamSpec *pspec,
                             AdwLeaflet *leaflet)
{
  wg_window_update_actions (self);
}

/* Actions */

static void
wg_window_action_sign_out (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  WgWindow *self = WG_WINDOW (widget);

  wg_api_client_logout_async (self->client, NULL, wg_window_logout_cb, NULL);
  wg_window_show_login (self, NULL);
}

static void
wg_window_action_show_page (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  WgWindow *self = WG_WINDOW (widget);
  gint32 index = g_variant_get_int32 (parameter);

  /* Ctrl+N is the Nth page of the sidebar, whatever the user's roles. */
  if (index >= 1 && (guint) index <= self->n_pages)
    wg_window_select_position (self, index - 1);
  else
    gtk_widget_error_bell (widget);
}

static void
wg_window_action_toggle_sidebar (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  WgWindow *self = WG_WINDOW (widget);
  gboolean visible;

  if (adw_leaflet_get_folded (self->leaflet))
    {
      GtkWidget *target = adw_leaflet_get_visible_child (self->leaflet) == self->sidebar
                          ? self->content : self->sidebar;

      adw_leaflet_set_visible_child (self->leaflet, target);
      return;
    }
  visible = !gtk_widget_get_visible (self->sidebar);
  gtk_widget_set_visible (self->sidebar, visible);
  gtk_widget_set_visible (self->sidebar_separator, visible);
}

static void
wg_window_action_go_back (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  WgWindow *self = WG_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
wg_window_action_reload_regions (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  wg_window_load_regions (WG_WINDOW (widget));
}

/* GObject */

static void
wg_window_save_size (WgWindow *self)
{
  int width = 0;
  int height = 0;

  if (!self->remember_size)
    return;
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)) && width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
}

static gboolean
wg_window_close_request (GtkWindow *window)
{
  WgWindow *self = WG_WINDOW (window);

  g_cancellable_cancel (self->cancellable);
  wg_window_save_size (self);
  return GTK_WINDOW_CLASS (wg_window_parent_class)->close_request (window);
}

static void
wg_window_dispose (GObject *object)
{
  WgWindow *self = WG_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_weak_pointer (&self->regions_toast);
  gtk_widget_dispose_template (GTK_WIDGET (self), WG_TYPE_WINDOW);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->regions);
  g_clear_object (&self->client);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (wg_window_parent_class)->dispose (object);
}

static void
wg_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  WgWindow *self = WG_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SIGNED_IN:
      g_value_set_boolean (value, wg_window_get_signed_in (self));
      break;
    case PROP_REGIONS:
      g_value_set_object (value, self->regions);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wg_window_add_page_shortcuts (GtkWidgetClass *widget_class)
{
  for (guint i = 1; i <= WG_N_PAGES; i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0 + i, GDK_CONTROL_MASK,
                                         "win.show-page", "i", (gint32) i);
}

static void
wg_window_class_init (WgWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = wg_window_dispose;
  object_class->get_property = wg_window_get_property;
  window_class->close_request = wg_window_close_request;

  properties[PROP_SIGNED_IN] =
    g_param_spec_boolean ("signed-in", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_REGIONS] =
    g_param_spec_object ("regions", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/wangge/Wangge/wg-window.ui");
  gtk_widget_class_bind_template_child (widget_class, WgWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, WgWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, WgWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, WgWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, WgWindow, sidebar_separator);
  gtk_widget_class_bind_template_child (widget_class, WgWindow, content);
  gtk_widget_class_bind_template_child (widget_class, WgWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, WgWindow, user_title);
  gtk_widget_class_bind_template_child (widget_class, WgWindow, page_title);
  gtk_widget_class_bind_template_child (widget_class, WgWindow, page_stack);
  gtk_widget_class_bind_template_callback (widget_class, wg_window_sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, wg_window_leaflet_folded_cb);

  gtk_widget_class_install_action (widget_class, "win.sign-out", NULL, wg_window_action_sign_out);
  gtk_widget_class_install_action (widget_class, "win.show-page", "i", wg_window_action_show_page);
  gtk_widget_class_install_action (widget_class, "win.toggle-sidebar", NULL,
                                   wg_window_action_toggle_sidebar);
  gtk_widget_class_install_action (widget_class, "win.go-back", NULL, wg_window_action_go_back);
  gtk_widget_class_install_action (widget_class, "win.reload-regions", NULL,
                                   wg_window_action_reload_regions);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-sidebar", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.reload-regions", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.go-back", NULL);
  wg_window_add_page_shortcuts (widget_class);
}

static void
wg_window_restore_size (WgWindow *self)
{
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
wg_window_init (WgWindow *self)
{
  g_autofree char *server = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->remember_size = TRUE;
  self->cancellable = g_cancellable_new ();
  self->settings = g_settings_new (WG_APP_ID);
  server = g_settings_get_string (self->settings, "server-url");
  self->client = wg_api_client_new (server);
  g_signal_connect_object (self->client, "session-expired",
                           G_CALLBACK (wg_window_client_session_expired_cb), self,
                           G_CONNECT_SWAPPED);

  self->login_view = WG_LOGIN_VIEW (wg_login_view_new (self->client));
  g_signal_connect_object (self->login_view, "signed-in",
                           G_CALLBACK (wg_window_login_view_signed_in_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_stack_add_named (self->main_stack, GTK_WIDGET (self->login_view), "login");
  gtk_stack_set_visible_child_name (self->main_stack, "login");

  wg_window_restore_size (self);
  wg_window_update_actions (self);
}

/* Public API */

WgWindow *
wg_window_new (GtkApplication *application)
{
  return g_object_new (WG_TYPE_WINDOW, "application", application, NULL);
}

WgApiClient *
wg_window_get_client (WgWindow *self)
{
  g_return_val_if_fail (WG_IS_WINDOW (self), NULL);
  return self->client;
}

WgLoginView *
wg_window_get_login_view (WgWindow *self)
{
  g_return_val_if_fail (WG_IS_WINDOW (self), NULL);
  return self->login_view;
}

gboolean
wg_window_get_signed_in (WgWindow *self)
{
  g_return_val_if_fail (WG_IS_WINDOW (self), FALSE);
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "main") == 0;
}

GListModel *
wg_window_get_regions (WgWindow *self)
{
  g_return_val_if_fail (WG_IS_WINDOW (self), NULL);
  return self->regions;
}

GtkWidget *
wg_window_get_map_page (WgWindow *self)
{
  g_return_val_if_fail (WG_IS_WINDOW (self), NULL);
  return self->map_page;
}

GtkWidget *
wg_window_get_records_page (WgWindow *self)
{
  g_return_val_if_fail (WG_IS_WINDOW (self), NULL);
  return self->records_page;
}

GtkWidget *
wg_window_get_diary_page (WgWindow *self)
{
  g_return_val_if_fail (WG_IS_WINDOW (self), NULL);
  return self->diary_page;
}

guint
wg_window_get_pages (WgWindow *self,
                     WgPage   *pages)
{
  g_return_val_if_fail (WG_IS_WINDOW (self), 0);

  for (guint i = 0; i < self->n_pages; i++)
    pages[i] = self->pages[i];
  return self->n_pages;
}

gboolean
wg_window_show_page (WgWindow *self,
                     WgPage    page)
{
  gint position;

  g_return_val_if_fail (WG_IS_WINDOW (self), FALSE);

  position = wg_window_page_position (self, page);
  if (position < 0)
    return FALSE;
  wg_window_select_position (self, position);
  return TRUE;
}

int
wg_window_get_visible_page (WgWindow *self)
{
  const char *name;

  g_return_val_if_fail (WG_IS_WINDOW (self), -1);

  if (!wg_window_get_signed_in (self))
    return -1;
  name = gtk_stack_get_visible_child_name (self->page_stack);
  for (guint i = 0; i < self->n_pages; i++)
    if (g_strcmp0 (wg_page_to_string (self->pages[i]), name) == 0)
      return self->pages[i];
  return -1;
}

void
wg_window_set_remember_size (WgWindow *self,
                             gboolean  remember_size)
{
  g_return_if_fail (WG_IS_WINDOW (self));
  self->remember_size = remember_size;
}
