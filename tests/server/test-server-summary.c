/* GET /api/v1/regions/{code}/summary: counts equal what SQL counts as the
 * owner, inside the scope only; staff of a grid; every special group; the
 * roles without the records permission are refused. */
#define G_LOG_DOMAIN "test-server"

#include "config.h"

#include <libpq-fe.h>

#include "test-server.h"

/* 多福巷社区, two of its grids, and a grid of another community of the same
 * street (东华门街道). */
#define COMMUNITY   "110101001001"
#define GRID_1      "110101001001001"
#define GRID_2      "110101001001002"
#define OTHER_GRID  "110101001002001"

static const char * const tags[] = {
  "elderly_alone", "disability", "low_income", "community_correction", "released_prisoner",
  "drug_rehabilitation", "mental_disorder", "left_behind_child", "veteran", "key_youth",
};

/* Each count of the answer and the owner's SQL for it, given the region's
 * path as %1$s. */
static const struct {
  const char *name;
  const char *sql;
} counts[] = {
  { "people", "SELECT count(*) FROM person WHERE path <@ '%1$s'" },
  { "registered", "SELECT count(*) FROM person WHERE path <@ '%1$s' AND residence_status = 'registered'" },
  { "floating", "SELECT count(*) FROM person WHERE path <@ '%1$s' AND residence_status = 'floating'" },
  { "foreign", "SELECT count(*) FROM person WHERE path <@ '%1$s' AND residence_status = 'foreign'" },
  { "households", "SELECT count(*) FROM household WHERE path <@ '%1$s'" },
  { "houses", "SELECT count(*) FROM house WHERE path <@ '%1$s'" },
  { "land_parcels", "SELECT count(*) FROM land_parcel WHERE path <@ '%1$s'" },
  { "components", "SELECT count(*) FROM component WHERE path <@ '%1$s'" },
  { "organizations", "SELECT count(*) FROM organization WHERE path <@ '%1$s'" },
  { "underground_spaces", "SELECT count(*) FROM underground_space WHERE path <@ '%1$s'" },
  { "diary_entries_30d", "SELECT count(*) FROM diary_entry WHERE path <@ '%1$s'"
                         " AND entry_date > current_date - 30 AND entry_date <= current_date" },
  { "follow_ups", "SELECT count(*) FROM diary_entry WHERE path <@ '%1$s' AND follow_up" },
};

/* Rows of every kind in GRID_1, GRID_2 and OTHER_GRID, in numbers that
 * differ per grid, with edge cases: an ended tag, an old diary entry, a
 * staff assignment that ended, one that ends today. */
static const char records_sql[] =
  "CREATE TEMP TABLE g AS SELECT code, path, geom, n FROM regions"
  "  JOIN (VALUES ('" GRID_1 "', 7), ('" GRID_2 "', 3), ('" OTHER_GRID "', 5)) v (c, n)"
  "  ON code = c;"
  "INSERT INTO person (path, name, sex, birth_date, residence_status)"
  "  SELECT g.path, '测' || i, 'male', DATE '1950-01-01' + i,"
  "         (ARRAY['registered', 'registered', 'floating', 'foreign'])[1 + i % 4]"
  "  FROM g, generate_series(1, g.n) AS i;"
  "INSERT INTO person_tag (person_id, path, tag, from_date, to_date)"
  "  SELECT p.id, p.path, t.tag, DATE '2020-01-01', t.to_date FROM person p,"
  "  (VALUES ('elderly_alone', NULL::date), ('veteran', NULL), ('disability', current_date),"
  "          ('low_income', current_date - 1)) t (tag, to_date)"
  "  WHERE p.id % 2 = 0;"
  /* A tag given twice to one person counts the person once. */
  "INSERT INTO person_tag (person_id, path, tag, from_date)"
  "  SELECT p.id, p.path, 'elderly_alone', DATE '2021-01-01' FROM person p WHERE p.id % 4 = 0;"
  "INSERT INTO house (path, address, use)"
  "  SELECT g.path, '测试路' || i || '号', 'residential' FROM g, generate_series(1, g.n + 1) AS i;"
  "INSERT INTO household (path) SELECT g.path FROM g, generate_series(1, g.n - 1);"
  "INSERT INTO land_parcel (path, code, geom, use, area_m2)"
  "  SELECT g.path, 'T-' || g.code || '-' || i,"
  "         ST_Multi(ST_Buffer(ST_PointOnSurface(g.geom), 0.00005 * i, 4)), 'green', 100"
  "  FROM g, generate_series(1, g.n % 3 + 1) AS i;"
  "INSERT INTO component (path, class_code, name, point)"
  "  SELECT g.path, '0101', '井盖' || i, ST_PointOnSurface(g.geom)"
  "  FROM g, generate_series(1, g.n * 2) AS i;"
  "INSERT INTO organization (path, kind, name)"
  "  SELECT g.path, 'enterprise', '公司' || i FROM g, generate_series(1, g.n + 2) AS i;"
  "INSERT INTO underground_space (path, name, kind)"
  "  SELECT g.path, '车库' || i, 'parking' FROM g, generate_series(1, g.n / 2) AS i;"
  "INSERT INTO diary_entry (path, author_id, entry_date, body, follow_up)"
  "  SELECT g.path, (SELECT id FROM users WHERE username = 'grid'),"
  "         current_date - (i * 9), '走访', i % 3 = 0"
  "  FROM g, generate_series(0, g.n) AS i;"
  "INSERT INTO grid_staff (path, force, name, phone, from_date, to_date)"
  "  SELECT g.path, s.force, s.name || g.n, '13800000000', DATE '2020-01-01', s.to_date"
  "  FROM g, (VALUES ('police', '王警官', NULL::date), ('manager', '张网格', NULL),"
  "                  ('assistant', '旧助理', current_date - 1), ('assistant', '李助理', current_date))"
  "  s (force, name, to_date);"
  "DROP TABLE g;";

static char *
admin_text (Fixture    *fixture,
            const char *sql)
{
  g_autoptr(PGconn) conn = PQconnectdb (wg_test_server_get_admin_conninfo (fixture->server));
  g_autoptr(PGresult) result = NULL;

  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  result = PQexec (conn, sql);
  g_assert_cmpint (PQresultStatus (result), ==, PGRES_TUPLES_OK);
  return g_strdup (PQgetvalue (result, 0, 0));
}

static WgTestResponse *
get_summary (Fixture    *fixture,
             const char *token,
             const char *code)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/regions/%s/summary", code);

  return get (fixture, path, token);
}

/* The answer for @code, with every count equal to the owner's SQL count
 * and every special group present. */
static JsonObject *
assert_summary (Fixture     *fixture,
                const char  *token,
                const char  *code,
                const char  *level,
                JsonNode   **root)
{
  g_autofree char *path_sql = g_strdup_printf ("SELECT path::text FROM regions WHERE code = '%s'", code);
  g_autofree char *path = admin_text (fixture, path_sql);
  g_autoptr(WgTestResponse) response = get_summary (fixture, token, code);
  JsonObject *summary = wg_test_response_object (response);
  JsonObject *region = json_object_get_object_member (summary, "region");
  JsonObject *values = json_object_get_object_member (summary, "counts");
  JsonObject *groups = json_object_get_object_member (summary, "special_groups");

  g_assert_cmpuint (response->status, ==, 200);
  g_assert_cmpstr (json_object_get_string_member (region, "code"), ==, code);
  g_assert_cmpstr (json_object_get_string_member (region, "level"), ==, level);
  g_assert_nonnull (json_object_get_string_member (region, "name"));
  g_assert_cmpuint (json_object_get_size (values), ==, G_N_ELEMENTS (counts));
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      g_autofree char *sql = g_strdup_printf (counts[i].sql, path);

      g_test_message ("%s %s", code, counts[i].name);
      g_assert_cmpint (json_object_get_int_member (values, counts[i].name), ==,
                       admin_count (fixture, sql));
    }
  g_assert_cmpuint (json_object_get_size (groups), ==, G_N_ELEMENTS (tags));
  for (guint i = 0; i < G_N_ELEMENTS (tags); i++)
    {
      g_autofree char *sql =
        g_strdup_printf ("SELECT count(DISTINCT person_id) FROM person_tag WHERE path <@ '%s'"
                         " AND tag = '%s' AND (to_date IS NULL OR to_date >= current_date)",
                         path, tags[i]);

      g_assert_true (json_object_has_member (groups, tags[i]));
      g_assert_cmpint (json_object_get_int_member (groups, tags[i]), ==, admin_count (fixture, sql));
    }
  *root = json_node_ref (response->json);
  return summary;
}

static void
test_summary_counts (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autofree char *admin = NULL;
  g_autofree char *community = NULL;
  g_autofree char *grid = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *summary;
  JsonObject *values;
  JsonObject *groups;

  SKIP_WITHOUT_SERVER (fixture);
  admin_sql (fixture, records_sql);
  admin = sign_in (fixture, "admin");
  community = sign_in (fixture, "community");
  grid = sign_in (fixture, "grid");

  /* The numbers themselves, for GRID_1 (7 people: ids of either parity). */
  summary = assert_summary (fixture, grid, GRID_1, "grid", &root);
  values = json_object_get_object_member (summary, "counts");
  groups = json_object_get_object_member (summary, "special_groups");
  g_assert_cmpint (json_object_get_int_member (values, "people"), ==, 7);
  g_assert_cmpint (json_object_get_int_member (values, "houses"), ==, 8);
  g_assert_cmpint (json_object_get_int_member (values, "diary_entries_30d"), ==, 4);
  g_assert_cmpint (json_object_get_int_member (groups, "low_income"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (groups, "key_youth"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (groups, "disability"), ==,
                   json_object_get_int_member (groups, "veteran"));
  g_clear_pointer (&root, json_node_unref);

  /* Every level, for the users whose scope holds it. */
  summary = assert_summary (fixture, community, COMMUNITY, "community", &root);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (summary, "counts"),
                                               "people"), ==, 10);
  g_clear_pointer (&root, json_node_unref);
  assert_summary (fixture, community, GRID_2, "grid", &root);
  g_clear_pointer (&root, json_node_unref);
  assert_summary (fixture, admin, OTHER_GRID, "grid", &root);
  g_clear_pointer (&root, json_node_unref);
  assert_summary (fixture, admin, "110101001", "street", &root);
  g_clear_pointer (&root, json_node_unref);
  summary = assert_summary (fixture, admin, "110101", "district", &root);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (summary, "counts"),
                                               "people"), >=, 15);
}

/* A region outside the scope is not found, like one that does not exist. */
static void
test_summary_scope (Fixture       *fixture,
                    gconstpointer  user_data)
{
  static const struct {
    const char *user;
    const char *code;
    guint       status;
  } cases[] = {
    { "community", COMMUNITY, 200 },
    { "community", GRID_1, 200 },
    { "community", "110101001002", 404 },
    { "community", OTHER_GRID, 404 },
    { "community", "110101001", 404 },
    { "community", "110101", 404 },
    { "grid", GRID_1, 200 },
    { "grid", GRID_2, 404 },
    { "grid", COMMUNITY, 404 },
    { "street", "110101001", 200 },
    { "street", OTHER_GRID, 200 },
    { "street", "110101002", 404 },
    { "street", "110101", 404 },
    { "dispatcher", "110101", 200 },
    { "admin", "110101999", 404 },
    { "admin", "110101999999999", 404 },
    { "admin", "12345", 404 },
    { "admin", "11010100100a", 404 },
  };
  GHashTable *tokens = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  SKIP_WITHOUT_SERVER (fixture);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(WgTestResponse) response = NULL;
      char *token = g_hash_table_lookup (tokens, cases[i].user);

      if (token == NULL)
        g_hash_table_insert (tokens, (gpointer) cases[i].user,
                             token = sign_in (fixture, cases[i].user));
      g_test_message ("%s %s", cases[i].user, cases[i].code);
      response = get_summary (fixture, token, cases[i].code);
      if (cases[i].status == 200)
        g_assert_cmpuint (response->status, ==, 200);
      else
        wg_test_assert_error (response, cases[i].status, "not-found", NULL);
    }
  g_hash_table_unref (tokens);
}

/* The grid's current staff in the order of the seven forces; none for a
 * community; the staff of a grid of another community stay unseen. */
static void
test_summary_staff (Fixture       *fixture,
                    gconstpointer  user_data)
{
  static const char * const forces[] = { "manager", "assistant", "police" };
  static const char * const names[] = { "张网格7", "李助理7", "王警官7" };
  g_autofree char *grid = NULL;
  g_autofree char *community = NULL;
  g_autoptr(WgTestResponse) response = NULL;
  g_autoptr(WgTestResponse) of_community = NULL;
  JsonArray *staff;

  SKIP_WITHOUT_SERVER (fixture);
  admin_sql (fixture, records_sql);
  grid = sign_in (fixture, "grid");
  community = sign_in (fixture, "community");
  response = get_summary (fixture, grid, GRID_1);
  g_assert_cmpuint (response->status, ==, 200);
  /* The regions above the grid user's scope are named all the same. */
  {
    JsonObject *region = json_object_get_object_member (wg_test_response_object (response), "region");

    g_assert_cmpstr (json_object_get_string_member (region, "community_name"), ==, "多福巷社区");
    g_assert_cmpstr (json_object_get_string_member (region, "street_name"), ==, "东华门街道");
  }
  staff = json_object_get_array_member (wg_test_response_object (response), "staff");
  g_assert_cmpuint (json_array_get_length (staff), ==, G_N_ELEMENTS (forces));
  for (guint i = 0; i < G_N_ELEMENTS (forces); i++)
    {
      JsonObject *member = json_array_get_object_element (staff, i);

      g_assert_cmpint (json_object_get_int_member (member, "id"), >, 0);
      g_assert_cmpstr (json_object_get_string_member (member, "force"), ==, forces[i]);
      g_assert_cmpstr (json_object_get_string_member (member, "name"), ==, names[i]);
      g_assert_cmpstr (json_object_get_string_member (member, "phone"), ==, "13800000000");
    }
  of_community = get_summary (fixture, community, COMMUNITY);
  staff = json_object_get_array_member (wg_test_response_object (of_community), "staff");
  g_assert_cmpuint (json_array_get_length (staff), ==, 0);
}

/* Every tag is a member, with 0 when nobody carries it. */
static void
test_summary_empty_grid (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autofree char *token = NULL;
  g_autoptr(WgTestResponse) response = NULL;
  JsonObject *summary;
  JsonObject *groups;
  JsonObject *values;

  SKIP_WITHOUT_SERVER (fixture);
  admin_sql (fixture, "DELETE FROM grid_staff WHERE path = (SELECT path FROM regions WHERE code = '"
                      GRID_2 "')");
  token = sign_in (fixture, "community");
  response = get_summary (fixture, token, GRID_2);
  g_assert_cmpuint (response->status, ==, 200);
  summary = wg_test_response_object (response);
  groups = json_object_get_object_member (summary, "special_groups");
  values = json_object_get_object_member (summary, "counts");
  g_assert_cmpuint (json_object_get_size (groups), ==, G_N_ELEMENTS (tags));
  for (guint i = 0; i < G_N_ELEMENTS (tags); i++)
    g_assert_cmpint (json_object_get_int_member (groups, tags[i]), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    g_assert_cmpint (json_object_get_int_member (values, counts[i].name), ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (summary, "staff")), ==, 0);
}

/* Roles without the records permission, and no session at all. */
static void
test_summary_forbidden (Fixture       *fixture,
                        gconstpointer  user_data)
{
  static const char * const users[] = { "dept", "leader", "auditor" };

  SKIP_WITHOUT_SERVER (fixture);
  for (guint i = 0; i < G_N_ELEMENTS (users); i++)
    {
      g_autofree char *token = sign_in (fixture, users[i]);
      g_autoptr(WgTestResponse) response = get_summary (fixture, token, COMMUNITY);

      wg_test_assert_error (response, 403, "forbidden", NULL);
    }
  {
    g_autoptr(WgTestResponse) response = get_summary (fixture, NULL, COMMUNITY);

    wg_test_assert_error (response, 401, "unauthenticated", NULL);
  }
}

void
wg_test_add_summary_tests (void)
{
  WG_TEST_ADD ("/server/summary/counts", test_summary_counts);
  WG_TEST_ADD ("/server/summary/scope", test_summary_scope);
  WG_TEST_ADD ("/server/summary/staff", test_summary_staff);
  WG_TEST_ADD ("/server/summary/empty-grid", test_summary_empty_grid);
  WG_TEST_ADD ("/server/summary/forbidden", test_summary_forbidden);
}
