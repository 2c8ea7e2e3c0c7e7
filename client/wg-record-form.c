#define G_LOG_DOMAIN "wg-record-form"

#include "config.h"

#include <glib/gi18n.h>

#include "wg-record-form.h"
#include "wg-record-rules.h"
#include "wg-region.h"

/* One field's row.  values: the wire values of a combo row, NULL first
 * ("choose" or "none"). */
typedef struct {
  const WgFieldSpec *field;
  GtkWidget *row;
  GtkWidget *input;            /* the row (entry, combo) or the switch */
  GtkWidget *message_row;
  GtkLabel *message_label;
  GPtrArray *values;
  GtkStringList *labels;
  gboolean read_only;
} FieldRow;

struct _WgRecordForm
{
  AdwPreferencesGroup parent_instance;

  const WgRecordKind *kind;
  GArray *rows;                /* FieldRow */
  WgRecordItem *item;          /* what was filled; NULL: a new record */
  gboolean filling;
  gboolean editable;
};

G_DEFINE_FINAL_TYPE (WgRecordForm, wg_record_form, ADW_TYPE_PREFERENCES_GROUP)

enum {
  SIGNAL_CHANGED,
  SIGNAL_SUBMIT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static FieldRow *
wg_record_form_find (WgRecordForm *self,
                     const char   *name)
{
  for (guint i = 0; self->rows != NULL && i < self->rows->len; i++)
    {
      FieldRow *row = &g_array_index (self->rows, FieldRow, i);

      if (name != NULL && g_str_equal (row->field->name, name))
        return row;
    }
  return NULL;
}

static gboolean
wg_record_form_is_combo (FieldRow *row)
{
  return ADW_IS_COMBO_ROW (row->input);
}

/* The row's value as text (wire value of a combo, "true"/"false"). */
static char *
wg_record_form_row_text (FieldRow *row)
{
  if (wg_record_form_is_combo (row))
    {
      guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (row->input));

      return g_strdup (selected < row->values->len ? g_ptr_array_index (row->values, selected) : NULL);
    }
  if (GTK_IS_SWITCH (row->input))
    return g_strdup (gtk_switch_get_active (GTK_SWITCH (row->input)) ? "true" : "false");
  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (row->input)));
}

static void
wg_record_form_show_message (FieldRow   *row,
                             const char *message)
{
  gtk_label_set_text (row->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (row->message_row, message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (row->row, "error");
  else
    gtk_widget_remove_css_class (row->row, "error");
}

/* The row's parsed value; NULL with its message shown when invalid. */
static JsonNode *
wg_record_form_check_row (FieldRow *row)
{
  g_autofree char *text = wg_record_form_row_text (row);
  g_autoptr(GError) error = NULL;
  JsonNode *value = wg_record_field_from_text (row->field, text, &error);

  if (value == NULL)
    {
      g_autofree char *message = wg_record_field_message (row->field, text, error);

      wg_record_form_show_message (row, message);
      return NULL;
    }
  wg_record_form_show_message (row, NULL);
  return value;
}

/* The value the item holds, in the form the parser answers. */
static JsonNode *
wg_record_form_original (WgRecordForm *self,
                         FieldRow     *row)
{
  g_autofree char *text = NULL;
  JsonNode *value;

  if (self->item == NULL)
    return NULL;
  value = wg_record_item_get_value (self->item, row->field->name);
  if (row->field->type == WG_FIELD_GRID || row->field->type == WG_FIELD_POINT)
    {
      text = wg_record_edit_text (row->field, value);
      return wg_record_field_from_text (row->field, text, NULL);
    }
  return value != NULL ? json_node_copy (value) : NULL;
}

static gboolean
wg_record_form_row_changed (WgRecordForm *self,
                            FieldRow     *row)
{
  g_autoptr(JsonNode) value = NULL;
  g_autoptr(JsonNode) original = NULL;
  g_autofree char *text = NULL;

  if (row->read_only)
    return FALSE;
  text = wg_record_form_row_text (row);
  value = wg_record_field_from_text (row->field, text, NULL);
  if (value == NULL)
    return TRUE;
  if (self->item == NULL)
    return !JSON_NODE_HOLDS_NULL (value) && row->field->type != WG_FIELD_BOOLEAN;
  original = wg_record_form_original (self, row);
  return !wg_record_values_equal (value, original);
}

/* Callbacks */

static void
wg_record_form_row_changed_cb (GtkWidget    *input,
                               GParamSpec   *pspec,
                               WgRecordForm *self)
{
  FieldRow *row = g_object_get_data (G_OBJECT (input), "wg-field-row-index") != NULL
                  ? &g_array_index (self->rows, FieldRow,
                                    GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (input), "wg-field-row-index")) - 1)
                  : NULL;
  g_autoptr(JsonNode) value = NULL;

  if (self->filling || row == NULL)
    return;
  value = wg_record_form_check_row (row);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
wg_record_form_entry_changed_cb (GtkEditable  *editable,
                                 WgRecordForm *self)
{
  wg_record_form_row_changed_cb (GTK_WIDGET (editable), NULL, self);
}

static void
wg_record_form_entry_activated_cb (WgRecordForm *self)
{
  g_signal_emit (self, signals[SIGNAL_SUBMIT], 0);
}

/* Building the rows */

static GtkWidget *
wg_record_form_new_message_row (GtkLabel **label_out)
{
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_add_css_class (label, "caption");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_visible (row, FALSE);
  *label_out = GTK_LABEL (label);
  return row;
}

static const char *
wg_record_form_none_label (const WgFieldSpec *field)
{
  if (field->type == WG_FIELD_GRID)
    return field->flags & WG_FIELD_REQUIRED ? _("Choose a grid…")
                                            /* Translators: the grid of a record, found by the server */
                                            : _("Found from the location");
  return field->flags & WG_FIELD_REQUIRED ? _("Choose…") : _("None");
}

static void
wg_record_form_build_combo (FieldRow *row)
{
  const WgFieldSpec *field = row->field;

  row->labels = gtk_string_list_new (NULL);
  row->values = g_ptr_array_new_with_free_func (g_free);
  gtk_string_list_append (row->labels, wg_record_form_none_label (field));
  g_ptr_array_add (row->values, NULL);
  for (const WgChoice *choice = field->choices; choice != NULL && choice->value != NULL; choice++)
    {
      gtk_string_list_append (row->labels, _(choice->label));
      g_ptr_array_add (row->values, g_strdup (choice->value));
    }
  row->row = row->input = adw_combo_row_new ();
  adw_combo_row_set_model (ADW_COMBO_ROW (row->row), G_LIST_MODEL (row->labels));
}

static void
wg_record_form_build_row (WgRecordForm *self,
                          FieldRow     *row,
                          guint         index)
{
  const WgFieldSpec *field = row->field;

  /* an outline is typed (pasted GeoJSON) for a new record only: see fill */
  row->read_only = (field->flags & WG_FIELD_READ_ONLY) != 0;
  if (row->read_only)
    {
      row->row = row->input = adw_action_row_new ();
    }
  else if (field->type == WG_FIELD_CHOICE || field->type == WG_FIELD_GRID)
    {
      wg_record_form_build_combo (row);
      g_signal_connect_object (row->input, "notify::selected", G_CALLBACK (wg_record_form_row_changed_cb),
                               self, 0);
    }
  else if (field->type == WG_FIELD_BOOLEAN)
    {
      row->row = adw_action_row_new ();
      row->input = gtk_switch_new ();
      gtk_widget_set_valign (row->input, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row->row), row->input);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row->row), row->input);
      g_signal_connect_object (row->input, "notify::active", G_CALLBACK (wg_record_form_row_changed_cb),
                               self, 0);
    }
  else
    {
      row->row = row->input = adw_entry_row_new ();
      g_signal_connect_object (row->input, "changed", G_CALLBACK (wg_record_form_entry_changed_cb), self, 0);
      g_signal_connect_object (row->input, "entry-activated", G_CALLBACK (wg_record_form_entry_activated_cb),
                               self, G_CONNECT_SWAPPED);
    }
  g_object_set_data (G_OBJECT (row->input), "wg-field-row-index", GUINT_TO_POINTER (index + 1));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->row), wg_record_field_get_label (field));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row->row), FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row->row);
  row->message_row = wg_record_form_new_message_row (&row->message_label);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row->message_row);
}

/* Filling */

static void
wg_record_form_select_value (FieldRow   *row,
                             const char *value)
{
  guint position = 0;

  for (guint i = 1; i < row->values->len; i++)
    if (g_strcmp0 (g_ptr_array_index (row->values, i), value) == 0)
      position = i;
  adw_combo_row_set_selected (ADW_COMBO_ROW (row->input), position);
}

static void
wg_record_form_fill_row (WgRecordForm *self,
                         FieldRow     *row,
                         const char   *grid_code)
{
  JsonNode *value = self->item != NULL ? wg_record_item_get_value (self->item, row->field->name) : NULL;
  g_autofree char *text = NULL;

  if (row->field->type == WG_FIELD_POLYGON)
    {
      /* an existing outline is summed up, not edited as text */
      row->read_only = self->item != NULL;
      text = self->item != NULL ? wg_record_format_value (row->field, value) : g_strdup ("");
      gtk_editable_set_text (GTK_EDITABLE (row->input), text);
      gtk_editable_set_editable (GTK_EDITABLE (row->input), !row->read_only && self->editable);
      wg_record_form_show_message (row, NULL);
      return;
    }
  if (row->read_only)
    {
      text = wg_record_format_value (row->field, value);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row->row), *text != '\0' ? text : "—");
      return;
    }
  text = wg_record_edit_text (row->field, value);
  if (self->item == NULL && row->field->type == WG_FIELD_GRID && grid_code != NULL)
    {
      g_free (text);
      text = g_strdup (grid_code);
    }
  if (wg_record_form_is_combo (row))
    wg_record_form_select_value (row, text);
  else if (GTK_IS_SWITCH (row->input))
    gtk_switch_set_active (GTK_SWITCH (row->input), value != NULL && JSON_NODE_HOLDS_VALUE (value) &&
                                                    json_node_get_boolean (value));
  else
    gtk_editable_set_text (GTK_EDITABLE (row->input), text);
  wg_record_form_show_message (row, NULL);
}

/* GObject */

static void
wg_record_form_dispose (GObject *object)
{
  WgRecordForm *self = WG_RECORD_FORM (object);

  g_clear_object (&self->item);

  G_OBJECT_CLASS (wg_record_form_parent_class)->dispose (object);
}

static void
wg_record_form_finalize (GObject *object)
{
  WgRecordForm *self = WG_RECORD_FORM (object);

  for (guint i = 0; i < self->rows->len; i++)
    {
      FieldRow *row = &g_array_index (self->rows, FieldRow, i);

      g_clear_pointer (&row->values, g_ptr_array_unref);
      g_clear_object (&row->labels);
    }
  g_array_unref (self->rows);

  G_OBJECT_CLASS (wg_record_form_parent_class)->finalize (object);
}

static void
wg_record_form_class_init (WgRecordFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = wg_record_form_dispose;
  object_class->finalize = wg_record_form_finalize;

  /**
   * WgRecordForm::changed:
   *
   * A row's value changed (by the user).
   */
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
  /**
   * WgRecordForm::submit:
   *
   * Enter was pressed in an entry row.
   */
  signals[SIGNAL_SUBMIT] =
    g_signal_new ("submit", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
wg_record_form_init (WgRecordForm *self)
{
  self->rows = g_array_new (FALSE, TRUE, sizeof (FieldRow));
  self->editable = TRUE;
}

/* Public API */

GtkWidget *
wg_record_form_new (void)
{
  return g_object_new (WG_TYPE_RECORD_FORM, NULL);
}

void
wg_record_form_set_kind (WgRecordForm       *self,
                         const WgRecordKind *kind)
{
  g_return_if_fail (WG_IS_RECORD_FORM (self));
  g_return_if_fail (self->kind == NULL && kind != NULL);

  self->kind = kind;
  g_array_set_size (self->rows, kind->n_fields);
  for (guint i = 0; i < kind->n_fields; i++)
    {
      FieldRow *row = &g_array_index (self->rows, FieldRow, i);

      row->field = &kind->fields[i];
      wg_record_form_build_row (self, row, i);
    }
}

static int
wg_record_form_compare_codes (gconstpointer a,
                              gconstpointer b)
{
  return g_strcmp0 (wg_region_get_code (*(WgRegion **) a), wg_region_get_code (*(WgRegion **) b));
}

void
wg_record_form_set_regions (WgRecordForm *self,
                            GListModel   *regions)
{
  FieldRow *row;
  g_autoptr(GPtrArray) grids = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *selected = NULL;
  guint n = regions != NULL ? g_list_model_get_n_items (regions) : 0;

  g_return_if_fail (WG_IS_RECORD_FORM (self));

  if ((row = wg_record_form_find (self, "grid")) == NULL || row->read_only)
    return;
  for (guint i = 0; i < n; i++)
    {
      WgRegion *region = g_list_model_get_item (regions, i);

      if (wg_region_get_level (region) == WG_REGION_LEVEL_GRID)
        g_ptr_array_add (grids, region);
      else
        g_object_unref (region);
    }
  g_ptr_array_sort (grids, wg_record_form_compare_codes);
  selected = wg_record_form_row_text (row);
  /* the record's grid, when the territory comes after the record */
  if (selected == NULL && self->item != NULL)
    selected = wg_record_edit_text (row->field, wg_record_item_get_value (self->item, row->field->name));
  self->filling = TRUE;
  gtk_string_list_splice (row->labels, 1, g_list_model_get_n_items (G_LIST_MODEL (row->labels)) - 1, NULL);
  g_ptr_array_set_size (row->values, 1);
  for (guint i = 0; i < grids->len; i++)
    {
      gtk_string_list_append (row->labels, wg_region_get_name (g_ptr_array_index (grids, i)));
      g_ptr_array_add (row->values, g_strdup (wg_region_get_code (g_ptr_array_index (grids, i))));
    }
  wg_record_form_select_value (row, selected);
  self->filling = FALSE;
}

void
wg_record_form_fill (WgRecordForm *self,
                     WgRecordItem *item,
                     const char   *grid_code)
{
  g_return_if_fail (WG_IS_RECORD_FORM (self));

  g_set_object (&self->item, item);
  self->filling = TRUE;
  for (guint i = 0; i < self->rows->len; i++)
    {
      FieldRow *row = &g_array_index (self->rows, FieldRow, i);

      /* a server-set value means nothing yet on a new record; a reference
       * of a record shown is among its links */
      gtk_widget_set_visible (row->row, item == NULL ? !(row->field->flags & WG_FIELD_READ_ONLY)
                                                     : row->field->type != WG_FIELD_REFERENCE);
      wg_record_form_fill_row (self, row, grid_code);
    }
  self->filling = FALSE;
}

void
wg_record_form_set_editable (WgRecordForm *self,
                             gboolean      editable)
{
  g_return_if_fail (WG_IS_RECORD_FORM (self));

  self->editable = editable;
  for (guint i = 0; i < self->rows->len; i++)
    {
      FieldRow *row = &g_array_index (self->rows, FieldRow, i);

      if (row->read_only)
        continue;
      if (GTK_IS_EDITABLE (row->input))
        gtk_editable_set_editable (GTK_EDITABLE (row->input), editable);
      else
        gtk_widget_set_sensitive (row->input, editable);
    }
}

gboolean
wg_record_form_get_changed (WgRecordForm *self)
{
  g_return_val_if_fail (WG_IS_RECORD_FORM (self), FALSE);

  for (guint i = 0; i < self->rows->len; i++)
    if (wg_record_form_row_changed (self, &g_array_index (self->rows, FieldRow, i)))
      return TRUE;
  return FALSE;
}

gboolean
wg_record_form_validate (WgRecordForm *self)
{
  gboolean valid = TRUE;

  g_return_val_if_fail (WG_IS_RECORD_FORM (self), FALSE);

  for (guint i = 0; i < self->rows->len; i++)
    {
      FieldRow *row = &g_array_index (self->rows, FieldRow, i);
      g_autoptr(JsonNode) value = NULL;

      if (row->read_only)
        continue;
      value = wg_record_form_check_row (row);
      valid &= value != NULL;
    }
  return valid;
}

JsonObject *
wg_record_form_dup_body (WgRecordForm *self)
{
  g_autoptr(JsonObject) body = json_object_new ();

  g_return_val_if_fail (WG_IS_RECORD_FORM (self), NULL);

  for (guint i = 0; i < self->rows->len; i++)
    {
      FieldRow *row = &g_array_index (self->rows, FieldRow, i);
      g_autofree char *text = NULL;
      JsonNode *value;

      if (row->read_only || !wg_record_form_row_changed (self, row))
        continue;
      text = wg_record_form_row_text (row);
      value = wg_record_field_from_text (row->field, text, NULL);
      if (value == NULL)
        return NULL;
      json_object_set_member (body, row->field->name, value);
    }
  if (self->item != NULL && json_object_get_size (body) == 0)
    return NULL;
  return g_steal_pointer (&body);
}

const char *
wg_record_form_get_message (WgRecordForm *self,
                            const char   *field)
{
  FieldRow *row;

  g_return_val_if_fail (WG_IS_RECORD_FORM (self), NULL);

  row = wg_record_form_find (self, field);
  if (row == NULL || !gtk_widget_get_visible (row->message_row))
    return NULL;
  return gtk_label_get_text (row->message_label);
}

gboolean
wg_record_form_set_message (WgRecordForm *self,
                            const char   *field,
                            const char   *message)
{
  FieldRow *row;

  g_return_val_if_fail (WG_IS_RECORD_FORM (self), FALSE);

  row = wg_record_form_find (self, field);
  if (row == NULL || row->read_only)
    return FALSE;
  wg_record_form_show_message (row, message);
  return TRUE;
}

gboolean
wg_record_form_set_field_text (WgRecordForm *self,
                               const char   *field,
                               const char   *text)
{
  FieldRow *row;

  g_return_val_if_fail (WG_IS_RECORD_FORM (self), FALSE);

  row = wg_record_form_find (self, field);
  if (row == NULL || row->read_only)
    return FALSE;
  if (wg_record_form_is_combo (row))
    wg_record_form_select_value (row, text);
  else if (GTK_IS_SWITCH (row->input))
    gtk_switch_set_active (GTK_SWITCH (row->input), g_strcmp0 (text, "true") == 0);
  else
    gtk_editable_set_text (GTK_EDITABLE (row->input), text != NULL ? text : "");
  return TRUE;
}

void
wg_record_form_focus_field (WgRecordForm *self,
                            const char   *field)
{
  FieldRow *row;

  g_return_if_fail (WG_IS_RECORD_FORM (self));

  if ((row = wg_record_form_find (self, field)) != NULL)
    gtk_widget_grab_focus (row->input);
}
