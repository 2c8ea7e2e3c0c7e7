/* test-server-csv.c — CSV export and import of people and the other kinds
 *
 * The template may hold seeded records: the tests' records have rare
 * names (龘…) and the tests count only their own rows.
 */
#define G_LOG_DOMAIN "test-server"

#include "config.h"

#include <string.h>

#include "test-server-people-private.h"

#define ORGANIZATIONS_IMPORT "/api/v1/organizations/import"
#define PEOPLE_IMPORT        "/api/v1/people/import"
#define IMPORT_MAX_BYTES     (8 * 1024 * 1024)

/* ------------------------------------------------------------ helpers */

static WgTestResponse *
import_csv (Fixture    *fixture,
            const char *path,
            const char *token,
            gboolean    dry_run,
            const char *csv)
{
  g_autofree char *uri = g_strdup_printf ("%s?dry_run=%s", path, dry_run ? "true" : "false");

  return wg_test_request (fixture->session, fixture->url, "POST", uri, token, "text/csv", csv);
}

static char *
body_text (WgTestResponse *response)
{
  gsize length = 0;
  const char *data = g_bytes_get_data (response->body, &length);

  return g_strndup (data, length);
}

static gint64
count_organizations (Fixture    *fixture,
                     const char *name_prefix)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM organization WHERE name LIKE '%s%%'",
                                          name_prefix);

  return admin_count (fixture, sql);
}

/* Asserts a report and returns its rejected rows. */
static JsonArray *
assert_report (WgTestResponse *response,
               gboolean        dry_run,
               gint64          rows,
               gint64          accepted,
               gint64          imported)
{
  JsonObject *report = wg_test_response_object (response);

  g_assert_nonnull (report);
  g_assert_cmpint (json_object_get_boolean_member (report, "dry_run"), ==, dry_run);
  g_assert_cmpint (json_object_get_int_member (report, "rows"), ==, rows);
  g_assert_cmpint (json_object_get_int_member (report, "accepted"), ==, accepted);
  g_assert_cmpint (json_object_get_int_member (report, "imported"), ==, imported);
  return json_object_get_array_member (report, "rejected");
}

static void
assert_rejected (JsonArray  *rejected,
                 guint       index,
                 gint64      row,
                 const char *field,
                 const char *code)
{
  JsonObject *entry = json_array_get_object_element (rejected, index);

  g_assert_cmpint (json_object_get_int_member (entry, "row"), ==, row);
  g_assert_cmpstr (json_object_get_string_member_with_default (entry, "field", NULL), ==, field);
  g_assert_cmpstr (json_object_get_string_member (entry, "code"), ==, code);
  g_assert_nonnull (json_object_get_string_member (entry, "message"));
}

/* Three organizations: the second has no such kind, the third a bad phone. */
static const char bad_organizations[] =
  "name,kind,contact_phone,grid\r\n"
  "龘甲公司,enterprise,010-65123456," GRID_1 "\r\n"
  "龘乙公司,castle,," GRID_1 "\r\n"
  "龘丙公司,other,12345," GRID_1 "\r\n";

static const char good_organizations[] =
  "\xEF\xBB\xBFname,kind,contact_phone,point,grid\n"
  "龘甲公司,enterprise,010-65123456,," GRID_1 "\n"
  "\"龘乙公司, 分店\",individual_business,,," GRID_1 "\n"
  "龘丙公司,other,,,\"" GRID_1 "\"\n";

/* -------------------------------------------------------------- tests */

static void
test_csv_import_dry_run (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autofree char *token = NULL;
  g_autoptr(WgTestResponse) response = NULL;
  JsonArray *rejected;

  SKIP_WITHOUT_SERVER (fixture);
  token = sign_in (fixture, "admin");
  response = import_csv (fixture, ORGANIZATIONS_IMPORT, token, TRUE, bad_organizations);
  g_assert_cmpuint (response->status, ==, 200);
  rejected = assert_report (response, TRUE, 3, 1, 0);
  g_assert_cmpuint (json_array_get_length (rejected), ==, 2);
  assert_rejected (rejected, 0, 2, "kind", "invalid-input");
  assert_rejected (rejected, 1, 3, "contact_phone", "invalid-input");
  /* A dry run writes nothing, the good row included. */
  g_assert_cmpint (count_organizations (fixture, "龘"), ==, 0);
  g_clear_pointer (&response, wg_test_response_free);

  response = import_csv (fixture, ORGANIZATIONS_IMPORT, token, TRUE, good_organizations);
  g_assert_cmpuint (response->status, ==, 200);
  rejected = assert_report (response, TRUE, 3, 3, 0);
  g_assert_cmpuint (json_array_get_length (rejected), ==, 0);
  g_assert_cmpint (count_organizations (fixture, "龘"), ==, 0);
}

static void
test_csv_import_all_or_nothing (Fixture       *fixture,
                                gconstpointer  user_data)
{
  g_autofree char *token = NULL;
  g_autoptr(WgTestResponse) response = NULL;
  gint64 audit_before;
  JsonArray *rejected;

  SKIP_WITHOUT_SERVER (fixture);
  token = sign_in (fixture, "admin");
  audit_before = admin_count (fixture, "SELECT count(*) FROM audit_log");
  response = import_csv (fixture, ORGANIZATIONS_IMPORT, token, FALSE, bad_organizations);
  /* The report under the error envelope, and nothing written. */
  wg_test_assert_error (response, 422, "import-rejected", NULL);
  rejected = assert_report (response, FALSE, 3, 1, 0);
  g_assert_cmpuint (json_array_get_length (rejected), ==, 2);
  g_assert_cmpint (count_organizations (fixture, "龘"), ==, 0);
  g_assert_cmpint (admin_count (fixture, "SELECT count(*) FROM audit_log"), ==, audit_before);
}

static void
test_csv_import_clean (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autofree char *token = NULL;
  g_autoptr(WgTestResponse) response = NULL;
  g_autoptr(WgTestResponse) again = NULL;
  JsonArray *rejected;

  SKIP_WITHOUT_SERVER (fixture);
  token = sign_in (fixture, "admin");
  response = import_csv (fixture, ORGANIZATIONS_IMPORT, token, FALSE, good_organizations);
  g_assert_cmpuint (response->status, ==, 200);
  assert_report (response, FALSE, 3, 3, 3);
  g_assert_cmpint (count_organizations (fixture, "龘"), ==, 3);
  g_assert_cmpint (admin_count (fixture, "SELECT count(*) FROM organization"
                                         " WHERE name = '龘乙公司, 分店' AND contact_phone IS NULL"
                                         " AND kind = 'individual_business'"), ==, 1);
  g_assert_cmpint (admin_count (fixture, "SELECT count(*) FROM organization"
                                         " WHERE name = '龘甲公司' AND contact_phone = '01065123456'"),
                   ==, 1);
  /* Each record has its insert audited, the import one row more. */
  g_assert_cmpint (admin_count (fixture, "SELECT count(*) FROM audit_log a JOIN organization o"
                                         " ON a.record_id = o.id AND a.table_name = 'organization'"
                                         " WHERE a.action = 'insert' AND o.name LIKE '龘%'"), ==, 3);
  g_assert_cmpint (admin_count (fixture, "SELECT count(*) FROM audit_log WHERE action = 'import'"
                                         " AND table_name = 'organization'"
                                         " AND changes ->> 'kind' = 'organizations'"
                                         " AND (changes ->> 'rows')::int = 3"
                                         " AND user_id = (SELECT id FROM users WHERE username = 'admin')"),
                   ==, 1);

  /* A database refusal is a row error too: the same code twice. */
  again = import_csv (fixture, "/api/v1/land-parcels/import", token, TRUE,
                      "code,use,area_m2,geometry\n"
                      "龘L-1,green,12.5,\"{\"\"type\"\":\"\"Polygon\"\",\"\"coordinates\"\":"
                      "[[[116.40,39.90],[116.4001,39.90],[116.4001,39.9001],[116.40,39.90]]]}\"\n"
                      "龘L-1,green,12.5,\"{\"\"type\"\":\"\"Polygon\"\",\"\"coordinates\"\":"
                      "[[[116.40,39.90],[116.4001,39.90],[116.4001,39.9001],[116.40,39.90]]]}\"\n");
  g_assert_cmpuint (again->status, ==, 200);
  rejected = assert_report (again, TRUE, 2, 1, 0);
  g_assert_cmpuint (json_array_get_length (rejected), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (rejected, 0), "row"),
                   ==, 2);
}

static void
test_csv_import_header (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autofree char *token = NULL;
  g_autoptr(WgTestResponse) unknown = NULL;
  g_autoptr(WgTestResponse) missing = NULL;
  g_autoptr(WgTestResponse) broken = NULL;
  g_autoptr(WgTestResponse) media = NULL;
  g_autoptr(WgTestResponse) skipped = NULL;

  SKIP_WITHOUT_SERVER (fixture);
  token = sign_in (fixture, "admin");
  unknown = import_csv (fixture, ORGANIZATIONS_IMPORT, token, TRUE, "name,kind,colour\nx,other,red\n");
  wg_test_assert_error (unknown, 400, "invalid-input", "colour");
  missing = import_csv (fixture, ORGANIZATIONS_IMPORT, token, TRUE, "name,grid\nx," GRID_1 "\n");
  wg_test_assert_error (missing, 400, "invalid-input", "kind");
  broken = import_csv (fixture, ORGANIZATIONS_IMPORT, token, TRUE, "name,kind\n\"x,other\n");
  wg_test_assert_error (broken, 400, "invalid-input", NULL);
  g_assert_nonnull (strstr (json_object_get_string_member (
    json_object_get_object_member (wg_test_response_object (broken), "error"), "message"), "Row 1"));
  media = wg_test_request (fixture->session, fixture->url, "POST", ORGANIZATIONS_IMPORT, token,
                           "application/json", "{}");
  wg_test_assert_error (media, 415, "unsupported-media-type", NULL);
  /* What an export writes besides the fields is skipped. */
  skipped = import_csv (fixture, "/api/v1/households/import", token, TRUE,
                        "id,kind,head_name,member_count,grid,updated_at\n"
                        "7,family,张三,3," GRID_1 ",2026-01-01\n");
  g_assert_cmpuint (skipped->status, ==, 200);
  assert_report (skipped, TRUE, 1, 1, 0);
}

static void
test_csv_people (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autofree char *token = NULL;
  g_autofree char *first = people_make_id_number ("19010203", 11, TRUE);
  g_autofree char *second = people_make_id_number ("19010204", 12, TRUE);
  g_autofree char *csv = NULL;
  g_autofree char *duplicate = NULL;
  g_autoptr(WgTestResponse) imported = NULL;
  g_autoptr(WgTestResponse) refused = NULL;
  g_autoptr(WgTestResponse) exported = NULL;
  g_autoptr(WgTestResponse) searched = NULL;
  g_autofree char *text = NULL;
  g_autofree char *masked = NULL;
  g_autofree char *search_path = NULL;
  JsonArray *rejected;

  SKIP_WITHOUT_SERVER (fixture);
  token = sign_in (fixture, "admin");
  csv = g_strdup_printf ("name,sex,birth_date,ethnicity,phone,id_number,residence_status,grid,tags\n"
                         "龘导甲,male,1901-02-03,汉族,138 0013 8000,%s,registered," GRID_1 ","
                         "elderly_alone;veteran\n"
                         "龘导乙,male,1901-02-04,汉族,,%s,registered," GRID_1 ",\n",
                         first, second);
  imported = import_csv (fixture, PEOPLE_IMPORT, token, FALSE, csv);
  g_assert_cmpuint (imported->status, ==, 200);
  assert_report (imported, FALSE, 2, 2, 2);
  g_assert_cmpint (admin_count (fixture, "SELECT count(*) FROM person WHERE name LIKE '龘导%'"
                                         " AND id_cipher IS NOT NULL AND id_blind IS NOT NULL"), ==, 2);
  g_assert_cmpint (admin_count (fixture, "SELECT count(*) FROM person_tag t JOIN person p"
                                         " ON p.id = t.person_id WHERE p.name = '龘导甲'"), ==, 2);

  /* The same ID number again: the blind index refuses it, as a row error. */
  duplicate = g_strdup_printf ("name,sex,birth_date,id_number,residence_status,grid\n"
                               "龘导丙,male,1901-02-03,%s,registered," GRID_1 "\n"
                               "龘导丁,female,1901-02-03,,registered," GRID_1 "\n", first);
  refused = import_csv (fixture, PEOPLE_IMPORT, token, FALSE, duplicate);
  wg_test_assert_error (refused, 422, "import-rejected", NULL);
  rejected = assert_report (refused, FALSE, 2, 0, 0);
  assert_rejected (rejected, 0, 1, "id_number", "conflict");
  assert_rejected (rejected, 1, 2, "id_number", "invalid-input");
  g_assert_cmpint (admin_count (fixture, "SELECT count(*) FROM person WHERE name LIKE '龘导%'"), ==, 2);

  /* The export masks the numbers; never one in clear. */
  exported = get (fixture, "/api/v1/people/export?q=%E9%BE%98%E5%AF%BC", token);
  g_assert_cmpuint (exported->status, ==, 200);
  g_assert_true (g_str_has_prefix (soup_message_headers_get_content_type (exported->headers, NULL),
                                   "text/csv"));
  g_assert_true (g_str_has_prefix (soup_message_headers_get_one (exported->headers,
                                                                 "Content-Disposition"),
                                   "attachment"));
  text = body_text (exported);
  g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBFid,name,sex,birth_date"));
  masked = g_strdup_printf ("%.6s********%s", first, first + 14);
  g_assert_nonnull (strstr (text, masked));
  g_assert_nonnull (strstr (text, "elderly_alone;veteran"));
  g_assert_null (strstr (text, first));
  g_assert_null (strstr (text, second));
  /* A search by ID number is audited masked. */
  search_path = g_strdup_printf ("/api/v1/people/export?q=%s", second);
  searched = get (fixture, search_path, token);
  g_assert_cmpuint (searched->status, ==, 200);
  g_clear_pointer (&text, g_free);
  text = body_text (searched);
  g_assert_nonnull (strstr (text, "龘导乙"));
  g_assert_null (strstr (text, second));
  g_assert_cmpint (admin_count (fixture, "SELECT count(*) FROM audit_log WHERE action = 'export'"
                                         " AND table_name = 'person'"), ==, 2);
  g_clear_pointer (&text, g_free);
  text = people_admin_text (fixture, "SELECT string_agg(changes::text, ' ') FROM audit_log"
                                     " WHERE action IN ('export', 'import')");
  g_assert_null (strstr (text, first));
  g_assert_null (strstr (text, second));
}

static void
test_csv_scope (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autofree char *admin = NULL;
  g_autofree char *community = NULL;
  g_autofree char *other_grid = NULL;
  g_autofree char *mine = NULL;
  g_autofree char *theirs = NULL;
  g_autoptr(WgTestResponse) seeded = NULL;
  g_autoptr(WgTestResponse) refused = NULL;
  g_autoptr(WgTestResponse) exported = NULL;
  g_autofree char *text = NULL;
  JsonArray *rejected;

  SKIP_WITHOUT_SERVER (fixture);
  admin = sign_in (fixture, "admin");
  community = sign_in (fixture, "community");
  other_grid = people_first_grid (fixture, "110101.001.002");
  mine = g_strdup ("name,kind,grid\n龘本社区公司,other," GRID_1 "\n");
  theirs = g_strdup_printf ("name,kind,grid\n龘邻社区公司,other,%s\n", other_grid);
  seeded = import_csv (fixture, ORGANIZATIONS_IMPORT, admin, FALSE, theirs);
  g_assert_cmpuint (seeded->status, ==, 200);
  g_clear_pointer (&seeded, wg_test_response_free);
  seeded = import_csv (fixture, ORGANIZATIONS_IMPORT, community, FALSE, mine);
  g_assert_cmpuint (seeded->status, ==, 200);

  /* Into another community: the row's grid is out of sight. */
  refused = import_csv (fixture, ORGANIZATIONS_IMPORT, community, FALSE, theirs);
  wg_test_assert_error (refused, 422, "import-rejected", NULL);
  rejected = assert_report (refused, FALSE, 1, 0, 0);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (rejected, 0),
                                                  "field"), ==, "grid");
  g_assert_cmpint (count_organizations (fixture, "龘邻社区"), ==, 1);

  exported = get (fixture, "/api/v1/organizations/export", community);
  g_assert_cmpuint (exported->status, ==, 200);
  text = body_text (exported);
  g_assert_nonnull (strstr (text, "龘本社区公司"));
  g_assert_null (strstr (text, "龘邻社区公司"));
}

static void
test_csv_forbidden (Fixture       *fixture,
                    gconstpointer  user_data)
{
  static const char * const readers[] = { "dispatcher", "auditor", NULL };
  g_autoptr(WgTestResponse) anonymous = NULL;
  g_autoptr(WgTestResponse) unknown = NULL;

  SKIP_WITHOUT_SERVER (fixture);
  for (guint i = 0; readers[i] != NULL; i++)
    {
      g_autofree char *token = sign_in (fixture, readers[i]);
      g_autoptr(WgTestResponse) people = import_csv (fixture, PEOPLE_IMPORT, token, TRUE,
                                                     "name\nx\n");
      g_autoptr(WgTestResponse) organizations = import_csv (fixture, ORGANIZATIONS_IMPORT, token,
                                                            TRUE, "name,kind\nx,other\n");

      wg_test_assert_error (people, 403, "forbidden", NULL);
      wg_test_assert_error (organizations, 403, "forbidden", NULL);
    }
  anonymous = import_csv (fixture, PEOPLE_IMPORT, NULL, TRUE, "name\n");
  wg_test_assert_error (anonymous, 401, "unauthenticated", NULL);
  unknown = get (fixture, "/api/v1/castles/export", NULL);
  g_assert_cmpuint (unknown->status, ==, 404);
}

/* A CSV body of @size bytes: the header, then one endless quoted field. */
static char *
large_csv (gsize size)
{
  static const char head[] = "name,kind\n\"";
  char *csv = g_malloc (size + 1);

  memset (csv, 'x', size);
  memcpy (csv, head, strlen (head));
  csv[size] = '\0';
  return csv;
}

static void
test_csv_too_large (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autofree char *token = NULL;
  g_autofree char *two_mib = large_csv (2 * 1024 * 1024);
  g_autofree char *over = large_csv (IMPORT_MAX_BYTES + 1);
  g_autofree char *json = NULL;
  g_autoptr(WgTestResponse) accepted = NULL;
  g_autoptr(WgTestResponse) refused = NULL;
  g_autoptr(WgTestResponse) other_route = NULL;

  SKIP_WITHOUT_SERVER (fixture);
  token = sign_in (fixture, "admin");
  /* Past the 1 MiB of other routes, an import is read (and its field
   * found too long). */
  accepted = import_csv (fixture, ORGANIZATIONS_IMPORT, token, TRUE, two_mib);
  wg_test_assert_error (accepted, 400, "invalid-input", NULL);
  refused = import_csv (fixture, ORGANIZATIONS_IMPORT, token, TRUE, over);
  wg_test_assert_error (refused, 413, "payload-too-large", NULL);
  /* Other routes keep their limit. */
  json = g_strdup_printf ("{\"name\": \"%s\"}", two_mib + 20);
  other_route = wg_test_request (fixture->session, fixture->url, "POST", "/api/v1/organizations",
                                 token, "application/json", json);
  wg_test_assert_error (other_route, 413, "payload-too-large", NULL);
}

/* What an export writes, an import reads back: points, lists, booleans,
 * dates, read-only columns and the grid as exported. */
static void
test_csv_round_trip (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autofree char *token = NULL;
  g_autoptr(WgTestResponse) diary = NULL;
  g_autoptr(WgTestResponse) houses = NULL;
  g_autoptr(WgTestResponse) exported = NULL;
  g_autoptr(WgTestResponse) again = NULL;
  g_autofree char *text = NULL;

  SKIP_WITHOUT_SERVER (fixture);
  token = sign_in (fixture, "grid");
  diary = import_csv (fixture, "/api/v1/diary/import", token, FALSE,
                      "grid,entry_date,households_visited,topics,body,follow_up\n"
                      GRID_1 ",2026/3/7,12,\"安全；卫生\",\"龘走访了 12 户，\"\"楼道\"\"堆物\",是\n"
                      GRID_1 ",2026-03-08,,,龘无事,否\n");
  g_assert_cmpuint (diary->status, ==, 200);
  assert_report (diary, FALSE, 2, 2, 2);
  g_assert_cmpint (admin_count (fixture, "SELECT count(*) FROM diary_entry WHERE body LIKE '龘%'"
                                         " AND author_id = (SELECT id FROM users WHERE username = 'grid')"),
                   ==, 2);
  exported = get (fixture, "/api/v1/diary/export?q=%E9%BE%98", token);
  g_assert_cmpuint (exported->status, ==, 200);
  text = body_text (exported);
  g_assert_nonnull (strstr (text, "安全;卫生"));
  g_assert_nonnull (strstr (text, "\"龘走访了 12 户，\"\"楼道\"\"堆物\""));
  again = import_csv (fixture, "/api/v1/diary/import", token, TRUE, text);
  g_assert_cmpuint (again->status, ==, 200);
  assert_report (again, TRUE, 2, 2, 0);

  houses = import_csv (fixture, "/api/v1/houses/import", token, TRUE,
                       "address,use,floor_area,point\n"
                       "龘东四北大街 1 号,residential,80.5,\"116.391145,39.919633\"\n"
                       "龘东四北大街 2 号,residential,80.5,\"116.5,40.5\"\n");
  /* The grid from the point; a point outside the user's grids is the
   * row's error. */
  g_assert_cmpuint (houses->status, ==, 200);
  assert_rejected (assert_report (houses, TRUE, 2, 1, 0), 0, 2, "point", "invalid-input");
}

void
wg_test_add_csv_tests (void)
{
  WG_TEST_ADD ("/server/csv/import/dry-run", test_csv_import_dry_run);
  WG_TEST_ADD ("/server/csv/import/all-or-nothing", test_csv_import_all_or_nothing);
  WG_TEST_ADD ("/server/csv/import/clean", test_csv_import_clean);
  WG_TEST_ADD ("/server/csv/import/header", test_csv_import_header);
  WG_TEST_ADD ("/server/csv/people", test_csv_people);
  WG_TEST_ADD ("/server/csv/scope", test_csv_scope);
  WG_TEST_ADD ("/server/csv/forbidden", test_csv_forbidden);
  WG_TEST_ADD ("/server/csv/too-large", test_csv_too_large);
  WG_TEST_ADD ("/server/csv/round-trip", test_csv_round_trip);
}
