#define G_LOG_DOMAIN "wg-diary-page"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "wg-api-client-diary.h"
#include "wg-diary-date-button.h"
#include "wg-diary-page.h"
#include "wg-diary-row.h"
#include "wg-error-messages.h"
#include "wg-record-rules.h"
#include "wg-region.h"

struct _WgDiaryPage
{
  GtkWidget parent_instance;

  WgApiClient *client;
  WgUser *user;
  GCancellable *cancellable;     /* the page's requests (the grids) */
  WgRecordModel *model;
  GtkSingleSelection *selection;
  GListModel *grids;
  gboolean loading_grids;
  char *grids_message;           /* why they could not be loaded, translated */
  GtkStringList *grid_labels;    /* [0] "All of my grids", then grids */
  gboolean setting_filters;
  gint64 select_id;              /* an entry to select once the list has it */
  char *count_text;

  AdwLeaflet *leaflet;
  GtkWidget *list_pane;
  GtkDropDown *grid_dropdown;
  WgDiaryDateButton *from_button;
  WgDiaryDateButton *to_button;
  GtkCheckButton *mine_check;
  GtkCheckButton *follow_up_check;
  GtkLabel *count_label;
  GtkSpinner *list_spinner;
  GtkStack *list_stack;
  GtkListView *list_view;
  AdwStatusPage *empty_page;
  GtkWidget *empty_write_button;
  AdwStatusPage *error_page;
  GtkStack *pane_stack;
  WgDiaryDetail *detail;
  WgDiaryForm *form;
};

G_DEFINE_FINAL_TYPE (WgDiaryPage, wg_diary_page, GTK_TYPE_WIDGET)

/* Decisions */

static void
wg_diary_page_update_actions (WgDiaryPage *self)
{
  guint role_mask = self->user != NULL ? wg_user_get_role_mask (self->user) : 0;
  gboolean write = (wg_diary_actions (NULL, 0, role_mask) & WG_DIARY_ACTION_WRITE) != 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "diary.write", write && self->client != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "diary.reload", self->model != NULL);
  gtk_widget_set_visible (self->empty_write_button, write);
}

static gboolean
wg_diary_page_filtered (WgDiaryPage *self)
{
  return gtk_drop_down_get_selected (self->grid_dropdown) > 0 ||
         wg_diary_date_button_get_date (self->from_button) != NULL ||
         wg_diary_date_button_get_date (self->to_button) != NULL ||
         gtk_check_button_get_active (self->mine_check) ||
         gtk_check_button_get_active (self->follow_up_check);
}

static void
wg_diary_page_show_empty (WgDiaryPage *self)
{
  if (wg_diary_page_filtered (self))
    {
      adw_status_page_set_title (self->empty_page, _("No Entries Found"));
      adw_status_page_set_description (self->empty_page, _("No diary entry matches the grid, the dates and the "
                                                           "choices above."));
    }
  else
    {
      adw_status_page_set_title (self->empty_page, _("No Entries Yet"));
      adw_status_page_set_description (self->empty_page, _("The sentiment diary of your grids: the households "
                                                           "visited on each round, what was heard and what needs "
                                                           "following up."));
    }
  gtk_stack_set_visible_child_name (self->list_stack, "empty");
}

static void
wg_diary_page_update_status (WgDiaryPage *self)
{
  WgPagedModel *model = WG_PAGED_MODEL (self->model);
  gint64 total = wg_paged_model_get_total (model);
  gboolean loading = wg_paged_model_get_loading (model);
  const GError *error = wg_paged_model_get_error (model);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (model));

  g_clear_pointer (&self->count_text, g_free);
  if (total >= 0)
    self->count_text = wg_record_count_text (wg_diary_kind (), total);
  else
    self->count_text = g_strdup (loading ? _("Loading…") : "");
  gtk_label_set_text (self->count_label, self->count_text);
  gtk_spinner_set_spinning (self->list_spinner, loading);
  if (error != NULL && n == 0)
    {
      g_autofree char *message = wg_error_get_user_message (error);

      adw_status_page_set_description (self->error_page, message);
      gtk_stack_set_visible_child_name (self->list_stack, "error");
    }
  else if (n == 0 && !loading)
    wg_diary_page_show_empty (self);
  else
    gtk_stack_set_visible_child_name (self->list_stack, "list");
}

static const char *
wg_diary_page_selected_grid (WgDiaryPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->grid_dropdown);
  g_autoptr(WgRegion) grid = NULL;

  /* 0 is "all of my grids" */
  if (self->grids == NULL || selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return NULL;
  grid = g_list_model_get_item (self->grids, selected - 1);
  return grid != NULL ? g_intern_string (wg_region_get_code (grid)) : NULL;
}

static void
wg_diary_page_apply_filters (WgDiaryPage *self)
{
  g_autoptr(GHashTable) filters = g_hash_table_new (g_str_hash, g_str_equal);
  WgRecordQuery query = {
    .region = wg_diary_page_selected_grid (self),
    .filters = filters,
    .from = wg_diary_date_button_get_date (self->from_button),
    .to = wg_diary_date_button_get_date (self->to_button),
    .mine = gtk_check_button_get_active (self->mine_check),
  };

  if (self->model == NULL || self->setting_filters)
    return;
  if (gtk_check_button_get_active (self->follow_up_check))
    g_hash_table_insert (filters, (gpointer) "follow_up", (gpointer) "true");
  wg_record_model_set_query (self->model, &query);
}

static void
wg_diary_page_show_pane (WgDiaryPage *self,
                         const char  *name)
{
  gtk_stack_set_visible_child_name (self->pane_stack, name);
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->pane_stack));
}

/* The entry the list should select once it has it (a new one). */
static void
wg_diary_page_select_pending (WgDiaryPage *self)
{
  gint position;

  if (self->select_id == 0)
    return;
  position = wg_paged_model_find (WG_PAGED_MODEL (self->model), self->select_id);
  if (position < 0)
    return;
  self->select_id = 0;
  gtk_single_selection_set_selected (self->selection, position);
}

/* Grids */

static void
wg_diary_page_set_grids (WgDiaryPage *self,
                         GListModel  *grids)
{
  guint n = g_list_model_get_n_items (grids);

  g_set_object (&self->grids, grids);
  self->setting_filters = TRUE;
  gtk_drop_down_set_selected (self->grid_dropdown, 0);
  gtk_string_list_splice (self->grid_labels, 1,
                          g_list_model_get_n_items (G_LIST_MODEL (self->grid_labels)) - 1, NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WgRegion) grid = g_list_model_get_item (grids, i);

      gtk_string_list_append (self->grid_labels, wg_region_get_name (grid));
    }
  self->setting_filters = FALSE;
  wg_diary_form_set_grids (self->form, grids);
}

static void
wg_diary_page_grids_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(WgDiaryPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) grids = NULL;

  grids = wg_api_client_list_grids_finish (WG_API_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->loading_grids = FALSE;
  g_clear_pointer (&self->grids_message, g_free);
  if (grids == NULL)
    {
      g_autofree char *reason = wg_error_get_user_message (error);

      /* the list still works across the scope; writing waits for the grids */
      g_debug ("Could not load the grids: %s", error->message);
      /* Translators: %s says why, e.g. the server cannot be reached */
      self->grids_message = g_strdup_printf (_("The grids of your territory could not be loaded: %s"), reason);
      if (wg_diary_page_get_writing (self))
        wg_diary_form_show_message (self->form, self->grids_message);
      return;
    }
  wg_diary_page_set_grids (self, grids);
}

static void
wg_diary_page_load_grids (WgDiaryPage *self)
{
  if (self->loading_grids || self->grids != NULL)
    return;
  self->loading_grids = TRUE;
  wg_api_client_list_grids_async (self->client, self->cancellable, wg_diary_page_grids_cb, g_object_ref (self));
}

/* Callbacks */

static void
wg_diary_page_filter_changed_cb (WgDiaryPage *self)
{
  wg_diary_page_apply_filters (self);
}

static void
wg_diary_page_model_changed_cb (WgDiaryPage *self)
{
  wg_diary_page_update_status (self);
  wg_diary_page_select_pending (self);
}

static void
wg_diary_page_open (WgDiaryPage *self,
                    guint        position)
{
  g_autoptr(WgRecordItem) item = g_list_model_get_item (G_LIST_MODEL (self->model), position);
  g_autoptr(WgDiaryEntry) entry = NULL;
  g_autoptr(GError) error = NULL;

  if (item == NULL)
    return;
  entry = wg_diary_entry_new_from_item (item, &error);
  if (entry == NULL)
    {
      g_warning ("Cannot open a diary entry: %s", error->message);
      return;
    }
  wg_diary_detail_show_entry (self->detail, entry);
  wg_diary_page_show_pane (self, "detail");
}

static void
wg_diary_page_selection_changed_cb (WgDiaryPage *self)
{
  guint selected = gtk_single_selection_get_selected (self->selection);

  /* a reload empties the list; the detail keeps its entry */
  if (selected != GTK_INVALID_LIST_POSITION)
    wg_diary_page_open (self, selected);
}

static void
wg_diary_page_list_activate_cb (WgDiaryPage *self,
                                guint        position)
{
  wg_diary_page_open (self, position);
}

static void
wg_diary_page_leaflet_folded_cb (WgDiaryPage *self)
{
  gboolean folded = adw_leaflet_get_folded (self->leaflet);

  wg_diary_detail_set_show_back (self->detail, folded);
  wg_diary_form_set_show_back (self->form, folded);
  /* folded, the list is the whole width */
  adw_clamp_set_maximum_size (ADW_CLAMP (self->list_pane), folded ? G_MAXINT / 2 : 400);
  adw_clamp_set_tightening_threshold (ADW_CLAMP (self->list_pane), folded ? G_MAXINT / 2 : 400);
}

static void
wg_diary_page_back_cb (WgDiaryPage *self)
{
  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
}

static void
wg_diary_page_detail_edit_cb (WgDiaryPage   *self,
                              WgDiaryEntry  *entry,
                              WgDiaryDetail *detail)
{
  wg_diary_form_show_edit (self->form, entry);
  wg_diary_page_show_pane (self, "form");
}

static void
wg_diary_page_detail_changed_cb (WgDiaryPage   *self,
                                 WgDiaryEntry  *entry,
                                 WgDiaryDetail *detail)
{
  g_autoptr(WgRecordItem) item = wg_diary_entry_dup_item (entry);
  gint64 id = wg_diary_entry_get_id (entry);
  gint position;

  wg_paged_model_replace (WG_PAGED_MODEL (self->model), id, item);
  /* the replaced row stays the selected one */
  position = wg_paged_model_find (WG_PAGED_MODEL (self->model), id);
  if (position >= 0)
    gtk_single_selection_set_selected (self->selection, position);
}

static void
wg_diary_page_detail_deleted_cb (WgDiaryPage   *self,
                                 gint64         id,
                                 WgDiaryDetail *detail)
{
  wg_paged_model_replace (WG_PAGED_MODEL (self->model), id, NULL);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
}

static void
wg_diary_page_form_saved_cb (WgDiaryPage  *self,
                             WgDiaryEntry *entry,
                             gboolean      created,
                             WgDiaryForm  *form)
{
  wg_diary_detail_show_entry (self->detail, entry);
  wg_diary_page_show_pane (self, "detail");
  if (!created)
    {
      wg_diary_page_detail_changed_cb (self, entry, self->detail);
      return;
    }
  /* newest first: it is at the top once the list is read again */
  self->select_id = wg_diary_entry_get_id (entry);
  wg_paged_model_reload (WG_PAGED_MODEL (self->model));
}

static void
wg_diary_page_form_cancelled_cb (WgDiaryPage *self,
                                 WgDiaryForm *form)
{
  gtk_stack_set_visible_child_name (self->pane_stack, "detail");
  if (wg_diary_detail_get_entry (self->detail) == NULL)
    adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
}

/* Actions */

static void
wg_diary_page_action_write (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  wg_diary_page_write (WG_DIARY_PAGE (widget));
}

static void
wg_diary_page_action_reload (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  WgDiaryPage *self = WG_DIARY_PAGE (widget);

  if (self->model != NULL)
    wg_paged_model_reload (WG_PAGED_MODEL (self->model));
}

/* GObject */

static void
wg_diary_page_dispose (GObject *object)
{
  WgDiaryPage *self = WG_DIARY_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->model != NULL)
    wg_paged_model_clear (WG_PAGED_MODEL (self->model));
  gtk_widget_dispose_template (GTK_WIDGET (self), WG_TYPE_DIARY_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  g_clear_object (&self->grids);
  g_clear_object (&self->grid_labels);
  g_clear_object (&self->client);
  g_clear_object (&self->user);

  G_OBJECT_CLASS (wg_diary_page_parent_class)->dispose (object);
}

static void
wg_diary_page_finalize (GObject *object)
{
  g_free (WG_DIARY_PAGE (object)->count_text);
  g_free (WG_DIARY_PAGE (object)->grids_message);

  G_OBJECT_CLASS (wg_diary_page_parent_class)->finalize (object);
}

static void
wg_diary_page_class_init (WgDiaryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wg_diary_page_dispose;
  object_class->finalize = wg_diary_page_finalize;

  g_type_ensure (WG_TYPE_DIARY_DATE_BUTTON);
  g_type_ensure (WG_TYPE_DIARY_DETAIL);
  g_type_ensure (WG_TYPE_DIARY_FORM);
  g_type_ensure (WG_TYPE_DIARY_ROW);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/wangge/Wangge/wg-diary-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WgDiaryPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, WgDiaryPage, list_pane);
  gtk_widget_class_bind_template_child (widget_class, WgDiaryPage, grid_dropdown);
  gtk_widget_class_bind_template_child (widget_class, WgDiaryPage, from_button);
  gtk_widget_class_bind_template_child (widget_class, WgDiaryPage, to_button);
  gtk_widget_class_bind_template_child (widget_class, WgDiaryPage, mine_check);
  gtk_widget_class_bind_template_child (widget_class, WgDiaryPage, follow_up_check);
  gtk_widget_class_bind_template_child (widget_class, WgDiaryPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, WgDiaryPage, list_spinner);
  gtk_widget_class_bind_template_child (widget_class, WgDiaryPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, WgDiaryPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, WgDiaryPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, WgDiaryPage, empty_write_button);
  gtk_widget_class_bind_template_child (widget_class, WgDiaryPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, WgDiaryPage, pane_stack);
  gtk_widget_class_bind_template_child (widget_class, WgDiaryPage, detail);
  gtk_widget_class_bind_template_child (widget_class, WgDiaryPage, form);
  gtk_widget_class_bind_template_callback (widget_class, wg_diary_page_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, wg_diary_page_list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, wg_diary_page_leaflet_folded_cb);
  gtk_widget_class_bind_template_callback (widget_class, wg_diary_page_back_cb);
  gtk_widget_class_bind_template_callback (widget_class, wg_diary_page_detail_edit_cb);
  gtk_widget_class_bind_template_callback (widget_class, wg_diary_page_detail_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, wg_diary_page_detail_deleted_cb);
  gtk_widget_class_bind_template_callback (widget_class, wg_diary_page_form_saved_cb);
  gtk_widget_class_bind_template_callback (widget_class, wg_diary_page_form_cancelled_cb);

  gtk_widget_class_install_action (widget_class, "diary.write", NULL, wg_diary_page_action_write);
  gtk_widget_class_install_action (widget_class, "diary.reload", NULL, wg_diary_page_action_reload);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "diary.write", NULL);
}

static void
wg_diary_page_init (WgDiaryPage *self)
{
  g_autoptr(GtkExpression) expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->grid_labels = gtk_string_list_new (NULL);
  gtk_string_list_append (self->grid_labels, _("All of my grids"));
  self->setting_filters = TRUE;
  gtk_drop_down_set_expression (self->grid_dropdown, expression);
  gtk_drop_down_set_model (self->grid_dropdown, G_LIST_MODEL (self->grid_labels));
  wg_diary_date_button_set_allow_empty (self->from_button, TRUE);
  wg_diary_date_button_set_allow_empty (self->to_button, TRUE);
  wg_diary_date_button_set_placeholder (self->from_button, _("Any day"));
  wg_diary_date_button_set_placeholder (self->to_button, _("Any day"));
  self->setting_filters = FALSE;
  wg_diary_page_leaflet_folded_cb (self);
  wg_diary_page_update_actions (self);
}

/* Public API */

static void
wg_diary_page_set_session (WgDiaryPage *self,
                           WgApiClient *client,
                           WgUser      *user)
{
  g_set_object (&self->client, client);
  g_set_object (&self->user, user);
  self->model = wg_record_model_new (client, wg_diary_kind ());
  g_signal_connect_object (self->model, "notify::loading",
                           G_CALLBACK (wg_diary_page_model_changed_cb), self, G_CONNECT_SWAPPED);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
  /* after the selection and the list view have seen the change */
  g_signal_connect_object (self->selection, "items-changed",
                           G_CALLBACK (wg_diary_page_model_changed_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected",
                           G_CALLBACK (wg_diary_page_selection_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  wg_diary_detail_set_session (self->detail, client, user);
  wg_diary_form_set_session (self->form, client, user);
  wg_diary_page_update_actions (self);
  wg_diary_page_apply_filters (self);
  wg_diary_page_update_status (self);
  wg_diary_page_load_grids (self);
}

GtkWidget *
wg_diary_page_new (WgApiClient *client,
                   WgUser      *user)
{
  WgDiaryPage *self;

  g_return_val_if_fail (WG_IS_API_CLIENT (client), NULL);

  self = g_object_new (WG_TYPE_DIARY_PAGE, NULL);
  wg_diary_page_set_session (self, client, user);
  return GTK_WIDGET (self);
}

WgRecordModel *
wg_diary_page_get_model (WgDiaryPage *self)
{
  g_return_val_if_fail (WG_IS_DIARY_PAGE (self), NULL);
  return self->model;
}

WgDiaryDetail *
wg_diary_page_get_detail (WgDiaryPage *self)
{
  g_return_val_if_fail (WG_IS_DIARY_PAGE (self), NULL);
  return self->detail;
}

WgDiaryForm *
wg_diary_page_get_form (WgDiaryPage *self)
{
  g_return_val_if_fail (WG_IS_DIARY_PAGE (self), NULL);
  return self->form;
}

GListModel *
wg_diary_page_get_grids (WgDiaryPage *self)
{
  g_return_val_if_fail (WG_IS_DIARY_PAGE (self), NULL);
  return self->grids;
}

const char *
wg_diary_page_get_count_text (WgDiaryPage *self)
{
  g_return_val_if_fail (WG_IS_DIARY_PAGE (self), NULL);
  return self->count_text;
}

const char *
wg_diary_page_get_list_state (WgDiaryPage *self)
{
  g_return_val_if_fail (WG_IS_DIARY_PAGE (self), NULL);
  return gtk_stack_get_visible_child_name (self->list_stack);
}

gboolean
wg_diary_page_get_writing (WgDiaryPage *self)
{
  g_return_val_if_fail (WG_IS_DIARY_PAGE (self), FALSE);
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->pane_stack), "form") == 0;
}

void
wg_diary_page_write (WgDiaryPage *self)
{
  g_return_if_fail (WG_IS_DIARY_PAGE (self));

  if (!gtk_widget_is_sensitive (GTK_WIDGET (self)) || self->client == NULL)
    return;
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  /* today's entry goes to the grid the list is filtered to, if any; a
   * draft left for a look at the list is taken up again */
  if (!wg_diary_form_has_draft (self->form))
    wg_diary_form_show_new (self->form, wg_diary_page_selected_grid (self));
  wg_diary_page_show_pane (self, "form");
  /* the grids failed to come: say so, and ask again */
  if (self->grids_message != NULL)
    wg_diary_form_show_message (self->form, self->grids_message);
  wg_diary_page_load_grids (self);
}

void
wg_diary_page_open_position (WgDiaryPage *self,
                             guint        position)
{
  g_return_if_fail (WG_IS_DIARY_PAGE (self));
  gtk_single_selection_set_selected (self->selection, position);
}

gboolean
wg_diary_page_set_grid (WgDiaryPage *self,
                        const char  *grid)
{
  guint n;

  g_return_val_if_fail (WG_IS_DIARY_PAGE (self), FALSE);

  if (grid == NULL)
    {
      gtk_drop_down_set_selected (self->grid_dropdown, 0);
      return TRUE;
    }
  n = self->grids != NULL ? g_list_model_get_n_items (self->grids) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WgRegion) region = g_list_model_get_item (self->grids, i);

      if (g_str_equal (wg_region_get_code (region), grid))
        {
          gtk_drop_down_set_selected (self->grid_dropdown, i + 1);
          return TRUE;
        }
    }
  return FALSE;
}

void
wg_diary_page_set_dates (WgDiaryPage *self,
                         const char  *from,
                         const char  *to)
{
  g_return_if_fail (WG_IS_DIARY_PAGE (self));

  self->setting_filters = TRUE;
  wg_diary_date_button_set_date (self->from_button, from);
  wg_diary_date_button_set_date (self->to_button, to);
  self->setting_filters = FALSE;
  wg_diary_page_apply_filters (self);
}

void
wg_diary_page_set_only_mine (WgDiaryPage *self,
                             gboolean     mine)
{
  g_return_if_fail (WG_IS_DIARY_PAGE (self));
  gtk_check_button_set_active (self->mine_check, mine);
}

void
wg_diary_page_set_only_follow_up (WgDiaryPage *self,
                                  gboolean     follow_up)
{
  g_return_if_fail (WG_IS_DIARY_PAGE (self));
  gtk_check_button_set_active (self->follow_up_check, follow_up);
}
