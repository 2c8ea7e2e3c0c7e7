#define G_LOG_DOMAIN "wg-map-scene"

#include "config.h"

#include <math.h>

#include "wg-error.h"
#include "wg-map-scene.h"

struct _WgMapScene
{
  GPtrArray *shapes;            /* WgMapShape, drawing order */
  GHashTable *by_code;          /* code → WgMapShape (borrowed) */
  WgMapBox box;
  gboolean gcj02;
  WgRegionLevel top_level;
  gboolean synthetic;
};

static void
wg_map_shape_free (WgMapShape *shape)
{
  g_free (shape->code);
  g_free (shape->name);
  g_free (shape->parent_code);
  g_free (shape->offsets);
  g_free (shape->xy);
  g_free (shape);
}

static gboolean
append_ring (JsonArray *ring,
             gboolean   gcj02,
             GArray    *xy,
             GError   **error)
{
  guint n = json_array_get_length (ring);

  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (ring, i);
      JsonArray *position;
      double lon, lat, x, y;

      if (!JSON_NODE_HOLDS_ARRAY (node) ||
          json_array_get_length (position = json_node_get_array (node)) < 2)
        {
          wg_set_field_error (error, "geometry", "A position is not a coordinate pair");
          return FALSE;
        }
      lon = json_array_get_double_element (position, 0);
      lat = json_array_get_double_element (position, 1);
      if (gcj02)
        wg_map_wgs84_to_gcj02 (lon, lat, &lon, &lat);
      wg_map_project (lon, lat, &x, &y);
      g_array_append_val (xy, x);
      g_array_append_val (xy, y);
    }
  return TRUE;
}

static gboolean
append_polygon (JsonArray *polygon,
                gboolean   gcj02,
                GArray    *xy,
                GArray    *offsets,
                GError   **error)
{
  for (guint r = 0; r < json_array_get_length (polygon); r++)
    {
      JsonNode *node = json_array_get_element (polygon, r);
      guint end;

      if (!JSON_NODE_HOLDS_ARRAY (node))
        {
          wg_set_field_error (error, "geometry", "A ring is not an array");
          return FALSE;
        }
      if (!append_ring (json_node_get_array (node), gcj02, xy, error))
        return FALSE;
      end = xy->len / 2;
      g_array_append_val (offsets, end);
    }
  return TRUE;
}

static gboolean
parse_coordinates (JsonObject *geometry,
                   gboolean    gcj02,
                   GArray     *xy,
                   GArray     *offsets,
                   GError    **error)
{
  const char *type = json_object_get_string_member_with_default (geometry, "type", "");
  JsonNode *node = json_object_get_member (geometry, "coordinates");
  JsonArray *coordinates;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      wg_set_field_error (error, "geometry", "A geometry has no coordinates");
      return FALSE;
    }
  coordinates = json_node_get_array (node);
  if (g_str_equal (type, "Polygon"))
    return append_polygon (coordinates, gcj02, xy, offsets, error);
  if (!g_str_equal (type, "MultiPolygon"))
    {
      wg_set_field_error (error, "geometry", "Geometry type ‘%s’ is not a polygon", type);
      return FALSE;
    }
  for (guint p = 0; p < json_array_get_length (coordinates); p++)
    {
      JsonNode *polygon = json_array_get_element (coordinates, p);

      if (!JSON_NODE_HOLDS_ARRAY (polygon))
        {
          wg_set_field_error (error, "geometry", "A polygon is not an array");
          return FALSE;
        }
      if (!append_polygon (json_node_get_array (polygon), gcj02, xy, offsets, error))
        return FALSE;
    }
  return TRUE;
}

/* Twice the signed area and the centroid of one ring (shoelace). */
static double
ring_centroid (const WgMapShape *shape,
               guint             ring,
               double           *cx,
               double           *cy)
{
  const double *xy = shape->xy;
  guint start = shape->offsets[ring], end = shape->offsets[ring + 1];
  double area = 0, sx = 0, sy = 0;

  for (guint i = start, j = end - 1; i < end; j = i++)
    {
      double cross = xy[2 * j] * xy[2 * i + 1] - xy[2 * i] * xy[2 * j + 1];

      area += cross;
      sx += (xy[2 * j] + xy[2 * i]) * cross;
      sy += (xy[2 * j + 1] + xy[2 * i + 1]) * cross;
    }
  if (fabs (area) < 1e-30)
    {
      *cx = xy[2 * start];
      *cy = xy[2 * start + 1];
      return 0;
    }
  *cx = sx / (3 * area);
  *cy = sy / (3 * area);
  return area;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *) a, db = *(const double *) b;

  return (da > db) - (da < db);
}

/* The middle of the widest inside span of the horizontal line at @y:
 * a label point inside concave shapes whose centroid falls outside. */
static void
widest_span_center (WgMapShape *shape,
                    double      y)
{
  g_autoptr(GArray) crossings = g_array_new (FALSE, FALSE, sizeof (double));
  double best = -1;

  for (guint r = 0; r < shape->n_rings; r++)
    for (guint i = shape->offsets[r], j = shape->offsets[r + 1] - 1; i < shape->offsets[r + 1]; j = i++)
      {
        double xi = shape->xy[2 * i], yi = shape->xy[2 * i + 1];
        double xj = shape->xy[2 * j], yj = shape->xy[2 * j + 1];

        if ((yi > y) != (yj > y))
          {
            double x = (xj - xi) * (y - yi) / (yj - yi) + xi;
            g_array_append_val (crossings, x);
          }
      }
  g_array_sort (crossings, compare_doubles);
  for (guint k = 0; k + 1 < crossings->len; k += 2)
    {
      double a = g_array_index (crossings, double, k), b = g_array_index (crossings, double, k + 1);

      if (b - a > best)
        {
          best = b - a;
          shape->label_x = (a + b) / 2;
          shape->label_y = y;
        }
    }
}

static void
compute_label_point (WgMapShape *shape)
{
  double best_area = -1;

  shape->label_x = (shape->box.min_x + shape->box.max_x) / 2;
  shape->label_y = (shape->box.min_y + shape->box.max_y) / 2;
  for (guint r = 0; r < shape->n_rings; r++)
    {
      double cx, cy, area;

      if (shape->offsets[r + 1] - shape->offsets[r] < 3)
        continue;
      area = fabs (ring_centroid (shape, r, &cx, &cy));
      if (area > best_area)
        {
          best_area = area;
          shape->label_x = cx;
          shape->label_y = cy;
        }
    }
  if (!wg_map_shape_contains (shape, shape->label_x, shape->label_y))
    widest_span_center (shape, shape->label_y);
}

gboolean
wg_map_shape_set_geometry (WgMapShape  *shape,
                           JsonNode    *geometry,
                           gboolean     gcj02,
                           GError     **error)
{
  g_autoptr(GArray) xy = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) offsets = g_array_new (FALSE, TRUE, sizeof (guint));
  guint zero = 0;

  if (geometry == NULL || !JSON_NODE_HOLDS_OBJECT (geometry))
    {
      wg_set_field_error (error, "geometry", "A geometry must be an object");
      return FALSE;
    }
  g_array_append_val (offsets, zero);
  if (!parse_coordinates (json_node_get_object (geometry), gcj02, xy, offsets, error))
    return FALSE;

  g_free (shape->xy);
  g_free (shape->offsets);
  shape->n_rings = offsets->len - 1;
  shape->offsets = (guint *) (void *) g_array_free (g_steal_pointer (&offsets), FALSE);
  wg_map_box_init_empty (&shape->box);
  for (guint i = 0; i < xy->len; i += 2)
    wg_map_box_add_point (&shape->box, g_array_index (xy, double, i), g_array_index (xy, double, i + 1));
  shape->xy = (double *) (void *) g_array_free (g_steal_pointer (&xy), FALSE);
  compute_label_point (shape);
  return TRUE;
}

gboolean
wg_map_shape_contains (const WgMapShape *shape,
                       double            x,
                       double            y)
{
  if (shape->n_rings == 0 || !wg_map_box_contains (&shape->box, x, y))
    return FALSE;
  return wg_map_rings_contain (shape->xy, shape->offsets, shape->n_rings, x, y);
}

static WgMapShape *
shape_new_from_region (WgRegion *region,
                       gboolean  gcj02)
{
  WgMapShape *shape = g_new0 (WgMapShape, 1);
  JsonNode *geometry = wg_region_get_geometry (region);
  g_autoptr(GError) error = NULL;

  shape->code = g_strdup (wg_region_get_code (region));
  shape->name = g_strdup (wg_region_get_name (region));
  shape->parent_code = g_strdup (wg_region_get_parent_code (region));
  shape->level = wg_region_get_level (region);
  shape->grid_type = wg_region_get_grid_type (region);
  shape->grid_grade = wg_region_get_grid_grade (region);
  shape->synthetic = wg_region_get_synthetic (region);
  wg_map_box_init_empty (&shape->box);
  if (geometry != NULL && !wg_map_shape_set_geometry (shape, geometry, gcj02, &error))
    g_warning ("Region %s: %s", shape->code, error->message);
  return shape;
}

static int
compare_drawing_order (gconstpointer a,
                       gconstpointer b)
{
  const WgMapShape *sa = *(WgMapShape * const *) a;
  const WgMapShape *sb = *(WgMapShape * const *) b;

  if (sa->level != sb->level)
    return (int) sb->level - (int) sa->level;
  return g_strcmp0 (sa->code, sb->code);
}

WgMapScene *
wg_map_scene_new (GListModel *regions,
                  gboolean    gcj02)
{
  WgMapScene *self = g_atomic_rc_box_new0 (WgMapScene);
  guint n = regions != NULL ? g_list_model_get_n_items (regions) : 0;

  self->gcj02 = gcj02;
  self->shapes = g_ptr_array_new_with_free_func ((GDestroyNotify) wg_map_shape_free);
  self->by_code = g_hash_table_new (g_str_hash, g_str_equal);
  wg_map_box_init_empty (&self->box);
  self->top_level = WG_REGION_LEVEL_GRID;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WgRegion) region = g_list_model_get_item (regions, i);
      WgMapShape *shape = shape_new_from_region (region, gcj02);

      g_ptr_array_add (self->shapes, shape);
      wg_map_box_union (&self->box, &shape->box);
      if (shape->n_rings > 0)
        self->top_level = MIN (self->top_level, shape->level);
      self->synthetic |= shape->synthetic && shape->n_rings > 0;
    }
  g_ptr_array_sort (self->shapes, compare_drawing_order);
  for (guint i = 0; i < self->shapes->len; i++)
    {
      WgMapShape *shape = g_ptr_array_index (self->shapes, i);
      g_hash_table_replace (self->by_code, shape->code, shape);
    }
  return self;
}

WgMapScene *
wg_map_scene_ref (WgMapScene *self)
{
  return g_atomic_rc_box_acquire (self);
}

static void
wg_map_scene_clear (WgMapScene *self)
{
  g_clear_pointer (&self->by_code, g_hash_table_unref);
  g_clear_pointer (&self->shapes, g_ptr_array_unref);
}

void
wg_map_scene_unref (WgMapScene *self)
{
  g_atomic_rc_box_release_full (self, (GDestroyNotify) wg_map_scene_clear);
}

guint
wg_map_scene_get_n_shapes (WgMapScene *self)
{
  return self->shapes->len;
}

const WgMapShape *
wg_map_scene_get_shape (WgMapScene *self,
                        guint       index)
{
  g_return_val_if_fail (index < self->shapes->len, NULL);
  return g_ptr_array_index (self->shapes, index);
}

const WgMapShape *
wg_map_scene_lookup (WgMapScene *self,
                     const char *code)
{
  if (code == NULL)
    return NULL;
  return g_hash_table_lookup (self->by_code, code);
}

const WgMapBox *
wg_map_scene_get_box (WgMapScene *self)
{
  return &self->box;
}

const WgMapShape *
wg_map_scene_hit_test (WgMapScene   *self,
                       WgRegionLevel level,
                       double        x,
                       double        y)
{
  for (guint i = 0; i < self->shapes->len; i++)
    {
      const WgMapShape *shape = g_ptr_array_index (self->shapes, i);

      if (shape->level == level && wg_map_shape_contains (shape, x, y))
        return shape;
    }
  return NULL;
}

gboolean
wg_map_scene_get_gcj02 (WgMapScene *self)
{
  return self->gcj02;
}

WgRegionLevel
wg_map_scene_get_top_level (WgMapScene *self)
{
  return self->top_level;
}

gboolean
wg_map_scene_get_synthetic (WgMapScene *self)
{
  return self->synthetic;
}
