#define G_LOG_DOMAIN "wg-map-overlay-source"

#include "config.h"

#include <cairo.h>

#include "wg-map-overlay-source.h"
#include "wg-map-style.h"

#define MIN_ZOOM 9
#define MAX_ZOOM 19

struct _WgMapOverlaySource
{
  ShumateMapSource parent_instance;

  WgMapScene *scene;
  gboolean paper;
  int scale;
  guint pending;
  guint filled;
  gint64 fill_usec;
};

G_DEFINE_FINAL_TYPE (WgMapOverlaySource, wg_map_overlay_source, SHUMATE_TYPE_MAP_SOURCE)

enum {
  PROP_0,
  PROP_PENDING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct {
  WgMapScene *scene;            /* NULL for the reference source */
  ShumateTile *tile;
  gboolean paper;
  int scale;
  guint x, y, zoom, size;
  gint64 usec;                  /* drawing time, written by the worker */
} FillData;

static void
fill_data_free (FillData *data)
{
  g_clear_pointer (&data->scene, wg_map_scene_unref);
  g_clear_object (&data->tile);
  g_free (data);
}

typedef struct {
  cairo_t *cr;
  double scale;                 /* projected → tile pixels */
  double origin_x, origin_y;    /* tile's top-left in pixels */
  WgMapBox box;                 /* tile's box, projected, with a margin */
} TileCanvas;

static void
canvas_set_color (TileCanvas *canvas,
                  WgMapColor  color)
{
  cairo_set_source_rgba (canvas->cr, color.red, color.green, color.blue, color.alpha);
}

static void
canvas_add_shape_path (TileCanvas       *canvas,
                       const WgMapShape *shape)
{
  cairo_new_path (canvas->cr);
  for (guint r = 0; r < shape->n_rings; r++)
    {
      for (guint i = shape->offsets[r]; i < shape->offsets[r + 1]; i++)
        {
          double px = shape->xy[2 * i] * canvas->scale - canvas->origin_x;
          double py = shape->xy[2 * i + 1] * canvas->scale - canvas->origin_y;

          if (i == shape->offsets[r])
            cairo_move_to (canvas->cr, px, py);
          else
            cairo_line_to (canvas->cr, px, py);
        }
      cairo_close_path (canvas->cr);
    }
}

static gboolean
shape_touches (const TileCanvas *canvas,
               const WgMapShape *shape)
{
  return shape->n_rings > 0 && wg_map_box_intersects (&shape->box, &canvas->box);
}

static gboolean
draw_paper (TileCanvas *canvas,
            WgMapScene *scene)
{
  gboolean drew = FALSE;

  cairo_set_source_rgb (canvas->cr, 0.992, 0.988, 0.976);
  for (guint i = 0; i < wg_map_scene_get_n_shapes (scene); i++)
    {
      const WgMapShape *shape = wg_map_scene_get_shape (scene, i);

      /* The outermost level present is the ground: a street user has no
       * district row, a community user no street. */
      if (shape->level != wg_map_scene_get_top_level (scene) || !shape_touches (canvas, shape))
        continue;
      canvas_add_shape_path (canvas, shape);
      cairo_fill (canvas->cr);
      drew = TRUE;
    }
  return drew;
}

static gboolean
draw_fills (TileCanvas *canvas,
            WgMapScene *scene)
{
  gboolean drew = FALSE;

  for (guint i = 0; i < wg_map_scene_get_n_shapes (scene); i++)
    {
      const WgMapShape *shape = wg_map_scene_get_shape (scene, i);

      if (shape->level != WG_REGION_LEVEL_GRID || !shape_touches (canvas, shape))
        continue;
      canvas_set_color (canvas, wg_map_style_grade_color (shape->grid_grade));
      canvas_add_shape_path (canvas, shape);
      cairo_fill (canvas->cr);
      drew = TRUE;
    }
  return drew;
}

static gboolean
draw_lines (TileCanvas *canvas,
            WgMapScene *scene,
            guint       zoom)
{
  gboolean drew = FALSE;

  cairo_set_line_join (canvas->cr, CAIRO_LINE_JOIN_ROUND);
  for (guint i = 0; i < wg_map_scene_get_n_shapes (scene); i++)
    {
      const WgMapShape *shape = wg_map_scene_get_shape (scene, i);
      /* the edge of the user's territory is drawn like a district's */
      WgRegionLevel style = shape->level == wg_map_scene_get_top_level (scene)
                            ? WG_REGION_LEVEL_DISTRICT : shape->level;
      double width = wg_map_style_line_width (style, zoom);

      if (width <= 0 || !shape_touches (canvas, shape))
        continue;
      canvas_set_color (canvas, wg_map_style_line_color (style));
      cairo_set_line_width (canvas->cr, width);
      canvas_add_shape_path (canvas, shape);
      cairo_stroke (canvas->cr);
      drew = TRUE;
    }
  return drew;
}

/* A cairo context on a new surface, set up for tile (x, y, zoom). */
static cairo_surface_t *
canvas_init (TileCanvas *canvas,
             guint       x,
             guint       y,
             guint       zoom,
             guint       size,
             int         scale)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size * scale, size * scale);
  double margin;

  canvas->cr = cairo_create (surface);
  /* On a HiDPI screen the tile is drawn at device resolution: libshumate
   * paints the texture into size × size logical pixels. */
  cairo_scale (canvas->cr, scale, scale);
  canvas->scale = (double) size * (1u << zoom);
  canvas->origin_x = (double) x * size;
  canvas->origin_y = (double) y * size;
  /* Lines are centred on the boundary: include shapes just outside. */
  margin = 4.0 / canvas->scale;
  canvas->box.min_x = canvas->origin_x / canvas->scale - margin;
  canvas->box.min_y = canvas->origin_y / canvas->scale - margin;
  canvas->box.max_x = (canvas->origin_x + size) / canvas->scale + margin;
  canvas->box.max_y = (canvas->origin_y + size) / canvas->scale + margin;
  return surface;
}

static GdkTexture *
texture_new_for_surface (cairo_surface_t *surface)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  g_autoptr(GBytes) bytes = NULL;

  cairo_surface_flush (surface);
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize) stride * height,
                                      (GDestroyNotify) cairo_surface_destroy,
                                      cairo_surface_reference (surface));
  /* cairo's ARGB32 is premultiplied native-endian, GDK_MEMORY_DEFAULT */
  return gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes, stride);
}

GdkTexture *
wg_map_overlay_render_tile (WgMapScene *scene,
                            gboolean    paper,
                            guint       x,
                            guint       y,
                            guint       zoom,
                            guint       size,
                            int         scale)
{
  TileCanvas canvas;
  cairo_surface_t *surface = canvas_init (&canvas, x, y, zoom, size, scale);
  GdkTexture *texture = NULL;
  gboolean drew;

  drew = paper && draw_paper (&canvas, scene);
  drew = draw_fills (&canvas, scene) || drew;
  drew = draw_lines (&canvas, scene, zoom) || drew;
  cairo_destroy (canvas.cr);
  if (drew)
    texture = texture_new_for_surface (surface);
  cairo_surface_destroy (surface);
  return texture;
}

static void
fill_tile_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  FillData *data = task_data;
  gint64 start = g_get_monotonic_time ();
  GdkTexture *texture = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;
  if (data->scene != NULL)
    texture = wg_map_overlay_render_tile (data->scene, data->paper, data->x, data->y,
                                          data->zoom, data->size, data->scale);
  data->usec = g_get_monotonic_time () - start;
  g_task_return_pointer (task, texture, g_object_unref);
}

static void
wg_map_overlay_source_fill_tile_async (ShumateMapSource    *source,
                                       ShumateTile         *tile,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  WgMapOverlaySource *self = WG_MAP_OVERLAY_SOURCE (source);
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  FillData *data = g_new0 (FillData, 1);

  g_task_set_source_tag (task, wg_map_overlay_source_fill_tile_async);
  data->scene = self->scene != NULL ? wg_map_scene_ref (self->scene) : NULL;
  data->tile = g_object_ref (tile);
  data->paper = self->paper;
  data->scale = self->scale;
  data->x = shumate_tile_get_x (tile);
  data->y = shumate_tile_get_y (tile);
  data->zoom = shumate_tile_get_zoom_level (tile);
  data->size = shumate_tile_get_size (tile);
  g_task_set_task_data (task, data, (GDestroyNotify) fill_data_free);
  shumate_tile_set_state (tile, SHUMATE_STATE_LOADING);
  self->pending++;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
  g_task_run_in_thread (task, fill_tile_thread);
}

static gboolean
wg_map_overlay_source_fill_tile_finish (ShumateMapSource  *source,
                                        GAsyncResult      *result,
                                        GError           **error)
{
  WgMapOverlaySource *self = WG_MAP_OVERLAY_SOURCE (source);
  FillData *data;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == wg_map_overlay_source_fill_tile_async,
                        FALSE);

  data = g_task_get_task_data (G_TASK (result));
  texture = g_task_propagate_pointer (G_TASK (result), &local_error);
  self->pending--;
  self->fill_usec += data->usec;
  if (local_error == NULL)
    {
      self->filled++;
      shumate_tile_set_paintable (data->tile, GDK_PAINTABLE (texture));
      shumate_tile_set_fade_in (data->tile, FALSE);
      shumate_tile_set_state (data->tile, SHUMATE_STATE_DONE);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

static void
wg_map_overlay_source_finalize (GObject *object)
{
  WgMapOverlaySource *self = WG_MAP_OVERLAY_SOURCE (object);

  g_clear_pointer (&self->scene, wg_map_scene_unref);

  G_OBJECT_CLASS (wg_map_overlay_source_parent_class)->finalize (object);
}

static void
wg_map_overlay_source_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  WgMapOverlaySource *self = WG_MAP_OVERLAY_SOURCE (object);

  switch (prop_id)
    {
    case PROP_PENDING:
      g_value_set_uint (value, self->pending);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wg_map_overlay_source_class_init (WgMapOverlaySourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ShumateMapSourceClass *source_class = SHUMATE_MAP_SOURCE_CLASS (klass);

  object_class->finalize = wg_map_overlay_source_finalize;
  object_class->get_property = wg_map_overlay_source_get_property;
  source_class->fill_tile_async = wg_map_overlay_source_fill_tile_async;
  source_class->fill_tile_finish = wg_map_overlay_source_fill_tile_finish;

  properties[PROP_PENDING] =
    g_param_spec_uint ("pending", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
wg_map_overlay_source_init (WgMapOverlaySource *self)
{
  static guint serial;
  g_autofree char *id = g_strdup_printf ("wangge-territory-%u", ++serial);
  ShumateMapSource *source = SHUMATE_MAP_SOURCE (self);

  shumate_map_source_set_id (source, id);
  shumate_map_source_set_name (source, "Wangge territory");
  shumate_map_source_set_min_zoom_level (source, MIN_ZOOM);
  shumate_map_source_set_max_zoom_level (source, MAX_ZOOM);
  shumate_map_source_set_tile_size (source, WG_MAP_TILE_SIZE);
  shumate_map_source_set_projection (source, SHUMATE_MAP_PROJECTION_MERCATOR);
}

WgMapOverlaySource *
wg_map_overlay_source_new (WgMapScene *scene,
                           gboolean    paper,
                           int         scale)
{
  WgMapOverlaySource *self = g_object_new (WG_TYPE_MAP_OVERLAY_SOURCE, NULL);

  self->scene = scene != NULL ? wg_map_scene_ref (scene) : NULL;
  self->paper = paper;
  self->scale = CLAMP (scale, 1, 4);
  return self;
}

guint
wg_map_overlay_source_get_pending (WgMapOverlaySource *self)
{
  g_return_val_if_fail (WG_IS_MAP_OVERLAY_SOURCE (self), 0);
  return self->pending;
}

guint
wg_map_overlay_source_get_filled (WgMapOverlaySource *self)
{
  g_return_val_if_fail (WG_IS_MAP_OVERLAY_SOURCE (self), 0);
  return self->filled;
}

double
wg_map_overlay_source_get_fill_ms (WgMapOverlaySource *self)
{
  g_return_val_if_fail (WG_IS_MAP_OVERLAY_SOURCE (self), 0);
  return self->fill_usec / 1000.0;
}
