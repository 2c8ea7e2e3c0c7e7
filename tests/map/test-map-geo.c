/* Unit tests for the map's plain functions: projection, GCJ-02, fitting,
 * view transform, point in polygon, style decisions, scene parsing, and
 * drawing one overlay tile.  No display needed. */
#define G_LOG_DOMAIN "test-map-geo"

#include "config.h"

#include <math.h>

#include "map-fixture.h"
#include "wg-map-geo.h"
#include "wg-map-overlay-source.h"
#include "wg-map-scene.h"
#include "wg-map-style.h"

static void
test_project_roundtrip (void)
{
  double x, y, lon, lat;

  wg_map_project (0, 0, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, 0.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (y, 0.5, 1e-12);
  wg_map_project (116.4, 39.9, &x, &y);
  g_assert_cmpfloat (y, <, 0.5);  /* north is up */
  wg_map_unproject (x, y, &lon, &lat);
  g_assert_cmpfloat_with_epsilon (lon, 116.4, 1e-9);
  g_assert_cmpfloat_with_epsilon (lat, 39.9, 1e-9);
}

static void
test_gcj02_known_point (void)
{
  double lon, lat;

  /* First vertex of data/dongcheng_110101_boundary_{wgs84,gcj02}.geojson */
  wg_map_wgs84_to_gcj02 (116.4353836, 39.9436605, &lon, &lat);
  g_assert_cmpfloat_with_epsilon (lon, 116.441599, 2e-6);
  g_assert_cmpfloat_with_epsilon (lat, 39.945042, 2e-6);
}

static void
test_gcj02_inverse (void)
{
  double lon, lat, back_lon, back_lat;

  wg_map_wgs84_to_gcj02 (116.41, 39.92, &lon, &lat);
  g_assert_cmpfloat (fabs (lon - 116.41), >, 0.004);
  wg_map_gcj02_to_wgs84 (lon, lat, &back_lon, &back_lat);
  g_assert_cmpfloat_with_epsilon (back_lon, 116.41, 1e-8);
  g_assert_cmpfloat_with_epsilon (back_lat, 39.92, 1e-8);
}

static void
test_gcj02_outside_china (void)
{
  double lon, lat;

  g_assert_true (wg_map_gcj02_outside_china (2.35, 48.85));
  wg_map_wgs84_to_gcj02 (2.35, 48.85, &lon, &lat);
  g_assert_cmpfloat (lon, ==, 2.35);
  g_assert_cmpfloat (lat, ==, 48.85);
}

static void
test_fit_zoom (void)
{
  WgMapBox box = { 0.5, 0.5, 0.5 + 1.0 / 1024, 0.5 + 1.0 / 2048 };

  /* 1/1024 of the world is 2^(z-2) pixels wide at zoom z */
  g_assert_cmpfloat_with_epsilon (wg_map_fit_zoom (&box, 1024, 1024, 0, 0, 20), 12.0, 1e-9);
  /* padding takes room on both sides: 512 usable → one zoom level less */
  g_assert_cmpfloat_with_epsilon (wg_map_fit_zoom (&box, 768, 1024, 128, 0, 20), 11.0, 1e-9);
  /* height limits when the box is tall */
  box.max_y = 0.5 + 1.0 / 256;
  g_assert_cmpfloat_with_epsilon (wg_map_fit_zoom (&box, 1024, 1024, 0, 0, 20), 10.0, 1e-9);
  g_assert_cmpfloat (wg_map_fit_zoom (&box, 1024, 1024, 0, 11, 20), ==, 11);
  g_assert_cmpfloat (wg_map_fit_zoom (&box, 1024, 1024, 0, 0, 9), ==, 9);
  /* a point fits at the maximum zoom */
  box.max_x = box.min_x;
  box.max_y = box.min_y;
  g_assert_cmpfloat (wg_map_fit_zoom (&box, 1024, 1024, 0, 0, 18), ==, 18);
}

static void
test_fit_box_insets (void)
{
  WgMapBox box = { 0.5, 0.5, 0.5 + 1.0 / 1024, 0.5 + 1.0 / 1024 };
  WgMapInsets none = { 0, 0, 0, 0 };
  WgMapInsets right = { 0, 512, 0, 0 };
  WgMapView view = { 0 };
  double zoom, cx, cy, x, y;

  wg_map_fit_box (&box, 1024, 1024, &none, 0, 20, &zoom, &cx, &cy);
  g_assert_cmpfloat_with_epsilon (zoom, 12, 1e-9);
  g_assert_cmpfloat_with_epsilon (cx, 0.5 + 0.5 / 1024, 1e-12);

  /* a panel takes the right half: one zoom level less, and the box sits
   * in the middle of the left half */
  wg_map_fit_box (&box, 1024, 1024, &right, 0, 20, &zoom, &cx, &cy);
  g_assert_cmpfloat_with_epsilon (zoom, 11, 1e-9);
  view = (WgMapView) { cx, cy, zoom, 0, 1024, 1024 };
  wg_map_view_to_widget (&view, box.min_x, box.min_y, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, 0, 1e-6);
  g_assert_cmpfloat_with_epsilon (y, 256, 1e-6);
  wg_map_view_to_widget (&view, box.max_x, box.max_y, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, 512, 1e-6);
  g_assert_cmpfloat_with_epsilon (y, 768, 1e-6);
}

static void
test_view_roundtrip (void)
{
  WgMapView view = { 0.8, 0.3, 14.3, 0.4, 800, 600 };
  WgMapBox box, widget_box;
  double wx, wy, x, y;

  wg_map_view_to_widget (&view, view.center_x, view.center_y, &wx, &wy);
  g_assert_cmpfloat_with_epsilon (wx, 400, 1e-6);
  g_assert_cmpfloat_with_epsilon (wy, 300, 1e-6);
  wg_map_view_to_projected (&view, 17, 590, &x, &y);
  wg_map_view_to_widget (&view, x, y, &wx, &wy);
  g_assert_cmpfloat_with_epsilon (wx, 17, 1e-6);
  g_assert_cmpfloat_with_epsilon (wy, 590, 1e-6);

  view.rotation = 0;
  wg_map_view_to_widget (&view, view.center_x + 1.0 / wg_map_view_get_scale (&view), view.center_y, &wx, &wy);
  g_assert_cmpfloat_with_epsilon (wx, 401, 1e-6);

  /* Unrotated, the visible box maps back onto the whole widget. */
  wg_map_view_get_box (&view, &box);
  wg_map_view_box_to_widget (&view, &box, &widget_box);
  g_assert_cmpfloat_with_epsilon (widget_box.min_x, 0, 1e-6);
  g_assert_cmpfloat_with_epsilon (widget_box.min_y, 0, 1e-6);
  g_assert_cmpfloat_with_epsilon (widget_box.max_x, 800, 1e-6);
  g_assert_cmpfloat_with_epsilon (widget_box.max_y, 600, 1e-6);
}

static void
test_label_fit_in_area (void)
{
  const WgMapBox region = { -200, 300, 300, 500 };
  const WgMapBox small = { 0, 380, 20, 420 };
  double x = -30, y = 390;

  /* Cut at the left edge: slides right, still over its region. */
  g_assert_true (wg_map_label_fit_in_area (&x, &y, 80, 20, 640, 480, &region));
  g_assert_cmpfloat (x, ==, 0);
  g_assert_cmpfloat (y, ==, 390);

  /* Cut at the bottom: slides up. */
  x = 100, y = 470;
  g_assert_true (wg_map_label_fit_in_area (&x, &y, 80, 20, 640, 480, &region));
  g_assert_cmpfloat (x, ==, 100);
  g_assert_cmpfloat (y, ==, 460);

  /* Inside already: unchanged. */
  x = 100, y = 400;
  g_assert_true (wg_map_label_fit_in_area (&x, &y, 80, 20, 640, 480, &region));
  g_assert_cmpfloat (x, ==, 100);
  g_assert_cmpfloat (y, ==, 400);

  /* Sliding would leave a small region: no label. */
  x = -60, y = 390;
  g_assert_false (wg_map_label_fit_in_area (&x, &y, 80, 20, 640, 480, &small));
  g_assert_cmpfloat (x, ==, -60);

  /* Wider than the map: no label. */
  x = 0, y = 0;
  g_assert_false (wg_map_label_fit_in_area (&x, &y, 700, 20, 640, 480, &region));
}

static void
test_point_in_polygon (void)
{
  /* a 10×10 square with a 2×2 hole, and a separate 1×1 square */
  const double xy[] = {
    0, 0, 10, 0, 10, 10, 0, 10,
    4, 4, 6, 4, 6, 6, 4, 6,
    20, 20, 21, 20, 21, 21, 20, 21,
  };
  const guint offsets[] = { 0, 4, 8, 12 };

  g_assert_true (wg_map_rings_contain (xy, offsets, 3, 1, 1));
  g_assert_false (wg_map_rings_contain (xy, offsets, 3, 5, 5));
  g_assert_true (wg_map_rings_contain (xy, offsets, 3, 20.5, 20.5));
  g_assert_false (wg_map_rings_contain (xy, offsets, 3, 15, 5));
  g_assert_false (wg_map_rings_contain (xy, offsets, 3, -0.1, 5));
}

static gboolean
colors_differ (WgMapColor a,
               WgMapColor b)
{
  return fabs (a.red - b.red) + fabs (a.green - b.green) + fabs (a.blue - b.blue) > 0.3;
}

static void
test_style_grades (void)
{
  for (WgGridGrade a = WG_GRID_GRADE_ROUTINE; a <= WG_GRID_GRADE_COMPREHENSIVE; a++)
    {
      WgMapColor fill = wg_map_style_grade_color (a);

      g_assert_cmpfloat (fill.alpha, >, 0.2);
      g_assert_cmpfloat (fill.alpha, <, 0.7);
      g_assert_cmpstr (wg_map_style_grade_label (a), !=, "");
      for (WgGridGrade b = a + 1; b <= WG_GRID_GRADE_COMPREHENSIVE; b++)
        g_assert_true (colors_differ (wg_map_style_grade_swatch (a), wg_map_style_grade_swatch (b)));
    }
}

static void
test_style_labels_by_zoom (void)
{
  g_assert_true (wg_map_style_label_visible (WG_REGION_LEVEL_STREET, 13));
  g_assert_false (wg_map_style_label_visible (WG_REGION_LEVEL_COMMUNITY, 13));
  g_assert_false (wg_map_style_label_visible (WG_REGION_LEVEL_GRID, 13));
  g_assert_true (wg_map_style_label_visible (WG_REGION_LEVEL_COMMUNITY, 15.2));
  g_assert_false (wg_map_style_label_visible (WG_REGION_LEVEL_GRID, 15.2));
  g_assert_true (wg_map_style_label_visible (WG_REGION_LEVEL_GRID, 17));
  g_assert_false (wg_map_style_label_visible (WG_REGION_LEVEL_STREET, 17));
}

static void
test_style_line_widths (void)
{
  for (int zoom = 13; zoom <= 19; zoom++)
    {
      double street = wg_map_style_line_width (WG_REGION_LEVEL_STREET, zoom);
      double community = wg_map_style_line_width (WG_REGION_LEVEL_COMMUNITY, zoom);
      double grid = wg_map_style_line_width (WG_REGION_LEVEL_GRID, zoom);

      g_assert_cmpfloat (street, >, community);
      g_assert_cmpfloat (community, >, grid);
      g_assert_cmpfloat (grid, >, 0);
    }
  g_assert_cmpfloat (wg_map_style_line_width (WG_REGION_LEVEL_GRID, 11), ==, 0);
}

static void
test_scene_fixture (void)
{
  g_autoptr(GListModel) regions = map_fixture_load_regions (NULL);
  g_autoptr(WgMapScene) scene = wg_map_scene_new (regions, FALSE);
  const WgMapShape *grid, *hit;
  double x, y;

  g_assert_cmpuint (wg_map_scene_get_n_shapes (scene), ==, 23);
  /* grids are drawn first, the district last */
  g_assert_cmpint (wg_map_scene_get_shape (scene, 0)->level, ==, WG_REGION_LEVEL_GRID);
  g_assert_cmpint (wg_map_scene_get_shape (scene, 22)->level, ==, WG_REGION_LEVEL_DISTRICT);

  grid = wg_map_scene_lookup (scene, "110101001001002");
  g_assert_nonnull (grid);
  g_assert_cmpuint (grid->n_rings, ==, 1);
  g_assert_true (grid->synthetic);
  g_assert_cmpstr (grid->parent_code, ==, "110101001001");
  g_assert_true (wg_map_shape_contains (grid, grid->label_x, grid->label_y));

  /* the middle of that grid (116.4075–116.415 E, 39.9275–39.935 N) */
  wg_map_project (116.41125, 39.93125, &x, &y);
  hit = wg_map_scene_hit_test (scene, WG_REGION_LEVEL_GRID, x, y);
  g_assert_nonnull (hit);
  g_assert_cmpstr (hit->code, ==, "110101001001002");
  hit = wg_map_scene_hit_test (scene, WG_REGION_LEVEL_STREET, x, y);
  g_assert_cmpstr (hit->code, ==, "110101001");
  wg_map_project (116.5, 39.93, &x, &y);
  g_assert_null (wg_map_scene_hit_test (scene, WG_REGION_LEVEL_GRID, x, y));
  g_assert_false (wg_map_box_is_empty (wg_map_scene_get_box (scene)));
  g_assert_true (wg_map_scene_get_synthetic (scene));
}

static gboolean
is_community_or_below (gpointer item,
                       gpointer user_data)
{
  return wg_region_get_level (item) >= WG_REGION_LEVEL_COMMUNITY;
}

static void
test_scene_top_level (void)
{
  g_autoptr(GListModel) regions = map_fixture_load_regions (NULL);
  g_autoptr(WgMapScene) district = wg_map_scene_new (regions, FALSE);
  g_autoptr(GtkFilterListModel) community_scope = NULL;
  g_autoptr(WgMapScene) community = NULL;

  g_assert_cmpint (wg_map_scene_get_top_level (district), ==, WG_REGION_LEVEL_DISTRICT);
  /* a community user's scope has no district or street rows */
  community_scope = gtk_filter_list_model_new (g_object_ref (regions),
                                               GTK_FILTER (gtk_custom_filter_new (is_community_or_below, NULL, NULL)));
  community = wg_map_scene_new (G_LIST_MODEL (community_scope), FALSE);
  g_assert_cmpuint (wg_map_scene_get_n_shapes (community), ==, 20);
  g_assert_cmpint (wg_map_scene_get_top_level (community), ==, WG_REGION_LEVEL_COMMUNITY);
}

static void
test_scene_gcj02_shift (void)
{
  g_autoptr(GListModel) regions = map_fixture_load_regions (NULL);
  g_autoptr(WgMapScene) plain = wg_map_scene_new (regions, FALSE);
  g_autoptr(WgMapScene) shifted = wg_map_scene_new (regions, TRUE);
  const WgMapShape *a = wg_map_scene_lookup (plain, "110101");
  const WgMapShape *b = wg_map_scene_lookup (shifted, "110101");
  double east_degrees = (b->box.min_x - a->box.min_x) * 360.0;

  /* GCJ-02 sits about 0.006° east of WGS-84 in Beijing */
  g_assert_cmpfloat (east_degrees, >, 0.005);
  g_assert_cmpfloat (east_degrees, <, 0.008);
  g_assert_true (wg_map_scene_get_gcj02 (shifted));
}

static void
test_scene_rejects_points (void)
{
  g_autoptr(JsonNode) node = json_from_string ("{\"type\":\"Point\",\"coordinates\":[116.4,39.9]}", NULL);
  g_autoptr(GError) error = NULL;
  WgMapShape shape = { 0 };

  g_assert_false (wg_map_shape_set_geometry (&shape, node, FALSE, &error));
  g_assert_nonnull (error);
}

static void
test_scene_polygon_with_hole (void)
{
  g_autoptr(JsonNode) node = json_from_string (
    "{\"type\":\"Polygon\",\"coordinates\":[[[116.40,39.90],[116.44,39.90],[116.44,39.94],[116.40,39.94],[116.40,39.90]],"
    "[[116.41,39.91],[116.43,39.91],[116.43,39.93],[116.41,39.93],[116.41,39.91]]]}", NULL);
  g_autoptr(GError) error = NULL;
  WgMapShape shape = { 0 };
  double x, y;

  g_assert_true (wg_map_shape_set_geometry (&shape, node, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (shape.n_rings, ==, 2);
  /* the centroid is in the hole: the label moves to the widest span */
  g_assert_true (wg_map_shape_contains (&shape, shape.label_x, shape.label_y));
  wg_map_project (116.42, 39.92, &x, &y);
  g_assert_false (wg_map_shape_contains (&shape, x, y));
  g_free (shape.xy);
  g_free (shape.offsets);
}

static void
test_overlay_tile_colours (void)
{
  g_autoptr(GListModel) regions = map_fixture_load_regions (NULL);
  g_autoptr(WgMapScene) scene = wg_map_scene_new (regions, FALSE);
  const WgMapShape *grid = wg_map_scene_lookup (scene, "110101001001002");
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GdkTexture) empty = NULL;
  guint zoom = 15, size = 256;
  double px = grid->label_x * size * (1 << zoom);
  double py = grid->label_y * size * (1 << zoom);
  guint tx = (guint) (px / size), ty = (guint) (py / size);
  guchar *pixels = g_malloc (size * size * 4);
  guchar *p;
  WgMapColor color = wg_map_style_grade_color (grid->grid_grade);

  texture = wg_map_overlay_render_tile (scene, FALSE, tx, ty, zoom, size, 1);
  g_assert_nonnull (texture);
  gdk_texture_download (texture, pixels, size * 4);
  p = pixels + 4 * ((guint) (py - ty * size) * size + (guint) (px - tx * size));
  /* BGRA premultiplied: the grade colour at the fill alpha */
  g_assert_cmpint (abs (p[3] - (int) (color.alpha * 255)), <=, 2);
  g_assert_cmpint (abs (p[2] - (int) (color.red * color.alpha * 255)), <=, 2);
  g_assert_cmpint (abs (p[0] - (int) (color.blue * color.alpha * 255)), <=, 2);
  g_free (pixels);

  /* HiDPI: twice the pixels for the same tile */
  g_clear_object (&texture);
  texture = wg_map_overlay_render_tile (scene, FALSE, tx, ty, zoom, size, 2);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 2 * size);

  /* far away from the territory nothing is drawn */
  empty = wg_map_overlay_render_tile (scene, TRUE, tx + 40, ty, zoom, size, 1);
  g_assert_null (empty);
}

/* WG_MAP_GEOJSON=<FeatureCollection>: time every tile over the territory
 * at zooms 11–18 (a measurement, not a check). */
static void
test_overlay_tile_timing (void)
{
  g_autoptr(GListModel) regions = map_fixture_load_regions (g_getenv ("WG_MAP_GEOJSON"));
  g_autoptr(WgMapScene) scene = wg_map_scene_new (regions, FALSE);
  const WgMapBox *box = wg_map_scene_get_box (scene);

  for (guint zoom = 11; zoom <= 18; zoom++)
    {
      g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
      double tiles = 1 << zoom, total = 0;

      for (guint x = box->min_x * tiles; x <= box->max_x * tiles; x++)
        for (guint y = box->min_y * tiles; y <= box->max_y * tiles; y++)
          {
            gint64 start = g_get_monotonic_time ();
            g_autoptr(GdkTexture) texture = wg_map_overlay_render_tile (scene, TRUE, x, y, zoom, 256, 1);
            double ms = (g_get_monotonic_time () - start) / 1000.0;

            g_array_append_val (times, ms);
            total += ms;
          }
      g_array_sort (times, map_fixture_compare_doubles);
      g_printerr ("# zoom %u: %u tiles, mean %.2f ms, p50 %.2f ms, max %.2f ms per tile\n", zoom, times->len,
                  total / times->len, g_array_index (times, double, times->len / 2),
                  g_array_index (times, double, times->len - 1));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/map/geo/project-roundtrip", test_project_roundtrip);
  g_test_add_func ("/map/geo/gcj02-known-point", test_gcj02_known_point);
  g_test_add_func ("/map/geo/gcj02-inverse", test_gcj02_inverse);
  g_test_add_func ("/map/geo/gcj02-outside-china", test_gcj02_outside_china);
  g_test_add_func ("/map/geo/fit-zoom", test_fit_zoom);
  g_test_add_func ("/map/geo/fit-box-insets", test_fit_box_insets);
  g_test_add_func ("/map/geo/view-roundtrip", test_view_roundtrip);
  g_test_add_func ("/map/geo/point-in-polygon", test_point_in_polygon);
  g_test_add_func ("/map/geo/label-fit-in-area", test_label_fit_in_area);
  g_test_add_func ("/map/style/grade-colours", test_style_grades);
  g_test_add_func ("/map/style/labels-by-zoom", test_style_labels_by_zoom);
  g_test_add_func ("/map/style/line-widths", test_style_line_widths);
  g_test_add_func ("/map/scene/fixture", test_scene_fixture);
  g_test_add_func ("/map/scene/gcj02-shift", test_scene_gcj02_shift);
  g_test_add_func ("/map/scene/top-level", test_scene_top_level);
  g_test_add_func ("/map/scene/rejects-points", test_scene_rejects_points);
  g_test_add_func ("/map/scene/polygon-with-hole", test_scene_polygon_with_hole);
  g_test_add_func ("/map/overlay/tile-colours", test_overlay_tile_colours);
  if (g_getenv ("WG_MAP_GEOJSON") != NULL)
    g_test_add_func ("/map/overlay/tile-timing", test_overlay_tile_timing);

  return g_test_run ();
}
