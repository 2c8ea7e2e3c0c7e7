/* test-server-records.c — the records of every kind but people: CRUD with
 * If-Match and its audit, validation naming the field, concurrent edits,
 * Idempotency-Key, unique fields, scope and roles; chains, links, map
 * layers, search, the diary and paging are in test-server-records-chain.c
 */
#define G_LOG_DOMAIN "test-server"

#include "config.h"

#include <string.h>

#include "test-server-records-private.h"
#include "wg-record-kind.h"

static gint64
audit_rows (Fixture    *fixture,
            const char *table,
            gint64      id,
            const char *action)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM audit_log WHERE table_name = '%s'"
                                          " AND record_id = %" G_GINT64_FORMAT
                                          " AND action = '%s'", table, id, action);

  return admin_count (fixture, sql);
}

/* Create, read, list, update with If-Match, delete, for each kind; every
 * write leaves its audit row. */
static void
test_records_crud (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autofree char *token = NULL;

  SKIP_WITHOUT_SERVER (fixture);
  token = sign_in (fixture, "community");
  for (guint i = 0; i < n_record_cases; i++)
    {
      const RecordCase *record_case = &record_cases[i];
      const WgRecordKind *kind = wg_record_kind_lookup (record_case->kind);
      g_autofree char *body = records_case_body (record_case, "甲");
      g_autofree char *path = NULL;
      g_autofree char *list = NULL;
      g_autofree char *patch = g_strdup_printf ("{\"%s\": \"%s\"}", record_case->patch_field,
                                                record_case->patch_value);
      g_autoptr(JsonNode) created = NULL;
      g_autoptr(JsonNode) fetched = NULL;
      g_autoptr(JsonNode) patched = NULL;
      g_autoptr(GArray) ids = NULL;
      gint64 id;

      g_test_message ("kind %s", record_case->kind);
      {
        g_autofree char *collection = records_path (record_case->kind, 0, "");
        g_autoptr(WgTestResponse) response = people_request (fixture, "POST", collection, token,
                                                             body, NULL);

        g_assert_cmpuint (response->status, ==, 201);
        created = json_node_ref (response->json);
        id = records_member_int (created, "id");
        path = records_path (record_case->kind, id, "");
        g_assert_cmpstr (soup_message_headers_get_one (response->headers, "Location"), ==, path);
      }
      g_assert_cmpint (records_member_int (created, "version"), ==, 1);
      g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (
                         json_node_get_object (created), "grid"), "code"), ==, GRID_1);
      /* Every field of the descriptor is there, read-only ones included. */
      for (guint f = 0; f < kind->n_fields; f++)
        if (kind->fields[f].type != WG_FIELD_GRID)
          g_assert_true (json_object_has_member (json_node_get_object (created), kind->fields[f].name));
      fetched = records_get_ok (fixture, path, token);
      g_assert_true (json_node_equal (fetched, created));
      list = g_strdup_printf ("/api/v1/%s?region=" GRID_1 "&limit=500", record_case->kind);
      ids = people_list_ids (fixture, list, token);
      g_assert_true (people_ids_contain (ids, id));

      people_assert_field_error (fixture, "PATCH", path, token, patch, NULL, 428,
                                 "precondition-required", NULL);
      people_assert_field_error (fixture, "PATCH", path, token, patch,
                                 (const char *[]) { "If-Match", "5", NULL }, 409, "conflict", NULL);
      {
        g_autoptr(WgTestResponse) response = people_request (fixture, "PATCH", path, token, patch,
                                                             (const char *[]) { "If-Match", "\"1\"", NULL });

        g_assert_cmpuint (response->status, ==, 200);
        patched = json_node_ref (response->json);
      }
      g_assert_cmpint (records_member_int (patched, "version"), ==, 2);
      g_assert_cmpstr (records_member_string (patched, record_case->patch_field), ==,
                       record_case->patch_value);

      people_assert_field_error (fixture, "DELETE", path, token, NULL, NULL, 428,
                                 "precondition-required", NULL);
      people_assert_field_error (fixture, "DELETE", path, token, NULL,
                                 (const char *[]) { "If-Match", "1", NULL }, 409, "conflict", NULL);
      people_assert_status (fixture, "DELETE", path, token, NULL,
                            (const char *[]) { "If-Match", "2", NULL }, 204);
      people_assert_field_error (fixture, "GET", path, token, NULL, NULL, 404, "not-found", NULL);
      g_assert_cmpint (audit_rows (fixture, kind->table, id, "insert"), ==, 1);
      g_assert_cmpint (audit_rows (fixture, kind->table, id, "update"), ==, 1);
      g_assert_cmpint (audit_rows (fixture, kind->table, id, "delete"), ==, 1);
      {
        g_autofree char *bad = records_path (record_case->kind, 0, "/abc");

        people_assert_field_error (fixture, "GET", bad, token, NULL, NULL, 404, "not-found", NULL);
      }
    }
  /* Unknown resources stay 404, wrong methods 405. */
  people_assert_field_error (fixture, "GET", "/api/v1/bridges", token, NULL, NULL, 404,
                             "not-found", NULL);
  people_assert_field_error (fixture, "PUT", "/api/v1/houses", token, NULL, NULL, 405,
                             "method-not-allowed", NULL);
  people_assert_field_error (fixture, "GET", "/api/v1/components/1/chain", token, NULL, NULL, 404,
                             "not-found", NULL);
}

/* What the server normalises and computes. */
static void
test_records_values (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autofree char *token = NULL;
  g_autofree char *code = records_credit_code (1);
  g_autofree char *lower = g_ascii_strdown (code, -1);
  g_autofree char *body = g_strdup_printf ("{\"name\": \"值公司\", \"kind\": \"enterprise\","
                                           " \"credit_code\": \"%s\", \"point\": \"116.3933, 39.9213\","
                                           " \"contact_phone\": \"010-6512 3456\"}", lower);
  g_autoptr(JsonNode) organization = NULL;
  g_autoptr(JsonNode) land = NULL;
  JsonArray *point;
  JsonObject *geometry;

  SKIP_WITHOUT_SERVER (fixture);
  token = sign_in (fixture, "community");
  organization = records_create (fixture, token, "organizations", body);
  g_assert_cmpstr (records_member_string (organization, "credit_code"), ==, code);
  g_assert_cmpstr (records_member_string (organization, "contact_phone"), ==, "01065123456");
  point = json_object_get_array_member (json_node_get_object (organization), "point");
  g_assert_cmpfloat_with_epsilon (json_array_get_double_element (point, 0), 116.3933, 1e-6);
  g_assert_cmpfloat_with_epsilon (json_array_get_double_element (point, 1), 39.9213, 1e-6);
  /* Grid from the outline's point on surface; the outline as a MultiPolygon. */
  land = records_create (fixture, token, "land-parcels",
                         "{\"code\": \"V-1\", \"use\": \"road\", \"area_m2\": \"12.5\","
                         " \"geometry\": " OUTLINE_1 "}");
  geometry = json_object_get_object_member (json_node_get_object (land), "geometry");
  g_assert_cmpstr (json_object_get_string_member (geometry, "type"), ==, "MultiPolygon");
  g_assert_cmpfloat (json_object_get_double_member (json_node_get_object (land), "area_m2"), ==, 12.5);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (
                     json_node_get_object (land), "grid"), "code"), ==, GRID_1);
  /* A null clears an optional field, a NOT NULL one goes back to its default. */
  {
    g_autoptr(JsonNode) entry = records_create (fixture, token, "diary",
                                                "{\"grid\": \"" GRID_1 "\", \"entry_date\": \"2026-02-01\","
                                                " \"body\": \"x\", \"households_visited\": 4,"
                                                " \"follow_up\": true}");
    g_autofree char *path = records_path ("diary", records_member_int (entry, "id"), "");
    g_autoptr(WgTestResponse) cleared =
      people_request (fixture, "PATCH", path, token, "{\"households_visited\": null, \"topics\": [\"a\", \"b\"]}",
                      (const char *[]) { "If-Match", "1", NULL });

    g_assert_cmpuint (cleared->status, ==, 200);
    g_assert_cmpint (records_member_int (cleared->json, "households_visited"), ==, 0);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
                        wg_test_response_object (cleared), "topics")), ==, 2);
    g_assert_true (json_object_get_boolean_member (wg_test_response_object (cleared), "follow_up"));
    g_assert_cmpstr (records_member_string (entry, "author"), !=, NULL);
    g_assert_cmpint (records_member_int (entry, "author_id"), >, 0);
  }
}

static void
test_records_validation (Fixture       *fixture,
                         gconstpointer  user_data)
{
  static const struct {
    const char *kind;
    const char *body;
    guint       status;
    const char *field;
  } cases[] = {
    /* one per field type */
    { "houses", "{\"address\": \"%L\", \"use\": \"office\", \"grid\": \"" GRID_1 "\"}", 400, "address" },
    { "houses", "{\"address\": \"a\", \"use\": \"palace\", \"grid\": \"" GRID_1 "\"}", 400, "use" },
    { "houses", "{\"address\": \"a\", \"use\": \"office\", \"floor_area\": 0, \"grid\": \"" GRID_1 "\"}", 400, "floor_area" },
    { "houses", "{\"address\": \"a\", \"use\": \"office\", \"floor_area\": 1.234, \"grid\": \"" GRID_1 "\"}", 400, "floor_area" },
    { "diary", "{\"grid\": \"" GRID_1 "\", \"entry_date\": \"2026-01-01\", \"body\": \"x\", \"households_visited\": 501}", 400, "households_visited" },
    { "diary", "{\"grid\": \"" GRID_1 "\", \"entry_date\": \"2026-02-30\", \"body\": \"x\"}", 400, "entry_date" },
    { "diary", "{\"grid\": \"" GRID_1 "\", \"entry_date\": \"2026-01-01\", \"body\": \"x\", \"follow_up\": \"maybe\"}", 400, "follow_up" },
    { "diary", "{\"grid\": \"" GRID_1 "\", \"entry_date\": \"2026-01-01\", \"body\": \"x\","
               " \"topics\": [\"1\",\"2\",\"3\",\"4\",\"5\",\"6\",\"7\",\"8\",\"9\",\"10\",\"11\"]}", 400, "topics" },
    { "grid-staff", "{\"name\": \"a\", \"force\": \"manager\", \"grid\": \"" GRID_1 "\", \"phone\": \"12\"}", 400, "phone" },
    { "organizations", "{\"name\": \"a\", \"kind\": \"other\", \"grid\": \"" GRID_1 "\", \"credit_code\": \"911101016891186068\"}", 400, "credit_code" },
    { "components", "{\"name\": \"a\", \"class_code\": \"0701\", \"state\": \"normal\", \"point\": " POINT_1 "}", 400, "class_code" },
    { "components", "{\"name\": \"a\", \"class_code\": \"0101\", \"state\": \"normal\", \"point\": [200, 39]}", 400, "point" },
    { "land-parcels", "{\"code\": \"a\", \"use\": \"green\", \"area_m2\": 1, \"geometry\": {\"type\": \"Polygon\", \"coordinates\": [[[1, 2], [3, 4]]]}}", 400, "geometry" },
    { "households", "{\"kind\": \"family\", \"grid\": \"12345\"}", 400, "grid" },
    { "households", "{\"kind\": \"family\", \"house_id\": -3}", 400, "house_id" },
    /* presence, unknown and server-set fields */
    { "houses", "{\"use\": \"office\", \"grid\": \"" GRID_1 "\"}", 400, "address" },
    { "houses", "{\"address\": \"a\", \"use\": \"office\", \"colour\": \"red\"}", 400, "colour" },
    { "households", "{\"kind\": \"family\", \"member_count\": 3, \"grid\": \"" GRID_1 "\"}", 400, "member_count" },
    /* the grid */
    { "houses", "{\"address\": \"a\", \"use\": \"office\"}", 400, "grid" },
    { "houses", "{\"address\": \"a\", \"use\": \"office\", \"point\": [116.0, 39.0]}", 400, "point" },
    { "houses", "{\"address\": \"a\", \"use\": \"office\", \"grid\": \"110101002001001\"}", 404, "grid" },
    { "households", "{\"kind\": \"family\", \"house_id\": 999999999}", 404, "house_id" },
  };
  g_autofree char *token = NULL;
  g_autofree char *long_text = g_strnfill (201, 'x');

  SKIP_WITHOUT_SERVER (fixture);
  token = sign_in (fixture, "community");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(GStrv) parts = g_strsplit (cases[i].body, "%L", -1);
      g_autofree char *body = g_strjoinv (long_text, parts);
      g_autofree char *path = records_path (cases[i].kind, 0, "");

      people_assert_field_error (fixture, "POST", path, token, body, NULL, cases[i].status,
                                 cases[i].status == 404 ? "not-found" : "invalid-input",
                                 cases[i].field);
    }
  g_assert_cmpint (admin_count (fixture, "SELECT count(*) FROM house"), ==, 0);

  /* A PATCH: any subset, but not empty, and no required field cleared. */
  {
    gint64 id = records_create_id (fixture, token, "houses",
                                   "{\"address\": \"v\", \"use\": \"office\", \"grid\": \"" GRID_1 "\"}");
    g_autofree char *path = records_path ("houses", id, "");
    const char *headers[] = { "If-Match", "1", NULL };

    people_assert_field_error (fixture, "PATCH", path, token, "{\"address\": null}", headers, 400,
                               "invalid-input", "address");
    people_assert_field_error (fixture, "PATCH", path, token, "{\"use\": \"x\"}", headers, 400,
                               "invalid-input", "use");
    people_assert_field_error (fixture, "PATCH", path, token, "{\"grid\": \"110101002001001\"}",
                               headers, 404, "not-found", "grid");
    people_assert_field_error (fixture, "PATCH", path, token, "{\"room\": 1}",
                               (const char *[]) { "If-Match", "x", NULL }, 400, "invalid-input",
                               "If-Match");
  }

  /* The list's parameters. */
  people_assert_field_error (fixture, "GET", "/api/v1/houses?use=palace", token, NULL, NULL, 400,
                             "invalid-input", "use");
  people_assert_field_error (fixture, "GET", "/api/v1/components?class_code=07", token, NULL, NULL,
                             400, "invalid-input", "class_code");
  people_assert_field_error (fixture, "GET", "/api/v1/diary?follow_up=yes", token, NULL, NULL, 400,
                             "invalid-input", "follow_up");
  people_assert_field_error (fixture, "GET", "/api/v1/diary?from=2026-13-01", token, NULL, NULL, 400,
                             "invalid-input", "from");
  people_assert_field_error (fixture, "GET", "/api/v1/diary?format=geojson", token, NULL, NULL, 400,
                             "invalid-input", "format");
  people_assert_field_error (fixture, "GET", "/api/v1/households?q=abc", token, NULL, NULL, 400,
                             "invalid-input", "q");
  people_assert_field_error (fixture, "GET", "/api/v1/houses?limit=501", token, NULL, NULL, 400,
                             "invalid-input", "limit");
  people_assert_field_error (fixture, "GET", "/api/v1/houses?cursor=%25%25", token, NULL, NULL, 400,
                             "invalid-input", "cursor");
  people_assert_field_error (fixture, "GET", "/api/v1/houses?format=geojson&bbox=1,2,3", token, NULL,
                             NULL, 400, "invalid-input", "bbox");
  people_assert_field_error (fixture, "GET", "/api/v1/houses?region=12", token, NULL, NULL, 400,
                             "invalid-input", "region");
  people_assert_field_error (fixture, "GET", "/api/v1/houses?region=110101002", token, NULL, NULL,
                             404, "not-found", "region");
}

/* Two PATCHes with version 1 at once, each on its own connection: one
 * wins, the other gets 409. */
typedef struct {
  const char *url;
  const char *path;
  const char *token;
  const char *body;
  guint       status;
} Edit;

static gpointer
edit_thread (gpointer data)
{
  Edit *edit = data;
  g_autoptr(SoupSession) session = soup_session_new_with_options ("timeout", 30,
                                                                  "proxy-resolver", NULL, NULL);
  g_autoptr(WgTestResponse) response =
    wg_test_request_with_headers (session, edit->url, "PATCH", edit->path, edit->token,
                                  "application/json", edit->body,
                                  (const char *[]) { "If-Match", "1", NULL });

  edit->status = response->status;
  return NULL;
}

static void
test_records_concurrent_edits (Fixture       *fixture,
                               gconstpointer  user_data)
{
  g_autofree char *community = NULL;
  g_autofree char *street = NULL;

  SKIP_WITHOUT_SERVER (fixture);
  community = sign_in (fixture, "community");
  street = sign_in (fixture, "street");
  for (guint round = 0; round < 3; round++)
    {
      const RecordCase *record_case = &record_cases[round + 1];
      g_autofree char *body = records_case_body (record_case, "乙");
      gint64 id = records_create_id (fixture, community, record_case->kind, body);
      g_autofree char *path = records_path (record_case->kind, id, "");
      g_autofree char *sql = g_strdup_printf ("SELECT version FROM %s WHERE id = %" G_GINT64_FORMAT,
                                              wg_record_kind_lookup (record_case->kind)->table, id);
      g_autofree char *patch = g_strdup_printf ("{\"%s\": \"%s\"}", record_case->patch_field,
                                                record_case->patch_value);
      Edit edits[2] = {
        { fixture->url, path, community, patch, 0 },
        { fixture->url, path, street, patch, 0 },
      };
      GThread *threads[2];

      for (guint i = 0; i < 2; i++)
        threads[i] = g_thread_new ("edit", edit_thread, &edits[i]);
      for (guint i = 0; i < 2; i++)
        g_thread_join (threads[i]);
      g_test_message ("%s: %u and %u", record_case->kind, edits[0].status, edits[1].status);
      g_assert_cmpuint (MIN (edits[0].status, edits[1].status), ==, 200);
      g_assert_cmpuint (MAX (edits[0].status, edits[1].status), ==, 409);
      g_assert_cmpint (admin_count (fixture, sql), ==, 2);
    }
}

static void
test_records_idempotent_create (Fixture       *fixture,
                                gconstpointer  user_data)
{
  g_autofree char *token = NULL;
  const char *headers[] = { "Idempotency-Key", "house-form-7", NULL };
  const char *body = "{\"address\": \"幂等胡同1号\", \"use\": \"office\", \"grid\": \"" GRID_1 "\"}";
  g_autoptr(WgTestResponse) first = NULL;
  g_autoptr(WgTestResponse) again = NULL;

  SKIP_WITHOUT_SERVER (fixture);
  token = sign_in (fixture, "community");
  first = people_request (fixture, "POST", "/api/v1/houses", token, body, headers);
  g_assert_cmpuint (first->status, ==, 201);
  again = people_request (fixture, "POST", "/api/v1/houses", token, body, headers);
  g_assert_cmpuint (again->status, ==, 200);
  g_assert_cmpint (records_member_int (again->json, "id"), ==, records_member_int (first->json, "id"));
  g_assert_cmpstr (soup_message_headers_get_one (again->headers, "Location"), ==,
                   soup_message_headers_get_one (first->headers, "Location"));
  g_assert_cmpint (admin_count (fixture, "SELECT count(*) FROM house WHERE address = '幂等胡同1号'"),
                   ==, 1);
  /* A key names one creation: another kind with it is a conflict. */
  people_assert_field_error (fixture, "POST", "/api/v1/components", token,
                             "{\"name\": \"a\", \"class_code\": \"0101\", \"state\": \"normal\","
                             " \"point\": " POINT_1 "}", headers, 409, "conflict", "Idempotency-Key");
  people_assert_field_error (fixture, "POST", "/api/v1/houses", token, body,
                             (const char *[]) { "Idempotency-Key", "", NULL }, 400, "invalid-input",
                             "Idempotency-Key");
}

static void
test_records_unique (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autofree char *token = NULL;
  g_autofree char *code = records_credit_code (2);
  g_autofree char *first = g_strdup_printf ("{\"name\": \"唯一甲\", \"kind\": \"enterprise\","
                                            " \"grid\": \"" GRID_1 "\", \"credit_code\": \"%s\"}", code);
  g_autofree char *second = g_strdup_printf ("{\"name\": \"唯一乙\", \"kind\": \"enterprise\","
                                             " \"grid\": \"" GRID_1 "\", \"credit_code\": \"%s\"}", code);
  g_autofree char *patch = g_strdup_printf ("{\"credit_code\": \"%s\"}", code);
  const char *parcel = "{\"code\": \"U-1\", \"use\": \"green\", \"area_m2\": 1, \"geometry\": " OUTLINE_1 "}";
  gint64 other;

  SKIP_WITHOUT_SERVER (fixture);
  token = sign_in (fixture, "community");
  records_create_id (fixture, token, "organizations", first);
  people_assert_field_error (fixture, "POST", "/api/v1/organizations", token, second, NULL, 409,
                             "conflict", "credit_code");
  other = records_create_id (fixture, token, "organizations",
                             "{\"name\": \"唯一丙\", \"kind\": \"other\", \"grid\": \"" GRID_1 "\"}");
  {
    g_autofree char *path = records_path ("organizations", other, "");

    people_assert_field_error (fixture, "PATCH", path, token, patch,
                               (const char *[]) { "If-Match", "1", NULL }, 409, "conflict",
                               "credit_code");
  }
  records_create_id (fixture, token, "land-parcels", parcel);
  people_assert_field_error (fixture, "POST", "/api/v1/land-parcels", token, parcel, NULL, 409,
                             "conflict", "code");
}

/* Row-level security decides what exists: another community's records are
 * 404 to the community account, another grid's to the grid account. */
static void
test_records_scope (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autofree char *admin = NULL;
  g_autofree char *community = NULL;
  g_autofree char *grid = NULL;
  g_autofree char *elsewhere = NULL;
  g_autofree char *second = NULL;

  SKIP_WITHOUT_SERVER (fixture);
  admin = sign_in (fixture, "admin");
  community = sign_in (fixture, "community");
  grid = sign_in (fixture, "grid");
  elsewhere = people_first_grid (fixture, "110101.002");
  second = people_admin_text (fixture, "SELECT min(code) FROM regions WHERE level = 'grid'"
                                       " AND path <@ '110101.001.001' AND code <> '" GRID_1 "'");
  for (guint i = 0; i < n_record_cases; i++)
    {
      const RecordCase *record_case = &record_cases[i];
      g_autofree char *body = records_case_body (record_case, "丙");
      g_autoptr(JsonNode) parsed = json_from_string (body, NULL);
      JsonObject *object = json_node_get_object (parsed);
      g_autofree char *far_body = NULL;
      g_autofree char *near_body = NULL;
      g_autofree char *far_path = NULL;
      g_autofree char *near_path = NULL;
      g_autofree char *list = records_path (record_case->kind, 0, "?limit=500");
      g_autofree char *patch = g_strdup_printf ("{\"%s\": \"%s\"}", record_case->patch_field,
                                                record_case->patch_value);
      g_autoptr(GArray) community_ids = NULL;
      g_autoptr(GArray) grid_ids = NULL;
      gint64 far, near;

      g_test_message ("kind %s", record_case->kind);
      /* The same record in another street's grid, and in the community's
       * second grid. */
      /* (A point or an outline given with a grid lies in it.) */
      if (json_object_has_member (object, "code"))
        json_object_set_string_member (object, "code", "SCOPE-FAR");
      records_place_in_grid (fixture, object, elsewhere);
      far_body = json_to_string (parsed, FALSE);
      records_place_in_grid (fixture, object, second);
      if (json_object_has_member (object, "code"))
        json_object_set_string_member (object, "code", "SCOPE-NEAR");
      near_body = json_to_string (parsed, FALSE);
      far = records_create_id (fixture, admin, record_case->kind, far_body);
      near = records_create_id (fixture, community, record_case->kind, near_body);
      far_path = records_path (record_case->kind, far, "");
      near_path = records_path (record_case->kind, near, "");

      people_assert_status (fixture, "GET", far_path, admin, NULL, NULL, 200);
      people_assert_field_error (fixture, "GET", far_path, community, NULL, NULL, 404, "not-found", NULL);
      people_assert_field_error (fixture, "PATCH", far_path, community, patch,
                                 (const char *[]) { "If-Match", "1", NULL }, 404, "not-found", NULL);
      people_assert_field_error (fixture, "DELETE", far_path, community, NULL,
                                 (const char *[]) { "If-Match", "1", NULL }, 404, "not-found", NULL);
      people_assert_status (fixture, "GET", near_path, community, NULL, NULL, 200);
      people_assert_field_error (fixture, "GET", near_path, grid, NULL, NULL, 404, "not-found", NULL);
      community_ids = people_list_ids (fixture, list, community);
      g_assert_false (people_ids_contain (community_ids, far));
      g_assert_true (people_ids_contain (community_ids, near));
      grid_ids = people_list_ids (fixture, list, grid);
      g_assert_false (people_ids_contain (grid_ids, near));
    }
}

/* Roles: department, leader and auditor read no records; the dispatcher
 * reads but writes none; grid staff are assigned by the community, not by
 * the grid; the diary is kept by the grid account. */
static void
test_records_roles (Fixture       *fixture,
                    gconstpointer  user_data)
{
  static const char * const readers_not[] = { "dept", "leader", "auditor" };
  g_autofree char *dispatcher = NULL;
  g_autofree char *grid = NULL;

  SKIP_WITHOUT_SERVER (fixture);
  for (guint r = 0; r < G_N_ELEMENTS (readers_not); r++)
    {
      g_autofree char *token = sign_in (fixture, readers_not[r]);

      for (guint i = 0; i < n_record_cases; i++)
        {
          g_autofree char *list = records_path (record_cases[i].kind, 0, "");
          g_autofree char *one = records_path (record_cases[i].kind, 1, "");
          g_autofree char *body = records_case_body (&record_cases[i], "丁");

          people_assert_field_error (fixture, "GET", list, token, NULL, NULL, 403, "forbidden", NULL);
          people_assert_field_error (fixture, "GET", one, token, NULL, NULL, 403, "forbidden", NULL);
          people_assert_field_error (fixture, "POST", list, token, body, NULL, 403, "forbidden", NULL);
        }
    }
  dispatcher = sign_in (fixture, "dispatcher");
  grid = sign_in (fixture, "grid");
  for (guint i = 0; i < n_record_cases; i++)
    {
      g_autofree char *list = records_path (record_cases[i].kind, 0, "");
      g_autofree char *body = records_case_body (&record_cases[i], "戊");

      people_assert_status (fixture, "GET", list, dispatcher, NULL, NULL, 200);
      people_assert_field_error (fixture, "POST", list, dispatcher, body, NULL, 403, "forbidden", NULL);
    }
  people_assert_field_error (fixture, "POST", "/api/v1/grid-staff", grid,
                             "{\"name\": \"a\", \"force\": \"police\", \"grid\": \"" GRID_1 "\"}",
                             NULL, 403, "forbidden", NULL);
  records_create_id (fixture, grid, "diary",
                     "{\"grid\": \"" GRID_1 "\", \"entry_date\": \"2026-03-01\", \"body\": \"巡查\"}");
  people_assert_field_error (fixture, "GET", "/api/v1/houses", NULL, NULL, NULL, 401,
                             "unauthenticated", NULL);
  g_assert_cmpint (admin_count (fixture, "SELECT count(*) FROM grid_staff WHERE name = 'a'"), ==, 0);
}

void
wg_test_add_records_tests (void)
{
  WG_TEST_ADD ("/server/records/crud", test_records_crud);
  WG_TEST_ADD ("/server/records/values", test_records_values);
  WG_TEST_ADD ("/server/records/validation", test_records_validation);
  WG_TEST_ADD ("/server/records/concurrent-edits", test_records_concurrent_edits);
  WG_TEST_ADD ("/server/records/idempotent-create", test_records_idempotent_create);
  WG_TEST_ADD ("/server/records/unique", test_records_unique);
  WG_TEST_ADD ("/server/records/scope", test_records_scope);
  WG_TEST_ADD ("/server/records/roles", test_records_roles);
  WG_TEST_ADD ("/server/records/chains", test_records_chains);
  WG_TEST_ADD ("/server/records/links", test_records_links);
  WG_TEST_ADD ("/server/records/geojson", test_records_geojson);
  WG_TEST_ADD ("/server/records/search", test_records_search);
  WG_TEST_ADD ("/server/records/diary", test_records_diary);
  WG_TEST_ADD ("/server/records/paging", test_records_paging);
  wg_test_add_records_rules_tests ();
}
