/* The records of every kind but people and the diary, under a display
 * (Xvfb in tools/test), against the real server (tests/wg-test-harness.h)
 * on a database seeded at demo scale (wangge-admin seed): each sub-page
 * lists its rows, searches and filters, a house shows its households and
 * residents, a household its members and house, links open the linked
 * record, a bad field is marked, a save goes through with If-Match and a
 * stale one offers to reload, a new record is created and deleted, and
 * the page fits 560 pixels.  Screenshots go to
 * <build>/tests/display/screenshots/records-kinds-*.png; look at them. */
#define G_LOG_DOMAIN "test-records-kinds-display"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <adwaita.h>

#include "wg-api-client-records.h"
#include "wg-display-test-util.h"
#include "wg-import-dialog.h"
#include "wg-people-view.h"
#include "wg-record-rules.h"
#include "wg-records-page.h"
#include "wg-region.h"
#include "wg-test-harness.h"
#include "wg-window.h"

#define TIMEOUT_SECONDS 30
#define SETTLE_MS 500

static gboolean have_display;
static WgTestServer *server;
static gboolean seeded;

/* The sub-pages of this file, in the page's order. */
static const char * const kinds[] = {
  "households", "houses", "land-parcels", "components", "organizations", "underground-spaces", "grid-staff", NULL
};

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
list_loaded (gpointer view)
{
  WgPagedModel *model = WG_PAGED_MODEL (wg_record_list_view_get_model (view));

  return !wg_paged_model_get_loading (model) && wg_paged_model_get_total (model) >= 0;
}

static gboolean
detail_loaded (gpointer view)
{
  WgRecordDetail *detail = wg_record_list_view_get_detail (view);

  return !wg_record_detail_get_busy (detail) && wg_record_detail_get_record_id (detail) > 0;
}

static gboolean
detail_idle (gpointer view)
{
  return !wg_record_detail_get_busy (wg_record_list_view_get_detail (view));
}

static gboolean
person_loaded (gpointer view)
{
  WgPersonDetail *detail = wg_people_view_get_detail (view);

  return !wg_person_detail_get_busy (detail) && wg_person_detail_get_person_id (detail) > 0;
}

/* Helpers */

static void
waiter_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static gboolean
waiter_done (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

static gboolean
skip_without_server (void)
{
  if (!have_display)
    {
      g_test_skip ("needs a display (DISPLAY unset or not usable); tools/test runs this under Xvfb");
      return TRUE;
    }
  return !wg_test_harness_available ();
}

/* The seeded district (about 30,000 people; a few seconds), once. */
static void
seed_database (void)
{
  const char *admin = g_getenv ("WG_ADMIN_BIN");
  const char *key_file = g_getenv ("WG_TEST_KEY_FILE");
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  int status = 0;

  g_assert_nonnull (admin);
  g_assert_nonnull (key_file);
  {
    const char *argv[] = {
      admin, "--conninfo", wg_test_server_get_admin_conninfo (server), "seed", "--scale", "demo",
      "--key-file", key_file, NULL,
    };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &output, NULL, &status, &error);
  }
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  seeded = TRUE;
}

static gboolean
start_server (void)
{
  g_autoptr(GError) error = NULL;

  if (server != NULL)
    return TRUE;
  server = wg_test_server_start ("wangge_records_kinds_display", &error);
  g_assert_no_error (error);
  if (server == NULL)
    return FALSE;
  seed_database ();
  return seeded;
}

static WgRecordsPage *
records_page_of (WgWindow *window)
{
  return WG_RECORDS_PAGE (wg_window_get_records_page (window));
}

/* Signs in as the community worker (多福巷社区, who may write records)
 * and opens the Records page. */
static WgWindow *
open_records (int width,
              int height)
{
  WgWindow *window = wg_display_test_new_window (width, height);

  wg_login_view_sign_in (wg_window_get_login_view (window), wg_test_server_get_url (server),
                         "community", "wangge2026");
  if (!spin_until (wg_display_test_signed_in, window, "the sign-in and the territory"))
    return window;
  g_assert_true (wg_window_show_page (window, WG_PAGE_RECORDS));
  return window;
}

/* Shows @kind's sub-page and waits for its first page. */
static WgRecordListView *
show_kind (WgWindow   *window,
           const char *kind)
{
  WgRecordListView *view = wg_records_page_get_list_view (records_page_of (window), kind);

  g_assert_nonnull (view);
  g_assert_true (wg_records_page_show_kind (records_page_of (window), kind));
  spin_until (list_loaded, view, kind);
  return view;
}

static WgRecordItem *
item_at (WgRecordListView *view,
         guint             position)
{
  return g_list_model_get_item (G_LIST_MODEL (wg_record_list_view_get_model (view)), position);
}

static void
open_position (WgRecordListView *view,
               guint             position)
{
  wg_record_list_view_open_position (view, position);
  spin_until (detail_loaded, view, "the record");
}

static JsonArray *
chain_array (WgRecordListView *view,
             const char       *member)
{
  JsonObject *chain = wg_record_detail_get_chain (wg_record_list_view_get_detail (view));

  g_assert_nonnull (chain);
  return json_object_get_array_member (chain, member);
}

/* The first row whose chain has a non-empty @member array. */
static void
open_with_chain (WgRecordListView *view,
                 const char       *member)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (wg_record_list_view_get_model (view)));

  for (guint i = 0; i < MIN (n, 40); i++)
    {
      open_position (view, i);
      if (json_array_get_length (chain_array (view, member)) > 0)
        return;
    }
  g_assert_not_reached ();
}

/* Tests */

/* Every sub-page lists rows of the seeded community, with the count. */
static void
test_lists (void)
{
  WgWindow *window;

  if (skip_without_server () || !start_server ())
    return;
  window = open_records (1280, 800);
  /* a sub-page asks the server when it is first shown, not before */
  {
    WgPagedModel *model = WG_PAGED_MODEL (wg_record_list_view_get_model (
                            wg_records_page_get_list_view (records_page_of (window), "grid-staff")));

    wg_display_test_spin_for (SETTLE_MS);
    g_assert_false (wg_paged_model_get_loading (model));
    g_assert_cmpint (wg_paged_model_get_total (model), ==, -1);
  }
  for (guint i = 0; kinds[i] != NULL; i++)
    {
      WgRecordListView *view = show_kind (window, kinds[i]);
      WgPagedModel *model = WG_PAGED_MODEL (wg_record_list_view_get_model (view));
      g_autofree char *name = g_strdup_printf ("records-kinds-%s-1280x800.png", kinds[i]);

      g_assert_null (wg_paged_model_get_error (model));
      g_assert_cmpint (wg_paged_model_get_total (model), >, 0);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), >, 0);
      g_assert_cmpstr (wg_record_list_view_get_count_text (view), !=, "");
      g_assert_cmpstr (wg_records_page_get_visible_kind (records_page_of (window)), ==, kinds[i]);
      save_screenshot (window, name);
      /* the first record of each kind, in its form */
      {
        g_autofree char *detail_name = g_strdup_printf ("records-kinds-%s-detail-1280x800.png", kinds[i]);

        open_position (view, 0);
        g_assert_null (wg_record_detail_get_banner_text (wg_record_list_view_get_detail (view)));
        save_screenshot (window, detail_name);
      }
    }
  wg_display_test_close_window (window);
}

/* The search of houses (address bigrams) and organizations (name), and
 * a choice filter of components. */
static void
test_search_and_filter (void)
{
  WgWindow *window;
  WgRecordListView *view;
  g_autoptr(WgRecordItem) first = NULL;
  g_autofree char *address = NULL;
  g_autofree char *fragment = NULL;
  gint64 all;

  if (skip_without_server () || !start_server ())
    return;
  window = open_records (1280, 800);
  view = show_kind (window, "houses");
  all = wg_paged_model_get_total (WG_PAGED_MODEL (wg_record_list_view_get_model (view)));
  first = item_at (view, 0);
  address = g_strdup (json_node_get_string (wg_record_item_get_value (first, "address")));
  /* the last four characters of the first address: its number, more or less */
  fragment = g_utf8_substring (address, MAX (0, g_utf8_strlen (address, -1) - 4), g_utf8_strlen (address, -1));
  wg_record_list_view_set_search_text (view, fragment);
  spin_until (list_loaded, view, "the address search");
  g_assert_cmpint (wg_paged_model_get_total (WG_PAGED_MODEL (wg_record_list_view_get_model (view))), >=, 1);
  g_assert_cmpint (wg_paged_model_get_total (WG_PAGED_MODEL (wg_record_list_view_get_model (view))), <, all);
  save_screenshot (window, "records-kinds-houses-search-1280x800.png");
  wg_record_list_view_set_search_text (view, "没有这个地址的房屋");
  spin_until (list_loaded, view, "an empty search");
  g_assert_cmpint (wg_paged_model_get_total (WG_PAGED_MODEL (wg_record_list_view_get_model (view))), ==, 0);
  save_screenshot (window, "records-kinds-houses-empty-1280x800.png");
  wg_record_list_view_set_search_text (view, "");

  view = show_kind (window, "components");
  g_assert_true (wg_record_list_view_set_filter (view, "state", "damaged"));
  spin_until (list_loaded, view, "the damaged components");
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (wg_record_list_view_get_model (view))); i++)
    {
      g_autoptr(WgRecordItem) item = item_at (view, i);

      g_assert_cmpstr (json_node_get_string (wg_record_item_get_value (item, "state")), ==, "damaged");
    }
  g_assert_true (wg_record_list_view_set_filter (view, "state", NULL));
  g_assert_false (wg_record_list_view_set_filter (view, "state", "on-fire"));
  wg_display_test_close_window (window);
}

/* A house's households and residents, one click to a person; a
 * household's members and house, one click to the house. */
static void
test_chains (void)
{
  WgWindow *window;
  WgRecordListView *view;
  WgRecordDetail *detail;
  WgPeopleView *people;
  JsonObject *member;
  JsonObject *house;
  gint64 person_id;
  gint64 house_id;

  if (skip_without_server () || !start_server ())
    return;
  window = open_records (1280, 800);
  view = show_kind (window, "houses");
  detail = wg_record_list_view_get_detail (view);
  open_with_chain (view, "households");
  save_screenshot (window, "records-kinds-house-1280x800.png");
  wg_record_detail_scroll_to_links (detail);
  save_screenshot (window, "records-kinds-house-chain-1280x800.png");
  member = json_array_get_object_element (json_object_get_array_member (
             json_array_get_object_element (chain_array (view, "households"), 0), "members"), 0);
  person_id = json_object_get_int_member (member, "id");
  g_assert_true (wg_record_detail_activate_link (detail, "people", person_id));
  g_assert_cmpstr (wg_records_page_get_visible_kind (records_page_of (window)), ==, "people");
  people = wg_records_page_get_people_view (records_page_of (window));
  spin_until (person_loaded, people, "the house's person");
  g_assert_cmpint (wg_person_detail_get_person_id (wg_people_view_get_detail (people)), ==, person_id);

  view = show_kind (window, "households");
  detail = wg_record_list_view_get_detail (view);
  open_with_chain (view, "members");
  save_screenshot (window, "records-kinds-household-1280x800.png");
  wg_record_detail_scroll_to_links (detail);
  save_screenshot (window, "records-kinds-household-chain-1280x800.png");
  house = json_object_get_object_member (wg_record_detail_get_chain (detail), "house");
  g_assert_nonnull (house);
  house_id = json_object_get_int_member (house, "id");
  g_assert_true (wg_record_detail_activate_link (detail, "houses", house_id));
  g_assert_cmpstr (wg_records_page_get_visible_kind (records_page_of (window)), ==, "houses");
  view = wg_records_page_get_list_view (records_page_of (window), "houses");
  spin_until (detail_loaded, view, "the household's house");
  g_assert_cmpint (wg_record_detail_get_record_id (wg_record_list_view_get_detail (view)), ==, house_id);
  /* and the grid goes to the map */
  g_assert_true (wg_record_detail_activate_link (wg_record_list_view_get_detail (view), "grid", 0));
  wg_display_test_close_window (window);
}

static gboolean
field_has_message (gpointer detail)
{
  return wg_record_detail_get_field_message (detail, "floor_area") != NULL;
}

static gint64
member_other_than_head (JsonArray  *members,
                        const char *id_member,
                        char      **relation)
{
  for (guint i = 0; i < json_array_get_length (members); i++)
    {
      JsonObject *member = json_array_get_object_element (members, i);

      if (g_strcmp0 (json_object_get_string_member_with_default (member, "relation", NULL), "head") != 0)
        {
          *relation = g_strdup (json_object_get_string_member_with_default (member, "relation", "other"));
          return json_object_get_int_member (member, id_member);
        }
    }
  return 0;
}

static gboolean
array_has_id (JsonArray  *array,
              const char *member,
              gint64      id)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    if (json_object_get_int_member (json_array_get_object_element (array, i), member) == id)
      return TRUE;
  return FALSE;
}

/* A household's member leaves and comes back; a house's resident too. */
static void
test_members_and_residents (void)
{
  WgWindow *window;
  WgRecordListView *view;
  WgRecordDetail *detail;
  g_autofree char *relation = NULL;
  g_autofree char *kind = NULL;
  gint64 person_id;
  gint64 residence_id;
  guint before;

  if (skip_without_server () || !start_server ())
    return;
  window = open_records (1280, 800);
  view = show_kind (window, "households");
  detail = wg_record_list_view_get_detail (view);
  open_with_chain (view, "members");
  for (guint i = 1; (person_id = member_other_than_head (chain_array (view, "members"), "id", &relation)) == 0; i++)
    open_position (view, i);
  before = json_array_get_length (chain_array (view, "members"));
  wg_record_detail_remove_link (detail, person_id);
  spin_until (detail_idle, view, "the member's removal");
  g_assert_null (wg_record_detail_get_banner_text (detail));
  g_assert_cmpuint (json_array_get_length (chain_array (view, "members")), ==, before - 1);
  g_assert_false (array_has_id (chain_array (view, "members"), "id", person_id));
  wg_record_detail_add_link (detail, person_id, relation, NULL);
  spin_until (detail_idle, view, "the member's return");
  g_assert_null (wg_record_detail_get_banner_text (detail));
  g_assert_true (array_has_id (chain_array (view, "members"), "id", person_id));
  /* the dialog that asks for the person finds them by name */
  {
    GtkWidget *dialog = wg_record_detail_ask_link (detail);
    GtkWidget *search = gtk_widget_get_first_child (adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog)));
    g_autofree char *surname = g_utf8_substring (json_object_get_string_member (
                                 json_array_get_object_element (chain_array (view, "members"), 0), "name"), 0, 1);

    g_assert_true (GTK_IS_SEARCH_ENTRY (search));
    gtk_editable_set_text (GTK_EDITABLE (search), surname);
    wg_display_test_spin_for (1500);
    save_screenshot (dialog, "records-kinds-add-member-dialog.png");
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
    wg_display_test_spin_for (100);
  }
  /* a second head is refused, and said so */
  wg_record_detail_add_link (detail, person_id, "head", NULL);
  spin_until (detail_idle, view, "a refused member");
  g_assert_nonnull (wg_record_detail_get_banner_text (detail));

  view = show_kind (window, "houses");
  detail = wg_record_list_view_get_detail (view);
  open_with_chain (view, "residents");
  residence_id = json_object_get_int_member (json_array_get_object_element (chain_array (view, "residents"), 0), "id");
  person_id = json_object_get_int_member (json_array_get_object_element (chain_array (view, "residents"), 0),
                                          "person_id");
  kind = g_strdup (json_object_get_string_member (json_array_get_object_element (chain_array (view, "residents"), 0),
                                                  "kind"));
  wg_record_detail_remove_link (detail, residence_id);
  spin_until (detail_idle, view, "the resident's removal");
  g_assert_null (wg_record_detail_get_banner_text (detail));
  g_assert_false (array_has_id (chain_array (view, "residents"), "id", residence_id));
  wg_record_detail_add_link (detail, person_id, kind, "2020-01-01");
  spin_until (detail_idle, view, "the resident's return");
  g_assert_null (wg_record_detail_get_banner_text (detail));
  g_assert_true (array_has_id (chain_array (view, "residents"), "person_id", person_id));
  wg_display_test_close_window (window);
}

/* A bad field is marked as typed; a save goes through with If-Match; a
 * stale one offers to reload. */
static void
test_validation_and_save (void)
{
  WgWindow *window;
  WgRecordListView *view;
  WgRecordDetail *detail;
  g_autoptr(JsonObject) body = json_object_new ();
  WgApiClient *client;
  gint64 version;
  GAsyncResult *result = NULL;

  if (skip_without_server () || !start_server ())
    return;
  window = open_records (1280, 800);
  client = wg_window_get_client (window);
  view = show_kind (window, "houses");
  detail = wg_record_list_view_get_detail (view);
  open_position (view, 0);

  wg_record_detail_set_field_text (detail, "floor_area", "很大");
  g_assert_true (field_has_message (detail));
  wg_record_detail_set_field_text (detail, "floor_area", "85.123");
  g_assert_true (field_has_message (detail));
  wg_record_detail_set_field_text (detail, "address", "");
  g_assert_nonnull (wg_record_detail_get_field_message (detail, "address"));
  save_screenshot (window, "records-kinds-house-invalid-1280x800.png");
  wg_record_detail_save (detail);
  g_assert_false (wg_record_detail_get_busy (detail));
  g_assert_nonnull (wg_record_detail_get_banner_text (detail));

  wg_record_list_view_open_position (view, 1);
  spin_until (detail_loaded, view, "another house");
  open_position (view, 0);
  version = wg_record_item_get_version (wg_record_detail_get_item (detail));
  wg_record_detail_set_field_text (detail, "room", "901");
  wg_record_detail_set_field_text (detail, "floor_area", "85.5");
  g_assert_null (wg_record_detail_get_field_message (detail, "floor_area"));
  wg_record_detail_save (detail);
  spin_until (detail_idle, view, "the save");
  g_assert_null (wg_record_detail_get_banner_text (detail));
  g_assert_cmpint (wg_record_item_get_version (wg_record_detail_get_item (detail)), ==, version + 1);
  g_assert_cmpstr (json_node_get_string (wg_record_item_get_value (wg_record_detail_get_item (detail), "room")),
                   ==, "901");

  /* someone else saves meanwhile */
  json_object_set_string_member (body, "room", "902");
  wg_api_client_update_record_async (client, "houses", wg_record_detail_get_record_id (detail), version + 1, body,
                                     NULL, waiter_cb, &result);
  spin_until (waiter_done, &result, "the other save");
  g_object_unref (result);
  wg_record_detail_set_field_text (detail, "room", "903");
  wg_record_detail_save (detail);
  spin_until (detail_idle, view, "the stale save");
  g_assert_nonnull (wg_record_detail_get_banner_text (detail));
  save_screenshot (window, "records-kinds-house-conflict-1280x800.png");
  /* the reload shows the other version and the message goes */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (detail), "record.reload", NULL));
  spin_until (detail_idle, view, "the reload");
  g_assert_null (wg_record_detail_get_banner_text (detail));
  g_assert_cmpstr (json_node_get_string (wg_record_item_get_value (wg_record_detail_get_item (detail), "room")),
                   ==, "902");
  g_assert_cmpint (wg_record_item_get_version (wg_record_detail_get_item (detail)), ==, version + 2);
  wg_display_test_close_window (window);
}

static gboolean
detail_cleared (gpointer view)
{
  WgRecordDetail *detail = wg_record_list_view_get_detail (view);

  return !wg_record_detail_get_busy (detail) && wg_record_detail_get_item (detail) == NULL;
}

/* A new component, with an Idempotency-Key, in the grid of its point;
 * then deleted after the confirmation. */
static void
test_create_and_delete (void)
{
  WgWindow *window;
  WgRecordListView *view;
  WgRecordDetail *detail;
  AdwMessageDialog *dialog;
  g_autoptr(WgRecordItem) first = NULL;
  g_autofree char *point = NULL;
  gint64 id;

  if (skip_without_server () || !start_server ())
    return;
  window = open_records (1280, 800);
  view = show_kind (window, "components");
  detail = wg_record_list_view_get_detail (view);
  /* the point of a component of the community: inside one of its grids */
  first = item_at (view, 0);
  point = wg_record_format_value (wg_record_kind_field (wg_record_kind_lookup ("components"), "point"),
                                  wg_record_item_get_value (first, "point"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "list.new", NULL));
  g_assert_cmpint (wg_record_detail_get_record_id (detail), ==, 0);
  wg_record_detail_save (detail);
  g_assert_nonnull (wg_record_detail_get_field_message (detail, "name"));
  wg_record_detail_set_field_text (detail, "name", "测试井盖");
  wg_record_detail_set_field_text (detail, "class_code", "0101");
  wg_record_detail_set_field_text (detail, "state", "normal");
  wg_record_detail_set_field_text (detail, "owner_unit", "区城市管理委员会");
  wg_record_detail_set_field_text (detail, "point", point);
  save_screenshot (window, "records-kinds-new-component-1280x800.png");
  wg_record_detail_save (detail);
  spin_until (detail_loaded, view, "the new component");
  g_assert_null (wg_record_detail_get_banner_text (detail));
  id = wg_record_detail_get_record_id (detail);
  g_assert_cmpint (id, >, 0);
  g_assert_nonnull (wg_record_item_get_grid_code (wg_record_detail_get_item (detail)));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (detail), "record.delete", NULL));
  spin_until (wg_display_test_dialog_shown, NULL, "the confirmation");
  dialog = wg_display_test_find_message_dialog ();
  save_screenshot (dialog, "records-kinds-delete-dialog.png");
  adw_message_dialog_response (dialog, "go");
  spin_until (detail_cleared, view, "the deletion");
  g_assert_null (wg_record_detail_get_banner_text (detail));
  wg_display_test_close_window (window);
}

static GtkWindow *
find_import_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (WG_IS_IMPORT_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

static gboolean
import_dialog_shown (gpointer data)
{
  return find_import_dialog () != NULL;
}

static GtkWindow *
find_file_chooser (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

static gboolean
file_chooser_shown (gpointer data)
{
  return find_file_chooser () != NULL;
}

/* The page's menu imports into the sub-page shown and exports its list; a
 * reader may not import. */
static void
test_import_menu (void)
{
  WgWindow *window;
  WgRecordListView *view;
  GtkWindow *dialog;
  gint64 version;

  if (skip_without_server () || !start_server ())
    return;
  window = open_records (1280, 800);
  show_kind (window, "organizations");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (records_page_of (window)), "records.import", NULL));
  spin_until (import_dialog_shown, NULL, "the import dialog");
  dialog = find_import_dialog ();
  g_assert_cmpstr (gtk_window_get_title (dialog), !=, "");
  save_screenshot (dialog, "records-kinds-import-dialog.png");
  gtk_window_destroy (dialog);
  /* the export asks where to save the file */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (records_page_of (window)), "records.export", NULL));
  spin_until (file_chooser_shown, NULL, "the file chooser");
  gtk_window_close (find_file_chooser ());
  wg_display_test_close_window (window);

  /* the dispatcher reads the records but writes none */
  window = wg_display_test_new_window (1280, 800);
  wg_login_view_sign_in (wg_window_get_login_view (window), wg_test_server_get_url (server),
                         "dispatcher", "wangge2026");
  spin_until (wg_display_test_signed_in, window, "the dispatcher's sign-in");
  g_assert_true (wg_window_show_page (window, WG_PAGE_RECORDS));
  view = show_kind (window, "organizations");
  gtk_widget_activate_action (GTK_WIDGET (records_page_of (window)), "records.import", NULL);
  wg_display_test_spin_for (SETTLE_MS);
  g_assert_null (find_import_dialog ());
  /* nor save a record */
  open_position (view, 0);
  version = wg_record_item_get_version (wg_record_detail_get_item (wg_record_list_view_get_detail (view)));
  wg_record_detail_set_field_text (wg_record_list_view_get_detail (view), "contact_name", "王五");
  wg_record_detail_save (wg_record_list_view_get_detail (view));
  g_assert_false (wg_record_detail_get_busy (wg_record_list_view_get_detail (view)));
  g_assert_cmpint (wg_record_item_get_version (wg_record_detail_get_item (wg_record_list_view_get_detail (view))),
                   ==, version);
  save_screenshot (window, "records-kinds-read-only-1280x800.png");
  wg_display_test_close_window (window);
}

/* 560 pixels wide: the switcher becomes a drop-down, nothing is clipped,
 * the list and the detail come one at a time. */
static void
test_narrow (void)
{
  WgWindow *window;
  WgRecordsPage *page;
  int minimum = 0;

  if (skip_without_server () || !start_server ())
    return;
  window = open_records (560, 800);
  page = records_page_of (window);
  gtk_widget_measure (GTK_WIDGET (page), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 560 - 200);
  save_screenshot (window, "records-kinds-people-560x800.png");
  for (guint i = 0; kinds[i] != NULL; i++)
    {
      WgRecordListView *view = show_kind (window, kinds[i]);
      g_autofree char *name = g_strdup_printf ("records-kinds-%s-560x800.png", kinds[i]);

      g_assert_cmpint (wg_paged_model_get_total (WG_PAGED_MODEL (wg_record_list_view_get_model (view))), >, 0);
      g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (view)), <=, 560);
      save_screenshot (window, name);
      if (g_str_equal (kinds[i], "houses") || g_str_equal (kinds[i], "households"))
        {
          g_autofree char *detail_name = g_strdup_printf ("records-kinds-%s-detail-560x800.png", kinds[i]);
          g_autofree char *chain_name = g_strdup_printf ("records-kinds-%s-chain-560x800.png", kinds[i]);

          open_with_chain (view, g_str_equal (kinds[i], "houses") ? "households" : "members");
          save_screenshot (window, detail_name);
          wg_record_detail_scroll_to_links (wg_record_list_view_get_detail (view));
          save_screenshot (window, chain_name);
          gtk_widget_activate_action (GTK_WIDGET (wg_record_list_view_get_detail (view)), "record.reload", NULL);
        }
    }
  wg_display_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  have_display = wg_display_test_init (&argc, &argv, "wangge-records-kinds-XXXXXX");
  /* screenshots show the pages, not a crossfade that froze half-way */
  if (have_display)
    g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add_func ("/records-kinds-display/lists", test_lists);
  g_test_add_func ("/records-kinds-display/search-and-filter", test_search_and_filter);
  g_test_add_func ("/records-kinds-display/chains", test_chains);
  g_test_add_func ("/records-kinds-display/members-and-residents", test_members_and_residents);
  g_test_add_func ("/records-kinds-display/validation-and-save", test_validation_and_save);
  g_test_add_func ("/records-kinds-display/create-and-delete", test_create_and_delete);
  g_test_add_func ("/records-kinds-display/import-menu", test_import_menu);
  g_test_add_func ("/records-kinds-display/narrow", test_narrow);
  status = g_test_run ();
  g_clear_pointer (&server, wg_test_server_stop);
  return status;
}
