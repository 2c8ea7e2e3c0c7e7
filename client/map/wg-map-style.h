/* wg-map-style.h — how the territory looks: grade colours, boundary widths
 * by level and zoom, which labels show at which zoom.  Plain functions so
 * that tests can check the decisions without a display. */
#pragma once

#include <glib.h>

#include "wg-region.h"

G_BEGIN_DECLS

typedef struct {
  double red, green, blue, alpha;
} WgMapColor;

/* The fill of a grid of @grade (semi-transparent; Okabe–Ito hues, which
 * stay distinguishable under the common colour-vision deficiencies).
 * WG_GRID_GRADE_NONE gives a neutral grey. */
WgMapColor  wg_map_style_grade_color      (WgGridGrade    grade);
/* The same hue, opaque: legend swatches and the panel. */
WgMapColor  wg_map_style_grade_swatch     (WgGridGrade    grade);
const char *wg_map_style_grade_label      (WgGridGrade    grade);
const char *wg_map_style_grid_type_label  (WgGridType     type);
const char *wg_map_style_level_label      (WgRegionLevel  level);

/* Boundary width in pixels of a region of @level drawn at integer tile
 * zoom @zoom; 0 means the boundary is not drawn at that zoom. */
double      wg_map_style_line_width       (WgRegionLevel  level,
                                           int            zoom);
WgMapColor  wg_map_style_line_color       (WgRegionLevel  level);

/* Whether labels of @level show at @zoom: streets when zoomed out,
 * communities in between, grids when zoomed in. */
gboolean    wg_map_style_label_visible    (WgRegionLevel  level,
                                           double         zoom);
/* Point size of the labels of @level. */
double      wg_map_style_label_size       (WgRegionLevel  level);

G_END_DECLS
