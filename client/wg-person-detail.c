#define G_LOG_DOMAIN "wg-person-detail"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <adwaita.h>

#include "wg-api-client-people.h"
#include "wg-error.h"
#include "wg-person-detail-private.h"
#include "wg-person-dialogs.h"
#include "wg-person-rules.h"
#include "wg-region.h"

G_DEFINE_FINAL_TYPE (WgPersonDetail, wg_person_detail, GTK_TYPE_WIDGET)

enum {
  SIGNAL_SAVED,
  SIGNAL_DELETED,
  SIGNAL_SHOW_GRID,
  SIGNAL_BACK,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void wg_person_detail_load (WgPersonDetail *self,
                                   gint64          id);

/* Actions: one place decides. */

static gboolean
wg_person_detail_is_busy (WgPersonDetail *self)
{
  return self->cancellable != NULL;
}

static WgPersonActions
wg_person_detail_actions (WgPersonDetail *self)
{
  WgPersonFormState state = {
    .role_mask = self->role_mask,
    .has_person = self->person != NULL,
    .has_id_number = self->person != NULL && wg_person_get_id_number (self->person) != NULL,
    .editing_new = self->editing_new,
    .changed = self->changed,
    .busy = wg_person_detail_is_busy (self),
  };

  return wg_person_form_actions (&state);
}

static void
wg_person_detail_update_actions (WgPersonDetail *self)
{
  WgPersonActions actions = wg_person_detail_actions (self);
  gboolean busy = wg_person_detail_is_busy (self);
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_widget_action_set_enabled (widget, "person.save", actions & WG_PERSON_ACTION_SAVE);
  gtk_widget_action_set_enabled (widget, "person.delete", actions & WG_PERSON_ACTION_DELETE);
  gtk_widget_action_set_enabled (widget, "person.reveal", (actions & WG_PERSON_ACTION_REVEAL) && self->revealed == NULL);
  gtk_widget_action_set_enabled (widget, "person.reload", actions & WG_PERSON_ACTION_RELOAD);
  for (guint i = 0; i < N_FIELDS; i++)
    gtk_widget_set_sensitive (self->rows[i], actions & WG_PERSON_ACTION_EDIT);
  gtk_widget_set_visible (GTK_WIDGET (self->id_number_row), !self->editing_new);
  gtk_widget_set_visible (GTK_WIDGET (self->id_number_entry),
                          self->editing_new || (actions & WG_PERSON_ACTION_EDIT));
  gtk_widget_set_visible (GTK_WIDGET (self->chain_group),
                          !self->editing_new && wg_person_chain_group_get_chain (self->chain_group) != NULL);
  gtk_spinner_set_spinning (self->spinner, busy);
  /* nothing to act on before a person is shown; the bar keeps its height */
  gtk_widget_set_child_visible (self->actions_box, self->person != NULL || self->editing_new);
}

static void
wg_person_detail_set_busy (WgPersonDetail *self,
                           gboolean        busy)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (busy)
    self->cancellable = g_cancellable_new ();
  wg_person_detail_update_actions (self);
}

/* Messages */

static void
wg_person_detail_show_banner (WgPersonDetail *self,
                              const char     *message,
                              gboolean        offer_reload)
{
  gtk_label_set_text (self->banner_label, message != NULL ? message : "");
  gtk_widget_set_visible (self->banner_button, offer_reload);
  gtk_revealer_set_reveal_child (self->banner, message != NULL);
}

/* A failure of a request: on its field when it names one of the form's. */
static void
wg_person_detail_show_error (WgPersonDetail *self,
                             const GError   *error)
{
  g_autofree char *message = wg_person_error_message (error);
  Field field = _wg_person_detail_field_from_name (wg_person_error_field (error));

  if (field < N_FIELDS)
    {
      _wg_person_detail_set_message (self, field, message);
      wg_person_detail_show_banner (self, _("The server did not accept the form: see the marked field."), FALSE);
      gtk_widget_grab_focus (self->rows[field]);
      return;
    }
  wg_person_detail_show_banner (self, message,
                                g_error_matches (error, WG_ERROR, WG_ERROR_CONFLICT) && self->person != NULL);
}

/* Reading and filling the form */



static void
wg_person_detail_show_id_number (WgPersonDetail *self)
{
  const char *masked = self->person != NULL ? wg_person_get_id_number (self->person) : NULL;

  adw_action_row_set_subtitle (self->id_number_row,
                               self->revealed != NULL ? self->revealed
                               : masked != NULL ? masked : _("None on record"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->id_number_row),
                                 self->revealed != NULL ? _("ID number (shown for 30 seconds)") : _("ID number"));
}

static void
wg_person_detail_forget_revealed (WgPersonDetail *self)
{
  g_clear_handle_id (&self->reveal_source, g_source_remove);
  if (self->revealed != NULL)
    memset (self->revealed, 0, strlen (self->revealed));
  g_clear_pointer (&self->revealed, g_free);
}

static void
wg_person_detail_fill_tags (WgPersonDetail *self)
{
  const char * const *tags = self->person != NULL ? wg_person_get_tags (self->person) : NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      if (i > 0)
        /* Translators: between the special groups of a person, e.g. "独居老人、低保对象" */
        g_string_append (text, C_("list separator", ", "));
      g_string_append (text, wg_person_tag_label (tags[i]));
    }
  adw_action_row_set_subtitle (self->tags_row, text->len > 0 ? text->str : _("None"));
  gtk_widget_set_visible (GTK_WIDGET (self->tags_row), self->person != NULL);
}

static void
wg_person_detail_fill_heading (WgPersonDetail *self)
{
  g_autofree char *subtitle = NULL;

  if (self->person == NULL)
    {
      gtk_label_set_text (self->title_label, _("New Person"));
      gtk_label_set_text (self->subtitle_label, _("Fill in the fields, then save."));
      return;
    }
  /* Translators: residence status · grid, under a person's name */
  subtitle = g_strdup_printf (_("%s · %s"),
                              wg_person_status_label (wg_person_get_residence_status (self->person)),
                              wg_person_get_grid_name (self->person) != NULL
                              ? wg_person_get_grid_name (self->person)
                              : wg_person_get_grid_code (self->person));
  gtk_label_set_text (self->title_label, wg_person_get_name (self->person));
  gtk_label_set_text (self->subtitle_label, subtitle);
}

static void
wg_person_detail_reset_messages (WgPersonDetail *self)
{
  for (guint i = 0; i < N_FIELDS; i++)
    _wg_person_detail_set_message (self, i, NULL);
  wg_person_detail_show_banner (self, NULL, FALSE);
  self->tried_save = FALSE;
  self->changed = FALSE;
}

static void
wg_person_detail_set_person (WgPersonDetail *self,
                             WgPerson       *person)
{
  g_set_object (&self->person, person);
  self->editing_new = FALSE;
  g_clear_pointer (&self->idempotency_key, g_free);
  wg_person_detail_forget_revealed (self);
  wg_person_detail_reset_messages (self);
  _wg_person_detail_fill_form (self, person, NULL);
  wg_person_detail_fill_heading (self);
  wg_person_detail_fill_tags (self);
  wg_person_detail_show_id_number (self);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (self->id_number_entry), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->id_number_entry), _("Correct the ID number"));
  gtk_stack_set_visible_child_name (self->stack, "form");
  wg_person_detail_update_actions (self);
}

/* Requests */

static void
wg_person_detail_chain_cb (GObject      *source,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  g_autoptr(WgPersonDetail) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(WgPersonChain) chain = NULL;

  chain = wg_api_client_get_person_chain_finish (WG_API_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  wg_person_detail_set_busy (self, FALSE);
  if (chain == NULL)
    {
      g_autofree char *message = wg_person_error_message (error);

      g_debug ("Could not load the person: %s %d", g_quark_to_string (error->domain), error->code);
      /* what the form showed before is not this person: show nothing of it */
      wg_person_detail_clear (self);
      adw_status_page_set_icon_name (self->empty_page, "dialog-warning-symbolic");
      adw_status_page_set_title (self->empty_page, _("The Person Could Not Be Opened"));
      adw_status_page_set_description (self->empty_page, message);
      return;
    }
  wg_person_detail_set_person (self, chain->person);
  wg_person_chain_group_set_chain (self->chain_group, g_steal_pointer (&chain));
  wg_person_detail_update_actions (self);
}

static void
wg_person_detail_load (WgPersonDetail *self,
                       gint64          id)
{
  wg_person_detail_set_busy (self, TRUE);
  wg_api_client_get_person_chain_async (self->client, id, self->cancellable,
                                        wg_person_detail_chain_cb, g_object_ref (self));
}

static void
wg_person_detail_saved_cb (GObject      *source,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  g_autoptr(WgPersonDetail) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(WgPerson) person = NULL;
  gboolean created = self->editing_new;

  person = created ? wg_api_client_create_person_finish (WG_API_CLIENT (source), result, &error)
                   : wg_api_client_update_person_finish (WG_API_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  wg_person_detail_set_busy (self, FALSE);
  if (person == NULL)
    {
      /* a retry after no answer is the same submission; after an answer it is a new one */
      if (created && !g_error_matches (error, WG_ERROR, WG_ERROR_UNREACHABLE))
        g_clear_pointer (&self->idempotency_key, g_free);
      wg_person_detail_show_error (self, error);
      return;
    }
  g_signal_emit (self, signals[SIGNAL_SAVED], 0, person, created);
  if (created)
    {
      wg_person_detail_show_person (self, wg_person_get_id (person));
      return;
    }
  wg_person_detail_set_person (self, person);
}

static void
wg_person_detail_deleted_cb (GObject      *source,
                             GAsyncResult *result,
                             gpointer      user_data)
{
  g_autoptr(WgPersonDetail) self = user_data;
  g_autoptr(GError) error = NULL;
  gint64 id = wg_person_detail_get_person_id (self);

  if (!wg_api_client_delete_person_finish (WG_API_CLIENT (source), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      wg_person_detail_set_busy (self, FALSE);
      wg_person_detail_show_error (self, error);
      return;
    }
  wg_person_detail_set_busy (self, FALSE);
  wg_person_detail_clear (self);
  g_signal_emit (self, signals[SIGNAL_DELETED], 0, id);
}

static gboolean
wg_person_detail_reveal_timeout_cb (gpointer user_data)
{
  WgPersonDetail *self = user_data;

  self->reveal_source = 0;
  wg_person_detail_forget_revealed (self);
  wg_person_detail_show_id_number (self);
  wg_person_detail_update_actions (self);
  return G_SOURCE_REMOVE;
}

static void
wg_person_detail_revealed_cb (GObject      *source,
                              GAsyncResult *result,
                              gpointer      user_data)
{
  g_autoptr(WgPersonDetail) self = user_data;
  g_autoptr(GError) error = NULL;
  char *number;

  number = wg_api_client_reveal_id_number_finish (WG_API_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  wg_person_detail_set_busy (self, FALSE);
  if (number == NULL)
    {
      wg_person_detail_show_error (self, error);
      return;
    }
  wg_person_detail_forget_revealed (self);
  self->revealed = number;
  self->reveal_source = g_timeout_add_seconds (WG_PERSON_REVEAL_SECONDS,
                                               wg_person_detail_reveal_timeout_cb, self);
  wg_person_detail_show_id_number (self);
  wg_person_detail_update_actions (self);
}

/* Callbacks */

static void
wg_person_detail_validate (WgPersonDetail      *self,
                           WgPersonDraftHolder *holder,
                           gboolean            *valid)
{
  g_autoptr(GHashTable) messages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  *valid = wg_person_draft_validate (&holder->draft, self->editing_new, NULL, messages);
  _wg_person_detail_show_messages (self, messages);
}

static void
wg_person_detail_field_changed_cb (WgPersonDetail *self)
{
  g_auto(WgPersonDraftHolder) holder = { 0 };
  g_autoptr(JsonNode) body = NULL;
  gboolean valid;

  if (self->filling)
    return;
  _wg_person_detail_read (self, &holder);
  if (self->editing_new)
    self->changed = TRUE;
  else if (self->person != NULL)
    self->changed = (body = wg_person_draft_to_json (&holder.draft, self->person)) != NULL;
  if (self->tried_save)
    wg_person_detail_validate (self, &holder, &valid);
  wg_person_detail_update_actions (self);
}

static void
wg_person_detail_chain_open_person_cb (WgPersonDetail     *self,
                                       gint64              id,
                                       WgPersonChainGroup *group)
{
  if (id != wg_person_detail_get_person_id (self))
    wg_person_detail_show_person (self, id);
}

static void
wg_person_detail_chain_show_grid_cb (WgPersonDetail     *self,
                                     const char         *code,
                                     WgPersonChainGroup *group)
{
  g_signal_emit (self, signals[SIGNAL_SHOW_GRID], 0, code);
}

static void
wg_person_detail_back_clicked_cb (WgPersonDetail *self)
{
  g_signal_emit (self, signals[SIGNAL_BACK], 0);
}

static void
wg_person_detail_reveal_reason_cb (gpointer    user_data,
                                   const char *reason)
{
  wg_person_detail_reveal (WG_PERSON_DETAIL (user_data), reason);
}

static void
wg_person_detail_delete_confirmed_cb (gpointer    user_data,
                                      const char *unused)
{
  WgPersonDetail *self = WG_PERSON_DETAIL (user_data);

  /* the person may have changed while the dialog was open */
  if (!(wg_person_detail_actions (self) & WG_PERSON_ACTION_DELETE))
    return;
  wg_person_detail_set_busy (self, TRUE);
  wg_api_client_delete_person_async (self->client, wg_person_get_id (self->person),
                                     wg_person_get_version (self->person), self->cancellable,
                                     wg_person_detail_deleted_cb, g_object_ref (self));
}

/* Actions */

static void
wg_person_detail_action_save (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  wg_person_detail_save (WG_PERSON_DETAIL (widget));
}

static void
wg_person_detail_action_delete (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  WgPersonDetail *self = WG_PERSON_DETAIL (widget);

  if (self->person != NULL)
    wg_person_confirm_delete (widget, wg_person_get_name (self->person),
                              wg_person_detail_delete_confirmed_cb, self);
}

static void
wg_person_detail_action_reveal (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  WgPersonDetail *self = WG_PERSON_DETAIL (widget);

  if (self->person != NULL)
    wg_person_ask_reveal_reason (widget, wg_person_get_name (self->person),
                                 wg_person_detail_reveal_reason_cb, self);
}

static void
wg_person_detail_action_reload (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  WgPersonDetail *self = WG_PERSON_DETAIL (widget);

  if (self->person != NULL)
    wg_person_detail_load (self, wg_person_get_id (self->person));
}

/* GObject */

static void
wg_person_detail_dispose (GObject *object)
{
  WgPersonDetail *self = WG_PERSON_DETAIL (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  wg_person_detail_forget_revealed (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), WG_TYPE_PERSON_DETAIL);
  g_clear_object (&self->person);
  g_clear_object (&self->client);
  g_clear_object (&self->grid_names);

  G_OBJECT_CLASS (wg_person_detail_parent_class)->dispose (object);
}

static void
wg_person_detail_finalize (GObject *object)
{
  WgPersonDetail *self = WG_PERSON_DETAIL (object);

  g_clear_pointer (&self->grid_codes, g_ptr_array_unref);
  g_free (self->idempotency_key);

  G_OBJECT_CLASS (wg_person_detail_parent_class)->finalize (object);
}

static void
wg_person_detail_bind_fields (GtkWidgetClass *widget_class)
{
  static const char * const row_ids[N_FIELDS] = {
    "name_row", "sex_row", "birth_date_row", "ethnicity_row", "phone_row",
    "residence_status_row", "origin_code_row", "nationality_row", "grid_row",
    NULL, /* id_number_entry, bound on its own */
  };

  for (guint i = 0; i < N_FIELDS; i++)
    {
      g_autofree char *message_row = g_strconcat (_wg_person_detail_field_names[i], "_message_row", NULL);
      g_autofree char *message = g_strconcat (_wg_person_detail_field_names[i], "_message", NULL);

      if (row_ids[i] != NULL)
        gtk_widget_class_bind_template_child_full (widget_class, row_ids[i], FALSE,
                                                   G_STRUCT_OFFSET (WgPersonDetail, rows) + i * sizeof (GtkWidget *));
      gtk_widget_class_bind_template_child_full (widget_class, message_row, FALSE,
                                                 G_STRUCT_OFFSET (WgPersonDetail, message_rows) + i * sizeof (GtkWidget *));
      gtk_widget_class_bind_template_child_full (widget_class, message, FALSE,
                                                 G_STRUCT_OFFSET (WgPersonDetail, messages) + i * sizeof (GtkLabel *));
    }
}

static void
wg_person_detail_class_init (WgPersonDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wg_person_detail_dispose;
  object_class->finalize = wg_person_detail_finalize;

  /**
   * WgPersonDetail::saved:
   * @person: the person as the server now has it
   * @created: TRUE for a new person
   */
  signals[SIGNAL_SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, WG_TYPE_PERSON, G_TYPE_BOOLEAN);
  signals[SIGNAL_DELETED] =
    g_signal_new ("deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);
  /**
   * WgPersonDetail::show-grid:
   * @code: the grid's 15-digit code
   *
   * The user asked to see the person's grid on the map.
   */
  signals[SIGNAL_SHOW_GRID] =
    g_signal_new ("show-grid", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[SIGNAL_BACK] =
    g_signal_new ("back", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  g_type_ensure (WG_TYPE_PERSON_CHAIN_GROUP);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/wangge/Wangge/wg-person-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, WgPersonDetail, box);
  gtk_widget_class_bind_template_child (widget_class, WgPersonDetail, back_button);
  gtk_widget_class_bind_template_child (widget_class, WgPersonDetail, actions_box);
  gtk_widget_class_bind_template_child (widget_class, WgPersonDetail, spinner);
  gtk_widget_class_bind_template_child (widget_class, WgPersonDetail, stack);
  gtk_widget_class_bind_template_child (widget_class, WgPersonDetail, scrolled);
  gtk_widget_class_bind_template_child (widget_class, WgPersonDetail, empty_page);
  gtk_widget_class_bind_template_child (widget_class, WgPersonDetail, title_label);
  gtk_widget_class_bind_template_child (widget_class, WgPersonDetail, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, WgPersonDetail, banner);
  gtk_widget_class_bind_template_child (widget_class, WgPersonDetail, banner_label);
  gtk_widget_class_bind_template_child (widget_class, WgPersonDetail, banner_button);
  gtk_widget_class_bind_template_child (widget_class, WgPersonDetail, id_group);
  gtk_widget_class_bind_template_child (widget_class, WgPersonDetail, chain_group);
  gtk_widget_class_bind_template_child (widget_class, WgPersonDetail, id_number_row);
  gtk_widget_class_bind_template_child (widget_class, WgPersonDetail, tags_row);
  gtk_widget_class_bind_template_child (widget_class, WgPersonDetail, id_number_entry);
  wg_person_detail_bind_fields (widget_class);
  gtk_widget_class_bind_template_callback (widget_class, wg_person_detail_field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, wg_person_detail_back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, wg_person_detail_chain_open_person_cb);
  gtk_widget_class_bind_template_callback (widget_class, wg_person_detail_chain_show_grid_cb);

  gtk_widget_class_install_action (widget_class, "person.save", NULL, wg_person_detail_action_save);
  gtk_widget_class_install_action (widget_class, "person.delete", NULL, wg_person_detail_action_delete);
  gtk_widget_class_install_action (widget_class, "person.reveal", NULL, wg_person_detail_action_reveal);
  gtk_widget_class_install_action (widget_class, "person.reload", NULL, wg_person_detail_action_reload);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "person.save", NULL);
}

static GtkStringList *
wg_person_detail_labels (const char * const *values,
                         const char       *(*label) (const char *))
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; values[i] != NULL; i++)
    gtk_string_list_append (list, label (values[i]));
  return list;
}

static void
wg_person_detail_init (WgPersonDetail *self)
{
  g_autoptr(GtkStringList) sexes = wg_person_detail_labels (wg_person_sexes, wg_person_sex_label);
  g_autoptr(GtkStringList) statuses = wg_person_detail_labels (wg_person_statuses, wg_person_status_label);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows[FIELD_ID_NUMBER] = self->id_number_entry;
  self->grid_codes = g_ptr_array_new_with_free_func (g_free);
  self->grid_names = gtk_string_list_new (NULL);
  adw_combo_row_set_model (ADW_COMBO_ROW (self->rows[FIELD_SEX]), G_LIST_MODEL (sexes));
  adw_combo_row_set_model (ADW_COMBO_ROW (self->rows[FIELD_RESIDENCE_STATUS]), G_LIST_MODEL (statuses));
  adw_combo_row_set_model (ADW_COMBO_ROW (self->rows[FIELD_GRID]), G_LIST_MODEL (self->grid_names));
  wg_person_detail_update_actions (self);
}

/* Public API */

GtkWidget *
wg_person_detail_new (void)
{
  return g_object_new (WG_TYPE_PERSON_DETAIL, NULL);
}

void
wg_person_detail_set_client (WgPersonDetail *self,
                             WgApiClient    *client)
{
  g_return_if_fail (WG_IS_PERSON_DETAIL (self));
  g_set_object (&self->client, client);
}

void
wg_person_detail_set_role_mask (WgPersonDetail *self,
                                guint           role_mask)
{
  g_return_if_fail (WG_IS_PERSON_DETAIL (self));
  self->role_mask = role_mask;
  wg_person_detail_update_actions (self);
}

void
wg_person_detail_set_show_back (WgPersonDetail *self,
                                gboolean        show_back)
{
  g_return_if_fail (WG_IS_PERSON_DETAIL (self));
  gtk_widget_set_visible (self->back_button, show_back);
}

void
wg_person_detail_show_person (WgPersonDetail *self,
                              gint64          id)
{
  g_return_if_fail (WG_IS_PERSON_DETAIL (self));
  g_return_if_fail (self->client != NULL);

  wg_person_detail_forget_revealed (self);
  wg_person_detail_show_banner (self, NULL, FALSE);
  wg_person_detail_load (self, id);
}

void
wg_person_detail_show_new (WgPersonDetail *self,
                           const char     *grid_code)
{
  g_return_if_fail (WG_IS_PERSON_DETAIL (self));

  wg_person_detail_set_busy (self, FALSE);
  wg_person_detail_set_person (self, NULL);
  wg_person_chain_group_clear (self->chain_group);
  _wg_person_detail_fill_form (self, NULL, grid_code);
  self->editing_new = TRUE;
  self->changed = TRUE;
  self->idempotency_key = NULL;
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->id_number_entry), _("ID number"));
  wg_person_detail_update_actions (self);
  gtk_widget_grab_focus (self->rows[FIELD_NAME]);
}

void
wg_person_detail_clear (WgPersonDetail *self)
{
  g_return_if_fail (WG_IS_PERSON_DETAIL (self));

  wg_person_detail_set_busy (self, FALSE);
  wg_person_detail_forget_revealed (self);
  wg_person_chain_group_clear (self->chain_group);
  g_clear_object (&self->person);
  self->editing_new = FALSE;
  wg_person_detail_reset_messages (self);
  adw_status_page_set_icon_name (self->empty_page, "avatar-default-symbolic");
  adw_status_page_set_title (self->empty_page, _("No Person Selected"));
  adw_status_page_set_description (self->empty_page,
                                   _("Choose a person in the list to see their record, household, house and grid."));
  gtk_stack_set_visible_child_name (self->stack, "empty");
  wg_person_detail_update_actions (self);
}

gint64
wg_person_detail_get_person_id (WgPersonDetail *self)
{
  g_return_val_if_fail (WG_IS_PERSON_DETAIL (self), 0);
  return self->person != NULL && !self->editing_new ? wg_person_get_id (self->person) : 0;
}

gboolean
wg_person_detail_get_busy (WgPersonDetail *self)
{
  g_return_val_if_fail (WG_IS_PERSON_DETAIL (self), FALSE);
  return wg_person_detail_is_busy (self);
}

const char *
wg_person_detail_get_banner_text (WgPersonDetail *self)
{
  g_return_val_if_fail (WG_IS_PERSON_DETAIL (self), NULL);
  return gtk_revealer_get_reveal_child (self->banner) ? gtk_label_get_text (self->banner_label) : NULL;
}

const char *
wg_person_detail_get_shown_id_number (WgPersonDetail *self)
{
  g_return_val_if_fail (WG_IS_PERSON_DETAIL (self), NULL);
  return adw_action_row_get_subtitle (self->id_number_row);
}

void
wg_person_detail_save (WgPersonDetail *self)
{
  g_auto(WgPersonDraftHolder) holder = { 0 };
  g_autoptr(JsonNode) body = NULL;
  gboolean valid;

  g_return_if_fail (WG_IS_PERSON_DETAIL (self));

  if (!(wg_person_detail_actions (self) & WG_PERSON_ACTION_SAVE))
    return;
  self->tried_save = TRUE;
  wg_person_detail_show_banner (self, NULL, FALSE);
  _wg_person_detail_read (self, &holder);
  wg_person_detail_validate (self, &holder, &valid);
  if (!valid)
    return;
  body = wg_person_draft_to_json (&holder.draft, self->editing_new ? NULL : self->person);
  if (body == NULL)
    return;
  wg_person_detail_set_busy (self, TRUE);
  if (self->editing_new)
    {
      if (self->idempotency_key == NULL)
        self->idempotency_key = g_uuid_string_random ();
      wg_api_client_create_person_async (self->client, body, self->idempotency_key, self->cancellable,
                                         wg_person_detail_saved_cb, g_object_ref (self));
      return;
    }
  wg_api_client_update_person_async (self->client, wg_person_get_id (self->person),
                                     wg_person_get_version (self->person), body, self->cancellable,
                                     wg_person_detail_saved_cb, g_object_ref (self));
}

void
wg_person_detail_reveal (WgPersonDetail *self,
                         const char     *reason)
{
  g_return_if_fail (WG_IS_PERSON_DETAIL (self));

  if (!(wg_person_detail_actions (self) & WG_PERSON_ACTION_REVEAL) || !wg_person_reveal_reason_ok (reason))
    return;
  wg_person_detail_set_busy (self, TRUE);
  wg_api_client_reveal_id_number_async (self->client, wg_person_get_id (self->person), reason,
                                        self->cancellable, wg_person_detail_revealed_cb,
                                        g_object_ref (self));
}

gboolean
wg_person_detail_activate_chain (WgPersonDetail *self,
                                 gint64          member_id)
{
  g_return_val_if_fail (WG_IS_PERSON_DETAIL (self), FALSE);
  return wg_person_chain_group_activate (self->chain_group, member_id);
}

void
wg_person_detail_scroll_to_chain (WgPersonDetail *self)
{
  GtkAdjustment *adjustment;

  g_return_if_fail (WG_IS_PERSON_DETAIL (self));

  adjustment = gtk_scrolled_window_get_vadjustment (self->scrolled);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
}
