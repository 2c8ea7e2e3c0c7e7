/* wg-map-grid-panel.h — what the map knows about the selected grid: code,
 * name, community, street, type and grade, and whether its boundary is
 * synthetic.  The close button activates "map-page.close-panel". */
#pragma once

#include <gtk/gtk.h>

#include "wg-map-scene.h"

G_BEGIN_DECLS

#define WG_TYPE_MAP_GRID_PANEL (wg_map_grid_panel_get_type ())
G_DECLARE_FINAL_TYPE (WgMapGridPanel, wg_map_grid_panel, WG, MAP_GRID_PANEL, GtkWidget)

GtkWidget  *wg_map_grid_panel_new       (void);
/* @community, @street: the grid's ancestors, or NULL when not in scope */
void        wg_map_grid_panel_set_grid  (WgMapGridPanel   *self,
                                         const WgMapShape *grid,
                                         const WgMapShape *community,
                                         const WgMapShape *street);
/* The code shown, "" when none. */
const char *wg_map_grid_panel_get_code  (WgMapGridPanel   *self);

G_END_DECLS
