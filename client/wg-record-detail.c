#define G_LOG_DOMAIN "wg-record-detail"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "wg-api-client-records.h"
#include "wg-error.h"
#include "wg-error-messages.h"
#include "wg-record-detail.h"
#include "wg-record-dialogs.h"
#include "wg-record-form.h"
#include "wg-record-links.h"
#include "wg-record-rules.h"

struct _WgRecordDetail
{
  GtkWidget parent_instance;

  const WgRecordKind *kind;
  WgApiClient *client;
  guint role_mask;
  WgRecordItem *item;          /* the record shown; NULL: none or a new one */
  JsonObject *chain;
  gboolean editing_new;
  gboolean changed;
  char *idempotency_key;       /* of the new record's submissions */
  GCancellable *cancellable;   /* of the request under way, NULL when idle */

  GtkWidget *box;
  GtkWidget *back_button;
  GtkSpinner *spinner;
  GtkWidget *actions_box;
  GtkStack *stack;
  GtkScrolledWindow *scrolled;
  GtkLabel *title_label;
  GtkLabel *subtitle_label;
  GtkRevealer *banner;
  GtkLabel *banner_label;
  GtkWidget *banner_button;
  WgRecordForm *form;
  WgRecordLinks *links;
};

G_DEFINE_FINAL_TYPE (WgRecordDetail, wg_record_detail, GTK_TYPE_WIDGET)

enum {
  SIGNAL_SAVED,
  SIGNAL_DELETED,
  SIGNAL_SHOW_GRID,
  SIGNAL_OPEN_PERSON,
  SIGNAL_OPEN_RECORD,
  SIGNAL_BACK,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void wg_record_detail_load (WgRecordDetail *self,
                                   gint64          id);

/* Actions: one place decides. */

static gboolean
wg_record_detail_is_busy (WgRecordDetail *self)
{
  return self->cancellable != NULL;
}

static gboolean
wg_record_detail_may_write (WgRecordDetail *self)
{
  return self->kind != NULL && self->client != NULL && wg_record_kind_may_write (self->kind, self->role_mask);
}

static void
wg_record_detail_update_actions (WgRecordDetail *self)
{
  gboolean busy = wg_record_detail_is_busy (self);
  gboolean write = wg_record_detail_may_write (self);
  gboolean shown = self->item != NULL || self->editing_new;
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_widget_action_set_enabled (widget, "record.save", write && shown && !busy && (self->changed || self->editing_new));
  gtk_widget_action_set_enabled (widget, "record.delete", write && self->item != NULL && !busy);
  gtk_widget_action_set_enabled (widget, "record.reload", self->item != NULL && !busy);
  /* the bar keeps its height: hidden, not removed */
  gtk_widget_set_opacity (self->actions_box, shown ? 1 : 0);
  gtk_widget_set_can_target (self->actions_box, shown);
  gtk_spinner_set_spinning (self->spinner, busy);
  wg_record_form_set_editable (self->form, write && !busy);
}

/* Starts a request: the one before it is cancelled. */
static GCancellable *
wg_record_detail_begin (WgRecordDetail *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  wg_record_detail_update_actions (self);
  return self->cancellable;
}

static void
wg_record_detail_end (WgRecordDetail *self)
{
  g_clear_object (&self->cancellable);
  wg_record_detail_update_actions (self);
}

/* Messages */

static void
wg_record_detail_show_banner (WgRecordDetail *self,
                              const char     *message,
                              gboolean        offer_reload)
{
  gtk_label_set_text (self->banner_label, message != NULL ? message : "");
  gtk_widget_set_visible (self->banner_button, offer_reload);
  gtk_revealer_set_reveal_child (self->banner, message != NULL);
}

/* A failure of a request: on its row when it names one of the form's. */
static void
wg_record_detail_show_error (WgRecordDetail *self,
                             const GError   *error)
{
  const char *field = wg_error_get_field (error);
  const WgFieldSpec *spec = field != NULL ? wg_record_kind_field (self->kind, field) : NULL;
  g_autofree char *message = NULL;

  if (spec != NULL && wg_record_form_set_message (self->form, field, NULL))
    {
      /* the form checked the point's form already: the server's objection
       * is where it lies */
      if (spec->type == WG_FIELD_POINT && g_error_matches (error, WG_ERROR, WG_ERROR_INVALID_INPUT))
        message = g_strdup (_("This place lies in none of the grids of your territory."));
      else
        message = wg_record_field_message (spec, "-", error);
      wg_record_form_set_message (self->form, field, message);
      wg_record_detail_show_banner (self, _("The server did not accept the form: see the marked field."), FALSE);
      wg_record_form_focus_field (self->form, field);
      return;
    }
  /* a stale version (no field): the reload button goes with the message */
  message = wg_error_get_user_message (error);
  wg_record_detail_show_banner (self, message, g_error_matches (error, WG_ERROR, WG_ERROR_CONFLICT) &&
                                               self->item != NULL);
}

/* Showing */

static void
wg_record_detail_show_title (WgRecordDetail *self)
{
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  const char *grid;

  if (self->item == NULL)
    {
      /* Translators: the title of an empty form, e.g. "New: House" */
      title = g_strdup_printf (_("New: %s"), _(self->kind->singular));
      gtk_label_set_text (self->title_label, title);
      gtk_label_set_text (self->subtitle_label, _("Fill in the fields, then save."));
      return;
    }
  title = wg_record_item_dup_title (self->item);
  grid = wg_record_item_get_grid_name (self->item);
  /* Translators: under a record's title: its kind and its grid, e.g. "House · 多福巷第1网格" */
  subtitle = grid != NULL ? g_strdup_printf (_("%s · %s"), _(self->kind->singular), grid)
                          : g_strdup (_(self->kind->singular));
  gtk_label_set_text (self->title_label, title);
  gtk_label_set_text (self->subtitle_label, subtitle);
}

static void
wg_record_detail_show_item (WgRecordDetail *self,
                            WgRecordItem   *item,
                            JsonObject     *chain)
{
  JsonObject *old_chain = self->chain;

  g_set_object (&self->item, item);
  /* @chain may be the one shown */
  self->chain = chain != NULL ? json_object_ref (chain) : NULL;
  g_clear_pointer (&old_chain, json_object_unref);
  self->editing_new = FALSE;
  self->changed = FALSE;
  wg_record_form_fill (self->form, item, NULL);
  wg_record_links_set (self->links, item, chain, wg_record_detail_may_write (self));
  gtk_widget_set_visible (GTK_WIDGET (self->links), TRUE);
  wg_record_detail_show_title (self);
  gtk_stack_set_visible_child_name (self->stack, "form");
  wg_record_detail_update_actions (self);
}

static gboolean
wg_record_detail_has_chain (WgRecordDetail *self)
{
  return g_str_equal (self->kind->name, "houses") || g_str_equal (self->kind->name, "households");
}

/* The record inside a chain answer ("house", "household"). */
static JsonObject *
wg_record_detail_chain_record (WgRecordDetail *self,
                               JsonObject     *chain)
{
  const char *member = g_str_equal (self->kind->name, "houses") ? "house" : "household";
  JsonNode *node = json_object_get_member (chain, member);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/* Callbacks of requests */

static void
wg_record_detail_loaded (WgRecordDetail *self,
                         JsonObject     *record,
                         JsonObject     *chain,
                         const GError   *error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(WgRecordItem) item = NULL;

  wg_record_detail_end (self);
  if (record != NULL && (item = wg_record_item_new (self->kind, record, &local_error)) == NULL)
    error = local_error;
  if (item == NULL)
    {
      g_autofree char *message = wg_error_get_user_message (error);

      /* the last record's form must not stay as if it were this one */
      g_clear_object (&self->item);
      self->editing_new = FALSE;
      adw_status_page_set_title (ADW_STATUS_PAGE (gtk_stack_get_child_by_name (self->stack, "empty")),
                                 _("The Record Could Not Be Opened"));
      adw_status_page_set_description (ADW_STATUS_PAGE (gtk_stack_get_child_by_name (self->stack, "empty")),
                                       message);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      wg_record_detail_update_actions (self);
      return;
    }
  wg_record_detail_show_banner (self, NULL, FALSE);
  wg_record_detail_show_item (self, item, chain);
}

static void
wg_record_detail_get_cb (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(WgRecordDetail) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) record = wg_api_client_get_record_finish (WG_API_CLIENT (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  wg_record_detail_loaded (self, record, NULL, error);
}

static void
wg_record_detail_chain_cb (GObject      *source,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  g_autoptr(WgRecordDetail) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) chain = wg_api_client_get_record_chain_finish (WG_API_CLIENT (source), result, &error);
  JsonObject *record = chain != NULL ? wg_record_detail_chain_record (self, chain) : NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (chain != NULL && record == NULL)
    g_set_error_literal (&error, WG_ERROR, WG_ERROR_PROTOCOL, "The chain has no record");
  wg_record_detail_loaded (self, record, record != NULL ? chain : NULL, error);
}

static void
wg_record_detail_load (WgRecordDetail *self,
                       gint64          id)
{
  GCancellable *cancellable = wg_record_detail_begin (self);

  if (wg_record_detail_has_chain (self))
    wg_api_client_get_record_chain_async (self->client, self->kind->name, id, cancellable,
                                          wg_record_detail_chain_cb, g_object_ref (self));
  else
    wg_api_client_get_record_async (self->client, self->kind->name, id, cancellable,
                                    wg_record_detail_get_cb, g_object_ref (self));
}

static void
wg_record_detail_saved_cb (GObject      *source,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  g_autoptr(WgRecordDetail) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean created = self->editing_new;
  g_autoptr(JsonObject) record = created
    ? wg_api_client_create_record_finish (WG_API_CLIENT (source), result, &error)
    : wg_api_client_update_record_finish (WG_API_CLIENT (source), result, &error);
  g_autoptr(WgRecordItem) item = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  wg_record_detail_end (self);
  if (record != NULL)
    item = wg_record_item_new (self->kind, record, &error);
  if (item == NULL)
    {
      wg_record_detail_show_error (self, error);
      return;
    }
  g_clear_pointer (&self->idempotency_key, g_free);
  wg_record_detail_show_banner (self, NULL, FALSE);
  wg_record_detail_show_item (self, item, self->chain);
  g_signal_emit (self, signals[SIGNAL_SAVED], 0, item, created);
  /* a chain (members, head's name) may follow from the edit */
  if (wg_record_detail_has_chain (self))
    wg_record_detail_load (self, wg_record_item_get_id (item));
}

static void
wg_record_detail_deleted_cb (GObject      *source,
                             GAsyncResult *result,
                             gpointer      user_data)
{
  g_autoptr(WgRecordDetail) self = user_data;
  g_autoptr(GError) error = NULL;
  gint64 id = wg_record_detail_get_record_id (self);

  if (!wg_api_client_delete_record_finish (WG_API_CLIENT (source), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      wg_record_detail_end (self);
      wg_record_detail_show_error (self, error);
      return;
    }
  wg_record_detail_end (self);
  wg_record_detail_clear (self);
  g_signal_emit (self, signals[SIGNAL_DELETED], 0, id);
}

/* A member or resident added: the answer is the new chain. */
static void
wg_record_detail_link_added (WgRecordDetail *self,
                             JsonObject     *chain,
                             const GError   *error)
{
  g_autoptr(GError) local_error = NULL;
  JsonObject *record = chain != NULL ? wg_record_detail_chain_record (self, chain) : NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (record == NULL)
    {
      wg_record_detail_end (self);
      if (error == NULL)
        error = local_error = g_error_new_literal (WG_ERROR, WG_ERROR_PROTOCOL, "The chain has no record");
      wg_record_detail_show_error (self, error);
      return;
    }
  wg_record_detail_loaded (self, record, chain, NULL);
}

static void
wg_record_detail_member_added_cb (GObject      *source,
                                  GAsyncResult *result,
                                  gpointer      user_data)
{
  g_autoptr(WgRecordDetail) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) chain = wg_api_client_add_household_member_finish (WG_API_CLIENT (source), result, &error);

  wg_record_detail_link_added (self, chain, error);
}

static void
wg_record_detail_resident_added_cb (GObject      *source,
                                    GAsyncResult *result,
                                    gpointer      user_data)
{
  g_autoptr(WgRecordDetail) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) chain = wg_api_client_add_house_resident_finish (WG_API_CLIENT (source), result, &error);

  wg_record_detail_link_added (self, chain, error);
}

/* A member or resident removed: the chain again. */
static void
wg_record_detail_link_removed (WgRecordDetail *self,
                               const GError   *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  wg_record_detail_end (self);
  if (error != NULL)
    {
      wg_record_detail_show_error (self, error);
      return;
    }
  wg_record_detail_show_banner (self, NULL, FALSE);
  wg_record_detail_load (self, wg_record_item_get_id (self->item));
}

static void
wg_record_detail_member_removed_cb (GObject      *source,
                                    GAsyncResult *result,
                                    gpointer      user_data)
{
  g_autoptr(WgRecordDetail) self = user_data;
  g_autoptr(GError) error = NULL;

  wg_api_client_remove_household_member_finish (WG_API_CLIENT (source), result, &error);
  wg_record_detail_link_removed (self, error);
}

static void
wg_record_detail_resident_removed_cb (GObject      *source,
                                      GAsyncResult *result,
                                      gpointer      user_data)
{
  g_autoptr(WgRecordDetail) self = user_data;
  g_autoptr(GError) error = NULL;

  wg_api_client_remove_house_resident_finish (WG_API_CLIENT (source), result, &error);
  wg_record_detail_link_removed (self, error);
}

/* Template callbacks */

static void
wg_record_detail_back_clicked_cb (WgRecordDetail *self)
{
  g_signal_emit (self, signals[SIGNAL_BACK], 0);
}

static void
wg_record_detail_form_changed_cb (WgRecordDetail *self)
{
  self->changed = wg_record_form_get_changed (self->form);
  /* a message about the form's fields is out of date once they change;
   * a stale version's stays until the reload */
  if (!gtk_widget_get_visible (self->banner_button))
    wg_record_detail_show_banner (self, NULL, FALSE);
  wg_record_detail_update_actions (self);
}

/* Enter in a field saves, as the Save button would. */
static void
wg_record_detail_form_submit_cb (WgRecordDetail *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "record.save", NULL);
}

static void
wg_record_detail_open_person_cb (WgRecordDetail *self,
                                 gint64          id)
{
  g_signal_emit (self, signals[SIGNAL_OPEN_PERSON], 0, id);
}

static void
wg_record_detail_open_record_cb (WgRecordDetail *self,
                                 const char     *kind,
                                 gint64          id)
{
  g_signal_emit (self, signals[SIGNAL_OPEN_RECORD], 0, kind, id);
}

static void
wg_record_detail_show_grid_cb (WgRecordDetail *self,
                               const char     *code)
{
  g_signal_emit (self, signals[SIGNAL_SHOW_GRID], 0, code);
}

static void
wg_record_detail_person_chosen (gpointer    owner,
                                gint64      person_id,
                                const char *value,
                                const char *from_date)
{
  wg_record_detail_add_link (WG_RECORD_DETAIL (owner), person_id, value, from_date);
}

static void
wg_record_detail_links_add_cb (WgRecordDetail *self)
{
  wg_record_detail_ask_link (self);
}

static void
wg_record_detail_remove_confirmed (gpointer owner)
{
  WgRecordDetail *self = owner;

  wg_record_detail_remove_link (self, GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (self), "wg-remove-id")));
}

static void
wg_record_detail_links_remove_cb (WgRecordDetail *self,
                                  gint64          link_id,
                                  const char     *name)
{
  gboolean household;
  g_autofree char *heading = NULL;

  if (self->item == NULL || !wg_record_detail_may_write (self))
    return;
  household = g_str_equal (self->kind->name, "households");
  g_object_set_data (G_OBJECT (self), "wg-remove-id", GSIZE_TO_POINTER ((gsize) link_id));
  /* Translators: %s is a person's name */
  heading = g_strdup_printf (household ? _("Remove %s from the Household?") : _("Remove %s from the House?"),
                             name != NULL ? name : "");
  wg_record_confirm (GTK_WIDGET (self), heading,
                     household ? _("The person stays in the records, without a household.")
                               : _("The person stays in the records; only their residence here ends."),
                     _("_Remove"), wg_record_detail_remove_confirmed, self);
}

/* Actions */

static void
wg_record_detail_action_save (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  wg_record_detail_save (WG_RECORD_DETAIL (widget));
}

static void
wg_record_detail_action_reload (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  WgRecordDetail *self = WG_RECORD_DETAIL (widget);

  if (self->item != NULL)
    wg_record_detail_load (self, wg_record_item_get_id (self->item));
}

static void
wg_record_detail_delete_confirmed (gpointer owner)
{
  WgRecordDetail *self = owner;
  GCancellable *cancellable;

  if (self->item == NULL || !wg_record_detail_may_write (self))
    return;
  cancellable = wg_record_detail_begin (self);
  wg_api_client_delete_record_async (self->client, self->kind->name, wg_record_item_get_id (self->item),
                                     wg_record_item_get_version (self->item), cancellable,
                                     wg_record_detail_deleted_cb, g_object_ref (self));
}

static void
wg_record_detail_action_delete (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  WgRecordDetail *self = WG_RECORD_DETAIL (widget);
  g_autofree char *title = NULL;
  g_autofree char *heading = NULL;

  if (self->item == NULL)
    return;
  title = wg_record_item_dup_title (self->item);
  /* Translators: %s names a record, e.g. an address */
  heading = g_strdup_printf (_("Delete “%s”?"), title);
  wg_record_confirm (widget, heading,
                     _("The record is removed from the records of the territory. The deletion is recorded "
                       "in the audit trail."),
                     _("_Delete"), wg_record_detail_delete_confirmed, self);
}

/* GObject */

static void
wg_record_detail_dispose (GObject *object)
{
  WgRecordDetail *self = WG_RECORD_DETAIL (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), WG_TYPE_RECORD_DETAIL);
  g_clear_object (&self->item);
  g_clear_pointer (&self->chain, json_object_unref);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (wg_record_detail_parent_class)->dispose (object);
}

static void
wg_record_detail_finalize (GObject *object)
{
  WgRecordDetail *self = WG_RECORD_DETAIL (object);

  g_free (self->idempotency_key);

  G_OBJECT_CLASS (wg_record_detail_parent_class)->finalize (object);
}

static void
wg_record_detail_class_init (WgRecordDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wg_record_detail_dispose;
  object_class->finalize = wg_record_detail_finalize;

  /** WgRecordDetail::saved: @item: the record as saved; @created: it is new */
  signals[SIGNAL_SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, WG_TYPE_RECORD_ITEM, G_TYPE_BOOLEAN);
  /** WgRecordDetail::deleted: @id: the deleted record's id */
  signals[SIGNAL_DELETED] =
    g_signal_new ("deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);
  /** WgRecordDetail::show-grid: @code: a grid's code */
  signals[SIGNAL_SHOW_GRID] =
    g_signal_new ("show-grid", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
  /** WgRecordDetail::open-person: @id: a person's id */
  signals[SIGNAL_OPEN_PERSON] =
    g_signal_new ("open-person", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);
  /** WgRecordDetail::open-record: @kind: a kind's name; @id: a record's id */
  signals[SIGNAL_OPEN_RECORD] =
    g_signal_new ("open-record", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_INT64);
  /** WgRecordDetail::back: the user wants the list again (narrow) */
  signals[SIGNAL_BACK] =
    g_signal_new ("back", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  g_type_ensure (WG_TYPE_RECORD_FORM);
  g_type_ensure (WG_TYPE_RECORD_LINKS);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/wangge/Wangge/wg-record-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, WgRecordDetail, box);
  gtk_widget_class_bind_template_child (widget_class, WgRecordDetail, back_button);
  gtk_widget_class_bind_template_child (widget_class, WgRecordDetail, spinner);
  gtk_widget_class_bind_template_child (widget_class, WgRecordDetail, actions_box);
  gtk_widget_class_bind_template_child (widget_class, WgRecordDetail, stack);
  gtk_widget_class_bind_template_child (widget_class, WgRecordDetail, scrolled);
  gtk_widget_class_bind_template_child (widget_class, WgRecordDetail, title_label);
  gtk_widget_class_bind_template_child (widget_class, WgRecordDetail, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, WgRecordDetail, banner);
  gtk_widget_class_bind_template_child (widget_class, WgRecordDetail, banner_label);
  gtk_widget_class_bind_template_child (widget_class, WgRecordDetail, banner_button);
  gtk_widget_class_bind_template_child (widget_class, WgRecordDetail, form);
  gtk_widget_class_bind_template_child (widget_class, WgRecordDetail, links);
  gtk_widget_class_bind_template_callback (widget_class, wg_record_detail_back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, wg_record_detail_form_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, wg_record_detail_form_submit_cb);
  gtk_widget_class_bind_template_callback (widget_class, wg_record_detail_open_person_cb);
  gtk_widget_class_bind_template_callback (widget_class, wg_record_detail_open_record_cb);
  gtk_widget_class_bind_template_callback (widget_class, wg_record_detail_show_grid_cb);
  gtk_widget_class_bind_template_callback (widget_class, wg_record_detail_links_add_cb);
  gtk_widget_class_bind_template_callback (widget_class, wg_record_detail_links_remove_cb);

  gtk_widget_class_install_action (widget_class, "record.save", NULL, wg_record_detail_action_save);
  gtk_widget_class_install_action (widget_class, "record.reload", NULL, wg_record_detail_action_reload);
  gtk_widget_class_install_action (widget_class, "record.delete", NULL, wg_record_detail_action_delete);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "record.save", NULL);
}

static void
wg_record_detail_init (WgRecordDetail *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  wg_record_detail_update_actions (self);
}

/* Public API */

GtkWidget *
wg_record_detail_new (void)
{
  return g_object_new (WG_TYPE_RECORD_DETAIL, NULL);
}

void
wg_record_detail_set_kind (WgRecordDetail     *self,
                           const WgRecordKind *kind)
{
  g_return_if_fail (WG_IS_RECORD_DETAIL (self));
  g_return_if_fail (self->kind == NULL && kind != NULL);

  self->kind = kind;
  wg_record_form_set_kind (self->form, kind);
  /* Translators: the form's group title is the kind, e.g. "House" */
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->form), _(kind->singular));
}

const WgRecordKind *
wg_record_detail_get_kind (WgRecordDetail *self)
{
  g_return_val_if_fail (WG_IS_RECORD_DETAIL (self), NULL);
  return self->kind;
}

void
wg_record_detail_set_client (WgRecordDetail *self,
                             WgApiClient    *client)
{
  g_return_if_fail (WG_IS_RECORD_DETAIL (self));

  g_set_object (&self->client, client);
  wg_record_detail_update_actions (self);
}

void
wg_record_detail_set_role_mask (WgRecordDetail *self,
                                guint           role_mask)
{
  g_return_if_fail (WG_IS_RECORD_DETAIL (self));

  self->role_mask = role_mask;
  wg_record_detail_update_actions (self);
}

void
wg_record_detail_set_regions (WgRecordDetail *self,
                              GListModel     *regions)
{
  g_return_if_fail (WG_IS_RECORD_DETAIL (self));
  wg_record_form_set_regions (self->form, regions);
}

void
wg_record_detail_set_show_back (WgRecordDetail *self,
                                gboolean        show_back)
{
  g_return_if_fail (WG_IS_RECORD_DETAIL (self));
  gtk_widget_set_visible (self->back_button, show_back);
}

void
wg_record_detail_show_record (WgRecordDetail *self,
                              gint64          id)
{
  g_return_if_fail (WG_IS_RECORD_DETAIL (self));
  g_return_if_fail (self->client != NULL && self->kind != NULL);

  wg_record_detail_load (self, id);
}

void
wg_record_detail_show_new (WgRecordDetail *self,
                           const char     *grid_code)
{
  g_return_if_fail (WG_IS_RECORD_DETAIL (self));
  g_return_if_fail (self->kind != NULL);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->item);
  g_clear_pointer (&self->chain, json_object_unref);
  g_clear_pointer (&self->idempotency_key, g_free);
  self->editing_new = TRUE;
  self->changed = FALSE;
  wg_record_form_fill (self->form, NULL, grid_code);
  wg_record_links_clear (self->links);
  gtk_widget_set_visible (GTK_WIDGET (self->links), FALSE);
  wg_record_detail_show_banner (self, NULL, FALSE);
  wg_record_detail_show_title (self);
  gtk_stack_set_visible_child_name (self->stack, "form");
  wg_record_detail_update_actions (self);
}

void
wg_record_detail_clear (WgRecordDetail *self)
{
  GtkWidget *empty;

  g_return_if_fail (WG_IS_RECORD_DETAIL (self));

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->item);
  g_clear_pointer (&self->chain, json_object_unref);
  self->editing_new = FALSE;
  self->changed = FALSE;
  wg_record_links_clear (self->links);
  wg_record_detail_show_banner (self, NULL, FALSE);
  empty = gtk_stack_get_child_by_name (self->stack, "empty");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No Record Selected"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                   _("Choose a record in the list to see it and what it is linked to."));
  gtk_stack_set_visible_child_name (self->stack, "empty");
  wg_record_detail_update_actions (self);
}

WgRecordItem *
wg_record_detail_get_item (WgRecordDetail *self)
{
  g_return_val_if_fail (WG_IS_RECORD_DETAIL (self), NULL);
  return self->item;
}

gint64
wg_record_detail_get_record_id (WgRecordDetail *self)
{
  g_return_val_if_fail (WG_IS_RECORD_DETAIL (self), 0);
  return self->item != NULL ? wg_record_item_get_id (self->item) : 0;
}

gboolean
wg_record_detail_get_busy (WgRecordDetail *self)
{
  g_return_val_if_fail (WG_IS_RECORD_DETAIL (self), FALSE);
  return wg_record_detail_is_busy (self);
}

const char *
wg_record_detail_get_field_message (WgRecordDetail *self,
                                    const char     *field)
{
  g_return_val_if_fail (WG_IS_RECORD_DETAIL (self), NULL);
  return wg_record_form_get_message (self->form, field);
}

const char *
wg_record_detail_get_banner_text (WgRecordDetail *self)
{
  g_return_val_if_fail (WG_IS_RECORD_DETAIL (self), NULL);
  return gtk_revealer_get_reveal_child (self->banner) ? gtk_label_get_text (self->banner_label) : NULL;
}

JsonObject *
wg_record_detail_get_chain (WgRecordDetail *self)
{
  g_return_val_if_fail (WG_IS_RECORD_DETAIL (self), NULL);
  return self->chain;
}

void
wg_record_detail_set_field_text (WgRecordDetail *self,
                                 const char     *field,
                                 const char     *text)
{
  g_return_if_fail (WG_IS_RECORD_DETAIL (self));
  wg_record_form_set_field_text (self->form, field, text);
}

void
wg_record_detail_save (WgRecordDetail *self)
{
  g_autoptr(JsonObject) body = NULL;
  GCancellable *cancellable;

  g_return_if_fail (WG_IS_RECORD_DETAIL (self));

  if (!wg_record_detail_may_write (self) || wg_record_detail_is_busy (self) ||
      (self->item == NULL && !self->editing_new))
    return;
  if (!wg_record_form_validate (self->form))
    {
      wg_record_detail_show_banner (self, _("Some fields need your attention: see the marked fields."), FALSE);
      return;
    }
  if ((body = wg_record_form_dup_body (self->form)) == NULL)
    return;
  wg_record_detail_show_banner (self, NULL, FALSE);
  cancellable = wg_record_detail_begin (self);
  if (self->editing_new)
    {
      if (self->idempotency_key == NULL)
        self->idempotency_key = g_uuid_string_random ();
      wg_api_client_create_record_async (self->client, self->kind->name, body, self->idempotency_key, cancellable,
                                         wg_record_detail_saved_cb, g_object_ref (self));
      return;
    }
  wg_api_client_update_record_async (self->client, self->kind->name, wg_record_item_get_id (self->item),
                                     wg_record_item_get_version (self->item), body, cancellable,
                                     wg_record_detail_saved_cb, g_object_ref (self));
}

gboolean
wg_record_detail_activate_link (WgRecordDetail *self,
                                const char     *kind,
                                gint64          id)
{
  g_return_val_if_fail (WG_IS_RECORD_DETAIL (self), FALSE);
  return wg_record_links_activate (self->links, kind, id);
}

void
wg_record_detail_scroll_to_links (WgRecordDetail *self)
{
  GtkAdjustment *adjustment;
  graphene_point_t point;

  g_return_if_fail (WG_IS_RECORD_DETAIL (self));

  adjustment = gtk_scrolled_window_get_vadjustment (self->scrolled);
  if (gtk_widget_compute_point (GTK_WIDGET (self->links), gtk_scrolled_window_get_child (self->scrolled),
                                &GRAPHENE_POINT_INIT (0, 0), &point))
    gtk_adjustment_set_value (adjustment, point.y - 12);
  else
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
}

void
wg_record_detail_add_link (WgRecordDetail *self,
                           gint64          person_id,
                           const char     *value,
                           const char     *from_date)
{
  GCancellable *cancellable;
  gint64 id;

  g_return_if_fail (WG_IS_RECORD_DETAIL (self));
  g_return_if_fail (value != NULL);

  if (self->item == NULL || !wg_record_detail_may_write (self) || !wg_record_detail_has_chain (self))
    return;
  id = wg_record_item_get_id (self->item);
  cancellable = wg_record_detail_begin (self);
  if (g_str_equal (self->kind->name, "households"))
    wg_api_client_add_household_member_async (self->client, id, person_id, value, cancellable,
                                              wg_record_detail_member_added_cb, g_object_ref (self));
  else
    wg_api_client_add_house_resident_async (self->client, id, person_id, value, from_date, NULL, cancellable,
                                            wg_record_detail_resident_added_cb, g_object_ref (self));
}

void
wg_record_detail_remove_link (WgRecordDetail *self,
                              gint64          link_id)
{
  GCancellable *cancellable;
  gint64 id;

  g_return_if_fail (WG_IS_RECORD_DETAIL (self));

  if (self->item == NULL || !wg_record_detail_may_write (self) || !wg_record_detail_has_chain (self))
    return;
  id = wg_record_item_get_id (self->item);
  cancellable = wg_record_detail_begin (self);
  if (g_str_equal (self->kind->name, "households"))
    wg_api_client_remove_household_member_async (self->client, id, link_id, cancellable,
                                                 wg_record_detail_member_removed_cb, g_object_ref (self));
  else
    wg_api_client_remove_house_resident_async (self->client, id, link_id, cancellable,
                                               wg_record_detail_resident_removed_cb, g_object_ref (self));
}

GtkWidget *
wg_record_detail_ask_link (WgRecordDetail *self)
{
  g_return_val_if_fail (WG_IS_RECORD_DETAIL (self), NULL);

  if (self->item == NULL || !wg_record_detail_may_write (self) || !wg_record_detail_has_chain (self))
    return NULL;
  return wg_record_ask_person (GTK_WIDGET (self), self->client, g_str_equal (self->kind->name, "houses"),
                               wg_record_detail_person_chosen, self);
}
