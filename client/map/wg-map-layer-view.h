/* wg-map-layer-view.h — the WgMapView of a ShumateLayer's viewport, for
 * layers that draw projected shapes themselves. */
#pragma once

#include <shumate/shumate.h>

#include "wg-map-geo.h"

G_BEGIN_DECLS

void wg_map_view_init_from_layer (WgMapView    *view,
                                  ShumateLayer *layer);

G_END_DECLS
