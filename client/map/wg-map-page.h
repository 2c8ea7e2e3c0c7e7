/* wg-map-page.h — the Map page: the user's territory on a libshumate map
 *
 * The page is given the regions (all four levels, with geometry) by the
 * window, which fetched them through the API client; it draws district,
 * street, community and grid boundaries as overlay tiles, grids coloured by
 * grade, labels by zoom, a legend, a territory tree that selects and zooms,
 * and a side panel for the selected grid.  Tile URL and GCJ-02 flag come from
 * GSettings (org.wangge.Wangge: tile-url, tile-gcj02).
 */
#pragma once

#include <gtk/gtk.h>

#include "wg-api-client.h"

G_BEGIN_DECLS

#define WG_TYPE_MAP_PAGE (wg_map_page_get_type ())
G_DECLARE_FINAL_TYPE (WgMapPage, wg_map_page, WG, MAP_PAGE, GtkWidget)

GtkWidget  *wg_map_page_new            (void);
/* @regions: a GListModel of WgRegion (common/wg-region.h) with geometry.
 * Replaces what is shown and fits the view to the whole territory. */
void        wg_map_page_set_regions    (WgMapPage   *self,
                                        GListModel  *regions);
/* Selects a region by code (as a click on the map or in the tree would),
 * zooms to it and, for a grid, shows its panel.  Returns FALSE if unknown. */
gboolean    wg_map_page_select_region  (WgMapPage   *self,
                                        const char  *code);
/* TRUE once the polygons of the current view have been drawn on screen;
 * the "drawn" property notifies.  Used by --screenshot and the tests. */
gboolean    wg_map_page_get_drawn      (WgMapPage   *self);

/* Added by the map part. */
/* The code of the selected region, or NULL. */
const char *wg_map_page_get_selected_code (WgMapPage *self);
/* Overlay tiles drawn for the current territory and the worker time spent
 * drawing them (for logs and benchmarks). */
void        wg_map_page_get_fill_stats    (WgMapPage *self,
                                           guint     *n_tiles,
                                           double    *fill_ms);
/* The client the panel asks for a region's summary (counts, special
 * groups, staff); NULL: the panel shows what the map knows only. */
void        wg_map_page_set_client        (WgMapPage   *self,
                                           WgApiClient *client);
/* Shows that the territory is being loaded (a spinner over the map). */
void        wg_map_page_set_loading       (WgMapPage *self,
                                           gboolean   loading);

G_END_DECLS
