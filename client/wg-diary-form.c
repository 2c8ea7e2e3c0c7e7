#define G_LOG_DOMAIN "wg-diary-form"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "wg-api-client-records.h"
#include "wg-diary-date-button.h"
#include "wg-diary-form.h"
#include "wg-diary-rules.h"
#include "wg-diary-topics.h"
#include "wg-error.h"
#include "wg-region.h"

typedef enum {
  FIELD_GRID,
  FIELD_DATE,
  FIELD_HOUSEHOLDS,
  FIELD_TOPICS,
  FIELD_BODY,
  N_FIELDS
} Field;

/* Wire names, by Field; the ids of their message widgets start with them. */
static const char * const field_names[N_FIELDS] = {
  "grid", "entry_date", "households_visited", "topics", "body",
};

struct _WgDiaryForm
{
  GtkWidget parent_instance;

  WgApiClient *client;
  gint64 user_id;
  guint role_mask;
  char *user_name;
  WgDiaryEntry *entry;           /* being edited; NULL: a new one */
  GCancellable *cancellable;     /* of the request on its way */
  char *idempotency_key;         /* of the new entry's submission */
  GPtrArray *grid_codes;         /* parallel to grid_names */
  GtkStringList *grid_names;
  gboolean tried_save;           /* check as the user types from now on */
  gboolean changed;              /* typed into since shown */
  gboolean filling;

  GtkWidget *box;
  GtkWidget *back_button;
  GtkSpinner *spinner;
  GtkScrolledWindow *scrolled;
  GtkLabel *title_label;
  GtkLabel *subtitle_label;
  GtkRevealer *banner;
  GtkLabel *banner_label;
  GtkWidget *banner_button;
  AdwActionRow *grid_row;
  GtkDropDown *grid_dropdown;
  WgDiaryDateButton *date_button;
  GtkSpinButton *households_spin;
  GtkSwitch *follow_up_switch;
  WgDiaryTopics *topics;
  GtkTextView *body_view;
  GtkWidget *body_frame;
  GtkLabel *counter_label;
  GtkWidget *inputs[N_FIELDS];
  GtkWidget *message_widgets[N_FIELDS];
  GtkLabel *messages[N_FIELDS];
};

G_DEFINE_FINAL_TYPE (WgDiaryForm, wg_diary_form, GTK_TYPE_WIDGET)

enum {
  SIGNAL_SAVED,
  SIGNAL_CANCELLED,
  SIGNAL_BACK,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Actions: one place decides. */

static void
wg_diary_form_update_actions (WgDiaryForm *self)
{
  WgDiaryActions actions = wg_diary_actions (self->entry, self->user_id, self->role_mask);
  gboolean busy = self->cancellable != NULL;
  gboolean may = self->entry != NULL ? (actions & WG_DIARY_ACTION_EDIT) : (actions & WG_DIARY_ACTION_WRITE);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "diary-form.save", may && !busy && self->client != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "diary-form.reload", self->entry != NULL && !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "diary-form.cancel", TRUE);
  gtk_spinner_set_spinning (self->spinner, busy);
}

static void
wg_diary_form_set_busy (WgDiaryForm *self,
                        gboolean     busy)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (busy)
    self->cancellable = g_cancellable_new ();
  wg_diary_form_update_actions (self);
}

/* Messages */

static void
wg_diary_form_show_banner (WgDiaryForm *self,
                           const char  *message,
                           gboolean     offer_reload)
{
  gtk_label_set_text (self->banner_label, message != NULL ? message : "");
  gtk_widget_set_visible (self->banner_button, offer_reload);
  /* hidden, it takes no spacing either */
  gtk_widget_set_visible (GTK_WIDGET (self->banner), message != NULL);
  gtk_revealer_set_reveal_child (self->banner, message != NULL);
}

static void
wg_diary_form_set_message (WgDiaryForm *self,
                           Field        field,
                           const char  *message)
{
  GtkWidget *marked = field == FIELD_BODY ? self->body_frame : self->inputs[field];

  gtk_label_set_text (self->messages[field], message != NULL ? message : "");
  gtk_widget_set_visible (self->message_widgets[field], message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (marked, "error");
  else
    gtk_widget_remove_css_class (marked, "error");
}

static Field
wg_diary_form_field_from_name (const char *name)
{
  for (guint i = 0; i < N_FIELDS; i++)
    if (g_strcmp0 (field_names[i], name) == 0)
      return i;
  return N_FIELDS;
}

static void
wg_diary_form_update_counter (WgDiaryForm *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);
  guint chars = (guint) gtk_text_buffer_get_char_count (buffer);
  g_autofree char *text = wg_diary_counter_text (chars);

  gtk_label_set_text (self->counter_label, text);
  if (chars > wg_diary_body_max_chars ())
    gtk_widget_add_css_class (GTK_WIDGET (self->counter_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->counter_label), "error");
}

/* Reading and checking */

static char *
wg_diary_form_body_text (WgDiaryForm *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);
  GtkTextIter start;
  GtkTextIter end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* The body of the request, or NULL with the wrong fields marked. */
static JsonObject *
wg_diary_form_check (WgDiaryForm *self,
                     Field       *first_wrong)
{
  g_autoptr(GHashTable) messages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *today = wg_diary_today ();
  g_autofree char *body = wg_diary_form_body_text (self);
  WgDiaryDraft draft = {
    .grid = wg_diary_form_get_grid (self),
    .date = wg_diary_date_button_get_date (self->date_button),
    .households_visited = gtk_spin_button_get_value_as_int (self->households_spin),
    .topics = wg_diary_topics_get_topics (self->topics),
    .body = body,
    .follow_up = gtk_switch_get_active (self->follow_up_switch),
  };
  JsonObject *request = wg_diary_draft_validate (&draft, today, messages);

  *first_wrong = N_FIELDS;
  for (guint i = 0; i < N_FIELDS; i++)
    {
      const char *message = g_hash_table_lookup (messages, field_names[i]);

      wg_diary_form_set_message (self, i, message);
      if (message != NULL && *first_wrong == N_FIELDS)
        *first_wrong = i;
    }
  return request;
}

/* Filling */

static guint
wg_diary_form_grid_index (WgDiaryForm *self,
                          const char  *code,
                          const char  *name)
{
  for (guint i = 0; i < self->grid_codes->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->grid_codes, i), code) == 0)
      return i;
  if (code == NULL)
    return GTK_INVALID_LIST_POSITION;
  /* an entry's grid the list does not have (not loaded yet): keep it */
  g_ptr_array_add (self->grid_codes, g_strdup (code));
  gtk_string_list_append (self->grid_names, name != NULL ? name : code);
  return self->grid_codes->len - 1;
}

static void
wg_diary_form_reset (WgDiaryForm *self)
{
  for (guint i = 0; i < N_FIELDS; i++)
    wg_diary_form_set_message (self, i, NULL);
  wg_diary_form_show_banner (self, NULL, FALSE);
  self->tried_save = FALSE;
  self->changed = FALSE;
}

static void
wg_diary_form_fill (WgDiaryForm  *self,
                    WgDiaryEntry *entry,
                    const char   *grid)
{
  g_autofree char *today = wg_diary_today ();
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);

  self->filling = TRUE;
  gtk_drop_down_set_selected (self->grid_dropdown,
                              wg_diary_form_grid_index (self, entry ? wg_diary_entry_get_grid_code (entry) : grid,
                                                        entry ? wg_diary_entry_get_grid_name (entry) : NULL));
  wg_diary_date_button_set_date (self->date_button, entry ? wg_diary_entry_get_date (entry) : today);
  gtk_spin_button_set_value (self->households_spin,
                             entry ? MAX (wg_diary_entry_get_households_visited (entry), 0) : 0);
  wg_diary_topics_set_topics (self->topics, entry ? wg_diary_entry_get_topics (entry) : NULL);
  gtk_text_buffer_set_text (buffer, entry ? wg_diary_entry_get_body (entry) : "", -1);
  gtk_switch_set_active (self->follow_up_switch, entry ? wg_diary_entry_get_follow_up (entry) : FALSE);
  self->filling = FALSE;
  wg_diary_form_update_counter (self);
}

static void
wg_diary_form_fill_heading (WgDiaryForm *self)
{
  g_autofree char *subtitle = NULL;

  if (self->entry == NULL)
    {
      gtk_label_set_text (self->title_label, _("Today's Entry"));
      /* Translators: %s is the user's name */
      subtitle = g_strdup_printf (_("Written by %s. Record the households you visited and what you heard."),
                                  self->user_name != NULL ? self->user_name : "");
    }
  else
    {
      gtk_label_set_text (self->title_label, _("Edit Entry"));
      /* Translators: %s is a date, YYYY-MM-DD */
      subtitle = g_strdup_printf (_("The entry of %s. Only you, its author, can change it."),
                                  wg_diary_entry_get_date (self->entry));
    }
  gtk_label_set_text (self->subtitle_label, subtitle);
}

static void
wg_diary_form_show (WgDiaryForm  *self,
                    WgDiaryEntry *entry,
                    const char   *grid)
{
  wg_diary_form_set_busy (self, FALSE);
  g_set_object (&self->entry, entry);
  g_clear_pointer (&self->idempotency_key, g_free);
  wg_diary_form_reset (self);
  wg_diary_form_fill (self, entry, grid);
  wg_diary_form_fill_heading (self);
  wg_diary_form_update_actions (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled), 0);
}

/* Requests */

static void
wg_diary_form_show_error (WgDiaryForm  *self,
                          const GError *error)
{
  g_autofree char *message = wg_diary_error_message (error);
  Field field = wg_diary_form_field_from_name (wg_diary_error_field (error));

  if (field < N_FIELDS)
    {
      wg_diary_form_set_message (self, field, message);
      wg_diary_form_show_banner (self, _("The server did not accept the entry: see the marked field."), FALSE);
      return;
    }
  wg_diary_form_show_banner (self, message,
                             g_error_matches (error, WG_ERROR, WG_ERROR_CONFLICT) && self->entry != NULL);
}

static void
wg_diary_form_saved_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(WgDiaryForm) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) record = NULL;
  g_autoptr(WgDiaryEntry) entry = NULL;
  gboolean created = self->entry == NULL;

  record = created ? wg_api_client_create_record_finish (WG_API_CLIENT (source), result, &error)
                   : wg_api_client_update_record_finish (WG_API_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  wg_diary_form_set_busy (self, FALSE);
  if (record != NULL)
    entry = wg_diary_entry_new_from_json (record, &error);
  if (entry == NULL)
    {
      /* a retry after no answer is the same submission; after an answer, a new one */
      if (created && !g_error_matches (error, WG_ERROR, WG_ERROR_UNREACHABLE))
        g_clear_pointer (&self->idempotency_key, g_free);
      g_debug ("The entry was not saved: %s", error->message);
      wg_diary_form_show_error (self, error);
      return;
    }
  g_clear_pointer (&self->idempotency_key, g_free);
  g_set_object (&self->entry, entry);
  self->changed = FALSE;
  wg_diary_form_fill_heading (self);
  wg_diary_form_update_actions (self);
  g_signal_emit (self, signals[SIGNAL_SAVED], 0, entry, created);
}

static void
wg_diary_form_reloaded_cb (GObject      *source,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  g_autoptr(WgDiaryForm) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) record = NULL;
  g_autoptr(WgDiaryEntry) entry = NULL;

  record = wg_api_client_get_record_finish (WG_API_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  wg_diary_form_set_busy (self, FALSE);
  if (record != NULL)
    entry = wg_diary_entry_new_from_json (record, &error);
  if (entry == NULL)
    {
      wg_diary_form_show_error (self, error);
      return;
    }
  wg_diary_form_show (self, entry, NULL);
}

/* Callbacks */

static void
wg_diary_form_field_changed_cb (WgDiaryForm *self)
{
  g_autoptr(JsonObject) request = NULL;
  Field first_wrong;

  wg_diary_form_update_counter (self);
  if (!self->filling)
    self->changed = TRUE;
  /* after a refused save, the marks follow the typing */
  if (self->filling || !self->tried_save)
    return;
  request = wg_diary_form_check (self, &first_wrong);
}

static void
wg_diary_form_back_clicked_cb (WgDiaryForm *self)
{
  g_signal_emit (self, signals[SIGNAL_BACK], 0);
}

/* Actions */

static void
wg_diary_form_action_save (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  wg_diary_form_save (WG_DIARY_FORM (widget));
}

static void
wg_diary_form_action_cancel (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  WgDiaryForm *self = WG_DIARY_FORM (widget);

  wg_diary_form_set_busy (self, FALSE);
  /* cancelled on purpose: nothing to keep for later */
  self->changed = FALSE;
  g_signal_emit (self, signals[SIGNAL_CANCELLED], 0);
}

static void
wg_diary_form_action_reload (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  WgDiaryForm *self = WG_DIARY_FORM (widget);

  if (self->entry == NULL)
    return;
  wg_diary_form_set_busy (self, TRUE);
  wg_api_client_get_record_async (self->client, "diary", wg_diary_entry_get_id (self->entry),
                                  self->cancellable, wg_diary_form_reloaded_cb, g_object_ref (self));
}

/* GObject */

static void
wg_diary_form_dispose (GObject *object)
{
  WgDiaryForm *self = WG_DIARY_FORM (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), WG_TYPE_DIARY_FORM);
  g_clear_object (&self->entry);
  g_clear_object (&self->client);
  g_clear_object (&self->grid_names);

  G_OBJECT_CLASS (wg_diary_form_parent_class)->dispose (object);
}

static void
wg_diary_form_finalize (GObject *object)
{
  WgDiaryForm *self = WG_DIARY_FORM (object);

  g_clear_pointer (&self->grid_codes, g_ptr_array_unref);
  g_free (self->idempotency_key);
  g_free (self->user_name);

  G_OBJECT_CLASS (wg_diary_form_parent_class)->finalize (object);
}

static void
wg_diary_form_bind_messages (GtkWidgetClass *widget_class)
{
  for (guint i = 0; i < N_FIELDS; i++)
    {
      g_autofree char *row = g_strconcat (field_names[i], "_message_row", NULL);
      g_autofree char *label = g_strconcat (field_names[i], "_message", NULL);

      /* topics and body show the label alone (set in init), the others a row */
      if (i < FIELD_TOPICS)
        gtk_widget_class_bind_template_child_full (widget_class, row, FALSE,
                                                   G_STRUCT_OFFSET (WgDiaryForm, message_widgets) + i * sizeof (GtkWidget *));
      gtk_widget_class_bind_template_child_full (widget_class, label, FALSE,
                                                 G_STRUCT_OFFSET (WgDiaryForm, messages) + i * sizeof (GtkLabel *));
    }
}

static void
wg_diary_form_class_init (WgDiaryFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wg_diary_form_dispose;
  object_class->finalize = wg_diary_form_finalize;

  signals[SIGNAL_SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, WG_TYPE_DIARY_ENTRY, G_TYPE_BOOLEAN);
  signals[SIGNAL_CANCELLED] =
    g_signal_new ("cancelled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
  signals[SIGNAL_BACK] =
    g_signal_new ("back", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  g_type_ensure (WG_TYPE_DIARY_DATE_BUTTON);
  g_type_ensure (WG_TYPE_DIARY_TOPICS);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/wangge/Wangge/wg-diary-form.ui");
  gtk_widget_class_bind_template_child (widget_class, WgDiaryForm, box);
  gtk_widget_class_bind_template_child (widget_class, WgDiaryForm, back_button);
  gtk_widget_class_bind_template_child (widget_class, WgDiaryForm, spinner);
  gtk_widget_class_bind_template_child (widget_class, WgDiaryForm, scrolled);
  gtk_widget_class_bind_template_child (widget_class, WgDiaryForm, title_label);
  gtk_widget_class_bind_template_child (widget_class, WgDiaryForm, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, WgDiaryForm, banner);
  gtk_widget_class_bind_template_child (widget_class, WgDiaryForm, banner_label);
  gtk_widget_class_bind_template_child (widget_class, WgDiaryForm, banner_button);
  gtk_widget_class_bind_template_child (widget_class, WgDiaryForm, grid_row);
  gtk_widget_class_bind_template_child (widget_class, WgDiaryForm, grid_dropdown);
  gtk_widget_class_bind_template_child (widget_class, WgDiaryForm, date_button);
  gtk_widget_class_bind_template_child (widget_class, WgDiaryForm, households_spin);
  gtk_widget_class_bind_template_child (widget_class, WgDiaryForm, follow_up_switch);
  gtk_widget_class_bind_template_child (widget_class, WgDiaryForm, topics);
  gtk_widget_class_bind_template_child (widget_class, WgDiaryForm, body_view);
  gtk_widget_class_bind_template_child (widget_class, WgDiaryForm, body_frame);
  gtk_widget_class_bind_template_child (widget_class, WgDiaryForm, counter_label);
  wg_diary_form_bind_messages (widget_class);
  gtk_widget_class_bind_template_callback (widget_class, wg_diary_form_field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, wg_diary_form_back_clicked_cb);

  gtk_widget_class_install_action (widget_class, "diary-form.save", NULL, wg_diary_form_action_save);
  gtk_widget_class_install_action (widget_class, "diary-form.cancel", NULL, wg_diary_form_action_cancel);
  gtk_widget_class_install_action (widget_class, "diary-form.reload", NULL, wg_diary_form_action_reload);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "diary-form.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "diary-form.cancel", NULL);
}

static void
wg_diary_form_init (WgDiaryForm *self)
{
  g_autoptr(GtkExpression) expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");

  gtk_widget_init_template (GTK_WIDGET (self));
  self->inputs[FIELD_GRID] = GTK_WIDGET (self->grid_row);
  self->inputs[FIELD_DATE] = GTK_WIDGET (self->date_button);
  self->inputs[FIELD_HOUSEHOLDS] = GTK_WIDGET (self->households_spin);
  self->inputs[FIELD_TOPICS] = GTK_WIDGET (self->topics);
  self->inputs[FIELD_BODY] = GTK_WIDGET (self->body_view);
  self->message_widgets[FIELD_TOPICS] = GTK_WIDGET (self->messages[FIELD_TOPICS]);
  self->message_widgets[FIELD_BODY] = GTK_WIDGET (self->messages[FIELD_BODY]);
  self->grid_codes = g_ptr_array_new_with_free_func (g_free);
  self->grid_names = gtk_string_list_new (NULL);
  gtk_drop_down_set_expression (self->grid_dropdown, expression);
  gtk_drop_down_set_model (self->grid_dropdown, G_LIST_MODEL (self->grid_names));
  g_signal_connect_object (gtk_text_view_get_buffer (self->body_view), "changed",
                           G_CALLBACK (wg_diary_form_field_changed_cb), self, G_CONNECT_SWAPPED);
  wg_diary_form_show (self, NULL, NULL);
}

/* Public API */

GtkWidget *
wg_diary_form_new (void)
{
  return g_object_new (WG_TYPE_DIARY_FORM, NULL);
}

void
wg_diary_form_set_session (WgDiaryForm *self,
                           WgApiClient *client,
                           WgUser      *user)
{
  g_return_if_fail (WG_IS_DIARY_FORM (self));

  g_set_object (&self->client, client);
  self->user_id = user != NULL ? wg_user_get_id (user) : 0;
  self->role_mask = user != NULL ? wg_user_get_role_mask (user) : 0;
  g_free (self->user_name);
  self->user_name = g_strdup (user != NULL ? wg_user_get_display_name (user) : NULL);
  wg_diary_form_show (self, NULL, NULL);
}

void
wg_diary_form_set_grids (WgDiaryForm *self,
                         GListModel  *grids)
{
  guint n = grids != NULL ? g_list_model_get_n_items (grids) : 0;
  guint selected;
  g_autofree char *chosen = NULL;

  g_return_if_fail (WG_IS_DIARY_FORM (self));

  /* the grid chosen stays chosen, and nothing else of the form changes */
  selected = gtk_drop_down_get_selected (self->grid_dropdown);
  if (selected < self->grid_codes->len)
    chosen = g_strdup (g_ptr_array_index (self->grid_codes, selected));
  self->filling = TRUE;
  g_ptr_array_set_size (self->grid_codes, 0);
  gtk_string_list_splice (self->grid_names, 0, g_list_model_get_n_items (G_LIST_MODEL (self->grid_names)), NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WgRegion) grid = g_list_model_get_item (grids, i);

      g_ptr_array_add (self->grid_codes, g_strdup (wg_region_get_code (grid)));
      gtk_string_list_append (self->grid_names, wg_region_get_name (grid));
    }
  if (chosen == NULL && self->entry == NULL && n == 1)
    chosen = g_strdup (g_ptr_array_index (self->grid_codes, 0));
  gtk_drop_down_set_selected (self->grid_dropdown, wg_diary_form_grid_index (self, chosen, NULL));
  self->filling = FALSE;
}

void
wg_diary_form_set_show_back (WgDiaryForm *self,
                             gboolean     show_back)
{
  g_return_if_fail (WG_IS_DIARY_FORM (self));
  gtk_widget_set_visible (self->back_button, show_back);
}

void
wg_diary_form_show_new (WgDiaryForm *self,
                        const char  *grid)
{
  g_return_if_fail (WG_IS_DIARY_FORM (self));

  /* a grid user has one grid: it is the one */
  if (grid == NULL && self->grid_codes->len == 1)
    grid = g_ptr_array_index (self->grid_codes, 0);
  wg_diary_form_show (self, NULL, grid);
  gtk_widget_grab_focus (GTK_WIDGET (self->body_view));
}

void
wg_diary_form_show_edit (WgDiaryForm  *self,
                         WgDiaryEntry *entry)
{
  g_return_if_fail (WG_IS_DIARY_FORM (self));
  g_return_if_fail (WG_IS_DIARY_ENTRY (entry));

  wg_diary_form_show (self, entry, NULL);
}

void
wg_diary_form_save (WgDiaryForm *self)
{
  g_autoptr(JsonObject) request = NULL;
  Field first_wrong;

  g_return_if_fail (WG_IS_DIARY_FORM (self));

  if (!gtk_widget_is_sensitive (GTK_WIDGET (self)) || self->cancellable != NULL || self->client == NULL)
    return;
  if (!(wg_diary_actions (self->entry, self->user_id, self->role_mask) &
        (self->entry != NULL ? WG_DIARY_ACTION_EDIT : WG_DIARY_ACTION_WRITE)))
    return;
  self->tried_save = TRUE;
  wg_diary_form_show_banner (self, NULL, FALSE);
  request = wg_diary_form_check (self, &first_wrong);
  if (request == NULL)
    {
      gtk_widget_grab_focus (self->inputs[first_wrong]);
      return;
    }
  wg_diary_form_set_busy (self, TRUE);
  if (self->entry != NULL)
    {
      wg_api_client_update_record_async (self->client, "diary", wg_diary_entry_get_id (self->entry),
                                         wg_diary_entry_get_version (self->entry), request,
                                         self->cancellable, wg_diary_form_saved_cb, g_object_ref (self));
      return;
    }
  if (self->idempotency_key == NULL)
    self->idempotency_key = g_uuid_string_random ();
  wg_api_client_create_record_async (self->client, "diary", request, self->idempotency_key,
                                     self->cancellable, wg_diary_form_saved_cb, g_object_ref (self));
}

void
wg_diary_form_show_message (WgDiaryForm *self,
                            const char  *message)
{
  g_return_if_fail (WG_IS_DIARY_FORM (self));
  wg_diary_form_show_banner (self, message, FALSE);
}

gboolean
wg_diary_form_has_draft (WgDiaryForm *self)
{
  g_return_val_if_fail (WG_IS_DIARY_FORM (self), FALSE);
  return self->entry == NULL && self->changed;
}

gboolean
wg_diary_form_get_busy (WgDiaryForm *self)
{
  g_return_val_if_fail (WG_IS_DIARY_FORM (self), FALSE);
  return self->cancellable != NULL;
}

WgDiaryEntry *
wg_diary_form_get_entry (WgDiaryForm *self)
{
  g_return_val_if_fail (WG_IS_DIARY_FORM (self), NULL);
  return self->entry;
}

const char *
wg_diary_form_get_field_message (WgDiaryForm *self,
                                 const char  *field)
{
  Field index = wg_diary_form_field_from_name (field);

  g_return_val_if_fail (WG_IS_DIARY_FORM (self), NULL);

  if (index == N_FIELDS || !gtk_widget_get_visible (self->message_widgets[index]))
    return NULL;
  return gtk_label_get_text (self->messages[index]);
}

const char *
wg_diary_form_get_banner_text (WgDiaryForm *self)
{
  g_return_val_if_fail (WG_IS_DIARY_FORM (self), NULL);
  return gtk_revealer_get_reveal_child (self->banner) ? gtk_label_get_text (self->banner_label) : NULL;
}

const char *
wg_diary_form_get_grid (WgDiaryForm *self)
{
  guint selected;

  g_return_val_if_fail (WG_IS_DIARY_FORM (self), NULL);

  selected = gtk_drop_down_get_selected (self->grid_dropdown);
  return selected < self->grid_codes->len ? g_ptr_array_index (self->grid_codes, selected) : NULL;
}

const char *
wg_diary_form_get_date (WgDiaryForm *self)
{
  g_return_val_if_fail (WG_IS_DIARY_FORM (self), NULL);
  return wg_diary_date_button_get_date (self->date_button);
}

void
wg_diary_form_set_field_text (WgDiaryForm *self,
                              const char  *field,
                              const char  *text)
{
  g_return_if_fail (WG_IS_DIARY_FORM (self));
  g_return_if_fail (field != NULL);

  if (g_str_equal (field, "grid"))
    gtk_drop_down_set_selected (self->grid_dropdown, wg_diary_form_grid_index (self, text, NULL));
  else if (g_str_equal (field, "entry_date"))
    wg_diary_date_button_set_date (self->date_button, text);
  else if (g_str_equal (field, "households_visited"))
    gtk_spin_button_set_value (self->households_spin, g_ascii_strtod (text, NULL));
  else if (g_str_equal (field, "topics"))
    wg_diary_topics_add_text (self->topics, text);
  else if (g_str_equal (field, "body"))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->body_view), text, -1);
  else if (g_str_equal (field, "follow_up"))
    gtk_switch_set_active (self->follow_up_switch, g_strcmp0 (text, "true") == 0);
  else
    g_return_if_reached ();
}
