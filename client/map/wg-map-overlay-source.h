/* wg-map-overlay-source.h — the territory as overlay tiles
 *
 * A ShumateMapSource whose tiles are drawn from a WgMapScene with cairo in
 * a worker thread: grid fills by grade, then grid, community, street and
 * district boundaries.  ShumateMapLayer caches tiles by source id and the
 * cache cannot be cleared, so every source gets a fresh id: when the scene
 * changes, make a new source and swap the layer. */
#pragma once

#include <shumate/shumate.h>

#include "wg-map-scene.h"

G_BEGIN_DECLS

#define WG_TYPE_MAP_OVERLAY_SOURCE (wg_map_overlay_source_get_type ())
G_DECLARE_FINAL_TYPE (WgMapOverlaySource, wg_map_overlay_source, WG, MAP_OVERLAY_SOURCE, ShumateMapSource)

/* @scene may be NULL: a source that only serves as the reference for
 * coordinate conversion (empty tiles).  @paper: fill the territory's area
 * with a light ground (used when there is no base map).  @scale: the
 * widget's scale factor; textures have scale × tile size pixels. */
WgMapOverlaySource *wg_map_overlay_source_new          (WgMapScene         *scene,
                                                        gboolean            paper,
                                                        int                 scale);
/* Tiles requested and not yet finished. */
guint               wg_map_overlay_source_get_pending  (WgMapOverlaySource *self);
/* Tiles finished since creation, and the time spent drawing them. */
guint               wg_map_overlay_source_get_filled   (WgMapOverlaySource *self);
double              wg_map_overlay_source_get_fill_ms  (WgMapOverlaySource *self);

/* Draws tile (x, y, zoom) of @scene; exposed for tests and benchmarks.
 * Returns NULL when nothing touches the tile. */
GdkTexture         *wg_map_overlay_render_tile         (WgMapScene         *scene,
                                                        gboolean            paper,
                                                        guint               x,
                                                        guint               y,
                                                        guint               zoom,
                                                        guint               size,
                                                        int                 scale);

G_END_DECLS
