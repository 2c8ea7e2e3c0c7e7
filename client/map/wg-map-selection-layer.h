/* wg-map-selection-layer.h — the outline of the selected (and hovered)
 * region, drawn over the overlay tiles.  Only these one or two shapes are
 * drawn per frame, into a cairo node no larger than their screen box. */
#pragma once

#include <shumate/shumate.h>

#include "wg-map-scene.h"

G_BEGIN_DECLS

#define WG_TYPE_MAP_SELECTION_LAYER (wg_map_selection_layer_get_type ())
G_DECLARE_FINAL_TYPE (WgMapSelectionLayer, wg_map_selection_layer, WG, MAP_SELECTION_LAYER, ShumateLayer)

WgMapSelectionLayer *wg_map_selection_layer_new          (ShumateViewport     *viewport);
void                 wg_map_selection_layer_set_scene    (WgMapSelectionLayer *self,
                                                          WgMapScene          *scene);
/* @code: the selected region, or NULL */
void                 wg_map_selection_layer_set_selected (WgMapSelectionLayer *self,
                                                          const char          *code);
/* @code: the region under the pointer, or NULL */
void                 wg_map_selection_layer_set_hovered  (WgMapSelectionLayer *self,
                                                          const char          *code);

G_END_DECLS
