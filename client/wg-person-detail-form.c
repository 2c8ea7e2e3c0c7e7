#define G_LOG_DOMAIN "wg-person-detail"

#include "config.h"

#include "wg-person-detail-private.h"
#include "wg-region.h"

/* The form of WgPersonDetail: reading the fields into a draft, filling
 * them from a person, marking them with messages, the grid choice. */

const char * const _wg_person_detail_field_names[N_FIELDS] = {
  "name", "sex", "birth_date", "ethnicity", "phone", "residence_status",
  "origin_code", "nationality", "grid", "id_number",
};

void
_wg_person_detail_set_message (WgPersonDetail *self,
                                Field           field,
                                const char     *message)
{
  gtk_label_set_text (self->messages[field], message != NULL ? message : "");
  gtk_widget_set_visible (self->message_rows[field], message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (self->rows[field], "error");
  else
    gtk_widget_remove_css_class (self->rows[field], "error");
}


void
_wg_person_detail_show_messages (WgPersonDetail *self,
                                  GHashTable     *messages)
{
  for (guint i = 0; i < N_FIELDS; i++)
    _wg_person_detail_set_message (self, i, g_hash_table_lookup (messages, _wg_person_detail_field_names[i]));
}


Field
_wg_person_detail_field_from_name (const char *name)
{
  for (guint i = 0; i < N_FIELDS; i++)
    if (g_strcmp0 (_wg_person_detail_field_names[i], name) == 0)
      return i;
  return N_FIELDS;
}


void
_wg_person_draft_holder_clear (WgPersonDraftHolder *holder)
{
  g_clear_pointer (&holder->owned, g_ptr_array_unref);
}


static const char *
wg_person_detail_text (WgPersonDetail *self,
                       Field           field,
                       GPtrArray      *owned)
{
  GtkWidget *row = field == FIELD_ID_NUMBER ? self->id_number_entry : self->rows[field];
  char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  g_ptr_array_add (owned, text);
  return text;
}


static const char *
wg_person_detail_choice (GtkWidget          *row,
                         const char * const *values,
                         guint               n_values)
{
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (row));

  return selected < n_values ? values[selected] : NULL;
}


void
_wg_person_detail_read (WgPersonDetail      *self,
                         WgPersonDraftHolder *holder)
{
  WgPersonDraft *draft = &holder->draft;
  guint grid = adw_combo_row_get_selected (ADW_COMBO_ROW (self->rows[FIELD_GRID]));
  GPtrArray *owned = holder->owned = g_ptr_array_new_with_free_func (g_free);

  draft->name = wg_person_detail_text (self, FIELD_NAME, owned);
  draft->sex = wg_person_detail_choice (self->rows[FIELD_SEX], wg_person_sexes, WG_PERSON_N_SEXES);
  draft->birth_date = wg_person_detail_text (self, FIELD_BIRTH_DATE, owned);
  draft->ethnicity = wg_person_detail_text (self, FIELD_ETHNICITY, owned);
  draft->phone = wg_person_detail_text (self, FIELD_PHONE, owned);
  draft->id_number = wg_person_detail_text (self, FIELD_ID_NUMBER, owned);
  draft->residence_status = wg_person_detail_choice (self->rows[FIELD_RESIDENCE_STATUS],
                                                     wg_person_statuses, WG_PERSON_N_STATUSES);
  draft->origin_code = wg_person_detail_text (self, FIELD_ORIGIN_CODE, owned);
  draft->nationality = wg_person_detail_text (self, FIELD_NATIONALITY, owned);
  draft->grid = grid < self->grid_codes->len ? g_ptr_array_index (self->grid_codes, grid) : NULL;
}


static guint
wg_person_detail_index_of (const char * const *values,
                           const char         *value)
{
  for (guint i = 0; values[i] != NULL; i++)
    if (g_strcmp0 (values[i], value) == 0)
      return i;
  return GTK_INVALID_LIST_POSITION;
}


static guint
wg_person_detail_grid_index (WgPersonDetail *self,
                             const char     *code,
                             const char     *name)
{
  for (guint i = 0; i < self->grid_codes->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->grid_codes, i), code) == 0)
      return i;
  if (code == NULL)
    return GTK_INVALID_LIST_POSITION;
  /* a grid the territory did not list (not loaded yet): keep it choosable */
  g_ptr_array_add (self->grid_codes, g_strdup (code));
  gtk_string_list_append (self->grid_names, name != NULL ? name : code);
  return self->grid_codes->len - 1;
}


static void
wg_person_detail_set_text (WgPersonDetail *self,
                           Field           field,
                           const char     *text)
{
  GtkWidget *row = field == FIELD_ID_NUMBER ? self->id_number_entry : self->rows[field];

  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}


void
_wg_person_detail_fill_form (WgPersonDetail *self,
                              WgPerson       *person,
                              const char     *grid_code)
{
  self->filling = TRUE;
  wg_person_detail_set_text (self, FIELD_NAME, person ? wg_person_get_name (person) : NULL);
  wg_person_detail_set_text (self, FIELD_BIRTH_DATE, person ? wg_person_get_birth_date (person) : NULL);
  wg_person_detail_set_text (self, FIELD_ETHNICITY, person ? wg_person_get_ethnicity (person) : NULL);
  wg_person_detail_set_text (self, FIELD_PHONE, person ? wg_person_get_phone (person) : NULL);
  wg_person_detail_set_text (self, FIELD_ORIGIN_CODE, person ? wg_person_get_origin_code (person) : NULL);
  wg_person_detail_set_text (self, FIELD_NATIONALITY, person ? wg_person_get_nationality (person) : NULL);
  wg_person_detail_set_text (self, FIELD_ID_NUMBER, NULL);
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->rows[FIELD_SEX]),
                              wg_person_detail_index_of (wg_person_sexes, person ? wg_person_get_sex (person) : NULL));
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->rows[FIELD_RESIDENCE_STATUS]),
                              person != NULL ? wg_person_detail_index_of (wg_person_statuses,
                                                                           wg_person_get_residence_status (person))
                                             : 0);
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->rows[FIELD_GRID]),
                              wg_person_detail_grid_index (self, person ? wg_person_get_grid_code (person) : grid_code,
                                                           person ? wg_person_get_grid_name (person) : NULL));
  self->filling = FALSE;
}


void
wg_person_detail_set_regions (WgPersonDetail *self,
                              GListModel     *regions)
{
  g_autoptr(GPtrArray) grids = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = regions != NULL ? g_list_model_get_n_items (regions) : 0;
  g_autofree char *chosen = NULL;
  guint selected;

  g_return_if_fail (WG_IS_PERSON_DETAIL (self));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WgRegion) region = g_list_model_get_item (regions, i);

      if (wg_region_get_level (region) == WG_REGION_LEVEL_GRID)
        g_ptr_array_add (grids, g_steal_pointer (&region));
    }
  /* the grid chosen stays chosen, and nothing else of the form changes */
  selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self->rows[FIELD_GRID]));
  if (selected < self->grid_codes->len)
    chosen = g_strdup (g_ptr_array_index (self->grid_codes, selected));
  self->filling = TRUE;
  g_ptr_array_set_size (self->grid_codes, 0);
  gtk_string_list_splice (self->grid_names, 0, g_list_model_get_n_items (G_LIST_MODEL (self->grid_names)), NULL);
  for (guint i = 0; i < grids->len; i++)
    {
      WgRegion *grid = g_ptr_array_index (grids, i);

      g_ptr_array_add (self->grid_codes, g_strdup (wg_region_get_code (grid)));
      gtk_string_list_append (self->grid_names, wg_region_get_name (grid));
    }
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->rows[FIELD_GRID]),
                              wg_person_detail_grid_index (self, chosen, NULL));
  self->filling = FALSE;
}


const char *
wg_person_detail_get_field_message (WgPersonDetail *self,
                                    const char     *field)
{
  Field index = _wg_person_detail_field_from_name (field);

  g_return_val_if_fail (WG_IS_PERSON_DETAIL (self), NULL);

  if (index == N_FIELDS || !gtk_widget_get_visible (self->message_rows[index]))
    return NULL;
  return gtk_label_get_text (self->messages[index]);
}


void
wg_person_detail_set_field_text (WgPersonDetail *self,
                                 const char     *field,
                                 const char     *text)
{
  Field index = _wg_person_detail_field_from_name (field);

  g_return_if_fail (WG_IS_PERSON_DETAIL (self));
  g_return_if_fail (index < N_FIELDS);

  switch (index)
    {
    case FIELD_SEX:
      adw_combo_row_set_selected (ADW_COMBO_ROW (self->rows[index]),
                                  wg_person_detail_index_of (wg_person_sexes, text));
      break;
    case FIELD_RESIDENCE_STATUS:
      adw_combo_row_set_selected (ADW_COMBO_ROW (self->rows[index]),
                                  wg_person_detail_index_of (wg_person_statuses, text));
      break;
    case FIELD_GRID:
      adw_combo_row_set_selected (ADW_COMBO_ROW (self->rows[index]),
                                  wg_person_detail_grid_index (self, text, NULL));
      break;
    default:
      wg_person_detail_set_text (self, index, text);
    }
}

