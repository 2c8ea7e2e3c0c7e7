#define G_LOG_DOMAIN "wg-map-geo"

#include "config.h"

#include <math.h>

#include "wg-map-geo.h"

/* Krasovsky 1940, the ellipsoid of the GCJ-02 formula */
#define GCJ_A  6378245.0
#define GCJ_EE 0.00669342162296594323
#define MAX_LATITUDE 85.0511287798

void
wg_map_project (double  longitude,
                double  latitude,
                double *x,
                double *y)
{
  double phi = CLAMP (latitude, -MAX_LATITUDE, MAX_LATITUDE) * G_PI / 180.0;

  *x = (longitude + 180.0) / 360.0;
  *y = (1.0 - log (tan (phi) + 1.0 / cos (phi)) / G_PI) / 2.0;
}

void
wg_map_unproject (double  x,
                  double  y,
                  double *longitude,
                  double *latitude)
{
  *longitude = x * 360.0 - 180.0;
  *latitude = atan (sinh (G_PI * (1.0 - 2.0 * y))) * 180.0 / G_PI;
}

gboolean
wg_map_gcj02_outside_china (double longitude,
                            double latitude)
{
  return longitude < 72.004 || longitude > 137.8347 ||
         latitude < 0.8293 || latitude > 55.8271;
}

static double
gcj_offset_latitude (double x,
                     double y)
{
  double ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * sqrt (fabs (x));

  ret += (20.0 * sin (6.0 * x * G_PI) + 20.0 * sin (2.0 * x * G_PI)) * 2.0 / 3.0;
  ret += (20.0 * sin (y * G_PI) + 40.0 * sin (y / 3.0 * G_PI)) * 2.0 / 3.0;
  ret += (160.0 * sin (y / 12.0 * G_PI) + 320.0 * sin (y * G_PI / 30.0)) * 2.0 / 3.0;
  return ret;
}

static double
gcj_offset_longitude (double x,
                      double y)
{
  double ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * sqrt (fabs (x));

  ret += (20.0 * sin (6.0 * x * G_PI) + 20.0 * sin (2.0 * x * G_PI)) * 2.0 / 3.0;
  ret += (20.0 * sin (x * G_PI) + 40.0 * sin (x / 3.0 * G_PI)) * 2.0 / 3.0;
  ret += (150.0 * sin (x / 12.0 * G_PI) + 300.0 * sin (x / 30.0 * G_PI)) * 2.0 / 3.0;
  return ret;
}

void
wg_map_wgs84_to_gcj02 (double  longitude,
                       double  latitude,
                       double *out_longitude,
                       double *out_latitude)
{
  double d_lat, d_lon, rad_lat, magic, sqrt_magic;

  if (wg_map_gcj02_outside_china (longitude, latitude))
    {
      *out_longitude = longitude;
      *out_latitude = latitude;
      return;
    }
  d_lat = gcj_offset_latitude (longitude - 105.0, latitude - 35.0);
  d_lon = gcj_offset_longitude (longitude - 105.0, latitude - 35.0);
  rad_lat = latitude / 180.0 * G_PI;
  magic = 1.0 - GCJ_EE * sin (rad_lat) * sin (rad_lat);
  sqrt_magic = sqrt (magic);
  d_lat = (d_lat * 180.0) / ((GCJ_A * (1.0 - GCJ_EE)) / (magic * sqrt_magic) * G_PI);
  d_lon = (d_lon * 180.0) / (GCJ_A / sqrt_magic * cos (rad_lat) * G_PI);
  *out_longitude = longitude + d_lon;
  *out_latitude = latitude + d_lat;
}

void
wg_map_gcj02_to_wgs84 (double  longitude,
                       double  latitude,
                       double *out_longitude,
                       double *out_latitude)
{
  double lon = longitude;
  double lat = latitude;

  /* The offset changes slowly, so a fixed-point iteration converges in a
   * few steps to well below a millimetre. */
  for (guint i = 0; i < 10; i++)
    {
      double g_lon, g_lat;

      wg_map_wgs84_to_gcj02 (lon, lat, &g_lon, &g_lat);
      lon -= g_lon - longitude;
      lat -= g_lat - latitude;
      if (fabs (g_lon - longitude) < 1e-10 && fabs (g_lat - latitude) < 1e-10)
        break;
    }
  *out_longitude = lon;
  *out_latitude = lat;
}

void
wg_map_box_init_empty (WgMapBox *box)
{
  box->min_x = box->min_y = G_MAXDOUBLE;
  box->max_x = box->max_y = -G_MAXDOUBLE;
}

void
wg_map_box_add_point (WgMapBox *box,
                      double    x,
                      double    y)
{
  box->min_x = MIN (box->min_x, x);
  box->min_y = MIN (box->min_y, y);
  box->max_x = MAX (box->max_x, x);
  box->max_y = MAX (box->max_y, y);
}

void
wg_map_box_union (WgMapBox       *box,
                  const WgMapBox *other)
{
  if (wg_map_box_is_empty (other))
    return;
  wg_map_box_add_point (box, other->min_x, other->min_y);
  wg_map_box_add_point (box, other->max_x, other->max_y);
}

gboolean
wg_map_box_is_empty (const WgMapBox *box)
{
  return box->min_x > box->max_x || box->min_y > box->max_y;
}

gboolean
wg_map_box_intersects (const WgMapBox *a,
                       const WgMapBox *b)
{
  return a->min_x <= b->max_x && b->min_x <= a->max_x &&
         a->min_y <= b->max_y && b->min_y <= a->max_y;
}

gboolean
wg_map_box_contains (const WgMapBox *box,
                     double          x,
                     double          y)
{
  return x >= box->min_x && x <= box->max_x && y >= box->min_y && y <= box->max_y;
}

double
wg_map_fit_zoom (const WgMapBox *box,
                 int             width,
                 int             height,
                 int             padding,
                 double          min_zoom,
                 double          max_zoom)
{
  double usable_width = MAX (width - 2 * padding, 1);
  double usable_height = MAX (height - 2 * padding, 1);
  double box_width = (box->max_x - box->min_x) * WG_MAP_TILE_SIZE;
  double box_height = (box->max_y - box->min_y) * WG_MAP_TILE_SIZE;
  double scale;

  if (wg_map_box_is_empty (box))
    return min_zoom;
  /* A point (or a sliver) fits at any zoom: stop at the maximum. */
  if (box_width <= 0 && box_height <= 0)
    return max_zoom;
  scale = MIN (box_width > 0 ? usable_width / box_width : G_MAXDOUBLE,
               box_height > 0 ? usable_height / box_height : G_MAXDOUBLE);
  return CLAMP (log2 (scale), min_zoom, max_zoom);
}

void
wg_map_fit_box (const WgMapBox    *box,
                int                width,
                int                height,
                const WgMapInsets *insets,
                double             min_zoom,
                double             max_zoom,
                double            *zoom,
                double            *center_x,
                double            *center_y)
{
  int free_width = MAX (width - insets->left - insets->right, 1);
  int free_height = MAX (height - insets->top - insets->bottom, 1);
  double scale;

  *zoom = wg_map_fit_zoom (box, free_width, free_height, 0, min_zoom, max_zoom);
  scale = WG_MAP_TILE_SIZE * exp2 (*zoom);
  /* the box's centre goes to the centre of the free part: the widget's
   * centre is offset from it by half the difference of the insets */
  *center_x = (box->min_x + box->max_x) / 2 + (insets->right - insets->left) / 2.0 / scale;
  *center_y = (box->min_y + box->max_y) / 2 + (insets->bottom - insets->top) / 2.0 / scale;
}

double
wg_map_view_get_scale (const WgMapView *view)
{
  return WG_MAP_TILE_SIZE * exp2 (view->zoom);
}

void
wg_map_view_to_widget (const WgMapView *view,
                       double           x,
                       double           y,
                       double          *widget_x,
                       double          *widget_y)
{
  double scale = wg_map_view_get_scale (view);
  double dx = (x - view->center_x) * scale;
  double dy = (y - view->center_y) * scale;
  double c = cos (view->rotation);
  double s = sin (view->rotation);

  *widget_x = view->width / 2.0 + dx * c - dy * s;
  *widget_y = view->height / 2.0 + dx * s + dy * c;
}

void
wg_map_view_to_projected (const WgMapView *view,
                          double           widget_x,
                          double           widget_y,
                          double          *x,
                          double          *y)
{
  double scale = wg_map_view_get_scale (view);
  double dx = widget_x - view->width / 2.0;
  double dy = widget_y - view->height / 2.0;
  double c = cos (view->rotation);
  double s = sin (view->rotation);

  *x = view->center_x + (dx * c + dy * s) / scale;
  *y = view->center_y + (-dx * s + dy * c) / scale;
}

typedef void (*PointTransform) (const WgMapView *view,
                                double           x,
                                double           y,
                                double          *out_x,
                                double          *out_y);

/* The box around the four corners of (x0, y0)–(x1, y1) transformed:
 * with a rotated view the corners are not the extremes of each axis. */
static void
transform_box (const WgMapView *view,
               double           x0,
               double           y0,
               double           x1,
               double           y1,
               PointTransform   transform,
               WgMapBox        *box)
{
  const double corners[4][2] = { { x0, y0 }, { x1, y0 }, { x0, y1 }, { x1, y1 } };

  wg_map_box_init_empty (box);
  for (guint i = 0; i < G_N_ELEMENTS (corners); i++)
    {
      double x, y;

      transform (view, corners[i][0], corners[i][1], &x, &y);
      wg_map_box_add_point (box, x, y);
    }
}

void
wg_map_view_get_box (const WgMapView *view,
                     WgMapBox        *box)
{
  transform_box (view, 0, 0, view->width, view->height, wg_map_view_to_projected, box);
}

void
wg_map_view_box_to_widget (const WgMapView *view,
                           const WgMapBox  *box,
                           WgMapBox        *widget_box)
{
  transform_box (view, box->min_x, box->min_y, box->max_x, box->max_y,
                 wg_map_view_to_widget, widget_box);
}

static gboolean
ring_crossings (const double *xy,
                guint         start,
                guint         end,
                double        x,
                double        y)
{
  gboolean inside = FALSE;

  for (guint i = start, j = end - 1; i < end; j = i++)
    {
      double xi = xy[2 * i], yi = xy[2 * i + 1];
      double xj = xy[2 * j], yj = xy[2 * j + 1];

      if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi)
        inside = !inside;
    }
  return inside;
}

gboolean
wg_map_label_fit_in_area (double         *x,
                          double         *y,
                          double          width,
                          double          height,
                          double          area_width,
                          double          area_height,
                          const WgMapBox *region)
{
  double fitted_x, fitted_y;

  if (width > area_width || height > area_height)
    return FALSE;
  fitted_x = CLAMP (*x, 0, area_width - width);
  fitted_y = CLAMP (*y, 0, area_height - height);
  if (!wg_map_box_contains (region, fitted_x + width / 2, fitted_y + height / 2))
    return FALSE;
  *x = fitted_x;
  *y = fitted_y;
  return TRUE;
}

gboolean
wg_map_rings_contain (const double *xy,
                      const guint  *offsets,
                      guint         n_rings,
                      double        x,
                      double        y)
{
  gboolean inside = FALSE;

  for (guint r = 0; r < n_rings; r++)
    {
      if (offsets[r + 1] - offsets[r] < 3)
        continue;
      if (ring_crossings (xy, offsets[r], offsets[r + 1], x, y))
        inside = !inside;
    }
  return inside;
}
