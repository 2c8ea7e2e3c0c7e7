#define G_LOG_DOMAIN "wg-map-page"

#include "config.h"

#include <string.h>

#include "wg-map-page-private.h"
#include "wg-map-tree-row.h"

/* The territory tree beside the map: district → streets → communities →
 * grids, a search that flattens it, and selection in both directions. */

static GListModel *
wg_map_page_tree_children_cb (gpointer item,
                              gpointer user_data)
{
  WgMapPage *self = user_data;
  GListStore *children = g_hash_table_lookup (self->children, wg_region_get_code (item));

  return children != NULL ? g_object_ref (G_LIST_MODEL (children)) : NULL;
}

static GListModel *
wg_map_page_tree_no_children_cb (gpointer item,
                                 gpointer user_data)
{
  return NULL;
}

static WgRegion *
region_at (GListModel *model,
           guint       position)
{
  g_autoptr(GtkTreeListRow) row = g_list_model_get_item (model, position);

  /* transfer full, as gtk_tree_list_row_get_item */
  return row != NULL ? gtk_tree_list_row_get_item (row) : NULL;
}

static void
wg_map_page_tree_selected_cb (WgMapPage *self)
{
  guint position = gtk_single_selection_get_selected (self->tree_selection);
  g_autoptr(WgRegion) region = NULL;

  if (self->syncing_tree || position == GTK_INVALID_LIST_POSITION)
    return;
  region = region_at (G_LIST_MODEL (self->tree_selection), position);
  if (region != NULL)
    _wg_map_page_select (self, wg_region_get_code (region), WG_MAP_SELECT_FROM_TREE);
}

static gboolean
region_matches (gpointer item,
                gpointer user_data)
{
  WgMapPage *self = user_data;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *needle = g_utf8_casefold (text, -1);
  g_autofree char *name = g_utf8_casefold (wg_region_get_name (item), -1);

  return strstr (name, needle) != NULL || strstr (wg_region_get_code (item), text) != NULL;
}

void
_wg_map_page_tree_init (WgMapPage *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;

  g_type_ensure (WG_TYPE_MAP_TREE_ROW);
  factory = gtk_builder_list_item_factory_new_from_resource (NULL, "/org/wangge/Wangge/map/wg-map-tree-item.ui");
  gtk_list_view_set_factory (self->tree_view, factory);

  self->children = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->roots = g_list_store_new (WG_TYPE_REGION);
  self->tree_model = gtk_tree_list_model_new (g_object_ref (G_LIST_MODEL (self->roots)),
                                              FALSE, FALSE, wg_map_page_tree_children_cb,
                                              self, NULL);
  self->search_filter = gtk_custom_filter_new (region_matches, self, NULL);
  self->search_model = gtk_filter_list_model_new (NULL, g_object_ref (GTK_FILTER (self->search_filter)));
  self->search_tree = gtk_tree_list_model_new (g_object_ref (G_LIST_MODEL (self->search_model)),
                                               FALSE, FALSE, wg_map_page_tree_no_children_cb,
                                               NULL, NULL);
  self->tree_selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->tree_model)));
  gtk_single_selection_set_autoselect (self->tree_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->tree_selection, TRUE);
  g_signal_connect_swapped (self->tree_selection, "notify::selected",
                            G_CALLBACK (wg_map_page_tree_selected_cb), self);
  gtk_list_view_set_model (self->tree_view, GTK_SELECTION_MODEL (self->tree_selection));
}

static GListStore *
children_of (WgMapPage  *self,
             const char *code)
{
  GListStore *store = g_hash_table_lookup (self->children, code);

  if (store == NULL)
    {
      store = g_list_store_new (WG_TYPE_REGION);
      g_hash_table_insert (self->children, g_strdup (code), store);
    }
  return store;
}

static int
compare_regions (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  return g_strcmp0 (wg_region_get_code ((WgRegion *) a), wg_region_get_code ((WgRegion *) b));
}

/* Sorts the regions into roots and children by parent code. */
static void
group_regions (WgMapPage  *self,
               GListModel *regions)
{
  g_autoptr(GHashTable) codes = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = regions != NULL ? g_list_model_get_n_items (regions) : 0;
  GHashTableIter iter;
  gpointer store;

  g_hash_table_remove_all (self->children);
  g_list_store_remove_all (self->roots);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WgRegion) region = g_list_model_get_item (regions, i);
      g_hash_table_add (codes, (gpointer) wg_region_get_code (region));
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WgRegion) region = g_list_model_get_item (regions, i);
      const char *parent = wg_region_get_parent_code (region);

      /* A street user has no district row: its street is a root. */
      if (parent == NULL || !g_hash_table_contains (codes, parent))
        g_list_store_append (self->roots, region);
      else
        g_list_store_append (children_of (self, parent), region);
    }
  g_list_store_sort (self->roots, compare_regions, NULL);
  g_hash_table_iter_init (&iter, self->children);
  while (g_hash_table_iter_next (&iter, NULL, &store))
    g_list_store_sort (store, compare_regions, NULL);
}

/* A search that finds nothing says so instead of showing an empty list. */
static void
show_tree_or_no_matches (WgMapPage *self)
{
  gboolean no_matches = self->searching &&
                        g_list_model_get_n_items (G_LIST_MODEL (self->search_model)) == 0;

  gtk_stack_set_visible_child_name (self->tree_stack, no_matches ? "no-matches" : "tree");
}

void
_wg_map_page_tree_set_regions (WgMapPage *self)
{
  self->syncing_tree = TRUE;
  group_regions (self, self->regions);
  gtk_filter_list_model_set_model (self->search_model, self->regions);
  /* A new tree model, so that no row stays expanded from before */
  g_clear_object (&self->tree_model);
  self->tree_model = gtk_tree_list_model_new (g_object_ref (G_LIST_MODEL (self->roots)),
                                              FALSE, FALSE, wg_map_page_tree_children_cb,
                                              self, NULL);
  if (!self->searching)
    gtk_single_selection_set_model (self->tree_selection, G_LIST_MODEL (self->tree_model));
  if (g_list_model_get_n_items (G_LIST_MODEL (self->roots)) == 1)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (self->tree_model), 0);
      gtk_tree_list_row_set_expanded (row, TRUE);
    }
  self->syncing_tree = FALSE;
  show_tree_or_no_matches (self);
}

static guint
find_position (GListModel *model,
               const char *code,
               guint       start)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = start; i < n; i++)
    {
      g_autoptr(WgRegion) region = region_at (model, i);

      if (region != NULL && g_strcmp0 (wg_region_get_code (region), code) == 0)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

/* Expands every ancestor of @code in the full tree; returns the row
 * position of @code or GTK_INVALID_LIST_POSITION. */
static guint
expand_to (WgMapPage  *self,
           const char *code)
{
  g_autoptr(GPtrArray) chain = g_ptr_array_new ();
  GListModel *model = G_LIST_MODEL (self->tree_model);
  guint position = 0;

  for (const WgMapShape *shape = wg_map_scene_lookup (self->scene, code);
       shape != NULL && chain->len < 8;
       shape = wg_map_scene_lookup (self->scene, shape->parent_code))
    g_ptr_array_insert (chain, 0, shape->code);
  for (guint i = 0; i < chain->len; i++)
    {
      g_autoptr(GtkTreeListRow) row = NULL;
      guint found = find_position (model, g_ptr_array_index (chain, i), position);

      if (found == GTK_INVALID_LIST_POSITION)
        continue;  /* an ancestor out of scope is not in the tree */
      position = found;
      if (i + 1 == chain->len)
        return position;
      row = gtk_tree_list_model_get_row (self->tree_model, position);
      gtk_tree_list_row_set_expanded (row, TRUE);
    }
  return GTK_INVALID_LIST_POSITION;
}

void
_wg_map_page_tree_reveal (WgMapPage  *self,
                          const char *code)
{
  guint position = GTK_INVALID_LIST_POSITION;

  self->syncing_tree = TRUE;
  if (code != NULL && self->scene != NULL)
    position = self->searching
               ? find_position (G_LIST_MODEL (self->tree_selection), code, 0)
               : expand_to (self, code);
  gtk_single_selection_set_selected (self->tree_selection, position);
  if (position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->tree_view), "list.scroll-to-item", "u", position);
  self->syncing_tree = FALSE;
}

void
wg_map_page_search_entry_search_changed_cb (WgMapPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  gboolean searching = text != NULL && *text != '\0';

  self->syncing_tree = TRUE;
  gtk_filter_changed (GTK_FILTER (self->search_filter), GTK_FILTER_CHANGE_DIFFERENT);
  if (searching != self->searching)
    {
      self->searching = searching;
      gtk_single_selection_set_model (self->tree_selection,
                                      searching ? G_LIST_MODEL (self->search_tree)
                                                : G_LIST_MODEL (self->tree_model));
    }
  self->syncing_tree = FALSE;
  show_tree_or_no_matches (self);
  _wg_map_page_tree_reveal (self, self->selected_code);
}

void
_wg_map_page_tree_dispose (WgMapPage *self)
{
  if (self->tree_view != NULL)
    gtk_list_view_set_model (self->tree_view, NULL);
  g_clear_object (&self->tree_selection);
  g_clear_object (&self->search_tree);
  g_clear_object (&self->search_model);
  g_clear_object (&self->search_filter);
  g_clear_object (&self->tree_model);
  g_clear_object (&self->roots);
  g_clear_pointer (&self->children, g_hash_table_unref);
}
