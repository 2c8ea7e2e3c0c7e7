/* Display tests of the Map page under Xvfb: the overlay is drawn, grids
 * are coloured, selection shows the panel and the tree row, a click on
 * the map selects, the narrow layout folds.  Saves screenshots into the
 * build directory.
 *
 * WG_MAP_GEOJSON=<file> renders that FeatureCollection instead of the
 * fixture (the real territory) and WG_MAP_PAN_SECONDS=<n> measures frame
 * intervals while panning. */
#define G_LOG_DOMAIN "test-map-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>

#include "map-fixture.h"
#include "wg-map-page-private.h"
#include "wg-map-style.h"

#define TIMEOUT_MS 20000

typedef struct {
  GtkWidget *window;
  WgMapPage *page;
  GListModel *regions;
} Fixture;

static gboolean have_display;

static gboolean
timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

static void
wait_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
wait_for_drawn (WgMapPage *page)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (TIMEOUT_MS, timeout_cb, &timed_out);

  while (!wg_map_page_get_drawn (page) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  return !timed_out;
}

static void wait_ms (guint ms);

static GskRenderNode *
window_node (GtkWidget *window)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  GtkSnapshot *snapshot = gtk_snapshot_new ();

  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (window), gtk_widget_get_height (window));
  return gtk_snapshot_free_to_node (snapshot);
}

static GdkTexture *
snapshot_window (GtkWidget *window)
{
  g_autoptr(GskRenderNode) node = window_node (window);
  graphene_rect_t bounds;

  /* a window in the middle of a relayout has no content for a moment
   * (seen under valgrind): try again shortly */
  for (guint i = 0; node == NULL && i < 50; i++)
    {
      wait_ms (100);
      node = window_node (window);
    }
  g_assert_nonnull (node);
  graphene_rect_init (&bounds, 0, 0, gtk_widget_get_width (window), gtk_widget_get_height (window));
  return gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node, &bounds);
}

static void
save_screenshot (GtkWidget  *window,
                 const char *name)
{
  g_autoptr(GdkTexture) texture = snapshot_window (window);
  g_autofree char *dir = g_build_filename (WG_BUILD_DIR, "tests", "map", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_mkdir_with_parents (dir, 0755);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  int width = GPOINTER_TO_INT (user_data);

  fixture->regions = map_fixture_load_regions (g_getenv ("WG_MAP_GEOJSON"));
  fixture->window = gtk_window_new ();
  fixture->page = WG_MAP_PAGE (wg_map_page_new ());
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), width, 800);
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->page));
  wg_map_page_set_regions (fixture->page, fixture->regions);
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->regions);
}

/* The pixel of the window at the centre of region @code. */
static void
region_pixel (Fixture    *fixture,
              const char *code,
              guchar      bgra[4])
{
  ShumateMap *map = _wg_map_page_get_map (fixture->page);
  g_autoptr(GdkTexture) texture = snapshot_window (fixture->window);
  g_autoptr(WgRegion) region = NULL;
  int width = gdk_texture_get_width (texture), height = gdk_texture_get_height (texture);
  g_autofree guchar *pixels = g_malloc ((gsize) width * height * 4);
  ShumateViewport *viewport = shumate_map_get_viewport (map);
  graphene_point_t in_map, in_window;
  double lon, lat, x, y;
  WgMapScene *scene = fixture->page->scene;
  const WgMapShape *shape = wg_map_scene_lookup (scene, code);

  g_assert_nonnull (shape);
  wg_map_unproject (shape->label_x, shape->label_y, &lon, &lat);
  shumate_viewport_location_to_widget_coords (viewport, GTK_WIDGET (map), lat, lon, &x, &y);
  graphene_point_init (&in_map, x, y);
  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (map), fixture->window, &in_map, &in_window));
  g_assert_cmpfloat (in_window.x, >=, 0);
  g_assert_cmpfloat (in_window.x, <, width);
  gdk_texture_download (texture, pixels, width * 4);
  memcpy (bgra, pixels + 4 * ((gsize) in_window.y * width + (gsize) in_window.x), 4);
}

static void
test_page_draws_grids (Fixture       *fixture,
                       gconstpointer  user_data)
{
  guint n_tiles;
  double fill_ms;
  guchar bgra[4];
  const char *grid_code;

  g_assert_true (wait_for_drawn (fixture->page));
  wg_map_page_get_fill_stats (fixture->page, &n_tiles, &fill_ms);
  g_test_message ("overlay: %u tiles, %.1f ms drawing, %.2f ms per tile", n_tiles, fill_ms,
                  n_tiles > 0 ? fill_ms / n_tiles : 0);
  g_printerr ("# overlay: %u tiles, %.1f ms drawing, %.2f ms per tile\n", n_tiles, fill_ms,
              n_tiles > 0 ? fill_ms / n_tiles : 0);
  g_assert_cmpuint (n_tiles, >, 0);
  /* the territory is synthetic, and the map says so */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->page->notice_label)));
  g_assert_false (gtk_widget_get_visible (fixture->page->loading_spinner));
  save_screenshot (fixture->window, "map-1280x800.png");

  /* a reload in progress shows a spinner over the map */
  wg_map_page_set_loading (fixture->page, TRUE);
  g_assert_true (gtk_widget_get_visible (fixture->page->loading_spinner));
  g_assert_true (gtk_spinner_get_spinning (GTK_SPINNER (fixture->page->loading_spinner)));
  wg_map_page_set_loading (fixture->page, FALSE);
  g_assert_false (gtk_spinner_get_spinning (GTK_SPINNER (fixture->page->loading_spinner)));

  /* a grid of the fixture is tinted: not the grey ground, not white paper */
  grid_code = g_getenv ("WG_MAP_GEOJSON") ? NULL : "110101001001002";
  if (grid_code != NULL)
    {
      WgMapColor color = wg_map_style_grade_swatch (fixture->page->scene != NULL
                                                    ? wg_map_scene_lookup (fixture->page->scene, grid_code)->grid_grade
                                                    : WG_GRID_GRADE_NONE);
      region_pixel (fixture, grid_code, bgra);
      g_test_message ("pixel at grid: r=%d g=%d b=%d", bgra[2], bgra[1], bgra[0]);
      /* the paper is white: the grade hue pulls the channels apart */
      g_assert_cmpint (MAX (bgra[0], MAX (bgra[1], bgra[2])) - MIN (bgra[0], MIN (bgra[1], bgra[2])), >, 30);
      /* and towards the grade colour: its strongest channel is strongest */
      if (color.blue > color.red && color.blue > color.green)
        g_assert_cmpint (bgra[0], >=, bgra[2]);
      else if (color.red >= color.blue)
        g_assert_cmpint (bgra[2], >=, bgra[0]);
    }
  g_assert_cmpuint (wg_map_label_layer_get_n_drawn (_wg_map_page_get_label_layer (fixture->page)), >, 0);
}

static char *
selected_tree_code (Fixture *fixture)
{
  GtkSelectionModel *model = gtk_list_view_get_model (_wg_map_page_get_tree_view (fixture->page));
  guint position = gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (model));
  g_autoptr(GtkTreeListRow) row = NULL;
  g_autoptr(WgRegion) region = NULL;

  if (position == GTK_INVALID_LIST_POSITION)
    return NULL;
  row = g_list_model_get_item (G_LIST_MODEL (model), position);
  region = gtk_tree_list_row_get_item (row);
  return g_strdup (wg_region_get_code (region));
}

static const char *
first_grid_code (Fixture *fixture)
{
  for (guint i = 0; i < wg_map_scene_get_n_shapes (fixture->page->scene); i++)
    {
      const WgMapShape *shape = wg_map_scene_get_shape (fixture->page->scene, i);

      if (shape->level == WG_REGION_LEVEL_GRID && shape->n_rings > 0)
        return shape->code;
    }
  return NULL;
}

static void
test_page_select_shows_panel (Fixture       *fixture,
                              gconstpointer  user_data)
{
  const char *code;
  g_autofree char *tree_code = NULL;

  g_assert_true (wait_for_drawn (fixture->page));
  code = first_grid_code (fixture);
  g_assert_nonnull (code);
  g_assert_false (wg_map_page_select_region (fixture->page, "999999"));
  g_assert_true (wg_map_page_select_region (fixture->page, code));
  g_assert_cmpstr (wg_map_page_get_selected_code (fixture->page), ==, code);
  g_assert_cmpstr (wg_map_grid_panel_get_code (_wg_map_page_get_grid_panel (fixture->page)), ==, code);
  g_assert_true (_wg_map_page_get_panel_shown (fixture->page));
  tree_code = selected_tree_code (fixture);
  g_assert_cmpstr (tree_code, ==, code);

  /* the go-to animation and the new tiles */
  wait_ms (900);
  g_assert_cmpfloat (shumate_viewport_get_zoom_level (shumate_map_get_viewport (_wg_map_page_get_map (fixture->page))), >=, 15);
  save_screenshot (fixture->window, "map-1280x800-selected.png");

  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "map-page.close-panel", NULL);
  g_assert_false (_wg_map_page_get_panel_shown (fixture->page));
  g_assert_null (wg_map_page_get_selected_code (fixture->page));
}

/* Emits "released" on the map's click gestures as a click would. */
static void
click_map_at (ShumateMap *map,
              double      x,
              double      y)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (map));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_CLICK (controller))
        g_signal_emit_by_name (controller, "released", 1, x, y);
    }
}

/* Emits "motion" on the map's motion controllers as the pointer would. */
static void
hover_map_at (ShumateMap *map,
              double      x,
              double      y)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (map));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_MOTION (controller))
        g_signal_emit_by_name (controller, "motion", x, y);
    }
}

static void
test_page_click_selects_grid (Fixture       *fixture,
                              gconstpointer  user_data)
{
  ShumateMap *map = _wg_map_page_get_map (fixture->page);
  const char *code;
  const WgMapShape *shape;
  double lon, lat, x, y;
  g_autofree char *tree_code = NULL;

  g_assert_true (wait_for_drawn (fixture->page));
  code = first_grid_code (fixture);
  shape = wg_map_scene_lookup (fixture->page->scene, code);
  wg_map_unproject (shape->label_x, shape->label_y, &lon, &lat);
  shumate_viewport_location_to_widget_coords (shumate_map_get_viewport (map), GTK_WIDGET (map), lat, lon, &x, &y);
  hover_map_at (map, x, y);
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (GTK_WIDGET (map)), code));
  click_map_at (map, x, y);
  g_assert_cmpstr (wg_map_page_get_selected_code (fixture->page), ==, code);
  g_assert_true (_wg_map_page_get_panel_shown (fixture->page));
  tree_code = selected_tree_code (fixture);
  g_assert_cmpstr (tree_code, ==, code);

  /* a click outside the territory clears the selection */
  hover_map_at (map, 2, 2);
  g_assert_null (gtk_widget_get_tooltip_text (GTK_WIDGET (map)));
  click_map_at (map, 2, 2);
  g_assert_null (wg_map_page_get_selected_code (fixture->page));
}

static gboolean
in_community_001 (gpointer item,
                  gpointer user_data)
{
  return g_str_has_prefix (wg_region_get_code (item), "110101001001");
}

/* A community user's scope: no district or street rows. */
static void
test_page_community_scope (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(GtkFilterListModel) scope = NULL;
  GtkSelectionModel *model = gtk_list_view_get_model (_wg_map_page_get_tree_view (fixture->page));

  g_assert_true (wait_for_drawn (fixture->page));
  scope = gtk_filter_list_model_new (g_object_ref (fixture->regions),
                                     GTK_FILTER (gtk_custom_filter_new (in_community_001, NULL, NULL)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (scope)), >, 1);
  wg_map_page_set_regions (fixture->page, G_LIST_MODEL (scope));
  g_assert_false (wg_map_page_get_drawn (fixture->page));
  g_assert_true (wait_for_drawn (fixture->page));
  /* the community is the one root, expanded: it and its grids */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==,
                    g_list_model_get_n_items (G_LIST_MODEL (scope)));
  g_assert_cmpint (wg_map_scene_get_top_level (fixture->page->scene), ==, WG_REGION_LEVEL_COMMUNITY);
  save_screenshot (fixture->window, "map-1280x800-community.png");

  wg_map_page_set_regions (fixture->page, NULL);
  g_assert_false (wg_map_page_get_drawn (fixture->page));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
}

/* TRUE when the territory's box is inside the map widget. */
static gboolean
territory_fits (Fixture *fixture)
{
  ShumateMap *map = _wg_map_page_get_map (fixture->page);
  const WgMapBox *box = wg_map_scene_get_box (fixture->page->scene);
  double corners[2][2] = { { box->min_x, box->min_y }, { box->max_x, box->max_y } };

  for (guint i = 0; i < 2; i++)
    {
      double lon, lat, x, y;

      wg_map_unproject (corners[i][0], corners[i][1], &lon, &lat);
      shumate_viewport_location_to_widget_coords (shumate_map_get_viewport (map), GTK_WIDGET (map),
                                                  lat, lon, &x, &y);
      if (x < -1 || y < -1 || x > gtk_widget_get_width (GTK_WIDGET (map)) + 1 ||
          y > gtk_widget_get_height (GTK_WIDGET (map)) + 1)
        return FALSE;
    }
  return TRUE;
}

static void
test_page_resize_refits (Fixture       *fixture,
                         gconstpointer  user_data)
{
  int before;

  g_assert_true (wait_for_drawn (fixture->page));
  g_assert_true (territory_fits (fixture));
  before = gtk_widget_get_width (GTK_WIDGET (_wg_map_page_get_map (fixture->page)));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 760, 520);
  wait_ms (300);
  g_assert_true (wait_for_drawn (fixture->page));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (_wg_map_page_get_map (fixture->page))), <, before);
  g_assert_true (territory_fits (fixture));
}

static void
test_page_narrow_folds (Fixture       *fixture,
                        gconstpointer  user_data)
{
  const char *code;

  g_assert_true (wait_for_drawn (fixture->page));
  g_assert_true (adw_flap_get_folded (fixture->page->flap));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->page->tree_button)));
  save_screenshot (fixture->window, "map-560x800.png");

  code = first_grid_code (fixture);
  g_assert_true (wg_map_page_select_region (fixture->page, code));
  wait_ms (900);
  save_screenshot (fixture->window, "map-560x800-selected.png");

  gtk_toggle_button_set_active (fixture->page->tree_button, TRUE);
  wait_ms (600);
  g_assert_true (adw_flap_get_reveal_flap (fixture->page->flap));
  save_screenshot (fixture->window, "map-560x800-tree.png");
}

static void
test_page_search_filters_tree (Fixture       *fixture,
                               gconstpointer  user_data)
{
  GtkSelectionModel *model = gtk_list_view_get_model (_wg_map_page_get_tree_view (fixture->page));
  const char *code;

  g_assert_true (wait_for_drawn (fixture->page));
  code = first_grid_code (fixture);
  gtk_editable_set_text (GTK_EDITABLE (fixture->page->search_entry), code);
  /* GtkSearchEntry delays search-changed */
  wait_ms (400);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (model), 0);
  g_assert_cmpstr (wg_map_page_get_selected_code (fixture->page), ==, code);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->page->tree_stack), ==, "tree");

  /* part of a name, in Chinese: the matching regions, flat */
  gtk_editable_set_text (GTK_EDITABLE (fixture->page->search_entry), "多福");
  wait_ms (400);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), >, 1);
  save_screenshot (fixture->window, "map-1280x800-search.png");

  /* nothing found: said, not an empty list */
  gtk_editable_set_text (GTK_EDITABLE (fixture->page->search_entry), "no such place");
  wait_ms (400);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->page->tree_stack), ==, "no-matches");
  save_screenshot (fixture->window, "map-1280x800-search-none.png");

  gtk_editable_set_text (GTK_EDITABLE (fixture->page->search_entry), "");
  wait_ms (400);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), >, 1);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->page->tree_stack), ==, "tree");
}

/* A tile server on 127.0.0.1 that answers every tile with one colour. */
static void
tile_server_cb (SoupServer        *server,
                SoupServerMessage *message,
                const char        *path,
                GHashTable        *query,
                gpointer           user_data)
{
  GBytes *png = user_data;
  guint *requests = g_object_get_data (G_OBJECT (server), "requests");

  (*requests)++;
  soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (message, "image/png", SOUP_MEMORY_COPY,
                                    g_bytes_get_data (png, NULL), g_bytes_get_size (png));
}

static GBytes *
solid_tile_png (void)
{
  g_autofree guchar *pixels = g_malloc (256 * 256 * 4);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  for (guint i = 0; i < 256 * 256; i++)
    {
      /* BGRA: a green no territory colour uses */
      pixels[4 * i] = 60;
      pixels[4 * i + 1] = 170;
      pixels[4 * i + 2] = 40;
      pixels[4 * i + 3] = 255;
    }
  bytes = g_bytes_new_take (g_steal_pointer (&pixels), 256 * 256 * 4);
  texture = gdk_memory_texture_new (256, 256, GDK_MEMORY_B8G8R8A8, bytes, 256 * 4);
  return gdk_texture_save_to_png_bytes (texture);
}

static void
test_page_tiles_and_gcj02 (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(GSettings) settings = g_settings_new ("org.wangge.Wangge");
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(GBytes) png = solid_tile_png ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GSList) uris = NULL;
  g_autofree char *template = NULL;
  guint requests = 0;
  const WgMapShape *district;
  double plain_min_x, shifted_east;
  guchar bgra[4];
  gboolean timed_out = FALSE;

  g_assert_true (wait_for_drawn (fixture->page));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (fixture->page->attribution_label)));
  district = wg_map_scene_get_shape (fixture->page->scene, wg_map_scene_get_n_shapes (fixture->page->scene) - 1);
  plain_min_x = district->box.min_x;

  g_object_set_data (G_OBJECT (server), "requests", &requests);
  soup_server_add_handler (server, NULL, tile_server_cb, png, NULL);
  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  template = g_strdup_printf ("http://127.0.0.1:%d/tiles/{z}/{x}/{y}.png", g_uri_get_port (uris->data));
  g_slist_free_full (g_steal_pointer (&uris), (GDestroyNotify) g_uri_unref);

  g_settings_set_boolean (settings, "tile-gcj02", TRUE);
  g_settings_set_string (settings, "tile-url", template);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->page->attribution_label)));
  g_assert_nonnull (strstr (gtk_label_get_label (fixture->page->attribution_label), "127.0.0.1"));
  g_assert_true (wg_map_scene_get_gcj02 (fixture->page->scene));
  district = wg_map_scene_get_shape (fixture->page->scene, wg_map_scene_get_n_shapes (fixture->page->scene) - 1);
  shifted_east = (district->box.min_x - plain_min_x) * 360.0;
  g_assert_cmpfloat (shifted_east, >, 0.005);

  g_assert_true (wait_for_drawn (fixture->page));
  /* base tiles arrive over HTTP after the overlay: wait for a few */
  g_timeout_add (TIMEOUT_MS, timeout_cb, &timed_out);
  while (requests < 4 && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  wait_ms (800);
  save_screenshot (fixture->window, "map-1280x800-tiles-gcj02.png");
  /* the territory is drawn over the base map: a grid is tinted, not green */
  region_pixel (fixture, first_grid_code (fixture), bgra);
  g_assert_false (bgra[0] == 60 && bgra[1] == 170 && bgra[2] == 40);

  g_settings_reset (settings, "tile-url");
  g_settings_reset (settings, "tile-gcj02");
  g_assert_false (wg_map_scene_get_gcj02 (fixture->page->scene));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (fixture->page->attribution_label)));
}

typedef struct {
  GArray *intervals;
  GArray *work;                 /* before-paint → after-paint, ms */
  gint64 work_start;
  gint64 last;
  gint64 start;
  double seconds;
  double lat, lon;
  double step;
} PanState;

static gboolean
pan_tick_cb (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       user_data)
{
  PanState *state = user_data;
  gint64 now = gdk_frame_clock_get_frame_time (clock);
  double t;

  if (state->start == 0)
    state->start = now;
  if (state->last != 0)
    {
      double interval = (now - state->last) / 1000.0;
      g_array_append_val (state->intervals, interval);
    }
  state->last = now;
  t = (now - state->start) / 1e6;
  /* a slow circle around the start */
  shumate_map_center_on (SHUMATE_MAP (widget), state->lat + state->step * sin (t * 1.5),
                         state->lon + state->step * 1.3 * cos (t * 1.5));
  return t < state->seconds ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

static void
frame_before_paint_cb (GdkFrameClock *clock,
                       PanState      *state)
{
  state->work_start = g_get_monotonic_time ();
}

static void
frame_after_paint_cb (GdkFrameClock *clock,
                      PanState      *state)
{
  double ms;

  if (state->work_start == 0 || state->start == 0)
    return;
  ms = (g_get_monotonic_time () - state->work_start) / 1000.0;
  g_array_append_val (state->work, ms);
}

static void
test_page_pan_frame_times (Fixture       *fixture,
                           gconstpointer  user_data)
{
  ShumateMap *map = _wg_map_page_get_map (fixture->page);
  ShumateViewport *viewport = shumate_map_get_viewport (map);
  PanState state = { 0 };
  GdkFrameClock *clock;
  double sum = 0;
  guint n;

  g_assert_true (wait_for_drawn (fixture->page));
  state.intervals = g_array_new (FALSE, FALSE, sizeof (double));
  state.work = g_array_new (FALSE, FALSE, sizeof (double));
  clock = gtk_widget_get_frame_clock (fixture->window);
  g_signal_connect (clock, "before-paint", G_CALLBACK (frame_before_paint_cb), &state);
  g_signal_connect (clock, "after-paint", G_CALLBACK (frame_after_paint_cb), &state);
  state.seconds = g_ascii_strtod (g_getenv ("WG_MAP_PAN_SECONDS"), NULL);
  state.lat = shumate_location_get_latitude (SHUMATE_LOCATION (viewport));
  state.lon = shumate_location_get_longitude (SHUMATE_LOCATION (viewport));
  state.step = 0.01;
  shumate_viewport_set_zoom_level (viewport, shumate_viewport_get_zoom_level (viewport) +
                                   g_ascii_strtod (g_getenv ("WG_MAP_PAN_ZOOM") ? g_getenv ("WG_MAP_PAN_ZOOM") : "1.5", NULL));
  /* to see what the labels cost */
  if (g_getenv ("WG_MAP_PAN_NO_LABELS") != NULL)
    gtk_widget_set_visible (GTK_WIDGET (fixture->page->label_layer), FALSE);
  /* the baseline: GTK and libshumate without our layers */
  if (g_getenv ("WG_MAP_PAN_BARE") != NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (fixture->page->label_layer), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (fixture->page->overlay_layer), FALSE);
    }
  gtk_widget_add_tick_callback (GTK_WIDGET (map), pan_tick_cb, &state, NULL);
  wait_ms ((guint) (state.seconds * 1000) + 300);
  n = state.intervals->len;
  g_assert_cmpuint (n, >, 10);
  g_array_sort (state.intervals, map_fixture_compare_doubles);
  for (guint i = 0; i < n; i++)
    sum += g_array_index (state.intervals, double, i);
  g_printerr ("# pan: %u frames, mean %.1f ms, p50 %.1f ms, p95 %.1f ms, max %.1f ms (%s, zoom %.1f)\n",
              n, sum / n, g_array_index (state.intervals, double, n / 2),
              g_array_index (state.intervals, double, (guint) (n * 0.95)),
              g_array_index (state.intervals, double, n - 1),
              G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (fixture->window))),
              shumate_viewport_get_zoom_level (viewport));
  g_signal_handlers_disconnect_by_data (clock, &state);
  g_array_sort (state.work, map_fixture_compare_doubles);
  n = state.work->len;
  g_assert_cmpuint (n, >, 10);
  g_printerr ("# pan work per frame (tick + layout + snapshot + render): p50 %.1f ms, p95 %.1f ms, max %.1f ms\n",
              g_array_index (state.work, double, n / 2),
              g_array_index (state.work, double, (guint) (n * 0.95)),
              g_array_index (state.work, double, n - 1));
  save_screenshot (fixture->window, "map-1280x800-panned.png");
  g_array_unref (state.intervals);
  g_array_unref (state.work);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static char *
set_up_environment (void)
{
  char *cache = g_dir_make_tmp ("wangge-map-test-XXXXXX", NULL);
  const char *locale = g_getenv ("WANGGE_LOCALEDIR");

  /* the tile cache must not land in the user's home */
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  bindtextdomain (GETTEXT_PACKAGE, locale != NULL ? locale : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  return cache;
}

static void
skip_without_display (void)
{
  g_test_skip ("No display (run under xvfb-run)");
}

/* Without a display every test is still listed, and reported skipped. */
typedef void (*PageTestFunc) (Fixture *fixture, gconstpointer data);

static void
add_page_test (const char   *path,
               int           width,
               PageTestFunc  func)
{
  if (have_display)
    g_test_add (path, Fixture, GINT_TO_POINTER (width), fixture_set_up, func, fixture_tear_down);
  else
    g_test_add_func (path, skip_without_display);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *cache = NULL;
  int status;

  setlocale (LC_ALL, "");
  cache = set_up_environment ();
  g_test_init (&argc, &argv, NULL);
  have_display = gtk_init_check ();
  if (have_display)
    adw_init ();

  add_page_test ("/map/page/draws-grids", 1280, test_page_draws_grids);
  add_page_test ("/map/page/select-shows-panel", 1280, test_page_select_shows_panel);
  add_page_test ("/map/page/click-selects-grid", 1280, test_page_click_selects_grid);
  add_page_test ("/map/page/search-filters-tree", 1280, test_page_search_filters_tree);
  add_page_test ("/map/page/narrow-folds", 560, test_page_narrow_folds);
  add_page_test ("/map/page/resize-refits", 1280, test_page_resize_refits);
  add_page_test ("/map/page/community-scope", 1280, test_page_community_scope);
  add_page_test ("/map/page/tiles-and-gcj02", 1280, test_page_tiles_and_gcj02);
  if (g_getenv ("WG_MAP_PAN_SECONDS") != NULL)
    add_page_test ("/map/page/pan-frame-times", 1280, test_page_pan_frame_times);

  status = g_test_run ();
  remove_tree (cache);
  return status;
}
