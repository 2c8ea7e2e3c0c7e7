#define G_LOG_DOMAIN "wg-login-view"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "wg-error.h"
#include "wg-error-messages.h"
#include "wg-login-view.h"
#include "wg-server-address.h"

struct _WgLoginView
{
  GtkWidget parent_instance;

  WgApiClient *client;
  GSettings *settings;
  GCancellable *cancellable;
  gboolean busy;

  AdwEntryRow *server_row;
  AdwEntryRow *username_row;
  AdwEntryRow *password_row;
  GtkRevealer *error_revealer;
  GtkLabel *error_label;
  GtkLabel *sign_in_label;
};

G_DEFINE_FINAL_TYPE (WgLoginView, wg_login_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_BUSY,
  N_PROPS
};

enum {
  SIGNED_IN,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
wg_login_view_update_actions (WgLoginView *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "login.sign-in", !self->busy);
}

static void
wg_login_view_set_busy (WgLoginView *self,
                        gboolean     busy)
{
  /* The rows and the spinner follow "busy" in the template. */
  self->busy = busy;
  gtk_label_set_label (self->sign_in_label, busy ? _("Signing In…") : _("Sign In"));
  wg_login_view_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
wg_login_view_set_message (WgLoginView *self,
                           const char  *message)
{
  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

static GtkWidget *
wg_login_view_row_for_field (WgLoginView *self,
                             const char  *field)
{
  if (g_strcmp0 (field, "server") == 0)
    return GTK_WIDGET (self->server_row);
  if (g_strcmp0 (field, "username") == 0)
    return GTK_WIDGET (self->username_row);
  return GTK_WIDGET (self->password_row);
}

static void
wg_login_view_fail (WgLoginView  *self,
                    const GError *error)
{
  GtkWidget *row;

  /* The message first, so that whoever watches "busy" sees it. */
  wg_login_view_show_error (self, error);
  if (self->busy)
    wg_login_view_set_busy (self, FALSE);
  if (g_error_matches (error, WG_ERROR, WG_ERROR_UNREACHABLE))
    row = GTK_WIDGET (self->server_row);
  else if (g_error_matches (error, WG_ERROR, WG_ERROR_INVALID_CREDENTIALS))
    row = GTK_WIDGET (self->password_row);
  else
    row = wg_login_view_row_for_field (self, wg_error_get_field (error));
  gtk_widget_add_css_class (row, "error");
  gtk_widget_grab_focus (row);
}

static void
wg_login_view_clear_field_errors (WgLoginView *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->server_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->username_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->password_row), "error");
}

static void
wg_login_view_login_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(WgLoginView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(WgUser) user = NULL;

  user = wg_api_client_login_finish (WG_API_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (user == NULL)
    {
      wg_login_view_fail (self, error);
      return;
    }
  wg_login_view_set_busy (self, FALSE);

  g_settings_set_string (self->settings, "server-url",
                         wg_api_client_get_base_url (self->client));
  g_settings_set_string (self->settings, "last-username", wg_user_get_username (user));
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  wg_login_view_set_message (self, NULL);
  g_signal_emit (self, signals[SIGNED_IN], 0, user);
}

static gboolean
wg_login_view_check_input (WgLoginView  *self,
                           char        **server,
                           GError      **error)
{
  const char *username = gtk_editable_get_text (GTK_EDITABLE (self->username_row));
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));

  *server = wg_server_address_normalize (gtk_editable_get_text (GTK_EDITABLE (self->server_row)),
                                         error);
  if (*server == NULL)
    return FALSE;
  if (*username == '\0')
    {
      wg_set_field_error (error, "username", "No user name");
      return FALSE;
    }
  if (*password == '\0')
    {
      wg_set_field_error (error, "password", "No password");
      return FALSE;
    }
  return TRUE;
}

static void
wg_login_view_action_sign_in (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  WgLoginView *self = WG_LOGIN_VIEW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *server = NULL;

  if (self->busy)
    return;
  wg_login_view_clear_field_errors (self);
  if (!wg_login_view_check_input (self, &server, &error))
    {
      wg_login_view_fail (self, error);
      return;
    }

  wg_login_view_set_message (self, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->server_row), server);
  wg_api_client_set_base_url (self->client, server);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  wg_login_view_set_busy (self, TRUE);
  wg_api_client_login_async (self->client,
                             gtk_editable_get_text (GTK_EDITABLE (self->username_row)),
                             gtk_editable_get_text (GTK_EDITABLE (self->password_row)),
                             self->cancellable, wg_login_view_login_cb, g_object_ref (self));
}

static void
wg_login_view_row_activated_cb (WgLoginView *self,
                                AdwEntryRow *row)
{
  /* Enter in an empty field moves on, as people expect from a form. */
  if (row != self->password_row &&
      *gtk_editable_get_text (GTK_EDITABLE (row)) == '\0')
    {
      gtk_widget_child_focus (GTK_WIDGET (self), GTK_DIR_TAB_FORWARD);
      return;
    }
  gtk_widget_activate_action (GTK_WIDGET (self), "login.sign-in", NULL);
}

static void
wg_login_view_row_changed_cb (WgLoginView *self,
                              GtkEditable *row)
{
  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

static void
wg_login_view_settings_server_changed_cb (WgLoginView *self,
                                          const char  *key,
                                          GSettings   *settings)
{
  g_autofree char *server = g_settings_get_string (settings, key);

  /* Preferences changed the address: show it, unless a sign-in is running. */
  if (!self->busy)
    gtk_editable_set_text (GTK_EDITABLE (self->server_row), server);
}

static void
wg_login_view_dispose (GObject *object)
{
  WgLoginView *self = WG_LOGIN_VIEW (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), WG_TYPE_LOGIN_VIEW);
  /* The template's outer box has no id: unparent it ourselves. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->client);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (wg_login_view_parent_class)->dispose (object);
}

static void
wg_login_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  WgLoginView *self = WG_LOGIN_VIEW (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wg_login_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  WgLoginView *self = WG_LOGIN_VIEW (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wg_login_view_class_init (WgLoginViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wg_login_view_dispose;
  object_class->get_property = wg_login_view_get_property;
  object_class->set_property = wg_login_view_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, WG_TYPE_API_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNED_IN] =
    g_signal_new ("signed-in", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, WG_TYPE_USER);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/wangge/Wangge/wg-login-view.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, WgLoginView, server_row);
  gtk_widget_class_bind_template_child (widget_class, WgLoginView, username_row);
  gtk_widget_class_bind_template_child (widget_class, WgLoginView, password_row);
  gtk_widget_class_bind_template_child (widget_class, WgLoginView, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, WgLoginView, error_label);
  gtk_widget_class_bind_template_child (widget_class, WgLoginView, sign_in_label);
  gtk_widget_class_bind_template_callback (widget_class, wg_login_view_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, wg_login_view_row_changed_cb);

  gtk_widget_class_install_action (widget_class, "login.sign-in", NULL,
                                   wg_login_view_action_sign_in);
}

static void
wg_login_view_init (WgLoginView *self)
{
  g_autofree char *server = NULL;
  g_autofree char *username = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->settings = g_settings_new (WG_APP_ID);
  server = g_settings_get_string (self->settings, "server-url");
  username = g_settings_get_string (self->settings, "last-username");
  gtk_editable_set_text (GTK_EDITABLE (self->server_row), server);
  gtk_editable_set_text (GTK_EDITABLE (self->username_row), username);
  g_signal_connect_object (self->settings, "changed::server-url",
                           G_CALLBACK (wg_login_view_settings_server_changed_cb), self,
                           G_CONNECT_SWAPPED);
  wg_login_view_update_actions (self);
}

GtkWidget *
wg_login_view_new (WgApiClient *client)
{
  return g_object_new (WG_TYPE_LOGIN_VIEW, "client", client, NULL);
}

void
wg_login_view_fill (WgLoginView *self,
                    const char  *server,
                    const char  *username)
{
  g_return_if_fail (WG_IS_LOGIN_VIEW (self));

  if (server != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->server_row), server);
  if (username != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->username_row), username);
}

void
wg_login_view_sign_in (WgLoginView *self,
                       const char  *server,
                       const char  *username,
                       const char  *password)
{
  g_return_if_fail (WG_IS_LOGIN_VIEW (self));

  wg_login_view_fill (self, server, username);
  if (password != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->password_row), password);
  gtk_widget_activate_action (GTK_WIDGET (self), "login.sign-in", NULL);
}

void
wg_login_view_show_error (WgLoginView  *self,
                          const GError *error)
{
  g_autofree char *message = NULL;

  g_return_if_fail (WG_IS_LOGIN_VIEW (self));

  if (error != NULL)
    message = wg_error_get_user_message (error);
  if (error != NULL && message != NULL)
    g_debug ("Sign-in failed: %s", error->message);
  wg_login_view_set_message (self, message);
}

void
wg_login_view_reset (WgLoginView *self)
{
  g_return_if_fail (WG_IS_LOGIN_VIEW (self));

  g_cancellable_cancel (self->cancellable);
  if (self->busy)
    wg_login_view_set_busy (self, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  wg_login_view_clear_field_errors (self);
  wg_login_view_set_message (self, NULL);
  if (*gtk_editable_get_text (GTK_EDITABLE (self->username_row)) == '\0')
    gtk_widget_grab_focus (GTK_WIDGET (self->username_row));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
}

const char *
wg_login_view_get_error_text (WgLoginView *self)
{
  g_return_val_if_fail (WG_IS_LOGIN_VIEW (self), NULL);

  if (!gtk_revealer_get_reveal_child (self->error_revealer))
    return NULL;
  return gtk_label_get_label (self->error_label);
}

gboolean
wg_login_view_get_busy (WgLoginView *self)
{
  g_return_val_if_fail (WG_IS_LOGIN_VIEW (self), FALSE);
  return self->busy;
}
