#define G_LOG_DOMAIN "wg-map-selection-layer"

#include "config.h"

#include <math.h>

#include "wg-map-layer-view.h"
#include "wg-map-selection-layer.h"

struct _WgMapSelectionLayer
{
  ShumateLayer parent_instance;

  WgMapScene *scene;
  char *selected;
  char *hovered;
};

G_DEFINE_FINAL_TYPE (WgMapSelectionLayer, wg_map_selection_layer, SHUMATE_TYPE_LAYER)

typedef struct {
  double casing_width;
  GdkRGBA casing;
  double width;
  GdkRGBA ink;
  gboolean fill;
} OutlineStyle;

static const OutlineStyle selected_style = {
  6.0, { 1.0, 1.0, 1.0, 0.95 }, 3.0, { 0.11, 0.44, 0.85, 1.0 }, TRUE,
};
static const OutlineStyle hovered_style = {
  0.0, { 0, 0, 0, 0 }, 2.0, { 0.16, 0.22, 0.30, 0.75 }, FALSE,
};

static gboolean
replace_string (char       **slot,
                const char  *value)
{
  if (g_strcmp0 (*slot, value) == 0)
    return FALSE;
  g_free (*slot);
  *slot = g_strdup (value);
  return TRUE;
}

static void
trace_shape (cairo_t          *cr,
             const WgMapView  *view,
             const WgMapShape *shape)
{
  cairo_new_path (cr);
  for (guint r = 0; r < shape->n_rings; r++)
    {
      for (guint i = shape->offsets[r]; i < shape->offsets[r + 1]; i++)
        {
          double x, y;

          wg_map_view_to_widget (view, shape->xy[2 * i], shape->xy[2 * i + 1], &x, &y);
          if (i == shape->offsets[r])
            cairo_move_to (cr, x, y);
          else
            cairo_line_to (cr, x, y);
        }
      cairo_close_path (cr);
    }
}

/* The shape's box on screen, clipped to the widget; FALSE if off screen. */
static gboolean
screen_bounds (const WgMapView  *view,
               const WgMapShape *shape,
               double            margin,
               graphene_rect_t  *bounds)
{
  WgMapBox box;
  double xs[4], ys[4];

  wg_map_view_to_widget (view, shape->box.min_x, shape->box.min_y, &xs[0], &ys[0]);
  wg_map_view_to_widget (view, shape->box.max_x, shape->box.min_y, &xs[1], &ys[1]);
  wg_map_view_to_widget (view, shape->box.min_x, shape->box.max_y, &xs[2], &ys[2]);
  wg_map_view_to_widget (view, shape->box.max_x, shape->box.max_y, &xs[3], &ys[3]);
  wg_map_box_init_empty (&box);
  for (guint i = 0; i < 4; i++)
    wg_map_box_add_point (&box, xs[i], ys[i]);
  box.min_x = MAX (floor (box.min_x - margin), 0);
  box.min_y = MAX (floor (box.min_y - margin), 0);
  box.max_x = MIN (ceil (box.max_x + margin), view->width);
  box.max_y = MIN (ceil (box.max_y + margin), view->height);
  if (box.min_x >= box.max_x || box.min_y >= box.max_y)
    return FALSE;
  graphene_rect_init (bounds, box.min_x, box.min_y, box.max_x - box.min_x, box.max_y - box.min_y);
  return TRUE;
}

static void
draw_outline (GtkSnapshot        *snapshot,
              const WgMapView    *view,
              const WgMapShape   *shape,
              const OutlineStyle *style)
{
  graphene_rect_t bounds;
  cairo_t *cr;

  if (shape == NULL || shape->n_rings == 0 ||
      !screen_bounds (view, shape, style->casing_width + style->width, &bounds))
    return;
  cr = gtk_snapshot_append_cairo (snapshot, &bounds);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  trace_shape (cr, view, shape);
  if (style->fill)
    {
      cairo_set_source_rgba (cr, style->ink.red, style->ink.green, style->ink.blue, 0.12);
      cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
      cairo_fill_preserve (cr);
    }
  if (style->casing_width > 0)
    {
      gdk_cairo_set_source_rgba (cr, &style->casing);
      cairo_set_line_width (cr, style->casing_width);
      cairo_stroke_preserve (cr);
    }
  gdk_cairo_set_source_rgba (cr, &style->ink);
  cairo_set_line_width (cr, style->width);
  cairo_stroke (cr);
  cairo_destroy (cr);
}

static void
wg_map_selection_layer_snapshot (GtkWidget   *widget,
                                 GtkSnapshot *snapshot)
{
  WgMapSelectionLayer *self = WG_MAP_SELECTION_LAYER (widget);
  WgMapView view;

  if (self->scene == NULL)
    return;
  wg_map_view_init_from_layer (&view, SHUMATE_LAYER (self));
  if (g_strcmp0 (self->hovered, self->selected) != 0)
    draw_outline (snapshot, &view, wg_map_scene_lookup (self->scene, self->hovered), &hovered_style);
  draw_outline (snapshot, &view, wg_map_scene_lookup (self->scene, self->selected), &selected_style);
}

static void
wg_map_selection_layer_viewport_notify_cb (WgMapSelectionLayer *self)
{
  if (self->selected != NULL || self->hovered != NULL)
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
wg_map_selection_layer_constructed (GObject *object)
{
  WgMapSelectionLayer *self = WG_MAP_SELECTION_LAYER (object);

  G_OBJECT_CLASS (wg_map_selection_layer_parent_class)->constructed (object);

  g_signal_connect_object (shumate_layer_get_viewport (SHUMATE_LAYER (self)), "notify",
                           G_CALLBACK (wg_map_selection_layer_viewport_notify_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
wg_map_selection_layer_finalize (GObject *object)
{
  WgMapSelectionLayer *self = WG_MAP_SELECTION_LAYER (object);

  g_clear_pointer (&self->scene, wg_map_scene_unref);
  g_free (self->selected);
  g_free (self->hovered);

  G_OBJECT_CLASS (wg_map_selection_layer_parent_class)->finalize (object);
}

static void
wg_map_selection_layer_class_init (WgMapSelectionLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = wg_map_selection_layer_constructed;
  object_class->finalize = wg_map_selection_layer_finalize;
  widget_class->snapshot = wg_map_selection_layer_snapshot;
}

static void
wg_map_selection_layer_init (WgMapSelectionLayer *self)
{
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
}

WgMapSelectionLayer *
wg_map_selection_layer_new (ShumateViewport *viewport)
{
  return g_object_new (WG_TYPE_MAP_SELECTION_LAYER, "viewport", viewport, NULL);
}

void
wg_map_selection_layer_set_scene (WgMapSelectionLayer *self,
                                  WgMapScene          *scene)
{
  g_return_if_fail (WG_IS_MAP_SELECTION_LAYER (self));

  g_clear_pointer (&self->scene, wg_map_scene_unref);
  self->scene = scene != NULL ? wg_map_scene_ref (scene) : NULL;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
wg_map_selection_layer_set_selected (WgMapSelectionLayer *self,
                                     const char          *code)
{
  g_return_if_fail (WG_IS_MAP_SELECTION_LAYER (self));

  if (replace_string (&self->selected, code))
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
wg_map_selection_layer_set_hovered (WgMapSelectionLayer *self,
                                    const char          *code)
{
  g_return_if_fail (WG_IS_MAP_SELECTION_LAYER (self));

  if (replace_string (&self->hovered, code))
    gtk_widget_queue_draw (GTK_WIDGET (self));
}
