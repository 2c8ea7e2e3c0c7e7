#define G_LOG_DOMAIN "wg-map-label-layer"

#include "config.h"

#include <math.h>
#include <string.h>

#include "wg-map-label-layer.h"
#include "wg-map-layer-view.h"
#include "wg-map-style.h"

#define LABEL_GAP 4.0

struct _WgMapLabelLayer
{
  ShumateLayer parent_instance;

  WgMapScene *scene;
  GHashTable *layouts;          /* code → PangoLayout */
  GArray *placed;               /* graphene_rect_t, reused every frame */
  GPtrArray *obstacles;         /* GWeakRef * to widgets over the map */
  guint n_drawn;
};

G_DEFINE_FINAL_TYPE (WgMapLabelLayer, wg_map_label_layer, SHUMATE_TYPE_LAYER)

static const WgRegionLevel label_order[] = {
  WG_REGION_LEVEL_DISTRICT, WG_REGION_LEVEL_STREET,
  WG_REGION_LEVEL_COMMUNITY, WG_REGION_LEVEL_GRID,
};

static const char *
label_text (const WgMapShape *shape,
            gboolean          short_form)
{
  gsize length = strlen (shape->code);

  /* A grid too narrow for its name shows its sequence number. */
  if (short_form && length > 3)
    return shape->code + length - 3;
  return shape->name;
}

static PangoLayout *
get_layout (WgMapLabelLayer  *self,
            const WgMapShape *shape,
            gboolean          short_form)
{
  g_autofree char *key = g_strdup_printf ("%s%s", shape->code, short_form ? "#" : "");
  PangoLayout *layout = g_hash_table_lookup (self->layouts, key);
  g_autoptr(PangoFontDescription) font = NULL;

  if (layout != NULL)
    return layout;
  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), label_text (shape, short_form));
  font = pango_font_description_new ();
  pango_font_description_set_size (font, wg_map_style_label_size (shape->level) * PANGO_SCALE);
  if (shape->level <= WG_REGION_LEVEL_STREET)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  g_hash_table_insert (self->layouts, g_steal_pointer (&key), layout);
  return layout;
}

static gboolean
collides (WgMapLabelLayer       *self,
          const graphene_rect_t *rect)
{
  for (guint i = 0; i < self->placed->len; i++)
    if (graphene_rect_intersection (&g_array_index (self->placed, graphene_rect_t, i), rect, NULL))
      return TRUE;
  return FALSE;
}

static void
append_label (GtkSnapshot      *snapshot,
              PangoLayout      *layout,
              const graphene_rect_t *rect,
              WgRegionLevel     level)
{
  static const GdkRGBA halo = { 1.0, 1.0, 1.0, 0.9 };
  static const float offsets[][2] = { { -1, 0 }, { 1, 0 }, { 0, -1 }, { 0, 1 } };
  GdkRGBA ink = { 0.12, 0.16, 0.21, 1.0 };

  if (level >= WG_REGION_LEVEL_COMMUNITY)
    ink = (GdkRGBA) { 0.20, 0.24, 0.30, 1.0 };
  for (guint i = 0; i < G_N_ELEMENTS (offsets); i++)
    {
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (rect->origin.x + offsets[i][0],
                                                              rect->origin.y + offsets[i][1]));
      gtk_snapshot_append_layout (snapshot, layout, &halo);
      gtk_snapshot_restore (snapshot);
    }
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &rect->origin);
  gtk_snapshot_append_layout (snapshot, layout, &ink);
  gtk_snapshot_restore (snapshot);
}

/* Places the label of @shape if it fits its region and the free space. */
static void
place_label (WgMapLabelLayer  *self,
             GtkSnapshot      *snapshot,
             const WgMapView  *view,
             const WgMapShape *shape)
{
  double scale = wg_map_view_get_scale (view);
  double shape_width = (shape->box.max_x - shape->box.min_x) * scale;
  PangoLayout *layout = get_layout (self, shape, FALSE);
  double x, y;
  int width, height;
  WgMapBox region;
  graphene_rect_t rect;

  pango_layout_get_pixel_size (layout, &width, &height);
  if (shape_width < width * 0.9 && shape->level == WG_REGION_LEVEL_GRID)
    {
      layout = get_layout (self, shape, TRUE);
      pango_layout_get_pixel_size (layout, &width, &height);
    }
  if (shape_width < width * 0.7)
    return;
  wg_map_view_to_widget (view, shape->label_x, shape->label_y, &x, &y);
  x -= width / 2.0;
  y -= height / 2.0;
  wg_map_view_box_to_widget (view, &shape->box, &region);
  if (!wg_map_label_fit_in_area (&x, &y, width, height, view->width, view->height, &region))
    return;
  graphene_rect_init (&rect, round (x), round (y), width, height);
  if (collides (self, &rect))
    return;
  append_label (snapshot, layout, &rect, shape->level);
  graphene_rect_inset (&rect, -LABEL_GAP, -LABEL_GAP / 2);
  g_array_append_val (self->placed, rect);
  self->n_drawn++;
}

static void
place_obstacles (WgMapLabelLayer *self)
{
  for (guint i = 0; i < self->obstacles->len; i++)
    {
      g_autoptr(GtkWidget) widget = g_weak_ref_get (g_ptr_array_index (self->obstacles, i));
      graphene_rect_t bounds;

      if (widget == NULL || !gtk_widget_get_mapped (widget) ||
          !gtk_widget_compute_bounds (widget, GTK_WIDGET (self), &bounds) ||
          bounds.size.width < 1 || bounds.size.height < 1)
        continue;
      g_array_append_val (self->placed, bounds);
    }
}

static void
weak_ref_free (GWeakRef *ref)
{
  g_weak_ref_clear (ref);
  g_free (ref);
}

static void
wg_map_label_layer_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  WgMapLabelLayer *self = WG_MAP_LABEL_LAYER (widget);
  WgMapView view;
  WgMapBox visible;

  self->n_drawn = 0;
  g_array_set_size (self->placed, 0);
  if (self->scene == NULL)
    return;
  wg_map_view_init_from_layer (&view, SHUMATE_LAYER (self));
  wg_map_view_get_box (&view, &visible);
  place_obstacles (self);
  for (guint l = 0; l < G_N_ELEMENTS (label_order); l++)
    {
      if (!wg_map_style_label_visible (label_order[l], view.zoom))
        continue;
      for (guint i = 0; i < wg_map_scene_get_n_shapes (self->scene); i++)
        {
          const WgMapShape *shape = wg_map_scene_get_shape (self->scene, i);

          if (shape->level != label_order[l] || shape->n_rings == 0 ||
              !wg_map_box_contains (&visible, shape->label_x, shape->label_y))
            continue;
          place_label (self, snapshot, &view, shape);
        }
    }
}

static void
wg_map_label_layer_viewport_notify_cb (WgMapLabelLayer *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
wg_map_label_layer_constructed (GObject *object)
{
  WgMapLabelLayer *self = WG_MAP_LABEL_LAYER (object);

  G_OBJECT_CLASS (wg_map_label_layer_parent_class)->constructed (object);

  g_signal_connect_object (shumate_layer_get_viewport (SHUMATE_LAYER (self)), "notify",
                           G_CALLBACK (wg_map_label_layer_viewport_notify_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
wg_map_label_layer_finalize (GObject *object)
{
  WgMapLabelLayer *self = WG_MAP_LABEL_LAYER (object);

  g_clear_pointer (&self->scene, wg_map_scene_unref);
  g_clear_pointer (&self->layouts, g_hash_table_unref);
  g_clear_pointer (&self->placed, g_array_unref);
  g_clear_pointer (&self->obstacles, g_ptr_array_unref);

  G_OBJECT_CLASS (wg_map_label_layer_parent_class)->finalize (object);
}

static void
wg_map_label_layer_class_init (WgMapLabelLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = wg_map_label_layer_constructed;
  object_class->finalize = wg_map_label_layer_finalize;
  widget_class->snapshot = wg_map_label_layer_snapshot;
}

static void
wg_map_label_layer_init (WgMapLabelLayer *self)
{
  self->layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->placed = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
  self->obstacles = g_ptr_array_new_with_free_func ((GDestroyNotify) weak_ref_free);
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
}

WgMapLabelLayer *
wg_map_label_layer_new (ShumateViewport *viewport)
{
  return g_object_new (WG_TYPE_MAP_LABEL_LAYER, "viewport", viewport, NULL);
}

void
wg_map_label_layer_set_scene (WgMapLabelLayer *self,
                              WgMapScene      *scene)
{
  g_return_if_fail (WG_IS_MAP_LABEL_LAYER (self));

  g_clear_pointer (&self->scene, wg_map_scene_unref);
  self->scene = scene != NULL ? wg_map_scene_ref (scene) : NULL;
  g_hash_table_remove_all (self->layouts);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
wg_map_label_layer_add_obstacle (WgMapLabelLayer *self,
                                 GtkWidget       *widget)
{
  GWeakRef *ref = g_new0 (GWeakRef, 1);

  g_return_if_fail (WG_IS_MAP_LABEL_LAYER (self));

  g_weak_ref_init (ref, widget);
  g_ptr_array_add (self->obstacles, ref);
}

guint
wg_map_label_layer_get_n_drawn (WgMapLabelLayer *self)
{
  g_return_val_if_fail (WG_IS_MAP_LABEL_LAYER (self), 0);
  return self->n_drawn;
}
