/* test-server-records-chain.c — the chains of houses and households, their
 * members and residents, the map layers, search and filters, the diary
 * and paging */
#define G_LOG_DOMAIN "test-server"

#include "config.h"

#include <string.h>

#include "test-server-records-private.h"

static JsonObject *
object_member (JsonNode   *root,
               const char *member)
{
  return json_object_get_object_member (json_node_get_object (root), member);
}

static JsonArray *
array_member (JsonNode   *root,
              const char *member)
{
  return json_object_get_array_member (json_node_get_object (root), member);
}

/* The GRID object of a chain: GRID_1 with its community and street named. */
static void
assert_chain_grid (JsonObject *grid)
{
  g_assert_cmpstr (json_object_get_string_member (grid, "code"), ==, GRID_1);
  g_assert_nonnull (json_object_get_string_member (grid, "name"));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (grid, "community"),
                                                  "code"), ==, "110101001001");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (grid, "community"),
                                                  "name"), ==, "多福巷社区");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (grid, "street"),
                                                  "code"), ==, "110101001");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (grid, "street"),
                                                  "name"), ==, "东华门街道");
}

/* POST @path with @body as @token, asserted 200; the chain it answers. */
static JsonNode *
post_ok (Fixture    *fixture,
         const char *path,
         const char *token,
         const char *body)
{
  g_autoptr(WgTestResponse) response = people_request (fixture, "POST", path, token, body, NULL);

  if (response->status != 200)
    g_error ("POST %s %s: %u %.*s", path, body, response->status,
             (int) g_bytes_get_size (response->body),
             (const char *) g_bytes_get_data (response->body, NULL));
  return json_node_ref (response->json);
}

static char *
member_body (gint64      person,
             const char *relation)
{
  return g_strdup_printf ("{\"person_id\": %" G_GINT64_FORMAT ", \"relation\": \"%s\"}", person,
                          relation);
}

void
test_records_chains (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autofree char *community = NULL;
  g_autofree char *grid = NULL;
  g_autofree char *house_body = NULL;
  g_autofree char *household_body = NULL;
  g_autofree char *members = NULL;
  g_autofree char *head = NULL;
  g_autofree char *house_chain = NULL;
  g_autofree char *household_chain = NULL;
  g_autofree char *person_chain = NULL;
  g_autoptr(JsonNode) chain = NULL;
  g_autoptr(JsonNode) from_house = NULL;
  g_autoptr(JsonNode) person = NULL;
  JsonObject *household;
  gint64 house, family, first, second;

  SKIP_WITHOUT_SERVER (fixture);
  community = sign_in (fixture, "community");
  grid = sign_in (fixture, "grid");
  house = records_create_id (fixture, community, "houses",
                             "{\"address\": \"链条胡同8号\", \"use\": \"residential\","
                             " \"point\": " POINT_1 "}");
  /* The household's grid is its house's. */
  household_body = g_strdup_printf ("{\"kind\": \"family\", \"house_id\": %" G_GINT64_FORMAT "}", house);
  {
    g_autoptr(JsonNode) created = records_create (fixture, community, "households", household_body);

    family = records_member_int (created, "id");
    g_assert_cmpstr (json_object_get_string_member (object_member (created, "grid"), "code"), ==, GRID_1);
    g_assert_cmpstr (records_member_string (created, "address"), ==, "链条胡同8号");
    g_assert_cmpint (records_member_int (created, "member_count"), ==, 0);
    g_assert_true (json_object_get_null_member (json_node_get_object (created), "head_name"));
  }
  first = people_create_simple (fixture, community, "链甲", GRID_1, NULL, NULL);
  second = people_create_simple (fixture, community, "链乙", GRID_1, NULL, NULL);
  members = records_path ("households", family, "/members");
  head = member_body (first, "head");
  g_clear_pointer (&chain, json_node_unref);
  chain = post_ok (fixture, members, community, head);
  g_clear_pointer (&chain, json_node_unref);
  {
    g_autofree char *spouse = member_body (second, "spouse");

    chain = post_ok (fixture, members, community, spouse);
  }

  household_chain = records_path ("households", family, "/chain");
  g_clear_pointer (&chain, json_node_unref);
  chain = records_get_ok (fixture, household_chain, community);
  household = object_member (chain, "household");
  g_assert_cmpstr (json_object_get_string_member (household, "head_name"), ==, "链甲");
  g_assert_cmpint (json_object_get_int_member (household, "member_count"), ==, 2);
  g_assert_cmpuint (json_array_get_length (array_member (chain, "members")), ==, 2);
  {
    JsonObject *member = json_array_get_object_element (array_member (chain, "members"), 0);

    g_assert_cmpint (json_object_get_int_member (member, "id"), ==, first);
    g_assert_cmpstr (json_object_get_string_member (member, "relation"), ==, "head");
    g_assert_cmpstr (json_object_get_string_member (member, "name"), ==, "链甲");
    g_assert_cmpstr (json_object_get_string_member (member, "sex"), ==, "male");
    g_assert_nonnull (json_object_get_string_member (member, "birth_date"));
  }
  g_assert_cmpint (json_object_get_int_member (object_member (chain, "house"), "id"), ==, house);
  assert_chain_grid (object_member (chain, "grid"));

  house_chain = records_path ("houses", house, "/chain");
  from_house = records_get_ok (fixture, house_chain, grid);
  g_assert_cmpint (json_object_get_int_member (object_member (from_house, "house"), "id"), ==, house);
  {
    JsonObject *first_household = json_array_get_object_element (array_member (from_house, "households"), 0);

    g_assert_cmpint (json_object_get_int_member (first_household, "id"), ==, family);
    g_assert_cmpstr (json_object_get_string_member (first_household, "head_name"), ==, "链甲");
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (first_household, "members")), ==, 2);
  }
  g_assert_cmpuint (json_array_get_length (array_member (from_house, "residents")), ==, 0);
  assert_chain_grid (object_member (from_house, "grid"));

  /* The person's chain names the street above the community's scope. */
  person_chain = people_person_path (first, "/chain");
  person = records_get_ok (fixture, person_chain, community);
  assert_chain_grid (object_member (person, "grid"));

  {
    g_autofree char *missing = records_path ("houses", 999999999, "/chain");

    people_assert_field_error (fixture, "GET", missing, community, NULL, NULL, 404, "not-found", NULL);
  }
}

void
test_records_links (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autofree char *community = NULL;
  g_autofree char *members = NULL;
  g_autofree char *other_members = NULL;
  g_autofree char *residents = NULL;
  g_autofree char *head = NULL;
  g_autofree char *second_head = NULL;
  g_autofree char *again = NULL;
  g_autofree char *resident = NULL;
  g_autofree char *one_resident = NULL;
  g_autofree char *one_member = NULL;
  g_autoptr(JsonNode) chain = NULL;
  gint64 house, family, other, first, second, residence;

  SKIP_WITHOUT_SERVER (fixture);
  community = sign_in (fixture, "community");
  house = records_create_id (fixture, community, "houses",
                             "{\"address\": \"住户胡同3号\", \"use\": \"residential\", \"grid\": \"" GRID_1 "\"}");
  family = records_create_id (fixture, community, "households", "{\"kind\": \"family\", \"grid\": \"" GRID_1 "\"}");
  other = records_create_id (fixture, community, "households", "{\"kind\": \"collective\", \"grid\": \"" GRID_1 "\"}");
  first = people_create_simple (fixture, community, "住甲", GRID_1, NULL, NULL);
  second = people_create_simple (fixture, community, "住乙", GRID_1, NULL, NULL);
  members = records_path ("households", family, "/members");
  other_members = records_path ("households", other, "/members");
  head = member_body (first, "head");
  second_head = member_body (second, "head");
  again = member_body (first, "child");

  chain = post_ok (fixture, members, community, head);
  /* One head per household; one household per person. */
  people_assert_field_error (fixture, "POST", members, community, second_head, NULL, 409, "conflict", "relation");
  people_assert_field_error (fixture, "POST", other_members, community, again, NULL, 409, "conflict", "person_id");
  people_assert_field_error (fixture, "POST", members, community, "{\"person_id\": 999999999, \"relation\": \"child\"}",
                             NULL, 404, "not-found", "person_id");
  people_assert_field_error (fixture, "POST", members, community, "{\"person_id\": 1, \"relation\": \"cousin\"}",
                             NULL, 400, "invalid-input", "relation");
  people_assert_field_error (fixture, "POST", members, community, "{\"relation\": \"child\"}",
                             NULL, 400, "invalid-input", "person_id");
  {
    g_autofree char *absent = records_path ("households", 999999999, "/members");

    people_assert_field_error (fixture, "POST", absent, community, second_head, NULL, 404, "not-found", NULL);
  }
  g_clear_pointer (&chain, json_node_unref);
  chain = post_ok (fixture, other_members, community, second_head);
  g_assert_cmpuint (json_array_get_length (array_member (chain, "members")), ==, 1);

  /* Residents of the house. */
  residents = records_path ("houses", house, "/residents");
  resident = g_strdup_printf ("{\"person_id\": %" G_GINT64_FORMAT ", \"kind\": \"owner\","
                              " \"from_date\": \"2020-01-01\"}", second);
  g_clear_pointer (&chain, json_node_unref);
  chain = post_ok (fixture, residents, community, resident);
  g_assert_cmpuint (json_array_get_length (array_member (chain, "residents")), ==, 1);
  {
    JsonObject *row = json_array_get_object_element (array_member (chain, "residents"), 0);

    residence = json_object_get_int_member (row, "id");
    g_assert_cmpint (json_object_get_int_member (row, "person_id"), ==, second);
    g_assert_cmpstr (json_object_get_string_member (row, "name"), ==, "住乙");
    g_assert_cmpstr (json_object_get_string_member (row, "kind"), ==, "owner");
    g_assert_cmpstr (json_object_get_string_member (row, "from_date"), ==, "2020-01-01");
    g_assert_true (json_object_get_null_member (row, "to_date"));
  }
  people_assert_field_error (fixture, "POST", residents, community,
                             "{\"person_id\": 1, \"kind\": \"landlord\", \"from_date\": \"2020-01-01\"}",
                             NULL, 400, "invalid-input", "kind");
  {
    g_autofree char *backwards = g_strdup_printf ("{\"person_id\": %" G_GINT64_FORMAT ", \"kind\": \"tenant\","
                                                  " \"from_date\": \"2020-01-01\", \"to_date\": \"2019-01-01\"}",
                                                  first);

    people_assert_field_error (fixture, "POST", residents, community, backwards, NULL, 400,
                               "invalid-input", "to_date");
  }

  /* Removing: 204, then 404; audited. */
  one_resident = g_strdup_printf ("%s/%" G_GINT64_FORMAT, residents, residence);
  people_assert_status (fixture, "DELETE", one_resident, community, NULL, NULL, 204);
  people_assert_field_error (fixture, "DELETE", one_resident, community, NULL, NULL, 404, "not-found", NULL);
  one_member = g_strdup_printf ("%s/%" G_GINT64_FORMAT, members, first);
  people_assert_status (fixture, "DELETE", one_member, community, NULL, NULL, 204);
  people_assert_field_error (fixture, "DELETE", one_member, community, NULL, NULL, 404, "not-found", NULL);
  {
    g_autofree char *audited = g_strdup_printf ("SELECT count(*) FROM audit_log WHERE table_name = 'household_member'"
                                                " AND record_id = %" G_GINT64_FORMAT, first);

    g_assert_cmpint (admin_count (fixture, audited), ==, 2);
  }
  /* The head is free again. */
  g_clear_pointer (&chain, json_node_unref);
  chain = post_ok (fixture, members, community, again);
  /* A household moved to another grid takes its members' rows along. */
  {
    g_autofree char *second_grid = people_admin_text (fixture, "SELECT min(code) FROM regions WHERE level = 'grid'"
                                                                " AND path <@ '110101.001.001' AND code <> '" GRID_1 "'");
    g_autofree char *path = records_path ("households", family, "");
    g_autofree char *move = g_strdup_printf ("{\"grid\": \"%s\"}", second_grid);
    g_autofree char *moved = g_strdup_printf ("SELECT count(*) FROM household_member m JOIN household h"
                                              " ON h.id = m.household_id WHERE h.id = %" G_GINT64_FORMAT
                                              " AND m.path = h.path", family);

    g_autoptr(JsonNode) current = records_get_ok (fixture, path, community);
    g_autofree char *version = g_strdup_printf ("%" G_GINT64_FORMAT, records_member_int (current, "version"));

    /* Each member added or removed was a change of the household. */
    g_assert_cmpint (records_member_int (current, "version"), ==, 4);
    people_assert_status (fixture, "PATCH", path, community, move, (const char *[]) { "If-Match", version, NULL },
                          200);
    g_assert_cmpint (admin_count (fixture, moved), ==, 1);
  }
  {
    g_autofree char *dispatcher = sign_in (fixture, "dispatcher");

    people_assert_field_error (fixture, "POST", members, dispatcher, second_head, NULL, 403, "forbidden", NULL);
  }
}

/* The FeatureCollection of GET @path (asserted 200, application/geo+json). */
static JsonNode *
features (Fixture            *fixture,
          const char         *path,
          const char         *token,
          const char * const *headers)
{
  g_autoptr(WgTestResponse) response = people_request (fixture, "GET", path, token, NULL, headers);

  g_assert_cmpuint (response->status, ==, 200);
  g_assert_cmpstr (soup_message_headers_get_content_type (response->headers, NULL), ==,
                   "application/geo+json");
  g_assert_cmpstr (records_member_string (response->json, "type"), ==, "FeatureCollection");
  return json_node_ref (response->json);
}

static guint
n_features (JsonNode *collection)
{
  return json_array_get_length (array_member (collection, "features"));
}

void
test_records_geojson (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autofree char *token = NULL;
  g_autoptr(JsonNode) all = NULL;
  g_autoptr(JsonNode) accepted = NULL;
  g_autoptr(JsonNode) capped = NULL;
  g_autoptr(JsonNode) inside = NULL;
  g_autoptr(JsonNode) outside = NULL;
  g_autoptr(JsonNode) land = NULL;
  JsonObject *feature;
  gint64 first = 0;

  SKIP_WITHOUT_SERVER (fixture);
  token = sign_in (fixture, "community");
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *body = g_strdup_printf ("{\"address\": \"地图胡同%u号\", \"use\": \"office\","
                                               " \"point\": " POINT_1 "}", i);
      gint64 id = records_create_id (fixture, token, "houses", body);

      first = first == 0 ? id : first;
    }
  /* Without a location a record is on no map. */
  records_create_id (fixture, token, "houses",
                     "{\"address\": \"地图胡同无号\", \"use\": \"office\", \"grid\": \"" GRID_1 "\"}");
  all = features (fixture, "/api/v1/houses?format=geojson&region=" GRID_1, token, NULL);
  g_assert_cmpuint (n_features (all), ==, 3);
  g_assert_false (json_object_get_boolean_member (json_node_get_object (all), "truncated"));
  feature = json_array_get_object_element (array_member (all, "features"), 0);
  g_assert_cmpstr (json_object_get_string_member (feature, "type"), ==, "Feature");
  g_assert_cmpint (json_object_get_int_member (feature, "id"), ==, first);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (feature, "geometry"), "type"),
                   ==, "Point");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (feature, "properties"), "address"),
                   ==, "地图胡同0号");
  g_assert_false (json_object_has_member (json_object_get_object_member (feature, "properties"), "point"));

  accepted = features (fixture, "/api/v1/houses?region=" GRID_1, token,
                       (const char *[]) { "Accept", "application/geo+json", NULL });
  g_assert_cmpuint (n_features (accepted), ==, 3);
  capped = features (fixture, "/api/v1/houses?format=geojson&limit=2&region=" GRID_1, token, NULL);
  g_assert_cmpuint (n_features (capped), ==, 2);
  g_assert_true (json_object_get_boolean_member (json_node_get_object (capped), "truncated"));
  inside = features (fixture, "/api/v1/houses?format=geojson&bbox=116.39,39.92,116.40,39.93&region=" GRID_1,
                     token, NULL);
  g_assert_cmpuint (n_features (inside), ==, 3);
  outside = features (fixture, "/api/v1/houses?format=geojson&bbox=116.0,39.0,116.1,39.1", token, NULL);
  g_assert_cmpuint (n_features (outside), ==, 0);

  records_create_id (fixture, token, "land-parcels",
                     "{\"code\": \"MAP-1\", \"use\": \"green\", \"area_m2\": 9, \"geometry\": " OUTLINE_1 "}");
  land = features (fixture, "/api/v1/land-parcels?format=geojson&region=" GRID_1, token, NULL);
  feature = json_array_get_object_element (array_member (land, "features"), n_features (land) - 1);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (feature, "geometry"), "type"),
                   ==, "MultiPolygon");
  g_assert_false (json_object_has_member (json_object_get_object_member (feature, "properties"), "geometry"));
  people_assert_field_error (fixture, "GET", "/api/v1/houses?format=geojson&limit=2001", token, NULL, NULL,
                             400, "invalid-input", "limit");
}

/* The number of items of GET @path, and whether it holds @id. */
static guint
count_items (Fixture    *fixture,
             const char *path,
             const char *token,
             gint64      id,
             gboolean   *found)
{
  g_autoptr(GArray) ids = people_list_ids (fixture, path, token);

  if (found != NULL)
    *found = people_ids_contain (ids, id);
  return ids->len;
}

void
test_records_search (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autofree char *token = NULL;
  g_autofree char *code = records_credit_code (3);
  g_autofree char *lower = g_ascii_strdown (code, -1);
  g_autofree char *organization = g_strdup_printf ("{\"name\": \"青龙搜索科技\", \"kind\": \"enterprise\","
                                                   " \"grid\": \"" GRID_1 "\", \"credit_code\": \"%s\"}", code);
  g_autofree char *by_code = g_strdup_printf ("/api/v1/organizations?q=%s", code);
  g_autofree char *by_lower = g_strdup_printf ("/api/v1/organizations?q=%s", lower);
  gint64 house, dragon, lamp, entry;
  gboolean found = FALSE;

  SKIP_WITHOUT_SERVER (fixture);
  token = sign_in (fixture, "community");
  house = records_create_id (fixture, token, "houses",
                             "{\"address\": \"寻觅胡同12号\", \"use\": \"office\", \"grid\": \"" GRID_1 "\"}");
  records_create_id (fixture, token, "houses",
                     "{\"address\": \"寻觅胡同34号\", \"use\": \"commercial\", \"grid\": \"" GRID_1 "\"}");
  g_assert_cmpuint (count_items (fixture, "/api/v1/houses?q=%E5%AF%BB%E8%A7%85", token, house, &found), ==, 2);
  g_assert_true (found);
  g_assert_cmpuint (count_items (fixture, "/api/v1/houses?q=%E5%AF%BB%E8%A7%85%E8%83%A1%E5%90%8C12", token,
                                 house, &found), ==, 1);
  g_assert_true (found);
  g_assert_cmpuint (count_items (fixture, "/api/v1/houses?q=%E5%AF%BB%E8%A7%85&use=office", token, house,
                                 &found), ==, 1);
  {
    g_autoptr(JsonNode) page = records_get_ok (fixture, "/api/v1/houses?q=%E5%AF%BB%E8%A7%85&total=true", token);

    g_assert_cmpint (records_member_int (page, "total"), ==, 2);
  }

  dragon = records_create_id (fixture, token, "organizations", organization);
  records_create_id (fixture, token, "organizations",
                     "{\"name\": \"白虎搜索贸易\", \"kind\": \"enterprise\", \"grid\": \"" GRID_1 "\"}");
  g_assert_cmpuint (count_items (fixture, "/api/v1/organizations?q=%E9%9D%92%E9%BE%99", token, dragon, &found), ==, 1);
  g_assert_true (found);
  g_assert_cmpuint (count_items (fixture, by_code, token, dragon, &found), ==, 1);
  g_assert_true (found);
  g_assert_cmpuint (count_items (fixture, by_lower, token, dragon, &found), ==, 1);
  g_assert_true (found);
  g_assert_cmpuint (count_items (fixture, "/api/v1/organizations?q=%E6%90%9C%E7%B4%A2", token, dragon, NULL), ==, 2);

  lamp = records_create_id (fixture, token, "components",
                            "{\"name\": \"寻灯甲\", \"class_code\": \"0101\", \"state\": \"normal\", \"point\": " POINT_1 "}");
  records_create_id (fixture, token, "components",
                     "{\"name\": \"寻灯乙\", \"class_code\": \"0201\", \"state\": \"damaged\", \"point\": " POINT_1 "}");
  g_assert_cmpuint (count_items (fixture, "/api/v1/components?q=%E5%AF%BB%E7%81%AF", token, lamp, NULL), ==, 2);
  g_assert_cmpuint (count_items (fixture, "/api/v1/components?q=%E5%AF%BB%E7%81%AF&class_code=01", token,
                                 lamp, &found), ==, 1);
  g_assert_true (found);
  g_assert_cmpuint (count_items (fixture, "/api/v1/components?q=%E5%AF%BB%E7%81%AF&class_code=0101", token,
                                 lamp, &found), ==, 1);
  g_assert_true (found);
  g_assert_cmpuint (count_items (fixture, "/api/v1/components?q=%E5%AF%BB%E7%81%AF&class_code=0102", token,
                                 lamp, NULL), ==, 0);
  g_assert_cmpuint (count_items (fixture, "/api/v1/components?q=%E5%AF%BB%E7%81%AF&state=damaged", token,
                                 lamp, &found), ==, 1);
  g_assert_false (found);

  entry = records_create_id (fixture, token, "diary",
                             "{\"grid\": \"" GRID_1 "\", \"entry_date\": \"2026-04-01\", \"body\": \"寻访甲\","
                             " \"follow_up\": true}");
  records_create_id (fixture, token, "diary",
                     "{\"grid\": \"" GRID_1 "\", \"entry_date\": \"2026-04-01\", \"body\": \"寻访乙\"}");
  g_assert_cmpuint (count_items (fixture, "/api/v1/diary?q=%E5%AF%BB%E8%AE%BF&follow_up=true", token, entry,
                                 &found), ==, 1);
  g_assert_true (found);
  g_assert_cmpuint (count_items (fixture, "/api/v1/diary?q=%E5%AF%BB%E8%AE%BF&grid=" GRID_1, token, entry,
                                 NULL), ==, 2);
}

void
test_records_diary (Fixture       *fixture,
                    gconstpointer  user_data)
{
  static const char * const dates[] = { "2026-03-01", "2026-03-03", "2026-03-02" };
  g_autofree char *grid = NULL;
  g_autofree char *community = NULL;
  g_autofree char *display_name = NULL;
  g_autofree char *grid_path = NULL;
  g_autofree char *community_path = NULL;
  g_autoptr(JsonNode) first_page = NULL;
  g_autoptr(JsonNode) second_page = NULL;
  g_autofree char *next = NULL;
  gint64 ids[3];
  gint64 theirs;

  SKIP_WITHOUT_SERVER (fixture);
  grid = sign_in (fixture, "grid");
  community = sign_in (fixture, "community");
  display_name = people_admin_text (fixture, "SELECT display_name FROM users WHERE username = 'grid'");
  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autofree char *body = g_strdup_printf ("{\"grid\": \"" GRID_1 "\", \"entry_date\": \"%s\","
                                               " \"body\": \"日志%u\", \"households_visited\": %u}",
                                               dates[i], i, i + 1);
      g_autoptr(JsonNode) entry = records_create (fixture, grid, "diary", body);

      ids[i] = records_member_int (entry, "id");
      g_assert_cmpstr (records_member_string (entry, "author"), ==, display_name);
    }
  theirs = records_create_id (fixture, community, "diary",
                              "{\"grid\": \"" GRID_1 "\", \"entry_date\": \"2026-03-04\", \"body\": \"别人的\"}");

  /* Mine, newest first, two by two. */
  first_page = records_get_ok (fixture, "/api/v1/diary?mine=true&limit=2&total=true", grid);
  g_assert_cmpint (records_member_int (first_page, "total"), ==, 3);
  g_assert_cmpuint (json_array_get_length (array_member (first_page, "items")), ==, 2);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (array_member (first_page, "items"), 0),
                                               "id"), ==, ids[1]);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (array_member (first_page, "items"), 1),
                                               "id"), ==, ids[2]);
  next = g_strdup_printf ("/api/v1/diary?mine=true&limit=2&cursor=%s",
                          records_member_string (first_page, "next_cursor"));
  second_page = records_get_ok (fixture, next, grid);
  g_assert_cmpuint (json_array_get_length (array_member (second_page, "items")), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (array_member (second_page, "items"), 0),
                                               "id"), ==, ids[0]);
  g_assert_true (json_object_get_null_member (json_node_get_object (second_page), "next_cursor"));
  g_assert_cmpuint (count_items (fixture, "/api/v1/diary?mine=true&from=2026-03-02", grid, ids[0], NULL), ==, 2);
  g_assert_cmpuint (count_items (fixture, "/api/v1/diary?mine=true&to=2026-03-01", grid, ids[0], NULL), ==, 1);
  g_assert_cmpuint (count_items (fixture, "/api/v1/diary?from=2026-03-01&to=2026-03-04", community, theirs,
                                 NULL), ==, 4);

  /* Only the author edits or deletes an entry. */
  grid_path = records_path ("diary", ids[0], "");
  community_path = records_path ("diary", theirs, "");
  people_assert_field_error (fixture, "PATCH", grid_path, community, "{\"body\": \"不\"}",
                             (const char *[]) { "If-Match", "1", NULL }, 403, "forbidden", NULL);
  people_assert_field_error (fixture, "DELETE", grid_path, community, NULL,
                             (const char *[]) { "If-Match", "1", NULL }, 403, "forbidden", NULL);
  people_assert_field_error (fixture, "DELETE", community_path, grid, NULL,
                             (const char *[]) { "If-Match", "1", NULL }, 403, "forbidden", NULL);
  people_assert_status (fixture, "PATCH", grid_path, grid, "{\"body\": \"改\"}",
                        (const char *[]) { "If-Match", "1", NULL }, 200);
  people_assert_field_error (fixture, "POST", "/api/v1/diary", grid,
                             "{\"grid\": \"" GRID_1 "\", \"entry_date\": \"2026-03-01\", \"body\": \"x\","
                             " \"author\": \"冒名\"}", NULL, 400, "invalid-input", "author");
}

void
test_records_paging (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autofree char *token = NULL;
  g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *path = g_strdup ("/api/v1/houses?q=%E7%BF%BB%E9%A1%B5&limit=2");
  guint pages = 0;

  SKIP_WITHOUT_SERVER (fixture);
  token = sign_in (fixture, "community");
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *body = g_strdup_printf ("{\"address\": \"翻页胡同%u号\", \"use\": \"office\","
                                               " \"grid\": \"" GRID_1 "\"}", i);

      records_create_id (fixture, token, "houses", body);
    }
  while (path != NULL)
    {
      g_autoptr(JsonNode) page = records_get_ok (fixture, path, token);
      JsonArray *items = array_member (page, "items");
      JsonNode *cursor = json_object_get_member (json_node_get_object (page), "next_cursor");

      for (guint i = 0; i < json_array_get_length (items); i++)
        {
          gint64 id = json_object_get_int_member (json_array_get_object_element (items, i), "id");

          if (seen->len > 0)
            g_assert_cmpint (id, >, g_array_index (seen, gint64, seen->len - 1));
          g_array_append_val (seen, id);
        }
      g_clear_pointer (&path, g_free);
      if (!JSON_NODE_HOLDS_NULL (cursor))
        path = g_strdup_printf ("/api/v1/houses?q=%%E7%%BF%%BB%%E9%%A1%%B5&limit=2&cursor=%s",
                                json_node_get_string (cursor));
      pages++;
    }
  g_assert_cmpuint (seen->len, ==, 5);
  g_assert_cmpuint (pages, ==, 3);
}
