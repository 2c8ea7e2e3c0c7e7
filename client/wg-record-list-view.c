#define G_LOG_DOMAIN "wg-record-list-view"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "wg-list-status.h"
#include "wg-record-list-view.h"
#include "wg-record-rules.h"
#include "wg-region.h"
#include "wg-region-filter.h"

/* The major classes of city components (DESIGN §6, catalog 01–06). */
static const WgChoice component_classes[] = {
  { "01", N_("Public facilities") },
  { "02", N_("Roads and traffic") },
  { "03", N_("City appearance") },
  { "04", N_("Landscaping") },
  { "05", N_("Houses and land") },
  { "06", N_("Other facilities") },
  { NULL, NULL },
};

static const WgChoice boolean_choices[] = {
  { "true", N_("Yes") },
  { "false", N_("No") },
  { NULL, NULL },
};

/* One drop-down of a filter field; values[0] NULL is "all". */
typedef struct {
  const WgFieldSpec *field;
  GtkDropDown *dropdown;
  GPtrArray *values;
} WgListFilter;

struct _WgRecordListView
{
  GtkWidget parent_instance;

  const WgRecordKind *kind;
  WgApiClient *client;
  guint role_mask;
  WgRecordModel *model;
  GtkSingleSelection *selection;
  GArray *filters;               /* WgListFilter */
  GtkStringList *region_labels;
  GPtrArray *region_codes;       /* parallel to region_labels; [0] NULL = all */
  GPtrArray *narrow_hidden;      /* GtkColumnViewColumn */
  gboolean setting_filters;
  gboolean load_pending;         /* a session, not yet shown: nothing asked */
  char *count_text;

  AdwLeaflet *leaflet;
  GtkWidget *list_pane;
  GtkSearchEntry *search_entry;
  GtkWidget *new_button;
  GtkBox *filter_box;
  GtkDropDown *region_dropdown;
  GtkLabel *count_label;
  GtkSpinner *list_spinner;
  GtkStack *list_stack;
  AdwStatusPage *error_page;
  GtkColumnView *column_view;
  WgRecordDetail *detail;
};

G_DEFINE_FINAL_TYPE (WgRecordListView, wg_record_list_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_KIND_NAME,
  N_PROPS
};

enum {
  SIGNAL_SHOW_GRID,
  SIGNAL_OPEN_PERSON,
  SIGNAL_OPEN_RECORD,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Decisions */

static void
wg_record_list_view_update_actions (WgRecordListView *self)
{
  gboolean write = self->kind != NULL && wg_record_kind_may_write (self->kind, self->role_mask);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "list.new", write && self->client != NULL);
  gtk_widget_set_visible (self->new_button, write);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "list.reload",
                                 self->model != NULL && !wg_paged_model_get_loading (WG_PAGED_MODEL (self->model)));
}

static void
wg_record_list_view_update_status (WgRecordListView *self)
{
  WgListStatus status = { self->count_label, self->list_spinner, self->list_stack, self->error_page };
  gint64 total = wg_paged_model_get_total (WG_PAGED_MODEL (self->model));

  g_free (self->count_text);
  self->count_text = wg_list_status_show (&status, WG_PAGED_MODEL (self->model),
                                          total >= 0 ? wg_record_count_text (self->kind, total) : NULL);
  wg_record_list_view_update_actions (self);
}

static const char *
wg_record_list_view_filter_value (WgListFilter *filter)
{
  guint selected = gtk_drop_down_get_selected (filter->dropdown);

  return selected < filter->values->len ? g_ptr_array_index (filter->values, selected) : NULL;
}

GHashTable *
wg_record_list_view_dup_filters (WgRecordListView *self)
{
  GHashTable *filters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  const char *region;

  g_return_val_if_fail (WG_IS_RECORD_LIST_VIEW (self), filters);

  for (guint i = 0; i < self->filters->len; i++)
    {
      WgListFilter *filter = &g_array_index (self->filters, WgListFilter, i);
      const char *value = wg_record_list_view_filter_value (filter);

      if (value != NULL)
        g_hash_table_insert (filters, g_strdup (filter->field->name), g_strdup (value));
    }
  region = wg_region_filter_get_selected (self->region_dropdown, self->region_codes);
  if (region != NULL)
    g_hash_table_insert (filters, g_strdup ("region"), g_strdup (region));
  if (self->kind->search != WG_SEARCH_NONE)
    {
      g_autofree char *q = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));

      if (*q != '\0')
        g_hash_table_insert (filters, g_strdup ("q"), g_steal_pointer (&q));
    }
  return filters;
}

static void
wg_record_list_view_apply_filters (WgRecordListView *self)
{
  g_autoptr(GHashTable) filters = NULL;
  g_autofree char *region = NULL;
  g_autofree char *q = NULL;
  WgRecordQuery query = { 0 };

  if (self->model == NULL || self->setting_filters)
    return;
  /* the sub-pages the user never opens cost the server nothing */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->load_pending = TRUE;
      return;
    }
  self->load_pending = FALSE;
  filters = wg_record_list_view_dup_filters (self);
  region = g_strdup (g_hash_table_lookup (filters, "region"));
  q = g_strdup (g_hash_table_lookup (filters, "q"));
  g_hash_table_remove (filters, "region");
  g_hash_table_remove (filters, "q");
  query.region = region;
  query.q = q;
  query.filters = filters;
  wg_record_model_set_query (self->model, &query);
}

static void
wg_record_list_view_open (WgRecordListView *self,
                          guint             position)
{
  g_autoptr(WgRecordItem) item = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (item == NULL)
    return;
  if (wg_record_item_get_id (item) != wg_record_detail_get_record_id (self->detail))
    wg_record_detail_show_record (self->detail, wg_record_item_get_id (item));
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->detail));
}

/* Callbacks */

static void
wg_record_list_view_filter_changed_cb (WgRecordListView *self)
{
  wg_record_list_view_apply_filters (self);
}

static void
wg_record_list_view_model_changed_cb (WgRecordListView *self)
{
  wg_record_list_view_update_status (self);
}

static void
wg_record_list_view_selection_changed_cb (WgRecordListView *self)
{
  guint selected = gtk_single_selection_get_selected (self->selection);

  /* A reload empties the list; the detail keeps its record. */
  if (selected != GTK_INVALID_LIST_POSITION)
    wg_record_list_view_open (self, selected);
}

static void
wg_record_list_view_column_view_activate_cb (WgRecordListView *self,
                                             guint             position)
{
  wg_record_list_view_open (self, position);
}

static void
wg_record_list_view_leaflet_folded_cb (WgRecordListView *self)
{
  gboolean folded = adw_leaflet_get_folded (self->leaflet);

  wg_record_detail_set_show_back (self->detail, folded);
  for (guint i = 0; self->narrow_hidden != NULL && i < self->narrow_hidden->len; i++)
    gtk_column_view_column_set_visible (g_ptr_array_index (self->narrow_hidden, i), !folded);
}

static void
wg_record_list_view_detail_saved_cb (WgRecordListView *self,
                                     WgRecordItem     *item,
                                     gboolean          created,
                                     WgRecordDetail   *detail)
{
  gint position;

  if (created)
    {
      wg_paged_model_reload (WG_PAGED_MODEL (self->model));
      return;
    }
  wg_paged_model_replace (WG_PAGED_MODEL (self->model), wg_record_item_get_id (item), item);
  /* the replaced row stays the selected one */
  position = wg_paged_model_find (WG_PAGED_MODEL (self->model), wg_record_item_get_id (item));
  if (position >= 0)
    gtk_single_selection_set_selected (self->selection, position);
}

static void
wg_record_list_view_detail_deleted_cb (WgRecordListView *self,
                                       gint64            id,
                                       WgRecordDetail   *detail)
{
  wg_paged_model_replace (WG_PAGED_MODEL (self->model), id, NULL);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
}

static void
wg_record_list_view_detail_show_grid_cb (WgRecordListView *self,
                                         const char       *code,
                                         WgRecordDetail   *detail)
{
  g_signal_emit (self, signals[SIGNAL_SHOW_GRID], 0, code);
}

static void
wg_record_list_view_detail_open_person_cb (WgRecordListView *self,
                                           gint64            id,
                                           WgRecordDetail   *detail)
{
  g_signal_emit (self, signals[SIGNAL_OPEN_PERSON], 0, id);
}

static void
wg_record_list_view_detail_open_record_cb (WgRecordListView *self,
                                           const char       *kind,
                                           gint64            id,
                                           WgRecordDetail   *detail)
{
  g_signal_emit (self, signals[SIGNAL_OPEN_RECORD], 0, kind, id);
}

static void
wg_record_list_view_detail_back_cb (WgRecordListView *self,
                                    WgRecordDetail   *detail)
{
  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
}

/* Actions */

static void
wg_record_list_view_action_new (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  WgRecordListView *self = WG_RECORD_LIST_VIEW (widget);
  const char *region = wg_region_filter_get_selected (self->region_dropdown, self->region_codes);

  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  /* a new record goes to the grid the list is filtered to, if any */
  wg_record_detail_show_new (self->detail, region != NULL && wg_region_code_is_valid (region, WG_REGION_LEVEL_GRID)
                                           ? region : NULL);
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->detail));
}

static void
wg_record_list_view_action_reload (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  WgRecordListView *self = WG_RECORD_LIST_VIEW (widget);

  if (self->model != NULL)
    wg_paged_model_reload (WG_PAGED_MODEL (self->model));
}

static void
wg_record_list_view_action_focus_search (GtkWidget  *widget,
                                         const char *action_name,
                                         GVariant   *parameter)
{
  gtk_widget_grab_focus (GTK_WIDGET (WG_RECORD_LIST_VIEW (widget)->search_entry));
}

/* Columns and filters, from the kind */

static void
wg_record_list_view_cell_setup_cb (GtkSignalListItemFactory *factory,
                                   GtkListItem              *list_item,
                                   gpointer                  user_data)
{
  const WgFieldSpec *field = user_data;
  GtkWidget *label = gtk_label_new (NULL);
  gboolean number = field->type == WG_FIELD_DECIMAL || field->type == WG_FIELD_INTEGER;

  gtk_label_set_xalign (GTK_LABEL (label), number ? 1 : 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), field->flags & WG_FIELD_TITLE ? 6 : 2);
  gtk_list_item_set_child (list_item, label);
}

static void
wg_record_list_view_cell_bind_cb (GtkSignalListItemFactory *factory,
                                  GtkListItem              *list_item,
                                  gpointer                  user_data)
{
  const WgFieldSpec *field = user_data;
  WgRecordItem *item = gtk_list_item_get_item (list_item);
  g_autofree char *text = wg_record_format_value (field, wg_record_item_get_value (item, field->name));

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (list_item)), text);
}

/* Narrow, a list keeps what names a record, its kind and its grid. */
static gboolean
wg_record_list_view_narrow_column (const WgFieldSpec *field,
                                   gboolean           first_choice)
{
  return (field->flags & WG_FIELD_TITLE) || field->type == WG_FIELD_GRID || first_choice;
}

static void
wg_record_list_view_add_columns (WgRecordListView *self)
{
  gboolean choice_seen = FALSE;

  for (guint i = 0; i < self->kind->n_fields; i++)
    {
      const WgFieldSpec *field = &self->kind->fields[i];
      GtkListItemFactory *factory;
      g_autoptr(GtkColumnViewColumn) column = NULL;
      gboolean first_choice;

      if (!(field->flags & WG_FIELD_LIST) || field->type == WG_FIELD_POINT || field->type == WG_FIELD_POLYGON)
        continue;
      first_choice = field->type == WG_FIELD_CHOICE && !choice_seen;
      choice_seen |= field->type == WG_FIELD_CHOICE;
      factory = gtk_signal_list_item_factory_new ();
      g_signal_connect (factory, "setup", G_CALLBACK (wg_record_list_view_cell_setup_cb), (gpointer) field);
      g_signal_connect (factory, "bind", G_CALLBACK (wg_record_list_view_cell_bind_cb), (gpointer) field);
      column = gtk_column_view_column_new (wg_record_field_get_label (field), factory);
      gtk_column_view_column_set_expand (column, (field->flags & WG_FIELD_TITLE) != 0);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_append_column (self->column_view, column);
      if (!wg_record_list_view_narrow_column (field, first_choice))
        g_ptr_array_add (self->narrow_hidden, g_object_ref (column));
    }
}

static void
wg_record_list_view_add_filter (WgRecordListView  *self,
                                const WgFieldSpec *field,
                                const WgChoice    *choices)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autofree char *all = NULL;
  WgListFilter filter = { field, NULL, g_ptr_array_new_with_free_func (g_free) };

  /* Translators: the first item of a list filter, e.g. "Use: all" */
  all = g_strdup_printf (_("%s: all"), wg_record_field_get_label (field));
  gtk_string_list_append (labels, all);
  g_ptr_array_add (filter.values, NULL);
  for (const WgChoice *choice = choices; choice->value != NULL; choice++)
    {
      gtk_string_list_append (labels, _(choice->label));
      g_ptr_array_add (filter.values, g_strdup (choice->value));
    }
  filter.dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&labels)), NULL));
  gtk_widget_set_tooltip_text (GTK_WIDGET (filter.dropdown), wg_record_field_get_label (field));
  g_signal_connect_object (filter.dropdown, "notify::selected",
                           G_CALLBACK (wg_record_list_view_filter_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_box_insert_child_after (self->filter_box, GTK_WIDGET (filter.dropdown),
                              self->filters->len > 0
                              ? GTK_WIDGET (g_array_index (self->filters, WgListFilter, self->filters->len - 1).dropdown)
                              : NULL);
  g_array_append_val (self->filters, filter);
}

static void
wg_record_list_view_add_filters (WgRecordListView *self)
{
  for (guint i = 0; i < self->kind->n_fields; i++)
    {
      const WgFieldSpec *field = &self->kind->fields[i];

      if (!(field->flags & WG_FIELD_FILTER))
        continue;
      if (field->type == WG_FIELD_CHOICE)
        wg_record_list_view_add_filter (self, field, field->choices);
      else if (field->type == WG_FIELD_CLASS_CODE)
        wg_record_list_view_add_filter (self, field, component_classes);
      else if (field->type == WG_FIELD_BOOLEAN)
        wg_record_list_view_add_filter (self, field, boolean_choices);
    }
}

static void
wg_record_list_view_build (WgRecordListView *self)
{
  g_autofree char *new_tooltip = NULL;

  self->setting_filters = TRUE;
  wg_record_list_view_add_columns (self);
  wg_record_list_view_add_filters (self);
  self->setting_filters = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->search_entry), self->kind->search != WG_SEARCH_NONE);
  /* without a search field the add button keeps to the end of the row */
  gtk_widget_set_hexpand (self->new_button, self->kind->search == WG_SEARCH_NONE);
  gtk_widget_set_halign (self->new_button, self->kind->search == WG_SEARCH_NONE ? GTK_ALIGN_END : GTK_ALIGN_FILL);
  if (self->kind->search_hint != NULL)
    g_object_set (self->search_entry, "placeholder-text", _(self->kind->search_hint), NULL);
  /* Translators: the tooltip of the list's add button, e.g. "New House" */
  new_tooltip = g_strdup_printf (_("New: %s"), _(self->kind->singular));
  gtk_widget_set_tooltip_text (self->new_button, new_tooltip);
  wg_record_detail_set_kind (self->detail, self->kind);
  wg_record_list_view_leaflet_folded_cb (self);
}

/* GtkWidget */

static void
wg_record_list_view_map (GtkWidget *widget)
{
  WgRecordListView *self = WG_RECORD_LIST_VIEW (widget);

  GTK_WIDGET_CLASS (wg_record_list_view_parent_class)->map (widget);
  if (self->load_pending)
    wg_record_list_view_apply_filters (self);
}

/* GObject */

static void
wg_record_list_view_constructed (GObject *object)
{
  WgRecordListView *self = WG_RECORD_LIST_VIEW (object);

  G_OBJECT_CLASS (wg_record_list_view_parent_class)->constructed (object);

  g_return_if_fail (self->kind != NULL);
  wg_record_list_view_build (self);
  wg_record_list_view_update_actions (self);
}

static void
wg_record_list_view_dispose (GObject *object)
{
  WgRecordListView *self = WG_RECORD_LIST_VIEW (object);

  if (self->model != NULL)
    wg_paged_model_clear (WG_PAGED_MODEL (self->model));
  gtk_widget_dispose_template (GTK_WIDGET (self), WG_TYPE_RECORD_LIST_VIEW);
  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  g_clear_object (&self->client);
  g_clear_object (&self->region_labels);
  g_clear_pointer (&self->narrow_hidden, g_ptr_array_unref);

  G_OBJECT_CLASS (wg_record_list_view_parent_class)->dispose (object);
}

static void
wg_record_list_view_finalize (GObject *object)
{
  WgRecordListView *self = WG_RECORD_LIST_VIEW (object);

  for (guint i = 0; i < self->filters->len; i++)
    g_ptr_array_unref (g_array_index (self->filters, WgListFilter, i).values);
  g_array_unref (self->filters);
  g_clear_pointer (&self->region_codes, g_ptr_array_unref);
  g_free (self->count_text);

  G_OBJECT_CLASS (wg_record_list_view_parent_class)->finalize (object);
}

static void
wg_record_list_view_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  WgRecordListView *self = WG_RECORD_LIST_VIEW (object);

  switch (prop_id)
    {
    case PROP_KIND_NAME:
      self->kind = wg_record_kind_lookup (g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wg_record_list_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  WgRecordListView *self = WG_RECORD_LIST_VIEW (object);

  switch (prop_id)
    {
    case PROP_KIND_NAME:
      g_value_set_string (value, self->kind != NULL ? self->kind->name : NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wg_record_list_view_class_init (WgRecordListViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = wg_record_list_view_constructed;
  object_class->dispose = wg_record_list_view_dispose;
  object_class->finalize = wg_record_list_view_finalize;
  object_class->set_property = wg_record_list_view_set_property;
  object_class->get_property = wg_record_list_view_get_property;
  widget_class->map = wg_record_list_view_map;

  properties[PROP_KIND_NAME] =
    g_param_spec_string ("kind-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * WgRecordListView::show-grid:
   * @code: a grid's code
   */
  signals[SIGNAL_SHOW_GRID] =
    g_signal_new ("show-grid", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
  /**
   * WgRecordListView::open-person:
   * @id: a person's id
   */
  signals[SIGNAL_OPEN_PERSON] =
    g_signal_new ("open-person", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);
  /**
   * WgRecordListView::open-record:
   * @kind: the kind's name
   * @id: the record's id
   */
  signals[SIGNAL_OPEN_RECORD] =
    g_signal_new ("open-record", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_INT64);

  g_type_ensure (WG_TYPE_RECORD_DETAIL);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/wangge/Wangge/wg-record-list-view.ui");
  gtk_widget_class_bind_template_child (widget_class, WgRecordListView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, WgRecordListView, list_pane);
  gtk_widget_class_bind_template_child (widget_class, WgRecordListView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, WgRecordListView, new_button);
  gtk_widget_class_bind_template_child (widget_class, WgRecordListView, filter_box);
  gtk_widget_class_bind_template_child (widget_class, WgRecordListView, region_dropdown);
  gtk_widget_class_bind_template_child (widget_class, WgRecordListView, count_label);
  gtk_widget_class_bind_template_child (widget_class, WgRecordListView, list_spinner);
  gtk_widget_class_bind_template_child (widget_class, WgRecordListView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, WgRecordListView, error_page);
  gtk_widget_class_bind_template_child (widget_class, WgRecordListView, column_view);
  gtk_widget_class_bind_template_child (widget_class, WgRecordListView, detail);
  gtk_widget_class_bind_template_callback (widget_class, wg_record_list_view_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, wg_record_list_view_column_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, wg_record_list_view_leaflet_folded_cb);
  gtk_widget_class_bind_template_callback (widget_class, wg_record_list_view_detail_saved_cb);
  gtk_widget_class_bind_template_callback (widget_class, wg_record_list_view_detail_deleted_cb);
  gtk_widget_class_bind_template_callback (widget_class, wg_record_list_view_detail_show_grid_cb);
  gtk_widget_class_bind_template_callback (widget_class, wg_record_list_view_detail_open_person_cb);
  gtk_widget_class_bind_template_callback (widget_class, wg_record_list_view_detail_open_record_cb);
  gtk_widget_class_bind_template_callback (widget_class, wg_record_list_view_detail_back_cb);

  gtk_widget_class_install_action (widget_class, "list.new", NULL, wg_record_list_view_action_new);
  gtk_widget_class_install_action (widget_class, "list.reload", NULL, wg_record_list_view_action_reload);
  gtk_widget_class_install_action (widget_class, "list.focus-search", NULL,
                                   wg_record_list_view_action_focus_search);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "list.focus-search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "list.new", NULL);
}

static void
wg_record_list_view_init (WgRecordListView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->filters = g_array_new (FALSE, TRUE, sizeof (WgListFilter));
  self->narrow_hidden = g_ptr_array_new_with_free_func (g_object_unref);
  self->region_labels = gtk_string_list_new (NULL);
  self->region_codes = g_ptr_array_new_with_free_func (g_free);
  self->setting_filters = TRUE;
  wg_region_filter_init (self->region_dropdown, self->region_labels, self->region_codes);
  self->setting_filters = FALSE;
}

/* Public API */

GtkWidget *
wg_record_list_view_new (const WgRecordKind *kind)
{
  g_return_val_if_fail (kind != NULL, NULL);
  return g_object_new (WG_TYPE_RECORD_LIST_VIEW, "kind-name", kind->name, NULL);
}

const WgRecordKind *
wg_record_list_view_get_kind (WgRecordListView *self)
{
  g_return_val_if_fail (WG_IS_RECORD_LIST_VIEW (self), NULL);
  return self->kind;
}

void
wg_record_list_view_set_session (WgRecordListView *self,
                                 WgApiClient      *client,
                                 WgUser           *user)
{
  g_return_if_fail (WG_IS_RECORD_LIST_VIEW (self));
  g_return_if_fail (WG_IS_API_CLIENT (client));

  g_set_object (&self->client, client);
  self->role_mask = user != NULL ? wg_user_get_role_mask (user) : 0;
  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  self->model = wg_record_model_new (client, self->kind);
  g_signal_connect_object (self->model, "items-changed",
                           G_CALLBACK (wg_record_list_view_model_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->model, "notify::loading",
                           G_CALLBACK (wg_record_list_view_model_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->model, "notify::total",
                           G_CALLBACK (wg_record_list_view_model_changed_cb), self, G_CONNECT_SWAPPED);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected",
                           G_CALLBACK (wg_record_list_view_selection_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  wg_record_detail_set_client (self->detail, client);
  wg_record_detail_set_role_mask (self->detail, self->role_mask);
  wg_record_detail_clear (self->detail);
  wg_record_list_view_apply_filters (self);
  wg_record_list_view_update_status (self);
}

void
wg_record_list_view_set_regions (WgRecordListView *self,
                                 GListModel       *regions)
{
  g_return_if_fail (WG_IS_RECORD_LIST_VIEW (self));

  self->setting_filters = TRUE;
  wg_region_filter_fill (self->region_dropdown, self->region_labels, self->region_codes, regions);
  self->setting_filters = FALSE;
  wg_record_detail_set_regions (self->detail, regions);
}

WgRecordModel *
wg_record_list_view_get_model (WgRecordListView *self)
{
  g_return_val_if_fail (WG_IS_RECORD_LIST_VIEW (self), NULL);
  return self->model;
}

WgRecordDetail *
wg_record_list_view_get_detail (WgRecordListView *self)
{
  g_return_val_if_fail (WG_IS_RECORD_LIST_VIEW (self), NULL);
  return self->detail;
}

GtkColumnView *
wg_record_list_view_get_column_view (WgRecordListView *self)
{
  g_return_val_if_fail (WG_IS_RECORD_LIST_VIEW (self), NULL);
  return self->column_view;
}

const char *
wg_record_list_view_get_count_text (WgRecordListView *self)
{
  g_return_val_if_fail (WG_IS_RECORD_LIST_VIEW (self), NULL);
  return self->count_text;
}

void
wg_record_list_view_set_search_text (WgRecordListView *self,
                                     const char       *text)
{
  g_return_if_fail (WG_IS_RECORD_LIST_VIEW (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  /* what the entry does 300 ms after the last key */
  wg_record_list_view_apply_filters (self);
}

gboolean
wg_record_list_view_set_filter (WgRecordListView *self,
                                const char       *field,
                                const char       *value)
{
  g_return_val_if_fail (WG_IS_RECORD_LIST_VIEW (self), FALSE);

  for (guint i = 0; i < self->filters->len; i++)
    {
      WgListFilter *filter = &g_array_index (self->filters, WgListFilter, i);

      if (!g_str_equal (filter->field->name, field))
        continue;
      for (guint j = 0; j < filter->values->len; j++)
        if (g_strcmp0 (g_ptr_array_index (filter->values, j), value) == 0)
          {
            gtk_drop_down_set_selected (filter->dropdown, j);
            return TRUE;
          }
    }
  return FALSE;
}

gboolean
wg_record_list_view_set_region (WgRecordListView *self,
                                const char       *code)
{
  g_return_val_if_fail (WG_IS_RECORD_LIST_VIEW (self), FALSE);
  return wg_region_filter_select (self->region_dropdown, self->region_codes, code);
}

void
wg_record_list_view_open_position (WgRecordListView *self,
                                   guint             position)
{
  g_return_if_fail (WG_IS_RECORD_LIST_VIEW (self));
  gtk_single_selection_set_selected (self->selection, position);
}

void
wg_record_list_view_show_record (WgRecordListView *self,
                                 gint64            id)
{
  gint position;

  g_return_if_fail (WG_IS_RECORD_LIST_VIEW (self));

  position = self->model != NULL ? wg_paged_model_find (WG_PAGED_MODEL (self->model), id) : -1;
  gtk_single_selection_set_selected (self->selection, position >= 0 ? (guint) position : GTK_INVALID_LIST_POSITION);
  if (wg_record_detail_get_record_id (self->detail) != id)
    wg_record_detail_show_record (self->detail, id);
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->detail));
}
