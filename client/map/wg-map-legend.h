/* wg-map-legend.h — the key to the grid colours, shown over a map corner */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define WG_TYPE_MAP_LEGEND (wg_map_legend_get_type ())
G_DECLARE_FINAL_TYPE (WgMapLegend, wg_map_legend, WG, MAP_LEGEND, GtkWidget)

GtkWidget *wg_map_legend_new (void);

G_END_DECLS
