#define G_LOG_DOMAIN "wg-map-page"

#include "config.h"

#include <glib/gi18n.h>

#include "wg-map-legend.h"
#include "wg-map-page-private.h"
#include "wg-map-style.h"

#define FIT_MARGIN 24           /* free pixels around a fitted box */
#define OVERLAY_MARGIN 12       /* the margin of the overlays in the .ui */
#define SELECT_MAX_ZOOM 17.0
#define SETTINGS_SCHEMA "org.wangge.Wangge"
#define SETTLED_FRAMES 2        /* frames with no tile in flight before drawn */

G_DEFINE_FINAL_TYPE (WgMapPage, wg_map_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DRAWN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void wg_map_page_rebuild_scene (WgMapPage *self);

static void
load_css_once (void)
{
  static gsize loaded;
  g_autoptr(GtkCssProvider) provider = NULL;

  if (!g_once_init_enter (&loaded))
    return;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/org/wangge/Wangge/map/wg-map.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_once_init_leave (&loaded, 1);
}

static gboolean
uses_tiles (WgMapPage *self)
{
  return self->tile_url != NULL && *self->tile_url != '\0';
}

static void
set_drawn (WgMapPage *self,
           gboolean   drawn)
{
  if (self->drawn == drawn)
    return;
  self->drawn = drawn;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DRAWN]);
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
  set_drawn (self, TRUE);
  return G_SOURCE_REMOVE;
}

static void
wait_for_drawn (WgMapPage *self)
{
  set_drawn (self, FALSE);
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

static void
update_base_layer (WgMapPage *self)
{
  g_autoptr(ShumateRasterRenderer) renderer = NULL;
  g_autofree char *host = NULL;
  g_autofree char *attribution = NULL;
  g_autofree char *checksum = NULL;
  g_autofree char *id = NULL;

  remove_layer (self, &self->base_layer);
  gtk_widget_set_visible (GTK_WIDGET (self->attribution_label), uses_tiles (self));
  if (!uses_tiles (self))
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

static void
replace_overlay_layer (WgMapPage *self)
{
  g_clear_object (&self->overlay_source);
  remove_layer (self, &self->overlay_layer);
  if (self->scene == NULL)
    return;
  /* A new source has a new id, so no tile of the old drawing is reused. */
  self->overlay_source = wg_map_overlay_source_new (self->scene, !uses_tiles (self),
                                                    gtk_widget_get_scale_factor (GTK_WIDGET (self)));
  self->overlay_layer = map_layer_new (self, SHUMATE_MAP_SOURCE (self->overlay_source));
  shumate_map_insert_layer_behind (self->map, SHUMATE_LAYER (self->overlay_layer),
                                   SHUMATE_LAYER (self->selection_layer));
}

static void
map_view_init (WgMapPage *self,
               WgMapView *view)
{
  ShumateViewport *viewport = shumate_map_get_viewport (self->map);
  ShumateLocation *location = SHUMATE_LOCATION (viewport);

  wg_map_project (shumate_location_get_longitude (location),
                  shumate_location_get_latitude (location),
                  &view->center_x, &view->center_y);
  view->zoom = shumate_viewport_get_zoom_level (viewport);
  view->rotation = shumate_viewport_get_rotation (viewport);
  view->width = gtk_widget_get_width (GTK_WIDGET (self->map));
  view->height = gtk_widget_get_height (GTK_WIDGET (self->map));
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
static void
fit_territory (WgMapPage *self,
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
static void
fit_selection (WgMapPage        *self,
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
static void
fit_territory_when_allocated (WgMapPage *self)
{
  if (!self->fit_pending || self->scene == NULL ||
      gtk_widget_get_width (GTK_WIDGET (self->map)) <= 0)
    return;
  self->fit_pending = FALSE;
  self->fitted_width = gtk_widget_get_width (GTK_WIDGET (self->map));
  self->fitted_height = gtk_widget_get_height (GTK_WIDGET (self->map));
  fit_territory (self, FALSE);
}

/* The one place that decides which page actions are enabled. */
static void
update_actions (WgMapPage *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "map-page.close-panel", self->selected_code != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "map-page.fit",
                                 self->scene != NULL && !wg_map_box_is_empty (wg_map_scene_get_box (self->scene)));
}

static void
show_panel_for (WgMapPage        *self,
                const WgMapShape *shape)
{
  const WgMapShape *community = NULL;
  const WgMapShape *street = NULL;

  if (shape == NULL || shape->level != WG_REGION_LEVEL_GRID)
    {
      gtk_revealer_set_reveal_child (self->panel_revealer, FALSE);
      return;
    }
  community = wg_map_scene_lookup (self->scene, shape->parent_code);
  if (community != NULL)
    street = wg_map_scene_lookup (self->scene, community->parent_code);
  wg_map_grid_panel_set_grid (self->grid_panel, shape, community, street);
  gtk_revealer_set_reveal_child (self->panel_revealer, TRUE);
  /* labels move out from under the panel */
  gtk_widget_queue_draw (GTK_WIDGET (self->label_layer));
}

void
_wg_map_page_select (WgMapPage        *self,
                     const char       *code,
                     WgMapSelectSource source)
{
  if (code != NULL)
    self->auto_fit = FALSE;
  const WgMapShape *shape = self->scene != NULL ? wg_map_scene_lookup (self->scene, code) : NULL;

  g_free (self->selected_code);
  self->selected_code = shape != NULL ? g_strdup (shape->code) : NULL;
  wg_map_selection_layer_set_selected (self->selection_layer, self->selected_code);
  show_panel_for (self, shape);
  update_actions (self);
  if (shape != NULL && source != WG_MAP_SELECT_FROM_MAP)
    fit_selection (self, shape);
  if (source != WG_MAP_SELECT_FROM_TREE)
    _wg_map_page_tree_reveal (self, self->selected_code);
  if (shape != NULL && source == WG_MAP_SELECT_FROM_TREE && adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, FALSE);
}

static const WgMapShape *
shape_at (WgMapPage *self,
          double     widget_x,
          double     widget_y)
{
  WgMapView view;
  double x, y;

  if (self->scene == NULL)
    return NULL;
  map_view_init (self, &view);
  wg_map_view_to_projected (&view, widget_x, widget_y, &x, &y);
  return wg_map_scene_hit_test (self->scene, WG_REGION_LEVEL_GRID, x, y);
}

static void
wg_map_page_click_released_cb (WgMapPage       *self,
                               int              n_press,
                               double           x,
                               double           y,
                               GtkGestureClick *gesture)
{
  const WgMapShape *shape;

  if (n_press != 1)
    return;
  shape = shape_at (self, x, y);
  _wg_map_page_select (self, shape != NULL ? shape->code : NULL, WG_MAP_SELECT_FROM_MAP);
}

static void
wg_map_page_user_moves_cb (WgMapPage *self)
{
  /* The user takes over the view: stop refitting on resize. */
  self->auto_fit = FALSE;
}

static gboolean
wg_map_page_scroll_cb (WgMapPage *self)
{
  self->auto_fit = FALSE;
  return FALSE;
}

static void
set_hovered (WgMapPage  *self,
             const char *code)
{
  g_autofree char *tooltip = NULL;
  const WgMapShape *shape;

  if (g_strcmp0 (self->hovered_code, code) == 0)
    return;
  g_free (self->hovered_code);
  self->hovered_code = g_strdup (code);
  wg_map_selection_layer_set_hovered (self->selection_layer, code);
  /* the name and code of the grid under the pointer */
  shape = code != NULL ? wg_map_scene_lookup (self->scene, code) : NULL;
  if (shape != NULL)
    tooltip = g_strdup_printf ("%s\n%s", shape->name, shape->code);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->map), tooltip);
}

static void
wg_map_page_motion_cb (WgMapPage                *self,
                       double                    x,
                       double                    y,
                       GtkEventControllerMotion *controller)
{
  const WgMapShape *shape = shape_at (self, x, y);

  set_hovered (self, shape != NULL ? shape->code : NULL);
}

static void
wg_map_page_motion_leave_cb (WgMapPage *self)
{
  set_hovered (self, NULL);
}

static void
wg_map_page_scale_factor_cb (WgMapPage *self)
{
  if (self->overlay_source != NULL)
    {
      replace_overlay_layer (self);
      wait_for_drawn (self);
    }
}

static void
read_settings (WgMapPage *self)
{
  g_free (self->tile_url);
  self->tile_url = self->settings != NULL ? g_settings_get_string (self->settings, "tile-url")
                                          : g_strdup ("");
  self->tile_gcj02 = self->settings != NULL && g_settings_get_boolean (self->settings, "tile-gcj02");
}

static void
wg_map_page_settings_changed_cb (WgMapPage  *self,
                                 const char *key)
{
  read_settings (self);
  update_base_layer (self);
  wg_map_page_rebuild_scene (self);
}

static void
wg_map_page_rebuild_scene (WgMapPage *self)
{
  g_clear_pointer (&self->scene, wg_map_scene_unref);
  if (self->regions != NULL)
    self->scene = wg_map_scene_new (self->regions, uses_tiles (self) && self->tile_gcj02);
  wg_map_label_layer_set_scene (self->label_layer, self->scene);
  wg_map_selection_layer_set_scene (self->selection_layer, self->scene);
  gtk_widget_set_visible (GTK_WIDGET (self->notice_label),
                          self->scene != NULL && wg_map_scene_get_synthetic (self->scene));
  replace_overlay_layer (self);
  if (self->scene != NULL)
    wait_for_drawn (self);
  else
    set_drawn (self, FALSE);
  update_actions (self);
}

static GSettings *
settings_new_if_installed (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, SETTINGS_SCHEMA, TRUE);
  if (schema == NULL)
    {
      g_warning ("Schema %s is not installed: the map has no base tiles", SETTINGS_SCHEMA);
      return NULL;
    }
  return g_settings_new (SETTINGS_SCHEMA);
}

static void
wg_map_page_action_zoom_in (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  WG_MAP_PAGE (widget)->auto_fit = FALSE;
  shumate_map_zoom_in (WG_MAP_PAGE (widget)->map);
}

static void
wg_map_page_action_zoom_out (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  WG_MAP_PAGE (widget)->auto_fit = FALSE;
  shumate_map_zoom_out (WG_MAP_PAGE (widget)->map);
}

static void
wg_map_page_action_fit (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  WgMapPage *self = WG_MAP_PAGE (widget);

  if (self->scene != NULL)
    fit_territory (self, TRUE);
}

static void
wg_map_page_action_close_panel (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  _wg_map_page_select (WG_MAP_PAGE (widget), NULL, WG_MAP_SELECT_FROM_MAP);
}

static void
wg_map_page_action_search (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  WgMapPage *self = WG_MAP_PAGE (widget);

  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
wg_map_page_size_allocate (GtkWidget *widget,
                           int        width,
                           int        height,
                           int        baseline)
{
  WgMapPage *self = WG_MAP_PAGE (widget);
  int map_width, map_height;

  gtk_widget_allocate (GTK_WIDGET (self->flap), width, height, baseline, NULL);
  /* The layout settles over a few allocations (the flap folds after the
   * first one, a window grows): until the user moves the map, keep the
   * whole territory fitted and report drawn again for the new view. */
  map_width = gtk_widget_get_width (GTK_WIDGET (self->map));
  map_height = gtk_widget_get_height (GTK_WIDGET (self->map));
  if (self->auto_fit && self->scene != NULL &&
      (map_width != self->fitted_width || map_height != self->fitted_height))
    {
      self->fit_pending = TRUE;
      if (self->drawn)
        wait_for_drawn (self);
    }
  fit_territory_when_allocated (self);
}

static void
wg_map_page_measure (GtkWidget      *widget,
                     GtkOrientation  orientation,
                     int             for_size,
                     int            *minimum,
                     int            *natural,
                     int            *minimum_baseline,
                     int            *natural_baseline)
{
  gtk_widget_measure (GTK_WIDGET (WG_MAP_PAGE (widget)->flap), orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static void
wg_map_page_dispose (GObject *object)
{
  WgMapPage *self = WG_MAP_PAGE (object);

  if (self->drawn_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->drawn_tick_id);
  self->drawn_tick_id = 0;
  _wg_map_page_tree_dispose (self);
  g_clear_object (&self->settings);
  g_clear_object (&self->regions);
  g_clear_object (&self->overlay_source);
  g_clear_object (&self->reference);
  gtk_widget_dispose_template (GTK_WIDGET (self), WG_TYPE_MAP_PAGE);

  G_OBJECT_CLASS (wg_map_page_parent_class)->dispose (object);
}

static void
wg_map_page_finalize (GObject *object)
{
  WgMapPage *self = WG_MAP_PAGE (object);

  g_clear_pointer (&self->scene, wg_map_scene_unref);
  g_free (self->tile_url);
  g_free (self->selected_code);
  g_free (self->hovered_code);

  G_OBJECT_CLASS (wg_map_page_parent_class)->finalize (object);
}

static void
wg_map_page_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  WgMapPage *self = WG_MAP_PAGE (object);

  switch (prop_id)
    {
    case PROP_DRAWN:
      g_value_set_boolean (value, self->drawn);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wg_map_page_class_init (WgMapPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wg_map_page_dispose;
  object_class->finalize = wg_map_page_finalize;
  object_class->get_property = wg_map_page_get_property;
  widget_class->size_allocate = wg_map_page_size_allocate;
  widget_class->measure = wg_map_page_measure;

  properties[PROP_DRAWN] =
    g_param_spec_boolean ("drawn", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SHUMATE_TYPE_MAP);
  g_type_ensure (WG_TYPE_MAP_LEGEND);
  g_type_ensure (WG_TYPE_MAP_GRID_PANEL);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/wangge/Wangge/map/wg-map-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WgMapPage, flap);
  gtk_widget_class_bind_template_child (widget_class, WgMapPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, WgMapPage, tree_view);
  gtk_widget_class_bind_template_child (widget_class, WgMapPage, map);
  gtk_widget_class_bind_template_child (widget_class, WgMapPage, tree_button);
  gtk_widget_class_bind_template_child (widget_class, WgMapPage, zoom_box);
  gtk_widget_class_bind_template_child (widget_class, WgMapPage, legend);
  gtk_widget_class_bind_template_child (widget_class, WgMapPage, notice_box);
  gtk_widget_class_bind_template_child (widget_class, WgMapPage, notice_label);
  gtk_widget_class_bind_template_child (widget_class, WgMapPage, attribution_label);
  gtk_widget_class_bind_template_child (widget_class, WgMapPage, panel_revealer);
  gtk_widget_class_bind_template_child (widget_class, WgMapPage, grid_panel);
  gtk_widget_class_bind_template_callback (widget_class, wg_map_page_search_entry_search_changed_cb);

  gtk_widget_class_install_action (widget_class, "map-page.zoom-in", NULL, wg_map_page_action_zoom_in);
  gtk_widget_class_install_action (widget_class, "map-page.zoom-out", NULL, wg_map_page_action_zoom_out);
  gtk_widget_class_install_action (widget_class, "map-page.fit", NULL, wg_map_page_action_fit);
  gtk_widget_class_install_action (widget_class, "map-page.close-panel", NULL, wg_map_page_action_close_panel);
  gtk_widget_class_install_action (widget_class, "map-page.search", NULL, wg_map_page_action_search);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "map-page.close-panel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "map-page.search", NULL);
}

static void
setup_map (WgMapPage *self)
{
  ShumateViewport *viewport = shumate_map_get_viewport (self->map);
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *scroll;

  /* No tile server is needed to convert coordinates: an empty overlay
   * source is the reference (zoom range, tile size, projection). */
  self->reference = wg_map_overlay_source_new (NULL, FALSE, 1);
  shumate_map_set_map_source (self->map, SHUMATE_MAP_SOURCE (self->reference));
  shumate_viewport_set_zoom_level (viewport, 12);
  shumate_map_set_go_to_duration (self->map, 400);

  self->selection_layer = wg_map_selection_layer_new (viewport);
  shumate_map_add_layer (self->map, SHUMATE_LAYER (self->selection_layer));
  self->label_layer = wg_map_label_layer_new (viewport);
  shumate_map_add_layer (self->map, SHUMATE_LAYER (self->label_layer));

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect_swapped (click, "pressed", G_CALLBACK (wg_map_page_user_moves_cb), self);
  g_signal_connect_swapped (click, "released", G_CALLBACK (wg_map_page_click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->map), GTK_EVENT_CONTROLLER (click));
  g_signal_connect_swapped (motion, "motion", G_CALLBACK (wg_map_page_motion_cb), self);
  g_signal_connect_swapped (motion, "leave", G_CALLBACK (wg_map_page_motion_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->map), motion);
  /* runs before ShumateMap's own scroll handler and lets it through */
  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  gtk_event_controller_set_propagation_phase (scroll, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (scroll, "scroll-begin", G_CALLBACK (wg_map_page_user_moves_cb), self);
  g_signal_connect_swapped (scroll, "scroll", G_CALLBACK (wg_map_page_scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->map), scroll);
}

static void
wg_map_page_init (WgMapPage *self)
{
  load_css_once ();
  gtk_widget_init_template (GTK_WIDGET (self));
  setup_map (self);
  wg_map_label_layer_add_obstacle (self->label_layer, GTK_WIDGET (self->tree_button));
  wg_map_label_layer_add_obstacle (self->label_layer, self->zoom_box);
  wg_map_label_layer_add_obstacle (self->label_layer, self->legend);
  wg_map_label_layer_add_obstacle (self->label_layer, self->notice_box);
  wg_map_label_layer_add_obstacle (self->label_layer, GTK_WIDGET (self->grid_panel));
  _wg_map_page_tree_init (self);
  g_signal_connect (self, "notify::scale-factor", G_CALLBACK (wg_map_page_scale_factor_cb), NULL);
  /* labels hidden under the panel come back when it has slid away */
  g_signal_connect_object (self->panel_revealer, "notify::child-revealed",
                           G_CALLBACK (gtk_widget_queue_draw), self->label_layer, G_CONNECT_SWAPPED);

  self->settings = settings_new_if_installed ();
  read_settings (self);
  if (self->settings != NULL)
    g_signal_connect_object (self->settings, "changed", G_CALLBACK (wg_map_page_settings_changed_cb),
                             self, G_CONNECT_SWAPPED);
  update_base_layer (self);
  update_actions (self);
}

GtkWidget *
wg_map_page_new (void)
{
  return g_object_new (WG_TYPE_MAP_PAGE, NULL);
}

void
wg_map_page_set_regions (WgMapPage  *self,
                         GListModel *regions)
{
  g_return_if_fail (WG_IS_MAP_PAGE (self));
  g_return_if_fail (regions == NULL || G_IS_LIST_MODEL (regions));

  g_set_object (&self->regions, regions);
  self->auto_fit = TRUE;
  _wg_map_page_select (self, NULL, WG_MAP_SELECT_FROM_MAP);
  wg_map_page_rebuild_scene (self);
  _wg_map_page_tree_set_regions (self);
  self->fit_pending = TRUE;
  fit_territory_when_allocated (self);
}

gboolean
wg_map_page_select_region (WgMapPage  *self,
                           const char *code)
{
  g_return_val_if_fail (WG_IS_MAP_PAGE (self), FALSE);

  if (self->scene == NULL || wg_map_scene_lookup (self->scene, code) == NULL)
    return FALSE;
  _wg_map_page_select (self, code, WG_MAP_SELECT_FROM_API);
  return TRUE;
}

gboolean
wg_map_page_get_drawn (WgMapPage *self)
{
  g_return_val_if_fail (WG_IS_MAP_PAGE (self), FALSE);
  return self->drawn;
}

const char *
wg_map_page_get_selected_code (WgMapPage *self)
{
  g_return_val_if_fail (WG_IS_MAP_PAGE (self), NULL);
  return self->selected_code;
}

void
wg_map_page_get_fill_stats (WgMapPage *self,
                            guint     *n_tiles,
                            double    *fill_ms)
{
  g_return_if_fail (WG_IS_MAP_PAGE (self));

  *n_tiles = self->overlay_source != NULL ? wg_map_overlay_source_get_filled (self->overlay_source) : 0;
  *fill_ms = self->overlay_source != NULL ? wg_map_overlay_source_get_fill_ms (self->overlay_source) : 0;
}

ShumateMap *
_wg_map_page_get_map (WgMapPage *self)
{
  return self->map;
}

WgMapGridPanel *
_wg_map_page_get_grid_panel (WgMapPage *self)
{
  return self->grid_panel;
}

gboolean
_wg_map_page_get_panel_shown (WgMapPage *self)
{
  return gtk_revealer_get_reveal_child (self->panel_revealer);
}

WgMapOverlaySource *
_wg_map_page_get_overlay_source (WgMapPage *self)
{
  return self->overlay_source;
}

WgMapLabelLayer *
_wg_map_page_get_label_layer (WgMapPage *self)
{
  return self->label_layer;
}

GtkListView *
_wg_map_page_get_tree_view (WgMapPage *self)
{
  return self->tree_view;
}
