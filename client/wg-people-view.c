#define G_LOG_DOMAIN "wg-people-view"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <adwaita.h>

#include "wg-list-status.h"
#include "wg-people-view.h"
#include "wg-person-rules.h"
#include "wg-record-rules.h"
#include "wg-region.h"
#include "wg-region-filter.h"

struct _WgPeopleView
{
  GtkWidget parent_instance;

  WgApiClient *client;
  guint role_mask;
  WgPeopleModel *model;
  GtkSingleSelection *selection;
  GtkStringList *region_labels;
  GPtrArray *region_codes;       /* parallel to region_labels; [0] NULL = all */
  gboolean setting_filters;
  char *count_text;

  AdwLeaflet *leaflet;
  GtkWidget *list_pane;
  GtkSearchEntry *search_entry;
  GtkSearchEntry *address_entry;
  GtkDropDown *status_dropdown;
  GtkDropDown *tag_dropdown;
  GtkDropDown *region_dropdown;
  GtkLabel *count_label;
  GtkSpinner *list_spinner;
  GtkStack *list_stack;
  AdwStatusPage *error_page;
  GtkColumnView *column_view;
  WgPersonDetail *detail;
  GtkColumnViewColumn *narrow_hidden[2];
};

G_DEFINE_FINAL_TYPE (WgPeopleView, wg_people_view, GTK_TYPE_WIDGET)

enum {
  SIGNAL_SHOW_GRID,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The columns: title and the WgPerson property each shows. */
static const struct {
  const char *title;
  const char *property;
  gboolean expand;
  gboolean hidden_when_narrow;
} columns[] = {
  { N_("Name"), "name", TRUE, FALSE },
  /* Translators: column title, the sex of a person */
  { NC_("column", "Sex"), "sex-label", FALSE, FALSE },
  { N_("Birth Date"), "birth-date", FALSE, FALSE },
  { N_("ID Number"), "id-number", FALSE, TRUE },
  { N_("Phone"), "phone", FALSE, TRUE },
  { N_("Status"), "status-label", FALSE, FALSE },
  { N_("Grid"), "grid-name", FALSE, FALSE },
};

/* One label bound to a property of the row's WgPerson. */
static const char cell_template[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<interface>\n"
  "  <template class=\"GtkListItem\">\n"
  "    <property name=\"child\">\n"
  "      <object class=\"GtkLabel\">\n"
  "        <property name=\"xalign\">0</property>\n"
  "        <property name=\"ellipsize\">end</property>\n"
  "        <property name=\"width-chars\">%d</property>\n"
  "        <binding name=\"label\">\n"
  "          <lookup name=\"%s\" type=\"WgPerson\">\n"
  "            <lookup name=\"item\">GtkListItem</lookup>\n"
  "          </lookup>\n"
  "        </binding>\n"
  "      </object>\n"
  "    </property>\n"
  "  </template>\n"
  "</interface>\n";

/* Decisions */

static void
wg_people_view_update_actions (WgPeopleView *self)
{
  gboolean write = wg_person_may (self->role_mask, WG_PERSON_PERMISSION_WRITE);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "people.new", write && self->client != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "people.reload",
                                 self->model != NULL && !wg_people_model_get_loading (self->model));
}

static void
wg_people_view_update_status (WgPeopleView *self)
{
  WgListStatus status = { self->count_label, self->list_spinner, self->list_stack, self->error_page };
  gint64 total = wg_people_model_get_total (self->model);
  char *count_text = NULL;

  if (total >= 0)
    {
      g_autofree char *number = wg_record_format_count (total);

      /* Translators: %s is a number with thousands separators */
      count_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s person", "%s people", (gulong) total),
                                    number);
    }
  g_free (self->count_text);
  self->count_text = wg_list_status_show (&status, WG_PAGED_MODEL (self->model), count_text);
  wg_people_view_update_actions (self);
}

static const char *
wg_people_view_selected_status (WgPeopleView *self)
{
  guint selected = gtk_drop_down_get_selected (self->status_dropdown);

  /* 0 is "every status" */
  return selected >= 1 && selected <= WG_PERSON_N_STATUSES ? wg_person_statuses[selected - 1] : NULL;
}

static const char *
wg_people_view_selected_tag (WgPeopleView *self)
{
  guint selected = gtk_drop_down_get_selected (self->tag_dropdown);

  /* 0 is "every group" */
  return selected >= 1 && selected <= g_strv_length ((char **) wg_person_tags) ? wg_person_tags[selected - 1] : NULL;
}

static const char *
wg_people_view_selected_region (WgPeopleView *self)
{
  return wg_region_filter_get_selected (self->region_dropdown, self->region_codes);
}

/* The address to search, or NULL: one character would match nearly every
 * house, and the server wants two. */
static char *
wg_people_view_address (WgPeopleView *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->address_entry))));

  return g_utf8_strlen (text, -1) >= 2 ? g_steal_pointer (&text) : NULL;
}

static void
wg_people_view_apply_filters (WgPeopleView *self)
{
  g_autofree char *q = NULL;
  g_autofree char *address = NULL;
  WgPeopleQuery query = { 0 };

  if (self->model == NULL || self->setting_filters)
    return;
  q = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));
  address = wg_people_view_address (self);
  query.q = q;
  query.address = address;
  query.status = wg_people_view_selected_status (self);
  query.tag = wg_people_view_selected_tag (self);
  query.region = wg_people_view_selected_region (self);
  wg_people_model_set_query (self->model, &query);
}

static void
wg_people_view_open (WgPeopleView *self,
                     guint         position)
{
  g_autoptr(WgPerson) person = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (person == NULL)
    return;
  if (wg_person_get_id (person) != wg_person_detail_get_person_id (self->detail))
    wg_person_detail_show_person (self->detail, wg_person_get_id (person));
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->detail));
}

/* Callbacks */

static void
wg_people_view_filter_changed_cb (WgPeopleView *self)
{
  wg_people_view_apply_filters (self);
}

static void
wg_people_view_model_changed_cb (WgPeopleView *self)
{
  wg_people_view_update_status (self);
}

static void
wg_people_view_selection_changed_cb (WgPeopleView *self)
{
  guint selected = gtk_single_selection_get_selected (self->selection);

  /* A reload empties the list; the detail keeps its person. */
  if (selected != GTK_INVALID_LIST_POSITION)
    wg_people_view_open (self, selected);
}

static void
wg_people_view_column_view_activate_cb (WgPeopleView *self,
                                        guint         position)
{
  wg_people_view_open (self, position);
}

static void
wg_people_view_leaflet_folded_cb (WgPeopleView *self)
{
  gboolean folded = adw_leaflet_get_folded (self->leaflet);

  wg_person_detail_set_show_back (self->detail, folded);
  /* narrow: name, sex, birth date (to tell namesakes apart), status and
   * grid; the ID number and phone are in the detail */
  for (guint i = 0; i < G_N_ELEMENTS (self->narrow_hidden); i++)
    gtk_column_view_column_set_visible (self->narrow_hidden[i], !folded);
}

static void
wg_people_view_detail_saved_cb (WgPeopleView   *self,
                                WgPerson       *person,
                                gboolean        created,
                                WgPersonDetail *detail)
{
  gint position;

  if (created)
    {
      wg_people_model_reload (self->model);
      return;
    }
  wg_people_model_update_person (self->model, wg_person_get_id (person), person);
  /* the replaced row stays the selected one */
  position = wg_people_model_find (self->model, wg_person_get_id (person));
  if (position >= 0)
    gtk_single_selection_set_selected (self->selection, position);
}

static void
wg_people_view_detail_deleted_cb (WgPeopleView   *self,
                                  gint64          id,
                                  WgPersonDetail *detail)
{
  wg_people_model_update_person (self->model, id, NULL);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
}

static void
wg_people_view_detail_show_grid_cb (WgPeopleView   *self,
                                    const char     *code,
                                    WgPersonDetail *detail)
{
  g_signal_emit (self, signals[SIGNAL_SHOW_GRID], 0, code);
}

static void
wg_people_view_detail_back_cb (WgPeopleView   *self,
                               WgPersonDetail *detail)
{
  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
}

/* Actions */

static void
wg_people_view_action_new (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  WgPeopleView *self = WG_PEOPLE_VIEW (widget);
  const char *region = wg_people_view_selected_region (self);

  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  /* a new person goes to the grid the list is filtered to, if any */
  wg_person_detail_show_new (self->detail, region != NULL && wg_region_code_is_valid (region, WG_REGION_LEVEL_GRID)
                                           ? region : NULL);
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->detail));
}

static void
wg_people_view_action_reload (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  WgPeopleView *self = WG_PEOPLE_VIEW (widget);

  if (self->model != NULL)
    wg_people_model_reload (self->model);
}

static void
wg_people_view_action_focus_search (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  gtk_widget_grab_focus (GTK_WIDGET (WG_PEOPLE_VIEW (widget)->search_entry));
}

/* GObject */

static void
wg_people_view_dispose (GObject *object)
{
  WgPeopleView *self = WG_PEOPLE_VIEW (object);

  if (self->model != NULL)
    wg_people_model_clear (self->model);
  gtk_widget_dispose_template (GTK_WIDGET (self), WG_TYPE_PEOPLE_VIEW);
  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  g_clear_object (&self->client);
  g_clear_object (&self->region_labels);

  G_OBJECT_CLASS (wg_people_view_parent_class)->dispose (object);
}

static void
wg_people_view_finalize (GObject *object)
{
  WgPeopleView *self = WG_PEOPLE_VIEW (object);

  g_clear_pointer (&self->region_codes, g_ptr_array_unref);
  g_free (self->count_text);

  G_OBJECT_CLASS (wg_people_view_parent_class)->finalize (object);
}

static void
wg_people_view_class_init (WgPeopleViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wg_people_view_dispose;
  object_class->finalize = wg_people_view_finalize;

  /**
   * WgPeopleView::show-grid:
   * @code: a grid's code
   *
   * The user asked to see a grid on the map.
   */
  signals[SIGNAL_SHOW_GRID] =
    g_signal_new ("show-grid", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (WG_TYPE_PERSON);
  g_type_ensure (WG_TYPE_PERSON_DETAIL);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/wangge/Wangge/wg-people-view.ui");
  gtk_widget_class_bind_template_child (widget_class, WgPeopleView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, WgPeopleView, list_pane);
  gtk_widget_class_bind_template_child (widget_class, WgPeopleView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, WgPeopleView, address_entry);
  gtk_widget_class_bind_template_child (widget_class, WgPeopleView, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, WgPeopleView, tag_dropdown);
  gtk_widget_class_bind_template_child (widget_class, WgPeopleView, region_dropdown);
  gtk_widget_class_bind_template_child (widget_class, WgPeopleView, count_label);
  gtk_widget_class_bind_template_child (widget_class, WgPeopleView, list_spinner);
  gtk_widget_class_bind_template_child (widget_class, WgPeopleView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, WgPeopleView, error_page);
  gtk_widget_class_bind_template_child (widget_class, WgPeopleView, column_view);
  gtk_widget_class_bind_template_child (widget_class, WgPeopleView, detail);
  gtk_widget_class_bind_template_callback (widget_class, wg_people_view_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, wg_people_view_column_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, wg_people_view_leaflet_folded_cb);
  gtk_widget_class_bind_template_callback (widget_class, wg_people_view_detail_saved_cb);
  gtk_widget_class_bind_template_callback (widget_class, wg_people_view_detail_deleted_cb);
  gtk_widget_class_bind_template_callback (widget_class, wg_people_view_detail_show_grid_cb);
  gtk_widget_class_bind_template_callback (widget_class, wg_people_view_detail_back_cb);

  gtk_widget_class_install_action (widget_class, "people.new", NULL, wg_people_view_action_new);
  gtk_widget_class_install_action (widget_class, "people.reload", NULL, wg_people_view_action_reload);
  gtk_widget_class_install_action (widget_class, "people.focus-search", NULL,
                                   wg_people_view_action_focus_search);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "people.focus-search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "people.new", NULL);
}

static void
wg_people_view_add_columns (WgPeopleView *self)
{
  guint hidden = 0;

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      g_autofree char *text = g_strdup_printf (cell_template, columns[i].expand ? 4 : 2, columns[i].property);
      g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
      const char *title = i == 1 ? g_dpgettext2 (GETTEXT_PACKAGE, "column", columns[i].title) : _(columns[i].title);
      GtkListItemFactory *factory;
      g_autoptr(GtkColumnViewColumn) column = NULL;

      factory = gtk_builder_list_item_factory_new_from_bytes (NULL, bytes);
      column = gtk_column_view_column_new (title, factory);
      gtk_column_view_column_set_expand (column, columns[i].expand);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_append_column (self->column_view, column);
      if (columns[i].hidden_when_narrow && hidden < G_N_ELEMENTS (self->narrow_hidden))
        self->narrow_hidden[hidden++] = column;
    }
}

static void
wg_people_view_init_filters (WgPeopleView *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) tags = gtk_string_list_new (NULL);

  gtk_string_list_append (statuses, _("Every status"));
  for (guint i = 0; wg_person_statuses[i] != NULL; i++)
    gtk_string_list_append (statuses, wg_person_status_label (wg_person_statuses[i]));
  gtk_string_list_append (tags, _("Every group"));
  for (guint i = 0; wg_person_tags[i] != NULL; i++)
    gtk_string_list_append (tags, wg_person_tag_label (wg_person_tags[i]));
  self->setting_filters = TRUE;
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (statuses));
  gtk_drop_down_set_model (self->tag_dropdown, G_LIST_MODEL (tags));
  self->region_labels = gtk_string_list_new (NULL);
  self->region_codes = g_ptr_array_new_with_free_func (g_free);
  wg_region_filter_init (self->region_dropdown, self->region_labels, self->region_codes);
  self->setting_filters = FALSE;
}

static void
wg_people_view_init (WgPeopleView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  wg_people_view_add_columns (self);
  wg_people_view_init_filters (self);
  wg_people_view_leaflet_folded_cb (self);
  wg_people_view_update_actions (self);
}

/* Public API */

GtkWidget *
wg_people_view_new (void)
{
  return g_object_new (WG_TYPE_PEOPLE_VIEW, NULL);
}

void
wg_people_view_set_session (WgPeopleView *self,
                            WgApiClient  *client,
                            WgUser       *user)
{
  g_return_if_fail (WG_IS_PEOPLE_VIEW (self));
  g_return_if_fail (WG_IS_API_CLIENT (client));

  g_set_object (&self->client, client);
  self->role_mask = user != NULL ? wg_user_get_role_mask (user) : 0;
  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  self->model = wg_people_model_new (client);
  g_signal_connect_object (self->model, "items-changed",
                           G_CALLBACK (wg_people_view_model_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->model, "notify::loading",
                           G_CALLBACK (wg_people_view_model_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->model, "notify::total",
                           G_CALLBACK (wg_people_view_model_changed_cb), self, G_CONNECT_SWAPPED);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected",
                           G_CALLBACK (wg_people_view_selection_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  wg_person_detail_set_client (self->detail, client);
  wg_person_detail_set_role_mask (self->detail, self->role_mask);
  wg_person_detail_clear (self->detail);
  wg_people_view_apply_filters (self);
  wg_people_view_update_status (self);
}

void
wg_people_view_set_regions (WgPeopleView *self,
                            GListModel   *regions)
{
  g_return_if_fail (WG_IS_PEOPLE_VIEW (self));

  self->setting_filters = TRUE;
  wg_region_filter_fill (self->region_dropdown, self->region_labels, self->region_codes, regions);
  self->setting_filters = FALSE;
  wg_person_detail_set_regions (self->detail, regions);
}

WgPeopleModel *
wg_people_view_get_model (WgPeopleView *self)
{
  g_return_val_if_fail (WG_IS_PEOPLE_VIEW (self), NULL);
  return self->model;
}

WgPersonDetail *
wg_people_view_get_detail (WgPeopleView *self)
{
  g_return_val_if_fail (WG_IS_PEOPLE_VIEW (self), NULL);
  return self->detail;
}

GtkColumnView *
wg_people_view_get_column_view (WgPeopleView *self)
{
  g_return_val_if_fail (WG_IS_PEOPLE_VIEW (self), NULL);
  return self->column_view;
}

const char *
wg_people_view_get_count_text (WgPeopleView *self)
{
  g_return_val_if_fail (WG_IS_PEOPLE_VIEW (self), NULL);
  return self->count_text;
}

void
wg_people_view_set_search_text (WgPeopleView *self,
                                const char   *text)
{
  g_return_if_fail (WG_IS_PEOPLE_VIEW (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  /* what the entry does 300 ms after the last key */
  wg_people_view_apply_filters (self);
}

gboolean
wg_people_view_set_region (WgPeopleView *self,
                           const char   *code)
{
  g_return_val_if_fail (WG_IS_PEOPLE_VIEW (self), FALSE);

  return wg_region_filter_select (self->region_dropdown, self->region_codes, code);
}

gboolean
wg_people_view_set_tag (WgPeopleView *self,
                        const char   *tag)
{
  g_return_val_if_fail (WG_IS_PEOPLE_VIEW (self), FALSE);

  if (tag == NULL)
    {
      gtk_drop_down_set_selected (self->tag_dropdown, 0);
      return TRUE;
    }
  for (guint i = 0; wg_person_tags[i] != NULL; i++)
    if (g_str_equal (wg_person_tags[i], tag))
      {
        gtk_drop_down_set_selected (self->tag_dropdown, i + 1);
        return TRUE;
      }
  return FALSE;
}

void
wg_people_view_open_position (WgPeopleView *self,
                              guint         position)
{
  g_return_if_fail (WG_IS_PEOPLE_VIEW (self));

  gtk_single_selection_set_selected (self->selection, position);
}

void
wg_people_view_show_person (WgPeopleView *self,
                            gint64        id)
{
  gint position;

  g_return_if_fail (WG_IS_PEOPLE_VIEW (self));

  position = self->model != NULL ? wg_people_model_find (self->model, id) : -1;
  gtk_single_selection_set_selected (self->selection, position >= 0 ? (guint) position : GTK_INVALID_LIST_POSITION);
  if (wg_person_detail_get_person_id (self->detail) != id)
    wg_person_detail_show_person (self->detail, id);
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->detail));
}

GHashTable *
wg_people_view_dup_filters (WgPeopleView *self)
{
  GHashTable *filters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *q = NULL;
  g_autofree char *address = NULL;
  const char *values[][2] = {
    { "region", wg_people_view_selected_region (self) },
    { "status", wg_people_view_selected_status (self) },
    { "tag", wg_people_view_selected_tag (self) },
  };

  g_return_val_if_fail (WG_IS_PEOPLE_VIEW (self), filters);

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    if (values[i][1] != NULL)
      g_hash_table_insert (filters, g_strdup (values[i][0]), g_strdup (values[i][1]));
  q = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));
  if (*q != '\0')
    g_hash_table_insert (filters, g_strdup ("q"), g_steal_pointer (&q));
  address = wg_people_view_address (self);
  if (address != NULL)
    g_hash_table_insert (filters, g_strdup ("address"), g_steal_pointer (&address));
  return filters;
}
