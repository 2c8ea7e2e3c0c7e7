/* The Diary page (民情日志): its rules without a display, then the real
 * client under Xvfb (tools/test) against a real server (the harness):
 * the demo grid user writes an entry (checked through the API), finds it
 * in the list, flags it for follow-up, meets a validation message and a
 * stale version; another user reads it but cannot change it; the narrow
 * layout.  Screenshots go to <build>/tests/display/screenshots/diary-*.png;
 * look at them. */
#define G_LOG_DOMAIN "test-diary-display"

#include "config.h"

#include <string.h>
#include <adwaita.h>

#include "wg-api-client-records.h"
#include "wg-paged-model.h"
#include "wg-diary-date-button.h"
#include "wg-diary-page.h"
#include "wg-diary-row.h"
#include "wg-diary-rules.h"
#include "wg-diary-topics.h"
#include "wg-display-test-util.h"
#include "wg-error.h"
#include "wg-region.h"
#include "wg-test-harness.h"
#include "wg-window.h"

#define TIMEOUT_SECONDS 20
#define SETTLE_MS 500
#define PASSWORD "wangge2026"

static gboolean have_display;
static WgTestServer *server;

static const char body_text[] =
  "上午走访多福巷12号院、14号院共6户。12号院3单元楼道堆放纸箱和旧家具，存在消防隐患，"
  "已提醒住户三日内清理。14号院独居老人王大爷反映冬季暖气不热，已记录并联系物业。"
  "院内路灯两盏不亮，需报修。";

/* Rules, without a display */

static void
test_rules_validate (void)
{
  g_autoptr(GHashTable) messages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  const char *topics[] = { "环境卫生", "消防", NULL };
  WgDiaryDraft draft = {
    .grid = "110101001001001", .date = "2026-03-07", .households_visited = 6,
    .topics = topics, .body = "  走访六户。 ", .follow_up = TRUE,
  };
  g_autoptr(JsonObject) body = wg_diary_draft_validate (&draft, "2026-03-07", messages);

  g_assert_nonnull (body);
  g_assert_cmpuint (g_hash_table_size (messages), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (body, "body"), ==, "走访六户。");
  g_assert_cmpint (json_object_get_int_member (body, "households_visited"), ==, 6);
  g_assert_true (json_object_get_boolean_member (body, "follow_up"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (body, "topics")), ==, 2);

  /* empty text, no grid, a date after today, a topic too long */
  draft.body = " \n ";
  draft.grid = NULL;
  draft.date = "2026-03-08";
  topics[1] = "一二三四五六七八九十一二三四五六七八九十一";
  g_clear_pointer (&body, json_object_unref);
  body = wg_diary_draft_validate (&draft, "2026-03-07", messages);
  g_assert_null (body);
  g_assert_true (g_hash_table_contains (messages, "body"));
  g_assert_true (g_hash_table_contains (messages, "grid"));
  g_assert_true (g_hash_table_contains (messages, "entry_date"));
  g_assert_true (g_hash_table_contains (messages, "topics"));
  g_assert_false (g_hash_table_contains (messages, "households_visited"));
}

static void
test_rules_topics_and_text (void)
{
  g_auto(GStrv) topics = wg_diary_split_topics (" 环境卫生，矛盾纠纷、 安全隐患;环境卫生,, 楼道 ");
  g_autofree char *excerpt = wg_diary_excerpt ("第一行\n\n第二行\t 第三行");
  g_autofree char *today = wg_diary_format_date ("2026-03-07", "2026-03-07");
  g_autofree char *yesterday = wg_diary_format_date ("2026-02-28", "2026-03-01");
  g_autofree char *other = wg_diary_format_date ("2026-02-27", "2026-03-01");

  g_assert_cmpuint (g_strv_length (topics), ==, 4);
  g_assert_cmpstr (topics[0], ==, "环境卫生");
  g_assert_cmpstr (topics[1], ==, "矛盾纠纷");
  g_assert_cmpstr (topics[2], ==, "安全隐患");
  g_assert_cmpstr (topics[3], ==, "楼道");
  g_assert_cmpstr (excerpt, ==, "第一行 第二行 第三行");
  g_assert_cmpstr (other, ==, "2026-02-27");
  g_assert_cmpstr (today, !=, "2026-03-07");
  g_assert_cmpstr (yesterday, !=, "2026-02-28");
  g_assert_cmpuint (wg_diary_body_max_chars (), ==, 5000);
}

static void
test_rules_actions (void)
{
  g_autoptr(JsonNode) node = json_from_string ("{\"id\":7,\"version\":1,\"entry_date\":\"2026-03-07\","
                                               "\"body\":\"x\",\"author_id\":42,\"author\":\"张丽\","
                                               "\"grid\":{\"code\":\"110101001001001\",\"name\":\"一网格\"},"
                                               "\"follow_up\":true,\"topics\":[\"a\"]}", NULL);
  g_autoptr(WgDiaryEntry) entry = wg_diary_entry_new_from_json (json_node_get_object (node), NULL);

  g_assert_nonnull (entry);
  g_assert_true (wg_diary_entry_get_follow_up (entry));
  g_assert_cmpstr (wg_diary_entry_get_grid_name (entry), ==, "一网格");
  g_assert_cmpint (wg_diary_entry_get_households_visited (entry), ==, -1);
  /* the author may change it; another diarist may only write their own */
  g_assert_cmpint (wg_diary_actions (entry, 42, WG_ROLE_GRID), ==,
                   WG_DIARY_ACTION_WRITE | WG_DIARY_ACTION_EDIT | WG_DIARY_ACTION_DELETE | WG_DIARY_ACTION_FLAG);
  g_assert_cmpint (wg_diary_actions (entry, 43, WG_ROLE_COMMUNITY), ==, WG_DIARY_ACTION_WRITE);
  g_assert_cmpint (wg_diary_actions (entry, 42, WG_ROLE_DISPATCHER), ==, 0);
}

/* Widgets, under a display but without a server */

static void
test_topics_and_date (void)
{
  GtkWidget *topics;
  GtkWidget *date;
  const char * const *chosen;
  const char *again[] = { "环境卫生", "路灯", NULL };
  const char *suggestion;

  if (!have_display)
    {
      g_test_skip ("needs a display");
      return;
    }
  topics = g_object_ref_sink (wg_diary_topics_new ());
  suggestion = wg_diary_topic_label (wg_diary_topic_suggestions[0]);
  /* typed topics split, once each; a suggestion typed turns its toggle on */
  wg_diary_topics_add_text (WG_DIARY_TOPICS (topics), "楼道堆物、 路灯，楼道堆物");
  wg_diary_topics_add_text (WG_DIARY_TOPICS (topics), suggestion);
  chosen = wg_diary_topics_get_topics (WG_DIARY_TOPICS (topics));
  g_assert_cmpuint (g_strv_length ((char **) chosen), ==, 3);
  g_assert_cmpstr (chosen[0], ==, "楼道堆物");
  g_assert_cmpstr (chosen[2], ==, suggestion);
  wg_diary_topics_set_topics (WG_DIARY_TOPICS (topics), again);
  chosen = wg_diary_topics_get_topics (WG_DIARY_TOPICS (topics));
  g_assert_cmpuint (g_strv_length ((char **) chosen), ==, 2);
  g_assert_cmpstr (chosen[1], ==, "路灯");
  g_object_unref (topics);

  date = g_object_ref_sink (wg_diary_date_button_new ());
  wg_diary_date_button_set_date (WG_DIARY_DATE_BUTTON (date), "2026-02-28");
  g_assert_cmpstr (wg_diary_date_button_get_date (WG_DIARY_DATE_BUTTON (date)), ==, "2026-02-28");
  /* not a date: none */
  wg_diary_date_button_set_date (WG_DIARY_DATE_BUTTON (date), "2026-02-30");
  g_assert_null (wg_diary_date_button_get_date (WG_DIARY_DATE_BUTTON (date)));
  g_object_unref (date);
}

/* Under a display, against the real server */

typedef struct {
  GAsyncResult *result;
} Call;

static void
call_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  ((Call *) user_data)->result = g_object_ref (result);
}

static gboolean
call_answered (gpointer data)
{
  return ((Call *) data)->result != NULL;
}

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

static gboolean
diary_ready (gpointer page)
{
  WgPagedModel *model = WG_PAGED_MODEL (wg_diary_page_get_model (page));

  return wg_diary_page_get_grids (page) != NULL && !wg_paged_model_get_loading (model) &&
         wg_paged_model_get_total (model) >= 0;
}

static gboolean
list_loaded (gpointer page)
{
  WgPagedModel *model = WG_PAGED_MODEL (wg_diary_page_get_model (page));

  return !wg_paged_model_get_loading (model) && wg_paged_model_get_total (model) >= 0;
}

static gboolean
form_idle (gpointer page)
{
  return !wg_diary_form_get_busy (wg_diary_page_get_form (page));
}

static gboolean
detail_idle (gpointer page)
{
  return !wg_diary_detail_get_busy (wg_diary_page_get_detail (page));
}

static gboolean
skip_without_server (void)
{
  g_autoptr(GError) error = NULL;

  if (!have_display)
    {
      g_test_skip ("needs a display (DISPLAY unset or not usable); tools/test runs this under Xvfb");
      return TRUE;
    }
  if (!wg_test_harness_available ())
    return TRUE;
  if (server == NULL)
    server = wg_test_server_start ("wangge_diary_display", &error);
  g_assert_no_error (error);
  return server == NULL;
}

/* A window of @width × @height signed in as @username, on the Diary page. */
static WgWindow *
open_diary (const char   *username,
            int           width,
            int           height,
            WgDiaryPage **page)
{
  WgWindow *window = wg_display_test_new_window (width, height);

  *page = NULL;
  wg_login_view_sign_in (wg_window_get_login_view (window), wg_test_server_get_url (server),
                         username, PASSWORD);
  if (!spin_until (wg_display_test_signed_in, window, "the sign-in"))
    return window;
  g_assert_true (wg_window_show_page (window, WG_PAGE_DIARY));
  *page = WG_DIARY_PAGE (wg_window_get_diary_page (window));
  g_assert_nonnull (*page);
  if (*page != NULL)
    spin_until (diary_ready, *page, "the grids and the first page of the diary");
  return window;
}

/* GET /diary/{id} through @client. */
static JsonObject *
fetch_entry (WgApiClient  *client,
             gint64        id,
             GError      **error)
{
  Call call = { NULL };
  JsonObject *record;

  wg_api_client_get_record_async (client, "diary", id, NULL, call_done_cb, &call);
  spin_until (call_answered, &call, "the entry from the API");
  record = call.result != NULL ? wg_api_client_get_record_finish (client, call.result, error) : NULL;
  g_clear_object (&call.result);
  return record;
}

/* PATCH /diary/{id} {"households_visited": @visited} through @client. */
static JsonObject *
patch_entry (WgApiClient  *client,
             gint64        id,
             gint64        version,
             gint          visited,
             GError      **error)
{
  g_autoptr(JsonObject) body = json_object_new ();
  Call call = { NULL };
  JsonObject *record;

  json_object_set_int_member (body, "households_visited", visited);
  wg_api_client_update_record_async (client, "diary", id, version, body, NULL, call_done_cb, &call);
  spin_until (call_answered, &call, "the update through the API");
  record = call.result != NULL ? wg_api_client_update_record_finish (client, call.result, error) : NULL;
  g_clear_object (&call.result);
  return record;
}

/* The grid user writes today's entry; the id of the entry saved. */
static gint64
write_entry (WgWindow    *window,
             WgDiaryPage *page)
{
  WgDiaryForm *form = wg_diary_page_get_form (page);
  g_autofree char *today = wg_diary_today ();
  WgDiaryEntry *saved;

  wg_diary_page_write (page);
  g_assert_true (wg_diary_page_get_writing (page));
  /* a grid user has one grid: it is chosen; the date is today */
  g_assert_cmpuint (g_list_model_get_n_items (wg_diary_page_get_grids (page)), ==, 1);
  g_assert_nonnull (wg_diary_form_get_grid (form));
  g_assert_cmpstr (wg_diary_form_get_date (form), ==, today);

  /* nothing written: the text is marked, nothing is sent */
  wg_diary_form_save (form);
  g_assert_false (wg_diary_form_get_busy (form));
  g_assert_nonnull (wg_diary_form_get_field_message (form, "body"));
  g_assert_null (wg_diary_form_get_field_message (form, "grid"));
  save_screenshot (window, "diary-compose-empty-1280x800.png");

  wg_diary_form_set_field_text (form, "households_visited", "6");
  wg_diary_form_set_field_text (form, "topics", wg_diary_topic_label (wg_diary_topic_suggestions[2]));
  wg_diary_form_set_field_text (form, "topics", "楼道堆物，路灯");
  wg_diary_form_set_field_text (form, "body", body_text);
  /* the mark goes as the text comes */
  g_assert_null (wg_diary_form_get_field_message (form, "body"));
  save_screenshot (window, "diary-compose-1280x800.png");

  wg_diary_form_save (form);
  spin_until (form_idle, page, "the entry to be saved");
  g_assert_null (wg_diary_form_get_banner_text (form));
  g_assert_false (wg_diary_page_get_writing (page));
  saved = wg_diary_detail_get_entry (wg_diary_page_get_detail (page));
  g_assert_nonnull (saved);
  return saved != NULL ? wg_diary_entry_get_id (saved) : 0;
}

static gboolean
entry_selected (gpointer page)
{
  WgDiaryEntry *entry = wg_diary_detail_get_entry (wg_diary_page_get_detail (page));

  return list_loaded (page) && entry != NULL &&
         wg_paged_model_find (WG_PAGED_MODEL (wg_diary_page_get_model (page)), wg_diary_entry_get_id (entry)) >= 0;
}

static gint64 written_id;

static void
test_write_browse_flag (void)
{
  g_autoptr(JsonObject) record = NULL;
  g_autoptr(JsonObject) stale = NULL;
  g_autoptr(GError) error = NULL;
  WgDiaryDetail *detail;
  WgDiaryPage *page;
  WgWindow *window;
  WgDiaryEntry *entry;

  if (skip_without_server ())
    return;
  window = open_diary ("grid", 1280, 800, &page);
  if (page == NULL)
    {
      wg_display_test_close_window (window);
      return;
    }
  detail = wg_diary_page_get_detail (page);
  written_id = write_entry (window, page);
  g_assert_cmpint (written_id, >, 0);

  /* it reached the server as written, by the grid user */
  record = fetch_entry (wg_window_get_client (window), written_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (record);
  if (record == NULL)
    return;
  g_assert_cmpstr (json_object_get_string_member (record, "body"), ==, body_text);
  g_assert_cmpint (json_object_get_int_member (record, "households_visited"), ==, 6);
  g_assert_cmpint (json_object_get_int_member (record, "author_id"), ==,
                   wg_user_get_id (wg_api_client_get_user (wg_window_get_client (window))));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (record, "topics")), ==, 3);
  g_assert_false (json_object_get_boolean_member (record, "follow_up"));

  /* newest first: the list has it and it is the one open */
  spin_until (entry_selected, page, "the new entry in the list");
  g_assert_cmpint (wg_paged_model_find (WG_PAGED_MODEL (wg_diary_page_get_model (page)), written_id), ==, 0);
  g_assert_cmpstr (wg_diary_page_get_list_state (page), ==, "list");
  save_screenshot (window, "diary-list-1280x800.png");

  /* its author flags it; the list row follows */
  g_assert_true (wg_diary_detail_get_actions (detail) & WG_DIARY_ACTION_FLAG);
  wg_diary_detail_set_follow_up (detail, TRUE);
  spin_until (detail_idle, page, "the flag to be saved");
  g_assert_null (wg_diary_detail_get_banner_text (detail));
  entry = wg_diary_detail_get_entry (detail);
  g_assert_true (entry != NULL && wg_diary_entry_get_follow_up (entry));
  wg_diary_page_set_only_follow_up (page, TRUE);
  spin_until (list_loaded, page, "the follow-up entries");
  g_assert_cmpint (wg_paged_model_find (WG_PAGED_MODEL (wg_diary_page_get_model (page)), written_id), >=, 0);
  save_screenshot (window, "diary-entry-flagged-1280x800.png");

  /* changed elsewhere meanwhile: the flag is refused and a reload offered */
  stale = patch_entry (wg_window_get_client (window), written_id, wg_diary_entry_get_version (entry), 7, &error);
  g_assert_no_error (error);
  wg_diary_detail_set_follow_up (detail, FALSE);
  spin_until (detail_idle, page, "the stale flag");
  g_assert_nonnull (wg_diary_detail_get_banner_text (detail));
  g_assert_true (wg_diary_entry_get_follow_up (wg_diary_detail_get_entry (detail)));
  save_screenshot (window, "diary-entry-conflict-1280x800.png");
  gtk_widget_activate_action (GTK_WIDGET (detail), "diary-entry.reload", NULL);
  spin_until (detail_idle, page, "the reload");
  g_assert_null (wg_diary_detail_get_banner_text (detail));
  g_assert_cmpint (wg_diary_entry_get_households_visited (wg_diary_detail_get_entry (detail)), ==, 7);

  /* its author edits the text; the list row follows */
  gtk_widget_activate_action (GTK_WIDGET (detail), "diary-entry.edit", NULL);
  g_assert_true (wg_diary_page_get_writing (page));
  g_assert_true (wg_diary_form_get_entry (wg_diary_page_get_form (page)) != NULL);
  wg_diary_form_set_field_text (wg_diary_page_get_form (page), "body", "下午复访：楼道纸箱已清理。");
  wg_diary_form_save (wg_diary_page_get_form (page));
  spin_until (form_idle, page, "the edit to be saved");
  g_assert_null (wg_diary_form_get_banner_text (wg_diary_page_get_form (page)));
  g_assert_false (wg_diary_page_get_writing (page));
  g_assert_cmpstr (wg_diary_entry_get_body (wg_diary_detail_get_entry (detail)), ==, "下午复访：楼道纸箱已清理。");

  /* an edit over a version changed meanwhile: refused, a reload offered */
  g_clear_pointer (&stale, json_object_unref);
  stale = patch_entry (wg_window_get_client (window), written_id,
                       wg_diary_entry_get_version (wg_diary_detail_get_entry (detail)), 8, &error);
  g_assert_no_error (error);
  gtk_widget_activate_action (GTK_WIDGET (detail), "diary-entry.edit", NULL);
  wg_diary_form_set_field_text (wg_diary_page_get_form (page), "body", "晚上再访。");
  wg_diary_form_save (wg_diary_page_get_form (page));
  spin_until (form_idle, page, "the stale edit");
  g_assert_nonnull (wg_diary_form_get_banner_text (wg_diary_page_get_form (page)));
  g_assert_true (wg_diary_page_get_writing (page));
  save_screenshot (window, "diary-edit-conflict-1280x800.png");
  gtk_widget_activate_action (GTK_WIDGET (wg_diary_page_get_form (page)), "diary-form.reload", NULL);
  spin_until (form_idle, page, "the entry read again");
  g_assert_null (wg_diary_form_get_banner_text (wg_diary_page_get_form (page)));
  g_assert_cmpint (wg_diary_entry_get_version (wg_diary_form_get_entry (wg_diary_page_get_form (page))), ==,
                   json_object_get_int_member (stale, "version"));
  wg_display_test_close_window (window);
}

static void
test_other_user_reads_only (void)
{
  g_autoptr(JsonObject) refused = NULL;
  g_autoptr(JsonObject) record = NULL;
  g_autoptr(GError) error = NULL;
  WgDiaryDetail *detail;
  WgDiaryPage *page;
  WgWindow *window;
  gint position;

  if (skip_without_server ())
    return;
  if (written_id == 0)
    {
      g_test_skip ("needs the entry of /diary-display/write-browse-flag");
      return;
    }
  window = open_diary ("community", 1280, 800, &page);
  if (page == NULL)
    {
      wg_display_test_close_window (window);
      return;
    }
  detail = wg_diary_page_get_detail (page);
  position = wg_paged_model_find (WG_PAGED_MODEL (wg_diary_page_get_model (page)), written_id);
  g_assert_cmpint (position, >=, 0);
  wg_diary_page_open_position (page, (guint) MAX (position, 0));
  g_assert_nonnull (wg_diary_detail_get_entry (detail));
  /* the community worker may write a diary, but not the grid user's entry */
  g_assert_cmpint (wg_diary_detail_get_actions (detail), ==, WG_DIARY_ACTION_WRITE);
  save_screenshot (window, "diary-entry-other-1280x800.png");

  /* nor may the API */
  record = fetch_entry (wg_window_get_client (window), written_id, &error);
  g_assert_no_error (error);
  if (record != NULL)
    refused = patch_entry (wg_window_get_client (window), written_id,
                           json_object_get_int_member (record, "version"), 1, &error);
  g_assert_null (refused);
  g_assert_error (error, WG_ERROR, WG_ERROR_FORBIDDEN);

  /* a community has several grids: none is chosen for the user */
  wg_diary_page_write (page);
  g_assert_cmpuint (g_list_model_get_n_items (wg_diary_page_get_grids (page)), >, 1);
  g_assert_null (wg_diary_form_get_grid (wg_diary_page_get_form (page)));
  wg_diary_form_set_field_text (wg_diary_page_get_form (page), "body", body_text);
  wg_diary_form_save (wg_diary_page_get_form (page));
  g_assert_false (wg_diary_form_get_busy (wg_diary_page_get_form (page)));
  g_assert_nonnull (wg_diary_form_get_field_message (wg_diary_page_get_form (page), "grid"));
  save_screenshot (window, "diary-compose-community-1280x800.png");

  /* a look at an entry keeps the draft; cancelling drops it */
  wg_diary_page_open_position (page, (guint) MAX (position, 0));
  g_assert_false (wg_diary_page_get_writing (page));
  wg_diary_page_write (page);
  g_assert_true (wg_diary_form_has_draft (wg_diary_page_get_form (page)));
  g_assert_nonnull (wg_diary_form_get_field_message (wg_diary_page_get_form (page), "grid"));
  gtk_widget_activate_action (GTK_WIDGET (wg_diary_page_get_form (page)), "diary-form.cancel", NULL);
  g_assert_false (wg_diary_page_get_writing (page));
  wg_diary_page_write (page);
  g_assert_false (wg_diary_form_has_draft (wg_diary_page_get_form (page)));
  g_assert_null (wg_diary_form_get_field_message (wg_diary_page_get_form (page), "grid"));
  wg_display_test_close_window (window);
}

static void
test_narrow (void)
{
  WgDiaryPage *page;
  WgWindow *window;

  if (skip_without_server ())
    return;
  window = open_diary ("grid", 560, 800, &page);
  if (page == NULL)
    {
      wg_display_test_close_window (window);
      return;
    }
  save_screenshot (window, "diary-list-560x800.png");
  if (g_list_model_get_n_items (G_LIST_MODEL (wg_diary_page_get_model (page))) > 0)
    {
      wg_diary_page_open_position (page, 0);
      save_screenshot (window, "diary-entry-560x800.png");
    }
  wg_diary_page_write (page);
  save_screenshot (window, "diary-compose-560x800.png");

  /* signing out drops the page and what it was writing (signing in again
   * in the same window is left out: GTK warns of a focus-out that the
   * login view's entry missed, with or without the diary) */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.sign-out", NULL);
  g_assert_null (wg_window_get_diary_page (window));
  wg_display_test_spin_for (100);
  wg_display_test_close_window (window);
}

/* POST /diary with @key through @client. */
static JsonObject *
create_entry (WgApiClient  *client,
              const char   *grid,
              const char   *key,
              GError      **error)
{
  g_autoptr(JsonObject) body = json_object_new ();
  g_autofree char *today = wg_diary_today ();
  Call call = { NULL };
  JsonObject *record;

  json_object_set_string_member (body, "grid", grid);
  json_object_set_string_member (body, "entry_date", today);
  json_object_set_string_member (body, "body", "傍晚巡查一遍，无异常。");
  wg_api_client_create_record_async (client, "diary", body, key, NULL, call_done_cb, &call);
  spin_until (call_answered, &call, "the entry to be created through the API");
  record = call.result != NULL ? wg_api_client_create_record_finish (client, call.result, error) : NULL;
  g_clear_object (&call.result);
  return record;
}

static gboolean
entry_gone (gpointer page)
{
  return wg_diary_detail_get_entry (wg_diary_page_get_detail (page)) == NULL && detail_idle (page);
}

static void
test_delete (void)
{
  g_autofree char *key = g_uuid_string_random ();
  g_autoptr(JsonObject) first = NULL;
  g_autoptr(JsonObject) again = NULL;
  g_autoptr(JsonObject) gone = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(WgRegion) grid = NULL;
  WgDiaryPage *page;
  WgWindow *window;
  gint64 id;
  gint position;

  if (skip_without_server ())
    return;
  window = open_diary ("grid", 1280, 800, &page);
  if (page == NULL)
    {
      wg_display_test_close_window (window);
      return;
    }
  /* the same submission twice is one entry */
  grid = g_list_model_get_item (wg_diary_page_get_grids (page), 0);
  first = create_entry (wg_window_get_client (window), wg_region_get_code (grid), key, &error);
  g_assert_no_error (error);
  again = create_entry (wg_window_get_client (window), wg_region_get_code (grid), key, &error);
  g_assert_no_error (error);
  if (first == NULL || again == NULL)
    return;
  id = json_object_get_int_member (first, "id");
  g_assert_cmpint (json_object_get_int_member (again, "id"), ==, id);

  gtk_widget_activate_action (GTK_WIDGET (page), "diary.reload", NULL);
  spin_until (list_loaded, page, "the list with the new entry");
  position = wg_paged_model_find (WG_PAGED_MODEL (wg_diary_page_get_model (page)), id);
  g_assert_cmpint (position, ==, 0);
  wg_diary_page_open_position (page, 0);
  /* the button asks first */
  gtk_widget_activate_action (GTK_WIDGET (wg_diary_page_get_detail (page)), "diary-entry.delete", NULL);
  spin_until (wg_display_test_dialog_shown, NULL, "the question");
  if (wg_display_test_find_message_dialog () != NULL)
    {
      save_screenshot (wg_display_test_find_message_dialog (), "diary-delete-question.png");
      adw_message_dialog_response (wg_display_test_find_message_dialog (), "delete");
    }
  spin_until (entry_gone, page, "the deletion");
  g_assert_cmpint (wg_paged_model_find (WG_PAGED_MODEL (wg_diary_page_get_model (page)), id), ==, -1);
  gone = fetch_entry (wg_window_get_client (window), id, &error);
  g_assert_null (gone);
  g_assert_error (error, WG_ERROR, WG_ERROR_NOT_FOUND);
  wg_display_test_close_window (window);
}

/* The district at demo scale (wangge-admin seed), with weeks of diary. */
static gboolean
seed_demo (void)
{
  const char *admin = g_getenv ("WG_ADMIN_BIN");
  const char *key_file = g_getenv ("WG_TEST_KEY_FILE");
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  if (admin == NULL || key_file == NULL)
    {
      g_test_skip ("needs WG_ADMIN_BIN and WG_TEST_KEY_FILE (tools/test) to seed the demo district");
      return FALSE;
    }
  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error, admin, "--conninfo",
                              wg_test_server_get_admin_conninfo (server), "seed", "--scale", "demo",
                              "--key-file", key_file, NULL);
  if (process != NULL)
    g_subprocess_wait_check (process, NULL, &error);
  g_assert_no_error (error);
  return error == NULL;
}

static gboolean
more_loaded (gpointer page)
{
  WgPagedModel *model = WG_PAGED_MODEL (wg_diary_page_get_model (page));

  return !wg_paged_model_get_loading (model) &&
         g_list_model_get_n_items (G_LIST_MODEL (model)) > WG_PAGED_MODEL_PAGE_SIZE;
}

/* The dates of the loaded entries never rise (newest first). */
static void
assert_newest_first (WgDiaryPage *page)
{
  GListModel *model = G_LIST_MODEL (wg_diary_page_get_model (page));
  g_autofree char *previous = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(WgRecordItem) item = g_list_model_get_item (model, i);
      g_autoptr(WgDiaryEntry) entry = wg_diary_entry_new_from_item (item, NULL);

      g_assert_nonnull (entry);
      if (entry == NULL)
        return;
      if (previous != NULL)
        g_assert_cmpstr (wg_diary_entry_get_date (entry), <=, previous);
      g_free (previous);
      previous = g_strdup (wg_diary_entry_get_date (entry));
    }
}

static void
test_seeded (void)
{
  WgDiaryPage *page;
  WgWindow *window;
  GListModel *model;

  if (skip_without_server () || !seed_demo ())
    return;
  window = open_diary ("grid", 1280, 800, &page);
  if (page == NULL)
    {
      wg_display_test_close_window (window);
      return;
    }
  model = G_LIST_MODEL (wg_diary_page_get_model (page));
  /* weeks of rounds: a first page, the next one by its cursor */
  g_assert_cmpint (wg_paged_model_get_total (WG_PAGED_MODEL (model)), >, WG_PAGED_MODEL_PAGE_SIZE);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, WG_PAGED_MODEL_PAGE_SIZE);
  wg_paged_model_load_more (WG_PAGED_MODEL (model));
  spin_until (more_loaded, page, "the second page");
  assert_newest_first (page);
  wg_diary_page_open_position (page, 0);
  save_screenshot (window, "diary-seeded-1280x800.png");

  /* only the flagged ones, all flagged */
  wg_diary_page_set_only_follow_up (page, TRUE);
  spin_until (list_loaded, page, "the follow-up entries");
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(WgRecordItem) item = g_list_model_get_item (model, i);
      g_autoptr(WgDiaryEntry) entry = wg_diary_entry_new_from_item (item, NULL);

      g_assert_true (entry != NULL && wg_diary_entry_get_follow_up (entry));
    }
  wg_diary_page_set_only_follow_up (page, FALSE);
  wg_display_test_close_window (window);

  window = open_diary ("street", 560, 800, &page);
  if (page != NULL)
    {
      g_assert_cmpuint (g_list_model_get_n_items (wg_diary_page_get_grids (page)), >, 1);
      save_screenshot (window, "diary-seeded-street-560x800.png");
      wg_diary_page_open_position (page, 0);
      save_screenshot (window, "diary-seeded-entry-560x800.png");
    }
  wg_display_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  have_display = wg_display_test_init (&argc, &argv, "wangge-diary-XXXXXX");

  g_test_add_func ("/diary-display/rules/validate", test_rules_validate);
  g_test_add_func ("/diary-display/rules/topics-and-text", test_rules_topics_and_text);
  g_test_add_func ("/diary-display/rules/actions", test_rules_actions);
  g_test_add_func ("/diary-display/topics-and-date", test_topics_and_date);
  g_test_add_func ("/diary-display/write-browse-flag", test_write_browse_flag);
  g_test_add_func ("/diary-display/other-user-reads-only", test_other_user_reads_only);
  g_test_add_func ("/diary-display/narrow", test_narrow);
  g_test_add_func ("/diary-display/delete", test_delete);
  /* last: it fills the database with the demo district */
  g_test_add_func ("/diary-display/seeded", test_seeded);
  status = g_test_run ();
  g_clear_pointer (&server, wg_test_server_stop);
  return status;
}
