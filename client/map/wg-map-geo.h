/* wg-map-geo.h — map arithmetic without a display: projection, GCJ-02,
 * fitting a box into a widget, the view transform, point in polygon.
 *
 * "Projected" coordinates are normalised Web Mercator: x and y in [0, 1],
 * y growing southwards, as libshumate's tiles are laid out.  A pixel at
 * zoom z is (x, y) × 256 × 2^z.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define WG_MAP_TILE_SIZE 256

typedef struct {
  double min_x, min_y, max_x, max_y;
} WgMapBox;

void      wg_map_project            (double          longitude,
                                     double          latitude,
                                     double         *x,
                                     double         *y);
void      wg_map_unproject          (double          x,
                                     double          y,
                                     double         *longitude,
                                     double         *latitude);

/* The public WGS-84 → GCJ-02 offset (identity outside China) and its
 * numeric inverse (residual < 1e-7°). */
gboolean  wg_map_gcj02_outside_china (double         longitude,
                                      double         latitude);
void      wg_map_wgs84_to_gcj02     (double          longitude,
                                     double          latitude,
                                     double         *out_longitude,
                                     double         *out_latitude);
void      wg_map_gcj02_to_wgs84     (double          longitude,
                                     double          latitude,
                                     double         *out_longitude,
                                     double         *out_latitude);

void      wg_map_box_init_empty     (WgMapBox       *box);
void      wg_map_box_add_point      (WgMapBox       *box,
                                     double          x,
                                     double          y);
void      wg_map_box_union          (WgMapBox       *box,
                                     const WgMapBox *other);
gboolean  wg_map_box_is_empty       (const WgMapBox *box);
gboolean  wg_map_box_intersects     (const WgMapBox *a,
                                     const WgMapBox *b);
gboolean  wg_map_box_contains       (const WgMapBox *box,
                                     double          x,
                                     double          y);

/* The largest zoom (clamped to [min_zoom, max_zoom]) at which @box plus
 * @padding pixels on every side fits into width × height pixels. */
double    wg_map_fit_zoom           (const WgMapBox *box,
                                     int             width,
                                     int             height,
                                     int             padding,
                                     double          min_zoom,
                                     double          max_zoom);

/* Room to keep free at the edges of the widget, in pixels (overlays). */
typedef struct {
  int top, right, bottom, left;
} WgMapInsets;

/* Zoom and projected centre that show @box as large as possible in the
 * part of a width × height widget left free by @insets. */
void      wg_map_fit_box            (const WgMapBox    *box,
                                     int                width,
                                     int                height,
                                     const WgMapInsets *insets,
                                     double             min_zoom,
                                     double             max_zoom,
                                     double            *zoom,
                                     double            *center_x,
                                     double            *center_y);

/* Where the viewport is: centre in projected coordinates, zoom, rotation
 * (radians) and the widget size.  Converts projected points to widget
 * pixels and back, the way ShumateMapLayer draws its tiles. */
typedef struct {
  double center_x, center_y;
  double zoom;
  double rotation;
  int width, height;
} WgMapView;

double    wg_map_view_get_scale     (const WgMapView *view);
void      wg_map_view_to_widget     (const WgMapView *view,
                                     double           x,
                                     double           y,
                                     double          *widget_x,
                                     double          *widget_y);
void      wg_map_view_to_projected  (const WgMapView *view,
                                     double           widget_x,
                                     double           widget_y,
                                     double          *x,
                                     double          *y);
/* The projected box that covers the widget (rotation included). */
void      wg_map_view_get_box       (const WgMapView *view,
                                     WgMapBox        *box);
/* The box in widget pixels that covers the projected @box. */
void      wg_map_view_box_to_widget (const WgMapView *view,
                                     const WgMapBox  *box,
                                     WgMapBox        *widget_box);

/* Slides a label (top-left @x, @y, size @width × @height, widget pixels)
 * inside a widget of @area_width × @area_height so that it is not cut at
 * the edge.  FALSE when it cannot fit, or when sliding it would take its
 * centre off its region, whose box in widget pixels is @region. */
gboolean  wg_map_label_fit_in_area  (double         *x,
                                     double         *y,
                                     double          width,
                                     double          height,
                                     double          area_width,
                                     double          area_height,
                                     const WgMapBox *region);

/* Even-odd point in polygon over @n_rings rings; ring i holds the points
 * xy[2*offsets[i]] … xy[2*offsets[i+1]-1] (x, y pairs). */
gboolean  wg_map_rings_contain      (const double   *xy,
                                     const guint    *offsets,
                                     guint           n_rings,
                                     double          x,
                                     double          y);

G_END_DECLS
