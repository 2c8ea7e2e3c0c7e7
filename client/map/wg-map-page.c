#define G_LOG_DOMAIN "wg-map-page"

#include "config.h"

#include "wg-map-layer-view.h"
#include "wg-map-legend.h"
#include "wg-map-page-private.h"
#include "wg-map-style.h"

#define SETTINGS_SCHEMA "org.wangge.Wangge"
#define ZOOM_MARGIN 12   /* the zoom box's margin-end in the template */

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

void
_wg_map_page_set_drawn (WgMapPage *self,
                        gboolean   drawn)
{
  if (self->drawn == drawn)
    return;
  self->drawn = drawn;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DRAWN]);
}

/* The one place that decides which page actions are enabled. */
static void
update_actions (WgMapPage *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "map-page.close-panel", self->selected_code != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "map-page.fit",
                                 self->scene != NULL && !wg_map_box_is_empty (wg_map_scene_get_box (self->scene)));
}

/* The zoom buttons step left of the panel while it is shown, so that it
 * never covers them. */
static void
place_zoom_box (WgMapPage *self,
                gboolean   panel_shown)
{
  int panel_width = 0;

  gtk_widget_get_size_request (GTK_WIDGET (self->grid_panel), &panel_width, NULL);
  gtk_widget_set_margin_end (self->zoom_box, panel_shown ? 2 * ZOOM_MARGIN + MAX (panel_width, 0)
                                                         : ZOOM_MARGIN);
}

static void
show_panel_for (WgMapPage        *self,
                const WgMapShape *shape)
{
  const WgMapShape *community = NULL;
  const WgMapShape *street = NULL;

  place_zoom_box (self, shape != NULL);
  if (shape == NULL)
    {
      gtk_revealer_set_reveal_child (self->panel_revealer, FALSE);
      wg_map_grid_panel_set_region (self->grid_panel, NULL, NULL, NULL);
      return;
    }
  /* the panel shows what any region holds; the ancestors for grids and
   * communities */
  if (shape->level == WG_REGION_LEVEL_GRID)
    {
      community = wg_map_scene_lookup (self->scene, shape->parent_code);
      if (community != NULL)
        street = wg_map_scene_lookup (self->scene, community->parent_code);
    }
  else if (shape->level == WG_REGION_LEVEL_COMMUNITY)
    street = wg_map_scene_lookup (self->scene, shape->parent_code);
  wg_map_grid_panel_set_region (self->grid_panel, shape, community, street);
  gtk_revealer_set_reveal_child (self->panel_revealer, TRUE);
  /* labels move out from under the panel */
  gtk_widget_queue_draw (GTK_WIDGET (self->label_layer));
}

void
_wg_map_page_select (WgMapPage        *self,
                     const char       *code,
                     WgMapSelectSource source)
{
  const WgMapShape *shape = self->scene != NULL ? wg_map_scene_lookup (self->scene, code) : NULL;

  if (code != NULL)
    self->auto_fit = FALSE;
  g_free (self->selected_code);
  self->selected_code = shape != NULL ? g_strdup (shape->code) : NULL;
  wg_map_selection_layer_set_selected (self->selection_layer, self->selected_code);
  show_panel_for (self, shape);
  update_actions (self);
  if (shape != NULL && source != WG_MAP_SELECT_FROM_MAP)
    _wg_map_page_fit_selection (self, shape);
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
  /* the selection layer covers the map */
  wg_map_view_init_from_layer (&view, SHUMATE_LAYER (self->selection_layer));
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
      _wg_map_page_replace_overlay_layer (self);
      _wg_map_page_wait_for_drawn (self);
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
  _wg_map_page_update_base_layer (self);
  wg_map_page_rebuild_scene (self);
}

static void
wg_map_page_rebuild_scene (WgMapPage *self)
{
  g_clear_pointer (&self->scene, wg_map_scene_unref);
  if (self->regions != NULL)
    self->scene = wg_map_scene_new (self->regions, _wg_map_page_uses_tiles (self) && self->tile_gcj02);
  wg_map_label_layer_set_scene (self->label_layer, self->scene);
  wg_map_selection_layer_set_scene (self->selection_layer, self->scene);
  gtk_widget_set_visible (GTK_WIDGET (self->notice_label),
                          self->scene != NULL && wg_map_scene_get_synthetic (self->scene));
  _wg_map_page_replace_overlay_layer (self);
  if (self->scene != NULL)
    _wg_map_page_wait_for_drawn (self);
  else
    _wg_map_page_set_drawn (self, FALSE);
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
    _wg_map_page_fit_territory (self, TRUE);
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
        _wg_map_page_wait_for_drawn (self);
    }
  _wg_map_page_fit_territory_when_allocated (self);
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
  gtk_widget_class_bind_template_child (widget_class, WgMapPage, tree_stack);
  gtk_widget_class_bind_template_child (widget_class, WgMapPage, tree_view);
  gtk_widget_class_bind_template_child (widget_class, WgMapPage, map);
  gtk_widget_class_bind_template_child (widget_class, WgMapPage, tree_button);
  gtk_widget_class_bind_template_child (widget_class, WgMapPage, zoom_box);
  gtk_widget_class_bind_template_child (widget_class, WgMapPage, legend);
  gtk_widget_class_bind_template_child (widget_class, WgMapPage, notice_box);
  gtk_widget_class_bind_template_child (widget_class, WgMapPage, notice_label);
  gtk_widget_class_bind_template_child (widget_class, WgMapPage, attribution_label);
  gtk_widget_class_bind_template_child (widget_class, WgMapPage, panel_revealer);
  gtk_widget_class_bind_template_child (widget_class, WgMapPage, loading_spinner);
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
  _wg_map_page_update_base_layer (self);
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
  _wg_map_page_fit_territory_when_allocated (self);
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

void
wg_map_page_set_client (WgMapPage   *self,
                        WgApiClient *client)
{
  g_return_if_fail (WG_IS_MAP_PAGE (self));

  wg_map_grid_panel_set_client (self->grid_panel, client);
}

void
wg_map_page_set_loading (WgMapPage *self,
                         gboolean   loading)
{
  g_return_if_fail (WG_IS_MAP_PAGE (self));

  gtk_widget_set_visible (self->loading_spinner, loading);
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
