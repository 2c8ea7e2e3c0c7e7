/* wg-map-tree-row.h — one row of the territory tree: an expander, the
 * region's name and its code */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define WG_TYPE_MAP_TREE_ROW (wg_map_tree_row_get_type ())
G_DECLARE_FINAL_TYPE (WgMapTreeRow, wg_map_tree_row, WG, MAP_TREE_ROW, GtkWidget)

GtkWidget *wg_map_tree_row_new          (void);
/* @list_row: a GtkTreeListRow whose item is a WgRegion, or NULL */
void       wg_map_tree_row_set_list_row (WgMapTreeRow   *self,
                                         GtkTreeListRow *list_row);

G_END_DECLS
