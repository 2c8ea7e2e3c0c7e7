#define G_LOG_DOMAIN "wg-diary-detail"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "wg-api-client-records.h"
#include "wg-diary-detail.h"
#include "wg-error.h"

struct _WgDiaryDetail
{
  GtkWidget parent_instance;

  WgApiClient *client;
  gint64 user_id;
  guint role_mask;
  WgDiaryEntry *entry;
  GCancellable *cancellable;     /* of the request on its way */
  gboolean filling;

  GtkWidget *box;
  GtkWidget *back_button;
  GtkSpinner *spinner;
  GtkWidget *actions_box;
  GtkWidget *delete_button;
  GtkWidget *edit_button;
  GtkStack *stack;
  AdwStatusPage *empty_page;
  GtkScrolledWindow *scrolled;
  GtkLabel *title_label;
  GtkLabel *subtitle_label;
  GtkRevealer *banner;
  GtkLabel *banner_label;
  GtkWidget *banner_button;
  GtkWidget *follow_up_note;
  AdwActionRow *grid_row;
  AdwActionRow *date_row;
  AdwActionRow *author_row;
  AdwActionRow *households_row;
  AdwActionRow *topics_row;
  GtkSwitch *follow_up_switch;
  GtkLabel *follow_up_label;
  GtkLabel *body_label;
};

G_DEFINE_FINAL_TYPE (WgDiaryDetail, wg_diary_detail, GTK_TYPE_WIDGET)

enum {
  SIGNAL_EDIT,
  SIGNAL_CHANGED,
  SIGNAL_DELETED,
  SIGNAL_BACK,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Actions: one place decides. */

static void
wg_diary_detail_update_actions (WgDiaryDetail *self)
{
  WgDiaryActions actions = wg_diary_detail_get_actions (self);
  gboolean busy = self->cancellable != NULL;
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_widget_action_set_enabled (widget, "diary-entry.edit", (actions & WG_DIARY_ACTION_EDIT) && !busy);
  gtk_widget_action_set_enabled (widget, "diary-entry.delete", (actions & WG_DIARY_ACTION_DELETE) && !busy);
  gtk_widget_action_set_enabled (widget, "diary-entry.reload", self->entry != NULL && !busy);
  /* not the author: no edit or delete to offer, the flag read-only */
  gtk_widget_set_visible (self->edit_button, actions & WG_DIARY_ACTION_EDIT);
  gtk_widget_set_visible (self->delete_button, actions & WG_DIARY_ACTION_DELETE);
  gtk_widget_set_visible (GTK_WIDGET (self->follow_up_switch), actions & WG_DIARY_ACTION_FLAG);
  gtk_widget_set_visible (GTK_WIDGET (self->follow_up_label), !(actions & WG_DIARY_ACTION_FLAG));
  gtk_widget_set_sensitive (GTK_WIDGET (self->follow_up_switch), !busy);
  if (gtk_widget_get_child_visible (self->actions_box) != (self->entry != NULL))
    {
      gtk_widget_set_child_visible (self->actions_box, self->entry != NULL);
      /* the bar keeps its height, but it has to lay the buttons out again */
      gtk_widget_queue_resize (gtk_widget_get_parent (self->actions_box));
    }
  gtk_spinner_set_spinning (self->spinner, busy);
}

static void
wg_diary_detail_set_busy (WgDiaryDetail *self,
                          gboolean       busy)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (busy)
    self->cancellable = g_cancellable_new ();
  wg_diary_detail_update_actions (self);
}

static void
wg_diary_detail_show_banner (WgDiaryDetail *self,
                             const char    *message,
                             gboolean       offer_reload)
{
  gtk_label_set_text (self->banner_label, message != NULL ? message : "");
  gtk_widget_set_visible (self->banner_button, offer_reload);
  /* hidden, it takes no spacing either */
  gtk_widget_set_visible (GTK_WIDGET (self->banner), message != NULL);
  gtk_revealer_set_reveal_child (self->banner, message != NULL);
}

static void
wg_diary_detail_show_error (WgDiaryDetail *self,
                            const GError  *error)
{
  g_autofree char *message = wg_diary_error_message (error);

  wg_diary_detail_show_banner (self, message, g_error_matches (error, WG_ERROR, WG_ERROR_CONFLICT));
}

/* Filling */

static void
wg_diary_detail_set_row (AdwActionRow *row,
                         const char   *value)
{
  adw_action_row_set_subtitle (row, value != NULL && *value != '\0' ? value : _("Not recorded"));
}

static void
wg_diary_detail_fill (WgDiaryDetail *self)
{
  WgDiaryEntry *entry = self->entry;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *topics = wg_diary_join_topics (wg_diary_entry_get_topics (entry));
  g_autofree char *households = NULL;
  gboolean follow_up = wg_diary_entry_get_follow_up (entry);

  /* Translators: a diary entry's heading: date · grid */
  title = g_strdup_printf (_("%s · %s"), wg_diary_entry_get_date (entry), wg_diary_entry_get_grid_name (entry));
  /* Translators: %s is a person's name */
  subtitle = g_strdup_printf (_("Written by %s"), wg_diary_entry_get_author (entry) != NULL
                                                  ? wg_diary_entry_get_author (entry) : "");
  if (wg_diary_entry_get_households_visited (entry) >= 0)
    households = g_strdup_printf ("%d", wg_diary_entry_get_households_visited (entry));
  gtk_label_set_text (self->title_label, title);
  gtk_label_set_text (self->subtitle_label, subtitle);
  wg_diary_detail_set_row (self->grid_row, wg_diary_entry_get_grid_name (entry));
  wg_diary_detail_set_row (self->date_row, wg_diary_entry_get_date (entry));
  wg_diary_detail_set_row (self->author_row, wg_diary_entry_get_author (entry));
  wg_diary_detail_set_row (self->households_row, households);
  wg_diary_detail_set_row (self->topics_row, topics);
  self->filling = TRUE;
  gtk_switch_set_active (self->follow_up_switch, follow_up);
  self->filling = FALSE;
  gtk_label_set_text (self->follow_up_label, follow_up ? _("Yes") : _("No"));
  gtk_widget_set_visible (self->follow_up_note, follow_up);
  gtk_label_set_text (self->body_label, wg_diary_entry_get_body (entry));
}

static void
wg_diary_detail_set_entry (WgDiaryDetail *self,
                           WgDiaryEntry  *entry)
{
  gboolean same = self->entry != NULL && entry != NULL &&
                  wg_diary_entry_get_id (self->entry) == wg_diary_entry_get_id (entry);

  g_set_object (&self->entry, entry);
  if (entry == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      wg_diary_detail_update_actions (self);
      return;
    }
  wg_diary_detail_fill (self);
  gtk_stack_set_visible_child_name (self->stack, "entry");
  if (!same)
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled), 0);
  wg_diary_detail_update_actions (self);
}

/* Requests */

/* A PATCH or GET answered with the entry: show it and tell the page. */
static void
wg_diary_detail_answered (WgDiaryDetail *self,
                          JsonObject    *record,
                          GError        *error)
{
  g_autoptr(WgDiaryEntry) entry = NULL;

  wg_diary_detail_set_busy (self, FALSE);
  if (record != NULL)
    entry = wg_diary_entry_new_from_json (record, &error);
  if (entry == NULL)
    {
      g_debug ("A diary request failed: %s", error->message);
      wg_diary_detail_show_error (self, error);
      /* the switch shows what the server has */
      if (self->entry != NULL)
        wg_diary_detail_fill (self);
      return;
    }
  wg_diary_detail_show_banner (self, NULL, FALSE);
  wg_diary_detail_set_entry (self, entry);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0, entry);
}

static void
wg_diary_detail_updated_cb (GObject      *source,
                            GAsyncResult *result,
                            gpointer      user_data)
{
  g_autoptr(WgDiaryDetail) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) record = NULL;

  record = wg_api_client_update_record_finish (WG_API_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  wg_diary_detail_answered (self, record, error);
}

static void
wg_diary_detail_loaded_cb (GObject      *source,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  g_autoptr(WgDiaryDetail) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) record = NULL;

  record = wg_api_client_get_record_finish (WG_API_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  wg_diary_detail_answered (self, record, error);
}

static void
wg_diary_detail_deleted_cb (GObject      *source,
                            GAsyncResult *result,
                            gpointer      user_data)
{
  g_autoptr(WgDiaryDetail) self = user_data;
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (!wg_api_client_delete_record_finish (WG_API_CLIENT (source), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      wg_diary_detail_set_busy (self, FALSE);
      wg_diary_detail_show_error (self, error);
      return;
    }
  id = wg_diary_entry_get_id (self->entry);
  wg_diary_detail_set_busy (self, FALSE);
  wg_diary_detail_show_entry (self, NULL);
  g_signal_emit (self, signals[SIGNAL_DELETED], 0, id);
}

/* Callbacks */

static void
wg_diary_detail_follow_up_cb (WgDiaryDetail *self)
{
  if (!self->filling)
    wg_diary_detail_set_follow_up (self, gtk_switch_get_active (self->follow_up_switch));
}

static void
wg_diary_detail_back_clicked_cb (WgDiaryDetail *self)
{
  g_signal_emit (self, signals[SIGNAL_BACK], 0);
}

static void
wg_diary_detail_delete_response_cb (WgDiaryDetail    *self,
                                    const char       *response,
                                    AdwMessageDialog *dialog)
{
  if (g_str_equal (response, "delete"))
    wg_diary_detail_delete (self);
}

/* Actions */

static void
wg_diary_detail_action_edit (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  WgDiaryDetail *self = WG_DIARY_DETAIL (widget);

  if (self->entry != NULL)
    g_signal_emit (self, signals[SIGNAL_EDIT], 0, self->entry);
}

static void
wg_diary_detail_action_reload (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  WgDiaryDetail *self = WG_DIARY_DETAIL (widget);

  if (self->entry == NULL)
    return;
  wg_diary_detail_set_busy (self, TRUE);
  wg_api_client_get_record_async (self->client, "diary", wg_diary_entry_get_id (self->entry),
                                  self->cancellable, wg_diary_detail_loaded_cb, g_object_ref (self));
}

static void
wg_diary_detail_action_delete (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  WgDiaryDetail *self = WG_DIARY_DETAIL (widget);
  GtkWidget *dialog;

  if (self->entry == NULL)
    return;
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), _("Delete This Entry?"),
                                   _("The entry is removed from the diary. The deletion is recorded in the "
                                     "audit trail."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (wg_diary_detail_delete_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* GObject */

static void
wg_diary_detail_dispose (GObject *object)
{
  WgDiaryDetail *self = WG_DIARY_DETAIL (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), WG_TYPE_DIARY_DETAIL);
  g_clear_object (&self->entry);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (wg_diary_detail_parent_class)->dispose (object);
}

static void
wg_diary_detail_bind_children (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, WgDiaryDetail, box);
  gtk_widget_class_bind_template_child (widget_class, WgDiaryDetail, back_button);
  gtk_widget_class_bind_template_child (widget_class, WgDiaryDetail, spinner);
  gtk_widget_class_bind_template_child (widget_class, WgDiaryDetail, actions_box);
  gtk_widget_class_bind_template_child (widget_class, WgDiaryDetail, delete_button);
  gtk_widget_class_bind_template_child (widget_class, WgDiaryDetail, edit_button);
  gtk_widget_class_bind_template_child (widget_class, WgDiaryDetail, stack);
  gtk_widget_class_bind_template_child (widget_class, WgDiaryDetail, empty_page);
  gtk_widget_class_bind_template_child (widget_class, WgDiaryDetail, scrolled);
  gtk_widget_class_bind_template_child (widget_class, WgDiaryDetail, title_label);
  gtk_widget_class_bind_template_child (widget_class, WgDiaryDetail, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, WgDiaryDetail, banner);
  gtk_widget_class_bind_template_child (widget_class, WgDiaryDetail, banner_label);
  gtk_widget_class_bind_template_child (widget_class, WgDiaryDetail, banner_button);
  gtk_widget_class_bind_template_child (widget_class, WgDiaryDetail, follow_up_note);
  gtk_widget_class_bind_template_child (widget_class, WgDiaryDetail, grid_row);
  gtk_widget_class_bind_template_child (widget_class, WgDiaryDetail, date_row);
  gtk_widget_class_bind_template_child (widget_class, WgDiaryDetail, author_row);
  gtk_widget_class_bind_template_child (widget_class, WgDiaryDetail, households_row);
  gtk_widget_class_bind_template_child (widget_class, WgDiaryDetail, topics_row);
  gtk_widget_class_bind_template_child (widget_class, WgDiaryDetail, follow_up_switch);
  gtk_widget_class_bind_template_child (widget_class, WgDiaryDetail, follow_up_label);
  gtk_widget_class_bind_template_child (widget_class, WgDiaryDetail, body_label);
}

static void
wg_diary_detail_class_init (WgDiaryDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wg_diary_detail_dispose;

  signals[SIGNAL_EDIT] =
    g_signal_new ("edit", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, WG_TYPE_DIARY_ENTRY);
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, WG_TYPE_DIARY_ENTRY);
  signals[SIGNAL_DELETED] =
    g_signal_new ("deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[SIGNAL_BACK] =
    g_signal_new ("back", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/wangge/Wangge/wg-diary-detail.ui");
  wg_diary_detail_bind_children (widget_class);
  gtk_widget_class_bind_template_callback (widget_class, wg_diary_detail_follow_up_cb);
  gtk_widget_class_bind_template_callback (widget_class, wg_diary_detail_back_clicked_cb);

  gtk_widget_class_install_action (widget_class, "diary-entry.edit", NULL, wg_diary_detail_action_edit);
  gtk_widget_class_install_action (widget_class, "diary-entry.reload", NULL, wg_diary_detail_action_reload);
  gtk_widget_class_install_action (widget_class, "diary-entry.delete", NULL, wg_diary_detail_action_delete);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "diary-entry.edit", NULL);
}

static void
wg_diary_detail_init (WgDiaryDetail *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  wg_diary_detail_show_entry (self, NULL);
}

/* Public API */

GtkWidget *
wg_diary_detail_new (void)
{
  return g_object_new (WG_TYPE_DIARY_DETAIL, NULL);
}

void
wg_diary_detail_set_session (WgDiaryDetail *self,
                             WgApiClient   *client,
                             WgUser        *user)
{
  g_return_if_fail (WG_IS_DIARY_DETAIL (self));

  g_set_object (&self->client, client);
  self->user_id = user != NULL ? wg_user_get_id (user) : 0;
  self->role_mask = user != NULL ? wg_user_get_role_mask (user) : 0;
  wg_diary_detail_show_entry (self, NULL);
}

void
wg_diary_detail_set_show_back (WgDiaryDetail *self,
                               gboolean       show_back)
{
  g_return_if_fail (WG_IS_DIARY_DETAIL (self));
  gtk_widget_set_visible (self->back_button, show_back);
}

void
wg_diary_detail_show_entry (WgDiaryDetail *self,
                            WgDiaryEntry  *entry)
{
  g_return_if_fail (WG_IS_DIARY_DETAIL (self));

  wg_diary_detail_set_busy (self, FALSE);
  wg_diary_detail_show_banner (self, NULL, FALSE);
  adw_status_page_set_title (self->empty_page, _("No Entry Selected"));
  adw_status_page_set_description (self->empty_page,
                                   _("Choose an entry in the list to read it whole, or write today's entry."));
  wg_diary_detail_set_entry (self, entry);
}

WgDiaryEntry *
wg_diary_detail_get_entry (WgDiaryDetail *self)
{
  g_return_val_if_fail (WG_IS_DIARY_DETAIL (self), NULL);
  return self->entry;
}

WgDiaryActions
wg_diary_detail_get_actions (WgDiaryDetail *self)
{
  g_return_val_if_fail (WG_IS_DIARY_DETAIL (self), 0);

  if (self->entry == NULL)
    return 0;
  return wg_diary_actions (self->entry, self->user_id, self->role_mask);
}

gboolean
wg_diary_detail_get_busy (WgDiaryDetail *self)
{
  g_return_val_if_fail (WG_IS_DIARY_DETAIL (self), FALSE);
  return self->cancellable != NULL;
}

const char *
wg_diary_detail_get_banner_text (WgDiaryDetail *self)
{
  g_return_val_if_fail (WG_IS_DIARY_DETAIL (self), NULL);
  return gtk_revealer_get_reveal_child (self->banner) ? gtk_label_get_text (self->banner_label) : NULL;
}

void
wg_diary_detail_set_follow_up (WgDiaryDetail *self,
                               gboolean       follow_up)
{
  g_autoptr(JsonObject) request = json_object_new ();

  g_return_if_fail (WG_IS_DIARY_DETAIL (self));

  if (!(wg_diary_detail_get_actions (self) & WG_DIARY_ACTION_FLAG) || self->cancellable != NULL)
    return;
  self->filling = TRUE;
  gtk_switch_set_active (self->follow_up_switch, follow_up);
  self->filling = FALSE;
  wg_diary_detail_show_banner (self, NULL, FALSE);
  json_object_set_boolean_member (request, "follow_up", follow_up);
  wg_diary_detail_set_busy (self, TRUE);
  wg_api_client_update_record_async (self->client, "diary", wg_diary_entry_get_id (self->entry),
                                     wg_diary_entry_get_version (self->entry), request, self->cancellable,
                                     wg_diary_detail_updated_cb, g_object_ref (self));
}

void
wg_diary_detail_delete (WgDiaryDetail *self)
{
  g_return_if_fail (WG_IS_DIARY_DETAIL (self));

  /* the entry may have changed while the dialog was open */
  if (!(wg_diary_detail_get_actions (self) & WG_DIARY_ACTION_DELETE) || self->cancellable != NULL)
    return;
  wg_diary_detail_set_busy (self, TRUE);
  wg_api_client_delete_record_async (self->client, "diary", wg_diary_entry_get_id (self->entry),
                                     wg_diary_entry_get_version (self->entry), self->cancellable,
                                     wg_diary_detail_deleted_cb, g_object_ref (self));
}
