#define G_LOG_DOMAIN "wg-map-page"

#include "config.h"

#include <glib/gi18n.h>

#include "wg-map-page-private.h"

/* The map page's view: the base tile layer and the overlay drawn from the
 * scene, fitting the territory or a selection into the free part of the
 * map, and deciding when the map counts as drawn. */

#define FIT_MARGIN 24           /* free pixels around a fitted box */
#define OVERLAY_MARGIN 12       /* the margin of the overlays in the .ui */
#define SELECT_MAX_ZOOM 17.0
#define SETTLED_FRAMES 2        /* frames with no tile in flight before drawn */

gboolean
_wg_map_page_uses_tiles (WgMapPage *self)
{
  return self->tile_url != NULL && *self->tile_url != '\0';
}

/* Runs once per frame while we wait: when the overlay has no tile in
 * flight, the frame being produced paints them all; the next ticks prove
 * that frame was drawn and that no new tiles were asked for meanwhile
 * (ShumateMapLayer asks from an idle after the view changes). */
static gboolean
wg_map_page_drawn_tick_cb (GtkWidget     *widget,
                           GdkFrameClock *frame_clock,
                           gpointer       user_data)
{
  WgMapPage *self = WG_MAP_PAGE (widget);
  WgMapOverlaySource *source = self->overlay_source;
  gboolean settled;

  settled = source != NULL && !self->fit_pending &&
            wg_map_overlay_source_get_filled (source) > 0 &&
            wg_map_overlay_source_get_pending (source) == 0;
  if (!settled)
    {
      self->drawn_ready = 0;
      return G_SOURCE_CONTINUE;
    }
  if (self->drawn_ready < SETTLED_FRAMES)
    {
      self->drawn_ready++;
      gtk_widget_queue_draw (widget);
      return G_SOURCE_CONTINUE;
    }
  self->drawn_tick_id = 0;
  g_debug ("Overlay settled: %u tiles in %.1f ms of drawing",
           wg_map_overlay_source_get_filled (source),
           wg_map_overlay_source_get_fill_ms (source));
  _wg_map_page_set_drawn (self, TRUE);
  return G_SOURCE_REMOVE;
}

void
_wg_map_page_wait_for_drawn (WgMapPage *self)
{
  _wg_map_page_set_drawn (self, FALSE);
  self->drawn_ready = 0;
  if (self->drawn_tick_id == 0)
    self->drawn_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self),
                                                        wg_map_page_drawn_tick_cb,
                                                        NULL, NULL);
}

static void
wg_map_page_layer_viewport_notify_cb (GtkWidget *layer)
{
  /* ShumateMapLayer redraws one idle late; keep tiles in step with the
   * layers we draw ourselves. */
  gtk_widget_queue_draw (layer);
}

static ShumateMapLayer *
map_layer_new (WgMapPage        *self,
               ShumateMapSource *source)
{
  ShumateViewport *viewport = shumate_map_get_viewport (self->map);
  ShumateMapLayer *layer = shumate_map_layer_new (source, viewport);

  g_signal_connect_object (viewport, "notify",
                           G_CALLBACK (wg_map_page_layer_viewport_notify_cb), layer,
                           G_CONNECT_SWAPPED);
  return layer;
}

static void
remove_layer (WgMapPage        *self,
              ShumateMapLayer **layer)
{
  if (*layer == NULL)
    return;
  shumate_map_remove_layer (self->map, SHUMATE_LAYER (*layer));
  *layer = NULL;
}

static char *
tile_host (const char *url)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);

  if (uri == NULL || g_uri_get_host (uri) == NULL)
    return g_strdup (url);
  return g_strdup (g_uri_get_host (uri));
}

void
_wg_map_page_update_base_layer (WgMapPage *self)
{
  g_autoptr(ShumateRasterRenderer) renderer = NULL;
  g_autofree char *host = NULL;
  g_autofree char *attribution = NULL;
  g_autofree char *checksum = NULL;
  g_autofree char *id = NULL;

  remove_layer (self, &self->base_layer);
  gtk_widget_set_visible (GTK_WIDGET (self->attribution_label), _wg_map_page_uses_tiles (self));
  if (!_wg_map_page_uses_tiles (self))
    return;
  host = tile_host (self->tile_url);
  /* Translators: %s is the host name of the configured tile server */
  attribution = g_strdup_printf (_("Base map: %s"), host);
  /* the disk cache is keyed by source id: one id per URL */
  checksum = g_compute_checksum_for_string (G_CHECKSUM_SHA1, self->tile_url, -1);
  id = g_strdup_printf ("wangge-base-%.12s", checksum);
  renderer = shumate_raster_renderer_new_full_from_url (id, "Base map", attribution, NULL,
                                                        0, 19, WG_MAP_TILE_SIZE,
                                                        SHUMATE_MAP_PROJECTION_MERCATOR,
                                                        self->tile_url);
  self->base_layer = map_layer_new (self, SHUMATE_MAP_SOURCE (renderer));
  if (self->overlay_layer != NULL)
    shumate_map_insert_layer_behind (self->map, SHUMATE_LAYER (self->base_layer),
                                     SHUMATE_LAYER (self->overlay_layer));
  else
    shumate_map_insert_layer_behind (self->map, SHUMATE_LAYER (self->base_layer),
                                     SHUMATE_LAYER (self->selection_layer));
  gtk_label_set_label (self->attribution_label, attribution);
}

void
_wg_map_page_replace_overlay_layer (WgMapPage *self)
{
  g_clear_object (&self->overlay_source);
  remove_layer (self, &self->overlay_layer);
  if (self->scene == NULL)
    return;
  /* A new source has a new id, so no tile of the old drawing is reused. */
  self->overlay_source = wg_map_overlay_source_new (self->scene, !_wg_map_page_uses_tiles (self),
                                                    gtk_widget_get_scale_factor (GTK_WIDGET (self)));
  self->overlay_layer = map_layer_new (self, SHUMATE_MAP_SOURCE (self->overlay_source));
  shumate_map_insert_layer_behind (self->map, SHUMATE_LAYER (self->overlay_layer),
                                   SHUMATE_LAYER (self->selection_layer));
}

/* Shows @box as large as possible in the part of the map that @insets
 * leave free, animated or at once. */
static void
fit_box (WgMapPage         *self,
         const WgMapBox    *box,
         const WgMapInsets *insets,
         double             max_zoom,
         gboolean           animate)
{
  ShumateViewport *viewport = shumate_map_get_viewport (self->map);
  int width = gtk_widget_get_width (GTK_WIDGET (self->map));
  int height = gtk_widget_get_height (GTK_WIDGET (self->map));
  double latitude, longitude, zoom, x, y;

  if (wg_map_box_is_empty (box))
    return;
  wg_map_fit_box (box, width, height, insets,
                  shumate_viewport_get_min_zoom_level (viewport),
                  MIN (max_zoom, shumate_viewport_get_max_zoom_level (viewport)),
                  &zoom, &x, &y);
  wg_map_unproject (x, y, &longitude, &latitude);
  if (animate)
    {
      shumate_map_go_to_full (self->map, latitude, longitude, zoom);
      return;
    }
  shumate_map_stop_go_to (self->map);
  shumate_viewport_set_zoom_level (viewport, zoom);
  shumate_map_center_on (self->map, latitude, longitude);
}

/* The territory keeps clear of the legend (bottom left) and the zoom
 * buttons (bottom right): leave room below them or beside them,
 * whichever lets the territory be larger. */
void
_wg_map_page_fit_territory (WgMapPage *self,
                            gboolean   animate)
{
  const WgMapBox *box = wg_map_scene_get_box (self->scene);
  int width = gtk_widget_get_width (GTK_WIDGET (self->map));
  int height = gtk_widget_get_height (GTK_WIDGET (self->map));
  int legend_width = gtk_widget_get_width (self->legend) + OVERLAY_MARGIN;
  int legend_height = gtk_widget_get_height (self->legend) + OVERLAY_MARGIN;
  int zoom_width = gtk_widget_get_width (self->zoom_box) + OVERLAY_MARGIN;
  int zoom_height = gtk_widget_get_height (self->zoom_box) + gtk_widget_get_margin_bottom (self->zoom_box);
  WgMapInsets below = { FIT_MARGIN, FIT_MARGIN, MAX (legend_height, zoom_height) + FIT_MARGIN / 2, FIT_MARGIN };
  WgMapInsets beside = { FIT_MARGIN, zoom_width + FIT_MARGIN / 2, FIT_MARGIN, legend_width + FIT_MARGIN / 2 };
  double zoom_below, zoom_beside, x, y;

  wg_map_fit_box (box, width, height, &below, 0, 30, &zoom_below, &x, &y);
  wg_map_fit_box (box, width, height, &beside, 0, 30, &zoom_beside, &x, &y);
  g_debug ("Fit %dx%d: legend %dx%d, zoom %dx%d, below %.2f, beside %.2f", width, height,
           legend_width, legend_height, zoom_width, zoom_height, zoom_below, zoom_beside);
  fit_box (self, box, zoom_below >= zoom_beside ? &below : &beside, G_MAXDOUBLE, animate);
}

/* A selected grid is shown beside its panel on a wide map, below it on a
 * narrow one. */
void
_wg_map_page_fit_selection (WgMapPage        *self,
                            const WgMapShape *shape)
{
  WgMapInsets insets = { FIT_MARGIN * 2, FIT_MARGIN * 2, FIT_MARGIN * 2, FIT_MARGIN * 2 };
  int width = gtk_widget_get_width (GTK_WIDGET (self->map));
  int panel_width, panel_height;

  if (shape->level == WG_REGION_LEVEL_GRID)
    {
      gtk_widget_measure (GTK_WIDGET (self->grid_panel), GTK_ORIENTATION_HORIZONTAL, -1,
                          NULL, &panel_width, NULL, NULL);
      gtk_widget_measure (GTK_WIDGET (self->grid_panel), GTK_ORIENTATION_VERTICAL, panel_width,
                          NULL, &panel_height, NULL, NULL);
      if (width >= panel_width * 2.2)
        insets.right += panel_width + OVERLAY_MARGIN;
      else
        insets.top += panel_height + OVERLAY_MARGIN;
    }
  fit_box (self, &shape->box, &insets, SELECT_MAX_ZOOM, TRUE);
}

/* Fits the whole territory once the map has a size. */
void
_wg_map_page_fit_territory_when_allocated (WgMapPage *self)
{
  if (!self->fit_pending || self->scene == NULL ||
      gtk_widget_get_width (GTK_WIDGET (self->map)) <= 0)
    return;
  self->fit_pending = FALSE;
  self->fitted_width = gtk_widget_get_width (GTK_WIDGET (self->map));
  self->fitted_height = gtk_widget_get_height (GTK_WIDGET (self->map));
  _wg_map_page_fit_territory (self, FALSE);
}
