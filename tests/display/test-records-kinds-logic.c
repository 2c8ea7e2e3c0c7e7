/* The record kinds' pages without a display: the list's query paths, how
 * values read and are typed back, the messages of the form, counts, items,
 * and the paging model against an in-process server that plays GET
 * /api/v1/houses (250 houses, keyset pages, the total on request). */
#define G_LOG_DOMAIN "test-records-kinds-logic"

#include "config.h"

#include <string.h>
#include <libsoup/soup.h>

#include "wg-api.h"
#include "wg-api-client-records.h"
#include "wg-error.h"
#include "wg-record-model.h"
#include "wg-record-rules.h"
#include "wg-roles.h"

#define N_HOUSES 250

static const WgFieldSpec *
field (const char *kind,
       const char *name)
{
  const WgFieldSpec *spec = wg_record_kind_field (wg_record_kind_lookup (kind), name);

  g_assert_nonnull (spec);
  return spec;
}

static JsonNode *
parse (const char *json)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (json, &error);

  g_assert_no_error (error);
  return node;
}

static void
test_query_path (void)
{
  g_autoptr(GHashTable) filters = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *plain = wg_api_client_records_query_path ("houses", NULL, NULL);
  g_autofree char *path = NULL;
  g_autofree char *diary = NULL;
  g_autofree char *export = NULL;
  WgRecordQuery query = { .region = "110101001001", .q = "多福巷 1号", .filters = filters,
                          .cursor = "abc", .limit = 100, .total = TRUE };
  WgRecordQuery diary_query = { .from = "2026-10-01", .to = "2026-10-31", .mine = TRUE };

  g_assert_cmpstr (plain, ==, "/api/v1/houses");
  /* the filters in the order of their names, escaped; empty ones left out */
  g_hash_table_insert (filters, "use", "residential");
  g_hash_table_insert (filters, "grid", "");
  g_hash_table_insert (filters, "class_code", "01");
  path = wg_api_client_records_query_path ("houses", NULL, &query);
  g_assert_cmpstr (path, ==, "/api/v1/houses?region=110101001001&q=%E5%A4%9A%E7%A6%8F%E5%B7%B7%201%E5%8F%B7"
                             "&class_code=01&use=residential&limit=100&cursor=abc&total=true");
  diary = wg_api_client_records_query_path ("diary", NULL, &diary_query);
  g_assert_cmpstr (diary, ==, "/api/v1/diary?from=2026-10-01&to=2026-10-31&mine=true");
  export = wg_api_client_records_query_path ("components", "/export", NULL);
  g_assert_cmpstr (export, ==, "/api/v1/components/export");
}

static void
test_format_values (void)
{
  struct {
    const char *kind;
    const char *field;
    const char *json;
    const char *shown;
  } cases[] = {
    { "houses", "use", "\"residential\"", "Residential" },
    { "houses", "use", "\"unheard-of\"", "unheard-of" },
    { "houses", "floor_area", "85.5", "85.5" },
    { "houses", "floor_area", "85.0", "85" },
    { "houses", "floor_area", "1234.567", "1234.57" },
    { "households", "member_count", "3", "3" },
    { "diary", "follow_up", "true", "Yes" },
    { "diary", "follow_up", "false", "No" },
    { "houses", "point", "[116.4, 39.9]", "116.400000, 39.900000" },
    { "land-parcels", "geometry",
      "{\"type\":\"MultiPolygon\",\"coordinates\":[[[[0,0],[1,0],[1,1],[0,0]]]]}", "An outline of 4 points" },
    { "diary", "topics", "[\"噪音\",\"停车\"]", "噪音, 停车" },
    { "houses", "grid", "{\"code\":\"110101001001001\",\"name\":\"第1网格\"}", "第1网格" },
    { "houses", "address", "null", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonNode) value = parse (cases[i].json);
      g_autofree char *shown = wg_record_format_value (field (cases[i].kind, cases[i].field), value);

      g_assert_cmpstr (shown, ==, cases[i].shown);
    }
  {
    g_autofree char *absent = wg_record_format_value (field ("houses", "room"), NULL);
    g_autoptr(JsonNode) grid = parse ("{\"code\":\"110101001001001\",\"name\":\"第1网格\"}");
    g_autoptr(JsonNode) use = parse ("\"office\"");
    g_autofree char *grid_text = wg_record_edit_text (field ("houses", "grid"), grid);
    g_autofree char *use_text = wg_record_edit_text (field ("houses", "use"), use);

    g_assert_cmpstr (absent, ==, "");
    /* typed back: a grid by its code, a choice by its wire value */
    g_assert_cmpstr (grid_text, ==, "110101001001001");
    g_assert_cmpstr (use_text, ==, "office");
  }
}

static void
test_field_from_text (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) area = wg_record_field_from_text (field ("houses", "floor_area"), " 85.5 ", &error);
  g_autoptr(JsonNode) point = NULL;
  g_autoptr(JsonNode) empty = NULL;
  g_autoptr(JsonNode) phone = NULL;

  g_assert_no_error (error);
  g_assert_cmpfloat (json_node_get_double (area), ==, 85.5);
  /* the form shows "lon, lat"; the space is no obstacle */
  point = wg_record_field_from_text (field ("houses", "point"), "116.391112, 39.920450", &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (point));
  empty = wg_record_field_from_text (field ("houses", "room"), "  ", &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_NULL (empty));
  phone = wg_record_field_from_text (field ("grid-staff", "phone"), "138 1234 5678", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_node_get_string (phone), ==, "13812345678");

  g_assert_null (wg_record_field_from_text (field ("houses", "address"), "", &error));
  g_assert_error (error, WG_ERROR, WG_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_null (wg_record_field_from_text (field ("houses", "floor_area"), "85.123", &error));
  g_assert_error (error, WG_ERROR, WG_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_null (wg_record_field_from_text (field ("components", "class_code"), "0700", &error));
  g_clear_error (&error);
  g_assert_null (wg_record_field_from_text (field ("organizations", "credit_code"), "91110101MA00000000", &error));
  g_clear_error (&error);
}

static void
test_field_messages (void)
{
  g_autoptr(GError) conflict = g_error_new_literal (WG_ERROR, WG_ERROR_CONFLICT, "taken");
  g_autofree char *required = wg_record_field_message (field ("houses", "address"), " ", NULL);
  g_autofree char *length = wg_record_field_message (field ("houses", "address"), "x", NULL);
  g_autofree char *decimal = wg_record_field_message (field ("houses", "floor_area"), "x", NULL);
  g_autofree char *integer = wg_record_field_message (field ("diary", "households_visited"), "x", NULL);
  g_autofree char *taken = wg_record_field_message (field ("land-parcels", "code"), "x", conflict);
  g_autofree char *optional = wg_record_field_message (field ("houses", "room"), "", NULL);

  g_assert_cmpstr (required, ==, "Required");
  g_assert_cmpstr (length, ==, "At most 200 characters");
  /* numbers without exponents */
  g_assert_cmpstr (decimal, ==, "A number above 0 and below 1000000, with at most two decimals");
  g_assert_cmpstr (integer, ==, "A whole number from 0 to 500");
  g_assert_cmpstr (taken, ==, "Another record already has this value");
  g_assert_cmpstr (optional, ==, "At most 20 characters");
}

static void
test_permissions_and_counts (void)
{
  const WgRecordKind *houses = wg_record_kind_lookup ("houses");
  const WgRecordKind *staff = wg_record_kind_lookup ("grid-staff");
  g_autofree char *one = wg_record_count_text (houses, 1);
  g_autofree char *many = wg_record_count_text (houses, 1234567);
  g_autofree char *none = wg_record_count_text (staff, 0);

  g_assert_cmpstr (one, ==, "1 house");
  g_assert_cmpstr (many, ==, "1,234,567 houses");
  g_assert_cmpstr (none, ==, "0 staff members");
  g_assert_true (wg_record_kind_may_read (houses, WG_ROLE_COMMUNITY));
  g_assert_true (wg_record_kind_may_write (houses, WG_ROLE_COMMUNITY));
  g_assert_false (wg_record_kind_may_write (houses, WG_ROLE_AUDITOR));
  g_assert_false (wg_record_kind_may_write (houses, 0));
}

static void
test_item (void)
{
  const WgRecordKind *houses = wg_record_kind_lookup ("houses");
  g_autoptr(JsonNode) good = parse ("{\"id\":7,\"version\":3,\"address\":\"多福巷1号\","
                                    "\"grid\":{\"code\":\"110101001001001\",\"name\":\"第1网格\"}}");
  g_autoptr(JsonNode) untitled = parse ("{\"id\":8,\"version\":1,\"address\":null}");
  g_autoptr(JsonNode) bad = parse ("{\"version\":1}");
  g_autoptr(GError) error = NULL;
  g_autoptr(WgRecordItem) item = wg_record_item_new (houses, json_node_get_object (good), &error);
  g_autoptr(WgRecordItem) nameless = wg_record_item_new (houses, json_node_get_object (untitled), &error);
  g_autofree char *title = NULL;
  g_autofree char *fallback = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (wg_record_item_get_id (item), ==, 7);
  g_assert_cmpint (wg_record_item_get_version (item), ==, 3);
  g_assert_cmpstr (wg_record_item_get_grid_code (item), ==, "110101001001001");
  g_assert_cmpstr (wg_record_item_get_grid_name (item), ==, "第1网格");
  title = wg_record_item_dup_title (item);
  g_assert_cmpstr (title, ==, "多福巷1号");
  fallback = wg_record_item_dup_title (nameless);
  g_assert_cmpstr (fallback, ==, "#8");
  g_assert_null (wg_record_item_new (houses, json_node_get_object (bad), &error));
  g_assert_error (error, WG_ERROR, WG_ERROR_PROTOCOL);
}

/* The paging model against a fake of GET /houses */

typedef struct {
  SoupServer *server;
  WgApiClient *client;
  guint requests;
  char *last_query;
} Fake;

static void
houses_cb (SoupServer        *server,
           SoupServerMessage *message,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  Fake *fake = user_data;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *body = NULL;
  const char *cursor = query != NULL ? g_hash_table_lookup (query, "cursor") : NULL;
  const char *limit_text = query != NULL ? g_hash_table_lookup (query, "limit") : NULL;
  guint start = cursor != NULL ? (guint) g_ascii_strtoull (cursor, NULL, 10) : 0;
  guint limit = limit_text != NULL ? (guint) g_ascii_strtoull (limit_text, NULL, 10) : 50;
  guint end = MIN (start + limit, N_HOUSES);

  fake->requests++;
  g_free (fake->last_query);
  fake->last_query = g_strdup (g_uri_get_query (soup_server_message_get_uri (message)));
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  for (guint i = start; i < end; i++)
    {
      g_autofree char *address = g_strdup_printf ("多福巷%u号", i + 1);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, i + 1);
      json_builder_set_member_name (builder, "version");
      json_builder_add_int_value (builder, 1);
      json_builder_set_member_name (builder, "address");
      json_builder_add_string_value (builder, address);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "next_cursor");
  if (end < N_HOUSES)
    {
      g_autofree char *next = g_strdup_printf ("%u", end);

      json_builder_add_string_value (builder, next);
    }
  else
    json_builder_add_null_value (builder);
  if (query != NULL && g_strcmp0 (g_hash_table_lookup (query, "total"), "true") == 0)
    {
      json_builder_set_member_name (builder, "total");
      json_builder_add_int_value (builder, N_HOUSES);
    }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  body = json_to_string (root, FALSE);
  soup_server_message_set_status (message, 200, NULL);
  soup_server_message_set_response (message, WG_MEDIA_JSON, SOUP_MEMORY_COPY, body, strlen (body));
}

static gboolean
model_idle (WgPagedModel *model)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (wg_paged_model_get_loading (model) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  return !wg_paged_model_get_loading (model);
}

static void
test_model_paging (void)
{
  Fake fake = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GSList) uris = NULL;
  g_autofree char *url = NULL;
  g_autoptr(WgRecordModel) model = NULL;
  g_autoptr(GHashTable) filters = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(WgRecordItem) last = NULL;
  WgRecordQuery query = { .q = "多福巷", .filters = filters };

  fake.server = soup_server_new (NULL, NULL);
  soup_server_add_handler (fake.server, WG_API_PREFIX "/houses", houses_cb, &fake, NULL);
  soup_server_listen_local (fake.server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (fake.server);
  url = g_uri_to_string (uris->data);
  g_slist_free_full (g_steal_pointer (&uris), (GDestroyNotify) g_uri_unref);
  fake.client = wg_api_client_new (url);

  model = wg_record_model_new (fake.client, wg_record_kind_lookup ("houses"));
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (model)) == WG_TYPE_RECORD_ITEM);
  g_assert_cmpint (wg_paged_model_get_total (WG_PAGED_MODEL (model)), ==, -1);
  /* nothing is asked before a query */
  wg_paged_model_load_more (WG_PAGED_MODEL (model));
  g_assert_cmpuint (fake.requests, ==, 0);

  g_hash_table_insert (filters, "use", "residential");
  wg_record_model_set_query (model, &query);
  g_assert_true (model_idle (WG_PAGED_MODEL (model)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, WG_PAGED_MODEL_PAGE_SIZE);
  g_assert_cmpint (wg_paged_model_get_total (WG_PAGED_MODEL (model)), ==, N_HOUSES);
  g_assert_nonnull (strstr (fake.last_query, "use=residential"));
  g_assert_nonnull (strstr (fake.last_query, "total=true"));

  while (!wg_paged_model_get_complete (WG_PAGED_MODEL (model)))
    {
      wg_paged_model_load_more (WG_PAGED_MODEL (model));
      g_assert_true (model_idle (WG_PAGED_MODEL (model)));
    }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, N_HOUSES);
  g_assert_cmpuint (fake.requests, ==, 3);
  /* later pages do not ask for the total again */
  g_assert_null (strstr (fake.last_query, "total=true"));
  g_assert_nonnull (strstr (fake.last_query, "cursor=200"));

  last = g_list_model_get_item (G_LIST_MODEL (model), N_HOUSES - 1);
  g_assert_cmpint (wg_paged_model_find (WG_PAGED_MODEL (model), wg_record_item_get_id (last)), ==, N_HOUSES - 1);
  wg_paged_model_replace (WG_PAGED_MODEL (model), wg_record_item_get_id (last), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, N_HOUSES - 1);
  g_assert_cmpint (wg_paged_model_get_total (WG_PAGED_MODEL (model)), ==, N_HOUSES - 1);

  wg_paged_model_clear (WG_PAGED_MODEL (model));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  g_clear_object (&model);
  g_clear_object (&fake.client);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  soup_server_disconnect (fake.server);
  g_clear_object (&fake.server);
  g_free (fake.last_query);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/records-kinds/query-path", test_query_path);
  g_test_add_func ("/records-kinds/format-values", test_format_values);
  g_test_add_func ("/records-kinds/field-from-text", test_field_from_text);
  g_test_add_func ("/records-kinds/field-messages", test_field_messages);
  g_test_add_func ("/records-kinds/permissions-and-counts", test_permissions_and_counts);
  g_test_add_func ("/records-kinds/item", test_item);
  g_test_add_func ("/records-kinds/model-paging", test_model_paging);
  return g_test_run ();
}
