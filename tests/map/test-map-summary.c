/* The map's panel shows a region's summary from the real server: select a
 * grid in the real client (signed in as the community worker), the counts
 * appear and equal the API's, the special groups with people and the
 * grid's staff are listed; a community has no staff section; a region the
 * server no longer knows shows the error and Retry.  Screenshots at
 * 1280x800 and 560x800 go to <build>/tests/display/screenshots/. */
#define G_LOG_DOMAIN "test-map-summary"

#include "config.h"

#include <adwaita.h>
#include <libpq-fe.h>
#include <string.h>

#include "wg-api-client-summary.h"
#include "wg-display-test-util.h"
#include "wg-error.h"
#include "wg-login-view.h"
#include "wg-map-page-private.h"
#include "wg-test-harness-private.h"
#include "wg-window.h"

#define TIMEOUT_SECONDS 30
#define SETTLE_MS 600
#define COMMUNITY "110101001001"
#define GRID_1 "110101001001001"
#define GRID_2 "110101001001002"

static gboolean have_display;
static WgTestServer *server;

/* Some of everything in GRID_1: people of each status, two special
 * groups, houses, a diary entry to follow up, three staff. */
static const char records_sql[] =
  "CREATE TEMP TABLE g AS SELECT path, geom FROM regions WHERE code = '" GRID_1 "';"
  "INSERT INTO person (path, name, sex, birth_date, residence_status)"
  "  SELECT g.path, '测' || i, 'female', DATE '1940-01-01' + i,"
  "         (ARRAY['registered', 'registered', 'registered', 'floating', 'foreign'])[1 + i % 5]"
  "  FROM g, generate_series(1, 23) AS i;"
  "INSERT INTO person_tag (person_id, path, tag, from_date)"
  "  SELECT p.id, p.path, CASE WHEN p.id % 2 = 0 THEN 'elderly_alone' ELSE 'disability' END,"
  "         DATE '2020-01-01' FROM person p WHERE p.id % 3 = 0;"
  "INSERT INTO house (path, address, use)"
  "  SELECT g.path, '多福巷' || i || '号', 'residential' FROM g, generate_series(1, 9) AS i;"
  "INSERT INTO household (path) SELECT g.path FROM g, generate_series(1, 8);"
  "INSERT INTO component (path, class_code, name, point)"
  "  SELECT g.path, '0101', '井盖', ST_PointOnSurface(g.geom) FROM g, generate_series(1, 12);"
  "INSERT INTO diary_entry (path, author_id, entry_date, body, follow_up)"
  "  SELECT g.path, (SELECT id FROM users WHERE username = 'grid'), current_date - i, '走访', i = 1"
  "  FROM g, generate_series(0, 4) AS i;"
  "INSERT INTO grid_staff (path, force, name, phone)"
  "  SELECT g.path, s.force, s.name, s.phone FROM g,"
  "  (VALUES ('manager', '李建华', '13663013908'), ('assistant', '刘洋', '18688613502'),"
  "          ('party_secretary', '欧阳晓雯', '01065123456')) s (force, name, phone);"
  "DROP TABLE g;";

static gboolean
require_server (void)
{
  g_autoptr(GError) error = NULL;

  if (!have_display)
    {
      g_test_skip ("needs a display (DISPLAY unset or not usable); tools/test runs this under Xvfb");
      return FALSE;
    }
  if (!wg_test_harness_available ())
    return FALSE;
  if (server == NULL)
    {
      server = wg_test_server_start ("wangge_map_summary", &error);
      g_assert_no_error (error);
      wg_test_exec_sql (wg_test_server_get_admin_conninfo (server), records_sql, &error);
      g_assert_no_error (error);
    }
  return TRUE;
}

static void
admin_sql (const char *sql)
{
  g_autoptr(GError) error = NULL;

  wg_test_exec_sql (wg_test_server_get_admin_conninfo (server), sql, &error);
  g_assert_no_error (error);
}

static gboolean
login_finished (gpointer window)
{
  WgLoginView *login_view = wg_window_get_login_view (window);

  return wg_window_get_signed_in (window) ||
         (!wg_login_view_get_busy (login_view) && wg_login_view_get_error_text (login_view) != NULL);
}

static gboolean
sign_in_and_draw (WgWindow   *window,
                  const char *username)
{
  wg_login_view_sign_in (wg_window_get_login_view (window), wg_test_server_get_url (server),
                         username, "wangge2026");
  if (!wg_display_test_spin_until (login_finished, window, TIMEOUT_SECONDS, "the sign-in"))
    return FALSE;
  g_assert_true (wg_window_get_signed_in (window));
  return wg_display_test_spin_until (wg_display_test_map_drawn, window, TIMEOUT_SECONDS,
                                     "the map to be drawn");
}

static WgMapGridPanel *
panel_of (WgWindow *window)
{
  return _wg_map_page_get_grid_panel (WG_MAP_PAGE (wg_window_get_map_page (window)));
}

static gboolean
summary_settled (gpointer window)
{
  return wg_map_grid_panel_get_summary_state (panel_of (window)) != WG_MAP_SUMMARY_LOADING;
}

/* Selects @code on the map and waits for its summary (shown or failed). */
static WgMapSummaryState
select_and_wait (WgWindow   *window,
                 const char *code)
{
  WgMapGridPanel *panel = panel_of (window);

  g_assert_true (wg_map_page_select_region (WG_MAP_PAGE (wg_window_get_map_page (window)), code));
  g_assert_cmpstr (wg_map_grid_panel_get_code (panel), ==, code);
  wg_display_test_spin_until (summary_settled, window, TIMEOUT_SECONDS, "the summary");
  return wg_map_grid_panel_get_summary_state (panel);
}

static void
summary_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  WgRegionSummary **summary = user_data;
  g_autoptr(GError) error = NULL;

  *summary = wg_api_client_get_region_summary_finish (WG_API_CLIENT (source), result, &error);
  g_assert_no_error (error);
}

static gboolean
pointer_set (gpointer data)
{
  return *(gpointer *) data != NULL;
}

/* The summary of @code as the API gives it to the window's session. */
static WgRegionSummary *
fetch_summary (WgWindow   *window,
               const char *code)
{
  WgRegionSummary *summary = NULL;

  wg_api_client_get_region_summary_async (wg_window_get_client (window), code, NULL, summary_cb,
                                          &summary);
  wg_display_test_spin_until (pointer_set, &summary, TIMEOUT_SECONDS, "the API's summary");
  return summary;
}

/* Every count the panel shows is the API's. */
static void
assert_counts_shown (WgWindow   *window,
                     const char *code)
{
  g_autoptr(WgRegionSummary) expected = fetch_summary (window, code);
  WgMapGridPanel *panel = panel_of (window);

  g_assert_nonnull (expected);
  for (guint i = 0; i < WG_SUMMARY_N_COUNTS; i++)
    {
      g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, expected->counts[i]);

      g_assert_cmpstr (wg_map_grid_panel_get_count_text (panel, i), ==, text);
    }
  g_assert_cmpuint (wg_map_grid_panel_get_summary (panel)->staff->len, ==, expected->staff->len);
}

/* The panel lies within the window: nothing cut at the right or bottom. */
static void
assert_panel_inside (WgWindow *window)
{
  GtkWidget *panel = GTK_WIDGET (panel_of (window));
  graphene_rect_t bounds, zoom;
  int minimum;

  g_assert_true (gtk_widget_compute_bounds (panel, GTK_WIDGET (window), &bounds));
  g_assert_cmpfloat (bounds.origin.x, >=, 0);
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (GTK_WIDGET (window)));
  g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, gtk_widget_get_height (GTK_WIDGET (window)));
  gtk_widget_measure (panel, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, (int) bounds.size.width);
  /* and it leaves the zoom buttons uncovered */
  g_assert_true (gtk_widget_compute_bounds (WG_MAP_PAGE (wg_window_get_map_page (window))->zoom_box,
                                            GTK_WIDGET (window), &zoom));
  g_assert_false (graphene_rect_intersection (&bounds, &zoom, NULL));
}

static void
test_summary_grid (gconstpointer user_data)
{
  int width = GPOINTER_TO_INT (user_data);
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  const WgRegionSummary *shown;
  WgWindow *window;

  if (!require_server ())
    return;
  window = wg_display_test_new_window (width, 800);
  if (!sign_in_and_draw (window, "community"))
    {
      wg_display_test_close_window (window);
      return;
    }
  g_assert_cmpint (select_and_wait (window, GRID_1), ==, WG_MAP_SUMMARY_SHOWN);
  assert_counts_shown (window, GRID_1);
  shown = wg_map_grid_panel_get_summary (panel_of (window));
  g_assert_cmpint (shown->counts[WG_SUMMARY_PEOPLE], ==, 23);
  g_assert_cmpuint (shown->staff->len, ==, 3);
  /* The community user's map has no street; the summary names it. */
  g_assert_cmpstr (shown->street_name, ==, "东华门街道");
  g_assert_cmpstr (shown->community_name, ==, "多福巷社区");
  /* let the panel slide in and the map settle before looking */
  name = g_strdup_printf ("map-summary-grid-%dx800.png", width);
  path = wg_display_test_save_screenshot (window, name, SETTLE_MS);
  assert_panel_inside (window);

  /* A community: its counts, no staff section. */
  g_assert_cmpint (select_and_wait (window, COMMUNITY), ==, WG_MAP_SUMMARY_SHOWN);
  assert_counts_shown (window, COMMUNITY);
  g_free (name);
  name = g_strdup_printf ("map-summary-community-%dx800.png", width);
  g_free (wg_display_test_save_screenshot (window, name, SETTLE_MS));
  assert_panel_inside (window);
  wg_display_test_close_window (window);
}

/* A grid retired after the map was loaded: the server says not found, the
 * panel says so and offers Retry. */
static void
test_summary_error (void)
{
  WgWindow *window;

  if (!require_server ())
    return;
  window = wg_display_test_new_window (1280, 800);
  if (!sign_in_and_draw (window, "community"))
    {
      wg_display_test_close_window (window);
      return;
    }
  admin_sql ("UPDATE regions SET valid_to = current_date WHERE code = '" GRID_2 "'");
  g_assert_cmpint (select_and_wait (window, GRID_2), ==, WG_MAP_SUMMARY_ERROR);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel_of (window)), "grid-panel.retry", NULL));
  wg_display_test_spin_until (summary_settled, window, TIMEOUT_SECONDS, "the retried summary");
  g_assert_cmpint (wg_map_grid_panel_get_summary_state (panel_of (window)), ==, WG_MAP_SUMMARY_ERROR);
  g_free (wg_display_test_save_screenshot (window, "map-summary-error-1280x800.png", SETTLE_MS));
  admin_sql ("UPDATE regions SET valid_to = NULL WHERE code = '" GRID_2 "'");
  g_assert_cmpint (select_and_wait (window, GRID_2), ==, WG_MAP_SUMMARY_SHOWN);
  wg_display_test_close_window (window);
}

/* The client reads the answer member by member; a missing one is a
 * protocol error naming it.  No display needed. */
static void
test_summary_parse (void)
{
  static const char answer[] =
    "{\"region\": {\"code\": \"110101001001\", \"name\": \"多福巷社区\", \"level\": \"community\"},"
    " \"counts\": {\"people\": 9, \"registered\": 5, \"floating\": 3, \"foreign\": 1,"
    " \"households\": 4, \"houses\": 6, \"land_parcels\": 0, \"components\": 2,"
    " \"organizations\": 1, \"underground_spaces\": 0, \"diary_entries_30d\": 7, \"follow_ups\": 2},"
    " \"special_groups\": {\"veteran\": 2, \"elderly_alone\": 0},"
    " \"staff\": [{\"id\": 3, \"force\": \"manager\", \"name\": \"李建华\", \"phone\": null}]}";
  g_autoptr(JsonNode) root = json_from_string (answer, NULL);
  g_autoptr(WgRegionSummary) summary = NULL;
  g_autoptr(WgRegionSummary) copy = NULL;
  g_autoptr(GError) error = NULL;
  const WgSummaryGroup *group;
  const WgSummaryStaff *staff;

  summary = wg_region_summary_new_from_json (json_node_get_object (root), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (summary->level, ==, "community");
  g_assert_cmpint (summary->counts[WG_SUMMARY_PEOPLE], ==, 9);
  g_assert_cmpint (summary->counts[WG_SUMMARY_FOLLOW_UPS], ==, 2);
  g_assert_cmpstr (wg_summary_count_name (WG_SUMMARY_LAND_PARCELS), ==, "land_parcels");
  /* the server's order, zeros kept */
  g_assert_cmpuint (summary->special_groups->len, ==, 2);
  group = g_ptr_array_index (summary->special_groups, 0);
  g_assert_cmpstr (group->tag, ==, "veteran");
  copy = wg_region_summary_copy (summary);
  staff = g_ptr_array_index (copy->staff, 0);
  g_assert_cmpstr (staff->name, ==, "李建华");
  g_assert_null (staff->phone);

  json_object_remove_member (json_object_get_object_member (json_node_get_object (root), "counts"),
                             "houses");
  g_clear_pointer (&summary, wg_region_summary_free);
  summary = wg_region_summary_new_from_json (json_node_get_object (root), &error);
  g_assert_null (summary);
  g_assert_error (error, WG_ERROR, WG_ERROR_PROTOCOL);
  g_assert_nonnull (strstr (error->message, "houses"));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  have_display = wg_display_test_init (&argc, &argv, "wangge-map-summary-XXXXXX");
  g_test_add_data_func ("/map/summary/grid-1280", GINT_TO_POINTER (1280), test_summary_grid);
  g_test_add_data_func ("/map/summary/grid-560", GINT_TO_POINTER (560), test_summary_grid);
  g_test_add_func ("/map/summary/error", test_summary_error);
  g_test_add_func ("/map/summary/parse", test_summary_parse);
  status = g_test_run ();
  g_clear_pointer (&server, wg_test_server_stop);
  return status;
}
