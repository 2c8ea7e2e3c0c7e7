/* wg-map-label-layer.h — region names over the map
 *
 * One ShumateLayer draws the names of the visible regions with Pango:
 * streets when zoomed out, communities in between, grids when zoomed in
 * (wg_map_style_label_visible).  A label shows only when its region is
 * wide enough on screen for it and it does not collide with a label
 * already placed (outer levels first). */
#pragma once

#include <shumate/shumate.h>

#include "wg-map-scene.h"

G_BEGIN_DECLS

#define WG_TYPE_MAP_LABEL_LAYER (wg_map_label_layer_get_type ())
G_DECLARE_FINAL_TYPE (WgMapLabelLayer, wg_map_label_layer, WG, MAP_LABEL_LAYER, ShumateLayer)

WgMapLabelLayer *wg_map_label_layer_new          (ShumateViewport *viewport);
void             wg_map_label_layer_set_scene    (WgMapLabelLayer *self,
                                                  WgMapScene      *scene);
/* Widgets over the map (legend, buttons, panels): no label is placed
 * under them while they are visible.  Weak references. */
void             wg_map_label_layer_add_obstacle (WgMapLabelLayer *self,
                                                  GtkWidget       *widget);
/* Labels drawn in the last frame (for tests). */
guint            wg_map_label_layer_get_n_drawn  (WgMapLabelLayer *self);

G_END_DECLS
