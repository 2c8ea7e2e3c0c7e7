/* test-server-records-rules.c — the records' rules found by review: the
 * grid filter, viewports within the scope, a house's or household's move
 * and what follows it, a location given with its grid, short searches,
 * links and versions, the Accept header, repeated list items */
#define G_LOG_DOMAIN "test-server"

#include "config.h"

#include <string.h>

#include "test-server-records-private.h"

#define COMMUNITY_1 "110101001001"

/* A grid of the community of GRID_1 other than GRID_1. */
static char *
second_grid (Fixture *fixture)
{
  return people_admin_text (fixture, "SELECT min(code) FROM regions WHERE level = 'grid'"
                                     " AND path <@ '110101.001.001' AND code <> '" GRID_1 "'");
}

/* "[lon, lat]" of a point inside the region @code. */
static char *
point_in (Fixture    *fixture,
          const char *code)
{
  g_autofree char *sql = g_strdup_printf ("SELECT format('[%%s, %%s]', round(ST_X(p)::numeric, 6),"
                                          " round(ST_Y(p)::numeric, 6)) FROM (SELECT"
                                          " ST_PointOnSurface(geom) AS p FROM regions"
                                          " WHERE code = '%s') s", code);

  return people_admin_text (fixture, sql);
}

static JsonArray *
items_of (JsonNode *page)
{
  return json_object_get_array_member (json_node_get_object (page), "items");
}

static gint64
record_version (Fixture    *fixture,
                const char *kind,
                gint64      id,
                const char *token)
{
  g_autofree char *path = records_path (kind, id, "");
  g_autoptr(JsonNode) record = records_get_ok (fixture, path, token);

  return records_member_int (record, "version");
}

/* The rows of @table whose path is not @path, among those @condition
 * selects. */
static gint64
rows_elsewhere (Fixture    *fixture,
                const char *table,
                const char *condition,
                const char *path)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE %s AND path <> '%s'",
                                          table, condition, path);

  return admin_count (fixture, sql);
}

/* grid=: the records of that grid only, as the scope narrowed to it; a
 * grid outside the scope (or the region) is 404 naming "grid".  Every
 * item names its grid. */
static void
test_records_grid_filter (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autofree char *community = NULL;
  g_autofree char *grid = NULL;
  g_autofree char *other = second_grid (fixture);
  g_autofree char *other_body = NULL;
  g_autofree char *by_other = NULL;
  g_autofree char *other_in_grid_1 = NULL;
  g_autoptr(JsonNode) page = NULL;
  gint64 mine, theirs, first_entry, second_entry;
  gboolean found = FALSE;

  SKIP_WITHOUT_SERVER (fixture);
  community = sign_in (fixture, "community");
  grid = sign_in (fixture, "grid");
  mine = records_create_id (fixture, community, "houses",
                            "{\"address\": \"网格甲1号\", \"use\": \"office\", \"grid\": \"" GRID_1 "\"}");
  other_body = g_strdup_printf ("{\"address\": \"网格乙1号\", \"use\": \"office\", \"grid\": \"%s\"}", other);
  theirs = records_create_id (fixture, community, "houses", other_body);

  page = records_get_ok (fixture, "/api/v1/houses?grid=" GRID_1 "&total=true", community);
  g_assert_cmpuint (json_array_get_length (items_of (page)), ==, 1);
  g_assert_cmpint (records_member_int (page, "total"), ==, 1);
  {
    JsonObject *item = json_array_get_object_element (items_of (page), 0);
    JsonObject *item_grid = json_object_get_object_member (item, "grid");

    g_assert_cmpint (json_object_get_int_member (item, "id"), ==, mine);
    g_assert_cmpstr (json_object_get_string_member (item_grid, "code"), ==, GRID_1);
    g_assert_cmpstr (json_object_get_string_member (item_grid, "name"), ==, "多福巷社区第1网格");
  }
  by_other = g_strdup_printf ("/api/v1/houses?grid=%s", other);
  {
    g_autoptr(GArray) ids = people_list_ids (fixture, by_other, community);

    g_assert_cmpuint (ids->len, ==, 1);
    found = people_ids_contain (ids, theirs);
    g_assert_true (found);
  }
  {
    g_autoptr(GArray) ids = people_list_ids (fixture, "/api/v1/houses?region=" COMMUNITY_1 "&grid=" GRID_1,
                                             community);

    g_assert_cmpuint (ids->len, ==, 1);
  }
  other_in_grid_1 = g_strdup_printf ("/api/v1/houses?region=" GRID_1 "&grid=%s", other);
  people_assert_field_error (fixture, "GET", other_in_grid_1, community, NULL, NULL, 404, "not-found", "grid");
  people_assert_field_error (fixture, "GET", by_other, grid, NULL, NULL, 404, "not-found", "grid");
  people_assert_field_error (fixture, "GET", "/api/v1/houses?grid=110101002001001", community, NULL, NULL,
                             404, "not-found", "grid");
  people_assert_field_error (fixture, "GET", "/api/v1/houses?grid=1101010010", community, NULL, NULL,
                             400, "invalid-input", "grid");

  /* The diary of one grid, newest first; the map layer of one grid. */
  first_entry = records_create_id (fixture, grid, "diary",
                                   "{\"grid\": \"" GRID_1 "\", \"entry_date\": \"2026-05-01\", \"body\": \"一\"}");
  second_entry = records_create_id (fixture, grid, "diary",
                                    "{\"grid\": \"" GRID_1 "\", \"entry_date\": \"2026-05-02\", \"body\": \"二\"}");
  {
    g_autofree char *path = g_strdup_printf ("/api/v1/diary?grid=%s", other);
    g_autoptr(JsonNode) entries = records_get_ok (fixture, "/api/v1/diary?grid=" GRID_1, community);
    g_autoptr(GArray) none = people_list_ids (fixture, path, community);

    g_assert_cmpuint (json_array_get_length (items_of (entries)), ==, 2);
    g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (items_of (entries), 0), "id"),
                     ==, second_entry);
    g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (items_of (entries), 1), "id"),
                     ==, first_entry);
    g_assert_cmpuint (none->len, ==, 0);
  }
  records_create_id (fixture, community, "components",
                     "{\"name\": \"网格井盖\", \"class_code\": \"0101\", \"state\": \"normal\", \"point\": " POINT_1 "}");
  {
    g_autoptr(JsonNode) layer = records_get_ok (fixture, "/api/v1/components?format=geojson&grid=" GRID_1,
                                                community);
    JsonArray *features = json_object_get_array_member (json_node_get_object (layer), "features");
    JsonObject *properties = json_object_get_object_member (json_array_get_object_element (features, 0),
                                                            "properties");

    g_assert_cmpuint (json_array_get_length (features), ==, 1);
    g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (properties, "grid"), "code"),
                     ==, GRID_1);
  }
}

/* A viewport shows every layer's records inside it, and only those of the
 * caller's scope. */
static void
test_records_bbox_scope (Fixture       *fixture,
                         gconstpointer  user_data)
{
  static const char * const layers[] = {
    "houses", "land-parcels", "components", "organizations", "underground-spaces",
  };
  g_autofree char *admin = NULL;
  g_autofree char *community = NULL;
  g_autofree char *far_grid = people_admin_text (fixture, "SELECT min(code) FROM regions WHERE level = 'grid'"
                                                          " AND path <@ '110101.001' AND NOT path <@ '110101.001.001'");
  g_autofree char *far_point = point_in (fixture, far_grid);
  g_autofree char *far_body = g_strdup_printf ("{\"address\": \"远处1号\", \"use\": \"office\", \"point\": %s}",
                                               far_point);
  g_autofree char *both = NULL;
  gint64 far_house;

  SKIP_WITHOUT_SERVER (fixture);
  admin = sign_in (fixture, "admin");
  community = sign_in (fixture, "community");
  for (guint i = 0; i < n_record_cases; i++)
    {
      g_autofree char *body = NULL;

      if (!g_strv_contains (layers, record_cases[i].kind))
        continue;
      body = records_case_body (&record_cases[i], "框");
      /* Organizations and underground spaces of the cases have a grid but
       * no location: put them at POINT_1. */
      if (strstr (body, "\"point\"") == NULL && strstr (body, "\"geometry\"") == NULL)
        {
          g_autofree char *located = g_strndup (body, strlen (body) - 1);

          g_free (body);
          body = g_strconcat (located, ", \"point\": " POINT_1 "}", NULL);
        }
      records_create_id (fixture, community, record_cases[i].kind, body);
    }
  for (guint i = 0; i < G_N_ELEMENTS (layers); i++)
    {
      g_autofree char *inside = g_strdup_printf ("/api/v1/%s?format=geojson&bbox=116.39,39.92,116.40,39.93",
                                                 layers[i]);
      g_autofree char *outside = g_strdup_printf ("/api/v1/%s?format=geojson&bbox=116.0,39.0,116.1,39.1",
                                                  layers[i]);
      g_autoptr(JsonNode) in = records_get_ok (fixture, inside, community);
      g_autoptr(JsonNode) out = records_get_ok (fixture, outside, community);

      g_test_message ("layer %s", layers[i]);
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (in), "features")),
                        ==, 1);
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (out), "features")),
                        ==, 0);
    }

  /* A house of another community in a viewport holding both. */
  far_house = records_create_id (fixture, admin, "houses", far_body);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT format('%%s,%%s,%%s,%%s', least(ST_X(a), ST_X(b)) - 0.001,"
                                            " least(ST_Y(a), ST_Y(b)) - 0.001, greatest(ST_X(a), ST_X(b)) + 0.001,"
                                            " greatest(ST_Y(a), ST_Y(b)) + 0.001) FROM (SELECT"
                                            " ST_SetSRID(ST_MakePoint(116.3933, 39.9213), 4326) AS a,"
                                            " point AS b FROM house WHERE id = %" G_GINT64_FORMAT ") s", far_house);
    g_autofree char *box = people_admin_text (fixture, sql);

    both = g_strdup_printf ("/api/v1/houses?format=geojson&bbox=%s", box);
  }
  {
    g_autoptr(JsonNode) seen_by_admin = records_get_ok (fixture, both, admin);
    g_autoptr(JsonNode) seen_by_community = records_get_ok (fixture, both, community);
    JsonArray *features = json_object_get_array_member (json_node_get_object (seen_by_community), "features");

    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (seen_by_admin),
                                                                           "features")), ==, 2);
    g_assert_cmpuint (json_array_get_length (features), ==, 1);
    g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (features, 0), "id"), !=, far_house);
  }
}

/* A house moved to another grid takes its households, their members and
 * its residences along; a household's grid is its house's. */
static void
test_records_moves (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autofree char *community = NULL;
  g_autofree char *grid = NULL;
  g_autofree char *other = second_grid (fixture);
  g_autofree char *other_point = point_in (fixture, other);
  g_autofree char *other_path = NULL;
  g_autofree char *household_body = NULL;
  g_autofree char *house_path = NULL;
  g_autofree char *household_path = NULL;
  g_autofree char *move = NULL;
  g_autofree char *condition = NULL;
  gint64 house, family, person;

  SKIP_WITHOUT_SERVER (fixture);
  community = sign_in (fixture, "community");
  grid = sign_in (fixture, "grid");
  house = records_create_id (fixture, community, "houses",
                             "{\"address\": \"搬家胡同1号\", \"use\": \"residential\", \"point\": " POINT_1 "}");
  household_body = g_strdup_printf ("{\"kind\": \"family\", \"house_id\": %" G_GINT64_FORMAT "}", house);
  family = records_create_id (fixture, community, "households", household_body);
  person = people_create_simple (fixture, community, "搬甲", GRID_1, NULL, NULL);
  {
    g_autofree char *members = records_path ("households", family, "/members");
    g_autofree char *residents = records_path ("houses", house, "/residents");
    g_autofree char *member = g_strdup_printf ("{\"person_id\": %" G_GINT64_FORMAT ", \"relation\": \"head\"}",
                                               person);
    g_autofree char *resident = g_strdup_printf ("{\"person_id\": %" G_GINT64_FORMAT ", \"kind\": \"owner\","
                                                 " \"from_date\": \"2020-01-01\"}", person);

    people_assert_status (fixture, "POST", members, community, member, NULL, 200);
    people_assert_status (fixture, "POST", residents, community, resident, NULL, 200);
  }

  /* A household's grid other than its house's is refused. */
  {
    g_autofree char *body = g_strdup_printf ("{\"kind\": \"family\", \"house_id\": %" G_GINT64_FORMAT ","
                                             " \"grid\": \"%s\"}", house, other);

    people_assert_field_error (fixture, "POST", "/api/v1/households", community, body, NULL, 400,
                               "invalid-input", "grid");
  }
  household_path = records_path ("households", family, "");
  move = g_strdup_printf ("{\"grid\": \"%s\"}", other);
  people_assert_field_error (fixture, "PATCH", household_path, community, move,
                             (const char *[]) { "If-Match", "2", NULL }, 400, "invalid-input", "grid");

  /* The house moves (its new location): everything follows. */
  house_path = records_path ("houses", house, "");
  {
    g_autofree char *body = g_strdup_printf ("{\"point\": %s}", other_point);
    g_autoptr(WgTestResponse) response = people_request (fixture, "PATCH", house_path, community, body,
                                                         (const char *[]) { "If-Match", "2", NULL });

    g_assert_cmpuint (response->status, ==, 200);
    g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (
                       wg_test_response_object (response), "grid"), "code"), ==, other);
  }
  {
    g_autofree char *sql = g_strdup_printf ("SELECT path::text FROM regions WHERE code = '%s'", other);

    other_path = people_admin_text (fixture, sql);
  }
  condition = g_strdup_printf ("id = %" G_GINT64_FORMAT, family);
  g_assert_cmpint (rows_elsewhere (fixture, "household", condition, other_path), ==, 0);
  g_clear_pointer (&condition, g_free);
  condition = g_strdup_printf ("household_id = %" G_GINT64_FORMAT, family);
  g_assert_cmpint (rows_elsewhere (fixture, "household_member", condition, other_path), ==, 0);
  g_clear_pointer (&condition, g_free);
  condition = g_strdup_printf ("house_id = %" G_GINT64_FORMAT, house);
  g_assert_cmpint (rows_elsewhere (fixture, "residence", condition, other_path), ==, 0);
  /* The grid account sees neither any more; the household's own grid may
   * now be given (it is its house's). */
  people_assert_field_error (fixture, "GET", household_path, grid, NULL, NULL, 404, "not-found", NULL);
  people_assert_status (fixture, "PATCH", household_path, community, move,
                        (const char *[]) { "If-Match", "2", NULL }, 200);
}

/* A location or outline given with its grid must be valid and lie in it. */
static void
test_records_geometry_in_grid (Fixture       *fixture,
                               gconstpointer  user_data)
{
  static const char bow_tie[] =
    "{\"type\": \"Polygon\", \"coordinates\": [[[116.3913, 39.9207], [116.3919, 39.9212],"
    " [116.3919, 39.9207], [116.3913, 39.9212], [116.3913, 39.9207]]]}";
  g_autofree char *token = NULL;
  g_autofree char *other = second_grid (fixture);
  g_autofree char *other_point = point_in (fixture, other);
  g_autofree char *far_house = g_strdup_printf ("{\"address\": \"错格1号\", \"use\": \"office\","
                                                " \"grid\": \"" GRID_1 "\", \"point\": %s}", other_point);
  g_autofree char *crossed = g_strdup_printf ("{\"code\": \"BOW-1\", \"use\": \"green\", \"area_m2\": 9,"
                                              " \"grid\": \"" GRID_1 "\", \"geometry\": %s}", bow_tie);
  g_autofree char *far_outline = NULL;
  g_autofree char *path = NULL;
  g_autofree char *patch = NULL;
  gint64 house;

  SKIP_WITHOUT_SERVER (fixture);
  token = sign_in (fixture, "community");
  people_assert_field_error (fixture, "POST", "/api/v1/houses", token, far_house, NULL, 400,
                             "invalid-input", "point");
  people_assert_field_error (fixture, "POST", "/api/v1/land-parcels", token, crossed, NULL, 400,
                             "invalid-input", "geometry");
  {
    g_autofree char *sql = g_strdup_printf ("SELECT ST_AsGeoJSON(ST_Buffer(ST_PointOnSurface(geom), 0.0001, 2))"
                                            " FROM regions WHERE code = '%s'", other);
    g_autofree char *outline = people_admin_text (fixture, sql);

    far_outline = g_strdup_printf ("{\"code\": \"FAR-1\", \"use\": \"green\", \"area_m2\": 9,"
                                   " \"grid\": \"" GRID_1 "\", \"geometry\": %s}", outline);
  }
  people_assert_field_error (fixture, "POST", "/api/v1/land-parcels", token, far_outline, NULL, 400,
                             "invalid-input", "geometry");
  g_assert_cmpint (admin_count (fixture, "SELECT count(*) FROM house"), ==, 0);
  g_assert_cmpint (admin_count (fixture, "SELECT count(*) FROM land_parcel"), ==, 0);

  house = records_create_id (fixture, token, "houses",
                             "{\"address\": \"对格1号\", \"use\": \"office\", \"grid\": \"" GRID_1 "\","
                             " \"point\": " POINT_1 "}");
  records_create_id (fixture, token, "land-parcels",
                     "{\"code\": \"OK-1\", \"use\": \"green\", \"area_m2\": 9, \"grid\": \"" GRID_1 "\","
                     " \"geometry\": " OUTLINE_1 "}");
  path = records_path ("houses", house, "");
  patch = g_strdup_printf ("{\"grid\": \"" GRID_1 "\", \"point\": %s}", other_point);
  people_assert_field_error (fixture, "PATCH", path, token, patch, (const char *[]) { "If-Match", "1", NULL },
                             400, "invalid-input", "point");
}

/* Address and name searches need two characters; the Accept header asks
 * for a map layer only of kinds that have one; a repeated list item does
 * not count. */
static void
test_records_query_rules (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autofree char *token = NULL;

  SKIP_WITHOUT_SERVER (fixture);
  token = sign_in (fixture, "community");
  /* 觅, 龙: one character each. */
  people_assert_field_error (fixture, "GET", "/api/v1/houses?q=%E8%A7%85", token, NULL, NULL, 400,
                             "invalid-input", "q");
  people_assert_field_error (fixture, "GET", "/api/v1/organizations?q=%E9%BE%99", token, NULL, NULL, 400,
                             "invalid-input", "q");
  people_assert_status (fixture, "GET", "/api/v1/houses?q=%E8%A7%85%E8%A7%85", token, NULL, NULL, 200);
  people_assert_status (fixture, "GET", "/api/v1/components?q=%E7%81%AF", token, NULL, NULL, 200);

  {
    g_autoptr(WgTestResponse) response =
      people_request (fixture, "GET", "/api/v1/diary", token, NULL,
                      (const char *[]) { "Accept", "application/geo+json", NULL });

    g_assert_cmpuint (response->status, ==, 200);
    g_assert_cmpstr (soup_message_headers_get_content_type (response->headers, NULL), ==, "application/json");
    g_assert_true (json_object_has_member (wg_test_response_object (response), "items"));
  }
  people_assert_field_error (fixture, "GET", "/api/v1/diary?format=geojson", token, NULL, NULL, 400,
                             "invalid-input", "format");

  {
    g_autoptr(JsonNode) entry =
      records_create (fixture, token, "diary",
                      "{\"grid\": \"" GRID_1 "\", \"entry_date\": \"2026-01-01\", \"body\": \"x\","
                      " \"topics\": [\"1\",\"2\",\"3\",\"4\",\"5\",\"6\",\"7\",\"8\",\"9\",\"10\",\"1\"]}");

    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (entry), "topics")),
                      ==, 10);
  }
}

/* Adding or removing a member or a resident is a change of the household
 * or house (its version moves on); a second head the caller cannot see is
 * refused naming "relation". */
static void
test_records_link_versions (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autofree char *community = NULL;
  g_autofree char *admin = NULL;
  g_autofree char *members = NULL;
  g_autofree char *residents = NULL;
  g_autofree char *member = NULL;
  g_autofree char *one_member = NULL;
  g_autofree char *resident = NULL;
  g_autofree char *household_path = NULL;
  gint64 house, family, hidden_family, person, stranger;

  SKIP_WITHOUT_SERVER (fixture);
  community = sign_in (fixture, "community");
  admin = sign_in (fixture, "admin");
  house = records_create_id (fixture, community, "houses",
                             "{\"address\": \"版本胡同1号\", \"use\": \"residential\", \"grid\": \"" GRID_1 "\"}");
  family = records_create_id (fixture, community, "households", "{\"kind\": \"family\", \"grid\": \"" GRID_1 "\"}");
  person = people_create_simple (fixture, community, "版甲", GRID_1, NULL, NULL);
  members = records_path ("households", family, "/members");
  member = g_strdup_printf ("{\"person_id\": %" G_GINT64_FORMAT ", \"relation\": \"head\"}", person);
  {
    g_autoptr(WgTestResponse) response = people_request (fixture, "POST", members, community, member, NULL);

    g_assert_cmpuint (response->status, ==, 200);
    g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (
                       wg_test_response_object (response), "household"), "version"), ==, 2);
  }
  household_path = records_path ("households", family, "");
  people_assert_field_error (fixture, "PATCH", household_path, community, "{\"kind\": \"collective\"}",
                             (const char *[]) { "If-Match", "1", NULL }, 409, "conflict", NULL);
  one_member = g_strdup_printf ("%s/%" G_GINT64_FORMAT, members, person);
  people_assert_status (fixture, "DELETE", one_member, community, NULL, NULL, 204);
  g_assert_cmpint (record_version (fixture, "households", family, community), ==, 3);

  residents = records_path ("houses", house, "/residents");
  resident = g_strdup_printf ("{\"person_id\": %" G_GINT64_FORMAT ", \"kind\": \"tenant\","
                              " \"from_date\": \"2021-01-01\"}", person);
  people_assert_status (fixture, "POST", residents, community, resident, NULL, 200);
  g_assert_cmpint (record_version (fixture, "houses", house, community), ==, 2);

  /* A head of another territory, put there by the owner: the community
   * account cannot see it, the database refuses a second one. */
  hidden_family = records_create_id (fixture, community, "households",
                                     "{\"kind\": \"family\", \"grid\": \"" GRID_1 "\"}");
  stranger = people_create_simple (fixture, admin, "版外", "110101002001001", NULL, NULL);
  {
    g_autofree char *sql = g_strdup_printf ("INSERT INTO household_member (person_id, household_id, path, relation)"
                                            " VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ","
                                            " '110101.002.001.001', 'head')", stranger, hidden_family);
    g_autofree char *hidden_members = records_path ("households", hidden_family, "/members");

    admin_sql (fixture, sql);
    people_assert_field_error (fixture, "POST", hidden_members, community, member, NULL, 409, "conflict",
                               "relation");
  }
}

void
wg_test_add_records_rules_tests (void)
{
  WG_TEST_ADD ("/server/records/grid-filter", test_records_grid_filter);
  WG_TEST_ADD ("/server/records/bbox-scope", test_records_bbox_scope);
  WG_TEST_ADD ("/server/records/moves", test_records_moves);
  WG_TEST_ADD ("/server/records/geometry-in-grid", test_records_geometry_in_grid);
  WG_TEST_ADD ("/server/records/query-rules", test_records_query_rules);
  WG_TEST_ADD ("/server/records/link-versions", test_records_link_versions);
}
