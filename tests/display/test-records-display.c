/* The Records page under a display (Xvfb in tools/test), against the
 * in-process fake of the people API (wg-fake-people-server.c): list, search,
 * detail with the chain, validation messages, a stale save, reveal, the
 * grid on the map, and the narrow layout.  Screenshots go to
 * <build>/tests/display/screenshots/records-*.png; look at them. */
#define G_LOG_DOMAIN "test-records-display"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <adwaita.h>

#include "wg-application.h"
#include "wg-display-test-util.h"
#include "wg-fake-people-server.h"
#include "wg-map-page.h"
#include "wg-people-view.h"
#include "wg-records-page.h"
#include "wg-api-client-people.h"
#include "wg-person-rules.h"
#include "wg-region.h"
#include "wg-test-harness.h"
#include "wg-validate.h"
#include "wg-window.h"

#define TIMEOUT_SECONDS 20
#define SETTLE_MS 500
#define N_PEOPLE 2345

static gboolean have_display;
static WgTestServer *server;

static gboolean
spin_until (WgDisplayTestCondition  condition,
            gpointer                data,
            const char             *what)
{
  return wg_display_test_spin_until (condition, data, TIMEOUT_SECONDS, what);
}

static void
save_screenshot (gpointer    window,
                 const char *name)
{
  g_free (wg_display_test_save_screenshot (window, name, SETTLE_MS));
}

/* Conditions */

static gboolean
people_loaded (gpointer view)
{
  WgPeopleModel *model = wg_people_view_get_model (view);

  return !wg_people_model_get_loading (model) && wg_people_model_get_total (model) >= 0;
}

static gboolean
detail_loaded (gpointer view)
{
  WgPersonDetail *detail = wg_people_view_get_detail (view);

  return !wg_person_detail_get_busy (detail) && wg_person_detail_get_person_id (detail) > 0;
}

static gboolean
detail_idle (gpointer view)
{
  return !wg_person_detail_get_busy (wg_people_view_get_detail (view));
}

/* Helpers */

static WgWindow *
open_records (WgFakePeopleServer *fake,
              int                 width,
              int                 height)
{
  WgWindow *window = wg_display_test_new_window (width, height);
  WgPeopleView *view;

  wg_login_view_sign_in (wg_window_get_login_view (window), fake->url, "street", "wangge2026");
  if (!spin_until (wg_display_test_signed_in, window, "the sign-in and the territory"))
    return window;
  g_assert_true (wg_window_show_page (window, WG_PAGE_RECORDS));
  view = wg_records_page_get_people_view (WG_RECORDS_PAGE (wg_window_get_records_page (window)));
  spin_until (people_loaded, view, "the first page of people");
  return window;
}

static WgPeopleView *
people_view_of (WgWindow *window)
{
  GtkWidget *page = wg_window_get_records_page (window);

  g_assert_nonnull (page);
  return wg_records_page_get_people_view (WG_RECORDS_PAGE (page));
}

/* The Records page at 1280×800 with the person at @position open. */
static WgWindow *
open_person (WgFakePeopleServer  *fake,
             guint                position,
             WgPeopleView       **view,
             WgPersonDetail     **detail)
{
  WgWindow *window = open_records (fake, 1280, 800);

  *view = people_view_of (window);
  *detail = wg_people_view_get_detail (*view);
  wg_people_view_open_position (*view, position);
  spin_until (detail_loaded, *view, "the person");
  return window;
}

static gboolean
skip_without_display (void)
{
  if (!have_display)
    g_test_skip ("needs a display (DISPLAY unset or not usable); tools/test runs this under Xvfb");
  return !have_display;
}

/* Tests */

static void
test_list_and_detail (void)
{
  g_autoptr(WgFakePeopleServer) fake = NULL;
  WgWindow *window;
  WgPeopleView *view;
  WgPeopleModel *model;
  WgPersonDetail *detail;

  if (skip_without_display ())
    return;
  fake = wg_fake_people_server_new (N_PEOPLE);
  window = open_records (fake, 1280, 800);
  view = people_view_of (window);
  model = wg_people_view_get_model (view);

  /* one page of 2,345, and the count */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, WG_PEOPLE_MODEL_PAGE_SIZE);
  g_assert_cmpint (wg_people_model_get_total (model), ==, N_PEOPLE);
  if (wg_display_test_chinese_expected ())
    g_assert_cmpstr (wg_people_view_get_count_text (view), ==, "2,345 人");
  else
    g_assert_cmpstr (wg_people_view_get_count_text (view), ==, "2,345 people");
  save_screenshot (window, "records-people-1280x800.png");

  wg_people_view_open_position (view, 3);
  spin_until (detail_loaded, view, "the person");
  detail = wg_people_view_get_detail (view);
  g_assert_cmpint (wg_person_detail_get_person_id (detail), ==, 4);
  g_assert_true (strstr (wg_person_detail_get_shown_id_number (detail), "********") != NULL);
  save_screenshot (window, "records-person-1280x800.png");
  wg_person_detail_scroll_to_chain (detail);
  save_screenshot (window, "records-person-chain-1280x800.png");

  /* a household member, one click away */
  g_assert_true (wg_person_detail_activate_chain (detail, 5));
  spin_until (detail_loaded, view, "the household member");
  g_assert_cmpint (wg_person_detail_get_person_id (detail), ==, 5);

  /* the grid, on the map */
  g_assert_true (wg_person_detail_activate_chain (detail, 0));
  spin_until (wg_display_test_map_drawn, window, "the map");
  g_assert_cmpint (wg_window_get_visible_page (window), ==, WG_PAGE_MAP);
  /* person 5 lives in the fake's second household, in the third grid */
  g_assert_cmpstr (wg_map_page_get_selected_code (WG_MAP_PAGE (wg_window_get_map_page (window))), ==,
                   "110101001001003");
  save_screenshot (window, "records-grid-on-map-1280x800.png");
  wg_display_test_close_window (window);
}

static void
test_search_and_filter (void)
{
  g_autoptr(WgFakePeopleServer) fake = NULL;
  WgWindow *window;
  WgPeopleView *view;
  WgPeopleModel *model;

  if (skip_without_display ())
    return;
  fake = wg_fake_people_server_new (N_PEOPLE);
  window = open_records (fake, 1280, 800);
  view = people_view_of (window);
  model = wg_people_view_get_model (view);

  g_assert_true (wg_people_view_set_region (view, WG_FAKE_GRID_1));
  wg_people_view_set_search_text (view, "王");
  spin_until (people_loaded, view, "the search");
  g_assert_true (strstr (fake->last_list_query, "region=" WG_FAKE_GRID_1) != NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    {
      g_autoptr(WgPerson) person = g_list_model_get_item (G_LIST_MODEL (model), i);

      g_assert_true (g_str_has_prefix (wg_person_get_name (person), "王"));
      g_assert_cmpstr (wg_person_get_grid_code (person), ==, WG_FAKE_GRID_1);
    }
  save_screenshot (window, "records-search-1280x800.png");

  wg_people_view_set_search_text (view, "");
  g_assert_true (wg_people_view_set_tag (view, "elderly_alone"));
  spin_until (people_loaded, view, "the special group");
  g_assert_true (strstr (fake->last_list_query, "tag=elderly_alone") != NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    {
      g_autoptr(WgPerson) person = g_list_model_get_item (G_LIST_MODEL (model), i);

      g_assert_cmpint (wg_person_get_id (person) % 11, ==, 0);
    }
  save_screenshot (window, "records-special-group-1280x800.png");
  g_assert_true (wg_people_view_set_tag (view, NULL));

  wg_people_view_set_search_text (view, "没有这个人");
  spin_until (people_loaded, view, "the empty search");
  g_assert_cmpint (wg_people_model_get_total (model), ==, 0);
  save_screenshot (window, "records-search-empty-1280x800.png");
  wg_display_test_close_window (window);
}

static void
test_validation_and_conflict (void)
{
  g_autoptr(WgFakePeopleServer) fake = NULL;
  WgWindow *window;
  WgPeopleView *view;
  WgPersonDetail *detail;

  if (skip_without_display ())
    return;
  fake = wg_fake_people_server_new (N_PEOPLE);
  window = open_person (fake, 0, &view, &detail);

  wg_person_detail_set_field_text (detail, "birth_date", "1980/13/01");
  wg_person_detail_set_field_text (detail, "phone", "12345");
  wg_person_detail_set_field_text (detail, "id_number", "110101198001020010");
  wg_person_detail_save (detail);
  g_assert_false (wg_person_detail_get_busy (detail));
  g_assert_nonnull (wg_person_detail_get_field_message (detail, "birth_date"));
  g_assert_nonnull (wg_person_detail_get_field_message (detail, "phone"));
  g_assert_nonnull (wg_person_detail_get_field_message (detail, "id_number"));
  g_assert_null (wg_person_detail_get_field_message (detail, "name"));
  if (wg_display_test_chinese_expected ())
    g_assert_cmpstr (wg_person_detail_get_field_message (detail, "birth_date"), ==,
                     "请按 YYYY-MM-DD 格式填写日期，例如 1980-01-02。");
  save_screenshot (window, "records-person-invalid-1280x800.png");

  /* fixed, but someone else saved in the meantime */
  wg_person_detail_set_field_text (detail, "birth_date", "1941-02-02");
  wg_person_detail_set_field_text (detail, "id_number", "");
  wg_person_detail_set_field_text (detail, "phone", "13900000001");
  g_assert_null (wg_person_detail_get_field_message (detail, "birth_date"));
  wg_fake_people_server_touch (fake, 1);
  wg_person_detail_save (detail);
  spin_until (detail_idle, view, "the save");
  g_assert_cmpstr (fake->last_if_match, ==, "1");
  g_assert_nonnull (wg_person_detail_get_banner_text (detail));
  save_screenshot (window, "records-person-conflict-1280x800.png");

  /* reload, then the same change goes through */
  gtk_widget_activate_action (GTK_WIDGET (detail), "person.reload", NULL);
  spin_until (detail_idle, view, "the reload");
  g_assert_null (wg_person_detail_get_banner_text (detail));
  wg_person_detail_set_field_text (detail, "phone", "13900000001");
  wg_person_detail_save (detail);
  spin_until (detail_idle, view, "the second save");
  g_assert_cmpstr (fake->last_if_match, ==, "2");
  g_assert_null (wg_person_detail_get_banner_text (detail));
  wg_display_test_close_window (window);
}

static void
test_delete (void)
{
  g_autoptr(WgFakePeopleServer) fake = NULL;
  WgWindow *window;
  WgPeopleView *view;
  WgPeopleModel *model;
  WgPersonDetail *detail;
  AdwMessageDialog *dialog;

  if (skip_without_display ())
    return;
  fake = wg_fake_people_server_new (N_PEOPLE);
  window = open_person (fake, 5, &view, &detail);
  model = wg_people_view_get_model (view);

  gtk_widget_activate_action (GTK_WIDGET (detail), "person.delete", NULL);
  g_assert_true (spin_until (wg_display_test_dialog_shown, NULL, "the confirmation"));
  dialog = wg_display_test_find_message_dialog ();
  save_screenshot (dialog, "records-delete-dialog.png");
  /* cancelling deletes nothing */
  adw_message_dialog_response (dialog, "cancel");
  wg_display_test_spin_for (50);
  g_assert_cmpint (wg_person_detail_get_person_id (detail), ==, 6);

  gtk_widget_activate_action (GTK_WIDGET (detail), "person.delete", NULL);
  g_assert_true (spin_until (wg_display_test_dialog_shown, NULL, "the confirmation"));
  adw_message_dialog_response (wg_display_test_find_message_dialog (), "go");
  spin_until (detail_idle, view, "the deletion");
  g_assert_cmpstr (fake->last_if_match, ==, "1");
  g_assert_null (wg_fake_people_server_id_number (fake, 6));
  g_assert_cmpint (wg_people_model_find (model, 6), ==, -1);
  g_assert_cmpint (wg_people_model_get_total (model), ==, N_PEOPLE - 1);
  g_assert_cmpint (wg_person_detail_get_person_id (detail), ==, 0);

  /* someone else deleted the next one: opening it says so, showing nothing stale */
  wg_fake_people_server_remove (fake, 8);
  wg_people_view_open_position (view, wg_people_model_find (model, 8));
  spin_until (detail_idle, view, "the missing person");
  g_assert_cmpint (wg_person_detail_get_person_id (detail), ==, 0);
  save_screenshot (window, "records-person-gone-1280x800.png");
  wg_display_test_close_window (window);
}

static void
test_read_only (void)
{
  g_autoptr(WgFakePeopleServer) fake = NULL;
  WgWindow *window;
  WgPeopleView *view;
  WgPersonDetail *detail;

  if (skip_without_display ())
    return;
  fake = wg_fake_people_server_new (N_PEOPLE);
  /* a district dispatcher reads the records and changes nothing */
  g_free (fake->roles);
  fake->roles = g_strdup ("dispatcher");
  window = open_person (fake, 2, &view, &detail);

  /* neither saving, deleting nor revealing is offered */
  wg_person_detail_set_field_text (detail, "phone", "13900000009");
  wg_person_detail_save (detail);
  g_assert_false (wg_person_detail_get_busy (detail));
  gtk_widget_activate_action (GTK_WIDGET (detail), "person.delete", NULL);
  gtk_widget_activate_action (GTK_WIDGET (detail), "person.reveal", NULL);
  wg_display_test_spin_for (100);
  g_assert_null (wg_display_test_find_message_dialog ());
  g_assert_null (fake->last_if_match);
  save_screenshot (window, "records-read-only-1280x800.png");
  wg_display_test_close_window (window);
}

static gboolean
more_pages (gpointer view)
{
  return g_list_model_get_n_items (G_LIST_MODEL (wg_people_view_get_model (view))) > WG_PEOPLE_MODEL_PAGE_SIZE;
}

static void
test_scroll_loads_pages (void)
{
  g_autoptr(WgFakePeopleServer) fake = NULL;
  WgWindow *window;
  WgPeopleView *view;
  GtkAdjustment *adjustment;

  if (skip_without_display ())
    return;
  fake = wg_fake_people_server_new (N_PEOPLE);
  window = open_records (fake, 1280, 800);
  view = people_view_of (window);
  g_assert_cmpuint (fake->n_list_requests, ==, 1);

  /* scrolled to the bottom of what is loaded: the next page comes */
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (wg_people_view_get_column_view (view)));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  g_assert_true (spin_until (more_pages, view, "the next page"));
  spin_until (people_loaded, view, "the page to arrive");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (wg_people_view_get_model (view))), ==,
                    2 * WG_PEOPLE_MODEL_PAGE_SIZE);
  g_assert_true (strstr (fake->last_list_query, "cursor=100") != NULL);
  save_screenshot (window, "records-people-scrolled-1280x800.png");
  wg_display_test_close_window (window);
}

static void
test_reveal (void)
{
  g_autoptr(WgFakePeopleServer) fake = NULL;
  WgWindow *window;
  WgPeopleView *view;
  WgPersonDetail *detail;
  AdwMessageDialog *dialog;
  GtkEditable *reason;

  if (skip_without_display ())
    return;
  fake = wg_fake_people_server_new (N_PEOPLE);
  window = open_person (fake, 1, &view, &detail);

  gtk_widget_activate_action (GTK_WIDGET (detail), "person.reveal", NULL);
  g_assert_true (spin_until (wg_display_test_dialog_shown, NULL, "the reason dialog"));
  dialog = wg_display_test_find_message_dialog ();
  reason = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  /* too short a reason cannot be sent */
  gtk_editable_set_text (reason, "看看");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "go"));
  gtk_editable_set_text (reason, "入户核实身份");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "go"));
  save_screenshot (dialog, "records-reveal-dialog.png");
  adw_message_dialog_response (dialog, "go");
  spin_until (detail_idle, view, "the reveal");
  g_assert_cmpstr (fake->last_reason, ==, "入户核实身份");
  g_assert_cmpstr (wg_person_detail_get_shown_id_number (detail), ==,
                   wg_fake_people_server_id_number (fake, 2));
  wg_person_detail_scroll_to_chain (detail);
  save_screenshot (window, "records-person-revealed-1280x800.png");
  wg_display_test_close_window (window);
}

static void
test_narrow (void)
{
  g_autoptr(WgFakePeopleServer) fake = NULL;
  WgWindow *window;
  WgPeopleView *view;
  AdwLeaflet *leaflet;

  if (skip_without_display ())
    return;
  fake = wg_fake_people_server_new (N_PEOPLE);
  window = open_records (fake, 560, 800);
  view = people_view_of (window);
  save_screenshot (window, "records-people-560x800.png");

  leaflet = ADW_LEAFLET (gtk_widget_get_first_child (GTK_WIDGET (view)));
  g_assert_true (adw_leaflet_get_folded (leaflet));
  wg_people_view_open_position (view, 3);
  spin_until (detail_loaded, view, "the person");
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == GTK_WIDGET (wg_people_view_get_detail (view)));
  save_screenshot (window, "records-person-560x800.png");
  wg_person_detail_scroll_to_chain (wg_people_view_get_detail (view));
  save_screenshot (window, "records-person-chain-560x800.png");
  wg_display_test_close_window (window);
}

static void
test_new_person (void)
{
  g_autoptr(WgFakePeopleServer) fake = NULL;
  WgWindow *window;
  WgPeopleView *view;
  WgPersonDetail *detail;
  char first17[] = "11010119900506001";
  g_autofree char *number = g_strdup_printf ("%s%c", first17, wg_id_number_check_char (first17));

  if (skip_without_display ())
    return;
  fake = wg_fake_people_server_new (30);
  window = open_records (fake, 1280, 800);
  view = people_view_of (window);
  detail = wg_people_view_get_detail (view);
  g_assert_true (wg_people_view_set_region (view, WG_FAKE_GRID_1));
  spin_until (people_loaded, view, "the grid's people");

  gtk_widget_activate_action (GTK_WIDGET (view), "people.new", NULL);
  wg_person_detail_set_field_text (detail, "name", "赵新");
  wg_person_detail_save (detail);
  /* no birth date, no ID number: nothing sent */
  g_assert_cmpuint (fake->n_creates, ==, 0);
  g_assert_nonnull (wg_person_detail_get_field_message (detail, "birth_date"));
  g_assert_nonnull (wg_person_detail_get_field_message (detail, "id_number"));
  save_screenshot (window, "records-new-person-1280x800.png");

  wg_person_detail_set_field_text (detail, "birth_date", "1990-05-06");
  wg_person_detail_set_field_text (detail, "sex", "male");
  wg_person_detail_set_field_text (detail, "id_number", number);
  wg_person_detail_save (detail);
  spin_until (detail_loaded, view, "the new person");
  g_assert_cmpuint (fake->n_creates, ==, 1);
  g_assert_cmpint (wg_person_detail_get_person_id (detail), ==, 31);
  spin_until (people_loaded, view, "the list again");
  g_assert_cmpint (wg_people_model_get_total (wg_people_view_get_model (view)), >, 0);
  wg_display_test_close_window (window);
}


/* Against the real server (tests/wg-test-harness.h): the template has no
 * people, so the test creates them through the API first. */

typedef struct {
  GAsyncResult *result;
} Waiter;

static void
waiter_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Waiter *waiter = user_data;

  waiter->result = g_object_ref (result);
}

static gboolean
waiter_done (gpointer data)
{
  return ((Waiter *) data)->result != NULL;
}

static WgPerson *
real_create (WgApiClient *client,
             const char  *name,
             const char  *first17,
             const char  *sex,
             const char  *birth_date,
             const char  *grid,
             const char  *key)
{
  g_autofree char *number = g_strdup_printf ("%s%c", first17, wg_id_number_check_char (first17));
  WgPersonDraft draft = {
    .name = name, .sex = sex, .birth_date = birth_date, .phone = "13700001111",
    .id_number = number, .residence_status = "registered", .grid = grid,
  };
  g_autoptr(JsonNode) body = wg_person_draft_to_json (&draft, NULL);
  g_autoptr(GError) error = NULL;
  Waiter waiter = { NULL };
  WgPerson *person;

  wg_api_client_create_person_async (client, body, key, NULL, waiter_cb, &waiter);
  spin_until (waiter_done, &waiter, "a person to be created");
  person = wg_api_client_create_person_finish (client, waiter.result, &error);
  g_assert_no_error (error);
  g_clear_object (&waiter.result);
  return person;
}

static const char *
first_grid (GListModel *regions)
{
  for (guint i = 0; i < g_list_model_get_n_items (regions); i++)
    {
      g_autoptr(WgRegion) region = g_list_model_get_item (regions, i);

      if (wg_region_get_level (region) == WG_REGION_LEVEL_GRID)
        return g_intern_string (wg_region_get_code (region));
    }
  return NULL;
}

static gboolean
real_sign_in (WgWindow   *window,
              const char *username)
{
  wg_login_view_sign_in (wg_window_get_login_view (window), wg_test_server_get_url (server),
                         username, "wangge2026");
  return spin_until (wg_display_test_signed_in, window, "the sign-in and the territory");
}

static void
test_real_server (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WgPerson) first = NULL;
  g_autoptr(WgPerson) second = NULL;
  g_autoptr(WgPerson) again = NULL;
  g_autofree char *key = g_uuid_string_random ();
  WgWindow *window;
  WgApiClient *client;
  WgPeopleView *view;
  WgPersonDetail *detail;
  const char *grid;

  if (skip_without_display () || !wg_test_harness_available ())
    return;
  server = wg_test_server_start ("wangge_records_display", &error);
  g_assert_no_error (error);
  if (server == NULL)
    return;

  window = wg_display_test_new_window (1280, 800);
  if (!real_sign_in (window, "community"))
    {
      wg_display_test_close_window (window);
      return;
    }
  client = wg_window_get_client (window);
  grid = first_grid (wg_window_get_regions (window));
  g_assert_nonnull (grid);
  first = real_create (client, "欧阳明远", "11010119850304001", "male", "1985-03-04", grid, key);
  second = real_create (client, "司马秀兰", "11010119900708002", "female", "1990-07-08", grid, NULL);
  /* the same submission again: the first answer, not a second person */
  again = real_create (client, "欧阳明远", "11010119850304001", "male", "1985-03-04", grid, key);
  g_assert_cmpint (wg_person_get_id (again), ==, wg_person_get_id (first));

  g_assert_true (wg_window_show_page (window, WG_PAGE_RECORDS));
  view = people_view_of (window);
  detail = wg_people_view_get_detail (view);
  wg_people_model_reload (wg_people_view_get_model (view));
  spin_until (people_loaded, view, "the people of the real server");
  g_assert_cmpint (wg_people_model_get_total (wg_people_view_get_model (view)), >=, 2);

  /* a two-character search goes through the bigram index */
  wg_people_view_set_search_text (view, "秀兰");
  spin_until (people_loaded, view, "the search");
  g_assert_cmpint (wg_people_model_get_total (wg_people_view_get_model (view)), ==, 1);
  wg_people_view_set_search_text (view, "");
  spin_until (people_loaded, view, "the whole list");
  save_screenshot (window, "records-real-people-1280x800.png");

  wg_people_view_open_position (view, wg_people_model_find (wg_people_view_get_model (view),
                                                             wg_person_get_id (first)));
  spin_until (detail_loaded, view, "the person from the real server");
  g_assert_cmpint (wg_person_detail_get_person_id (detail), ==, wg_person_get_id (first));
  g_assert_cmpstr (wg_person_detail_get_shown_id_number (detail), ==, wg_person_get_id_number (first));

  /* a community worker may reveal; the number comes back in full */
  wg_person_detail_reveal (detail, "入户走访核实身份");
  spin_until (detail_idle, view, "the reveal");
  g_assert_null (wg_person_detail_get_banner_text (detail));
  g_assert_cmpuint (strlen (wg_person_detail_get_shown_id_number (detail)), ==, 18);
  g_assert_null (strchr (wg_person_detail_get_shown_id_number (detail), '*'));
  save_screenshot (window, "records-real-person-1280x800.png");

  /* an edit with If-Match goes through; the server's field error lands on its field */
  wg_person_detail_set_field_text (detail, "phone", "13700002222");
  wg_person_detail_save (detail);
  spin_until (detail_idle, view, "the save");
  g_assert_null (wg_person_detail_get_banner_text (detail));
  wg_person_detail_set_field_text (detail, "grid", "110101999999999");
  wg_person_detail_save (detail);
  spin_until (detail_idle, view, "the refused save");
  g_assert_nonnull (wg_person_detail_get_field_message (detail, "grid"));
  wg_person_detail_scroll_to_chain (detail);
  save_screenshot (window, "records-real-person-chain-1280x800.png");
  wg_display_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  have_display = wg_display_test_init (&argc, &argv, "wangge-records-XXXXXX");

  g_test_add_func ("/records-display/list-and-detail", test_list_and_detail);
  g_test_add_func ("/records-display/search-and-filter", test_search_and_filter);
  g_test_add_func ("/records-display/validation-and-conflict", test_validation_and_conflict);
  g_test_add_func ("/records-display/reveal", test_reveal);
  g_test_add_func ("/records-display/delete", test_delete);
  g_test_add_func ("/records-display/read-only", test_read_only);
  g_test_add_func ("/records-display/scroll-loads-pages", test_scroll_loads_pages);
  g_test_add_func ("/records-display/narrow", test_narrow);
  g_test_add_func ("/records-display/new-person", test_new_person);
  g_test_add_func ("/records-display/real-server", test_real_server);
  status = g_test_run ();
  g_clear_pointer (&server, wg_test_server_stop);
  return status;
}
