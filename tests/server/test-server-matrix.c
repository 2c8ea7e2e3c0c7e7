/* The authorization matrix: for every record endpoint and every demo
 * account, nothing outside the account's scope is readable or writable,
 * and roles without the permission are refused.
 *
 * One record of every kind (people included) lies in each of four places:
 * the grid account's grid, another grid of the community account's
 * community, another community of the street account's street, and
 * another street.  They are created through the API by the district
 * administrator and moved to their place by SQL as the owner.  Then each
 * account calls each endpoint on each record, and the answer must be what
 * its permission (common/wg-roles.c, the kinds' descriptors) and its scope
 * (the place's path under the account's) say: 403, 404, or the record;
 * lists, searches, totals, GeoJSON, CSV exports and the region summary's
 * counts hold
 * exactly the records in scope.  Every mismatch is collected and reported
 * together. */
#define G_LOG_DOMAIN "test-server"

#include "config.h"

#include <string.h>

#include "test-server-records-private.h"
#include "wg-record-kind.h"
#include "wg-roles.h"

#define N_PLACES 4
#define N_KINDS 9          /* people, then the record_cases */
#define REASON "{\"reason\": \"权限矩阵核对\"}"

typedef struct {
  const char *user;
  const char *scope;       /* ltree */
  const char *region;      /* the scope's region code */
  guint       roles;
} Account;

static const Account accounts[] = {
  { "admin", "110101", "110101", WG_ROLE_ADMIN },
  { "leader", "110101", "110101", WG_ROLE_LEADER },
  { "dispatcher", "110101", "110101", WG_ROLE_DISPATCHER },
  { "street", "110101.001", "110101001", WG_ROLE_STREET },
  { "community", "110101.001.001", "110101001001", WG_ROLE_COMMUNITY },
  { "grid", "110101.001.001.001", "110101001001001", WG_ROLE_GRID },
  { "dept", "110101", "110101", WG_ROLE_DEPARTMENT },
  { "auditor", "110101", "110101", WG_ROLE_AUDITOR },
};

/* Inside every scope; inside the community's; inside the street's; inside
 * the district's only. */
static const struct {
  const char *code;
  const char *path;
  const char *word;        /* makes the place's records unique for searches */
  const char *name;        /* the place's person */
} places[N_PLACES] = {
  { "110101001001001", "110101.001.001.001", "JZPA", "矩阵甲" },
  { "110101001001002", "110101.001.001.002", "JZPB", "矩阵乙" },
  { "110101001002001", "110101.001.002.001", "JZPC", "矩阵丙" },
  { "110101002001001", "110101.002.001.001", "JZPD", "矩阵丁" },
};

typedef struct {
  Fixture  *fixture;
  GString  *failures;
  char     *tokens[G_N_ELEMENTS (accounts)];
  gint64    ids[N_KINDS][N_PLACES];
  guint     checks;
} Matrix;

/* ---------------------------------------------------------------- setup */

static const char *
kind_name (guint kind)
{
  return kind == 0 ? "people" : record_cases[kind - 1].kind;
}

static const char *
kind_table (guint kind)
{
  return kind == 0 ? "person" : wg_record_kind_lookup (kind_name (kind))->table;
}

static gint64
create_person (Matrix *matrix,
               guint   place)
{
  g_autofree char *number = people_make_id_number ("19050505", 40 + place, TRUE);

  return people_create_simple (matrix->fixture, matrix->tokens[0], places[place].name,
                               places[0].code, number, NULL);
}

static void
move_record (Matrix *matrix,
             guint   kind,
             guint   place)
{
  g_autofree char *sql =
    g_strdup_printf ("UPDATE %s SET path = '%s' WHERE id = %" G_GINT64_FORMAT, kind_table (kind),
                     places[place].path, matrix->ids[kind][place]);

  admin_sql (matrix->fixture, sql);
  /* on the map too: records whose point is optional get one */
  if (kind != 0 && wg_record_kind_field (wg_record_kind_lookup (kind_name (kind)), "point") != NULL)
    {
      g_autofree char *point =
        g_strdup_printf ("UPDATE %s SET point = ST_SetSRID(ST_MakePoint(116.3933, 39.9213), 4326)"
                         " WHERE id = %" G_GINT64_FORMAT " AND point IS NULL", kind_table (kind),
                         matrix->ids[kind][place]);

      admin_sql (matrix->fixture, point);
    }
  if (kind == 0)
    {
      g_autofree char *tags =
        g_strdup_printf ("UPDATE person_tag SET path = '%s' WHERE person_id = %" G_GINT64_FORMAT,
                         places[place].path, matrix->ids[kind][place]);

      admin_sql (matrix->fixture, tags);
    }
}

/* A record of every kind in every place, created by the administrator in
 * the first grid and moved. */
static void
matrix_set_up (Matrix  *matrix,
               Fixture *fixture)
{
  matrix->fixture = fixture;
  matrix->failures = g_string_new (NULL);
  for (guint a = 0; a < G_N_ELEMENTS (accounts); a++)
    matrix->tokens[a] = sign_in (fixture, accounts[a].user);
  for (guint place = 0; place < N_PLACES; place++)
    {
      matrix->ids[0][place] = create_person (matrix, place);
      for (guint kind = 1; kind < N_KINDS; kind++)
        {
          g_autofree char *body = records_case_body (&record_cases[kind - 1], places[place].word);

          matrix->ids[kind][place] = records_create_id (fixture, matrix->tokens[0], kind_name (kind),
                                                        body);
        }
      for (guint kind = 0; kind < N_KINDS; kind++)
        move_record (matrix, kind, place);
    }
}

static void
matrix_clear (Matrix *matrix)
{
  for (guint a = 0; a < G_N_ELEMENTS (accounts); a++)
    g_free (matrix->tokens[a]);
  g_string_free (matrix->failures, TRUE);
}

/* ------------------------------------------------------------ verdicts */

static gboolean
visible (guint account,
         guint place)
{
  const char *scope = accounts[account].scope;
  gsize length = strlen (scope);

  return strncmp (places[place].path, scope, length) == 0 &&
         (places[place].path[length] == '\0' || places[place].path[length] == '.');
}

static WgPermission
read_permission (guint kind)
{
  return kind == 0 ? WG_PERMISSION_RECORDS_READ : wg_record_kind_lookup (kind_name (kind))->read;
}

static WgPermission
write_permission (guint kind)
{
  return kind == 0 ? WG_PERMISSION_RECORDS_WRITE : wg_record_kind_lookup (kind_name (kind))->write;
}

static gboolean
may (guint        account,
     WgPermission permission)
{
  return wg_roles_may (accounts[account].roles, permission);
}

/* The status an account gets on one record: 403 without @permission, 404
 * outside the scope, else @allowed. */
static guint
expected_status (guint        account,
                 guint        place,
                 WgPermission permission,
                 guint        allowed)
{
  if (!may (account, permission))
    return 403;
  if (!visible (account, place))
    return 404;
  return allowed;
}

static void
fail (Matrix     *matrix,
      guint       account,
      const char *format,
      ...) G_GNUC_PRINTF (3, 4);

static void
fail (Matrix     *matrix,
      guint       account,
      const char *format,
      ...)
{
  va_list args;

  g_string_append_printf (matrix->failures, "%s: ", accounts[account].user);
  va_start (args, format);
  g_string_append_vprintf (matrix->failures, format, args);
  va_end (args);
  g_string_append_c (matrix->failures, '\n');
}

static WgTestResponse *
call (Matrix             *matrix,
      guint               account,
      const char         *method,
      const char         *path,
      const char         *body,
      const char * const *headers)
{
  matrix->checks++;
  return people_request (matrix->fixture, method, path, matrix->tokens[account], body, headers);
}

/* @method @path answers @expected (and, for an error, its code). */
static WgTestResponse *
expect (Matrix             *matrix,
        guint               account,
        const char         *method,
        const char         *path,
        const char         *body,
        const char * const *headers,
        guint               expected)
{
  WgTestResponse *response = call (matrix, account, method, path, body, headers);

  if (response->status != expected)
    fail (matrix, account, "%s %s answered %u, expected %u: %.*s", method, path, response->status,
          expected, (int) MIN (g_bytes_get_size (response->body), 200),
          (const char *) g_bytes_get_data (response->body, NULL));
  return response;
}

/* The ids of a list's items or a FeatureCollection's features. */
static GArray *
answer_ids (WgTestResponse *response)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  JsonObject *object = response->json != NULL && JSON_NODE_HOLDS_OBJECT (response->json)
                       ? json_node_get_object (response->json) : NULL;
  JsonArray *items = NULL;

  if (object != NULL && json_object_has_member (object, "items"))
    items = json_object_get_array_member (object, "items");
  else if (object != NULL && json_object_has_member (object, "features"))
    items = json_object_get_array_member (object, "features");
  for (guint i = 0; items != NULL && i < json_array_get_length (items); i++)
    {
      gint64 id = json_object_get_int_member (json_array_get_object_element (items, i), "id");

      g_array_append_val (ids, id);
    }
  return ids;
}

static gboolean
ids_contain (GArray *ids,
             gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

/* The ids of a CSV export: the first column of each row after the header
 * (after the byte order mark). */
static GArray *
csv_ids (WgTestResponse *response)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *text = g_strndup (g_bytes_get_data (response->body, NULL),
                                     g_bytes_get_size (response->body));
  g_auto(GStrv) lines = g_strsplit (g_str_has_prefix (text, "\xEF\xBB\xBF") ? text + 3 : text,
                                    "\n", -1);

  for (guint i = 1; lines[i] != NULL; i++)
    {
      gint64 id = g_ascii_strtoll (lines[i], NULL, 10);

      if (id > 0)
        g_array_append_val (ids, id);
    }
  return ids;
}

/* A list (or search, or GeoJSON, or CSV export) of @kind holds the records of exactly the
 * places given by @expected_places (a bit per place), among the four. */
static void
expect_listed (Matrix     *matrix,
               guint       account,
               guint       kind,
               const char *path,
               guint       expected_places)
{
  WgPermission permission = read_permission (kind);
  g_autoptr(WgTestResponse) response =
    expect (matrix, account, "GET", path, NULL, NULL, may (account, permission) ? 200 : 403);
  g_autoptr(GArray) ids = NULL;

  if (response->status != 200)
    return;
  ids = strstr (path, "/export") != NULL ? csv_ids (response) : answer_ids (response);
  for (guint place = 0; place < N_PLACES; place++)
    {
      gboolean wanted = (expected_places & (1u << place)) != 0;

      if (ids_contain (ids, matrix->ids[kind][place]) != wanted)
        fail (matrix, account, "GET %s %s the record of %s", path,
              wanted ? "lacks" : "shows", places[place].code);
    }
}

/* The places an account sees (a bit per place). */
static guint
visible_places (guint account)
{
  guint mask = 0;

  for (guint place = 0; place < N_PLACES; place++)
    if (visible (account, place))
      mask |= 1u << place;
  return mask;
}

/* -------------------------------------------------------------- reading */

static char *
search_text (guint kind,
             guint place)
{
  g_autofree char *escaped = NULL;

  if (kind != 0 && wg_record_kind_lookup (kind_name (kind))->search == WG_SEARCH_NONE)
    return NULL;
  escaped = g_uri_escape_string (kind == 0 ? places[place].name : places[place].word, NULL, FALSE);
  return g_strdup_printf ("/api/v1/%s?q=%s&limit=500", kind_name (kind), escaped);
}

/* total=true counts what the owner counts inside the scope. */
static void
expect_total (Matrix *matrix,
              guint   account,
              guint   kind)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/%s?total=true&limit=1", kind_name (kind));
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE path <@ '%s'",
                                          kind_table (kind), accounts[account].scope);
  g_autoptr(WgTestResponse) response =
    expect (matrix, account, "GET", path, NULL, NULL, may (account, read_permission (kind)) ? 200 : 403);
  gint64 total, owner;

  if (response->status != 200)
    return;
  total = json_object_get_int_member (wg_test_response_object (response), "total");
  owner = admin_count (matrix->fixture, sql);
  if (total != owner)
    fail (matrix, account, "GET %s: total %" G_GINT64_FORMAT ", the owner counts %" G_GINT64_FORMAT,
          path, total, owner);
}

/* ?region= of each place: its record, or 404 naming the region. */
static void
expect_region_filter (Matrix *matrix,
                      guint   account,
                      guint   kind)
{
  for (guint place = 0; place < N_PLACES; place++)
    {
      g_autofree char *path = g_strdup_printf ("/api/v1/%s?region=%s&limit=500", kind_name (kind),
                                               places[place].code);

      if (visible (account, place) || !may (account, read_permission (kind)))
        expect_listed (matrix, account, kind, path, 1u << place);
      else
        wg_test_response_free (expect (matrix, account, "GET", path, NULL, NULL, 404));
    }
}

/* GET of each record, and its chain where the kind has one. */
static void
expect_records (Matrix *matrix,
                guint   account,
                guint   kind)
{
  gboolean chained = kind == 0 || g_str_equal (kind_name (kind), "houses") ||
                     g_str_equal (kind_name (kind), "households");

  for (guint place = 0; place < N_PLACES; place++)
    {
      guint status = expected_status (account, place, read_permission (kind), 200);
      g_autofree char *path = records_path (kind_name (kind), matrix->ids[kind][place], "");
      g_autofree char *chain = records_path (kind_name (kind), matrix->ids[kind][place], "/chain");

      wg_test_response_free (expect (matrix, account, "GET", path, NULL, NULL, status));
      if (chained)
        wg_test_response_free (expect (matrix, account, "GET", chain, NULL, NULL, status));
    }
}

static void
expect_kind_readable (Matrix *matrix,
                      guint   account,
                      guint   kind)
{
  g_autofree char *list = g_strdup_printf ("/api/v1/%s?limit=500", kind_name (kind));
  guint seen = visible_places (account);

  expect_listed (matrix, account, kind, list, seen);
  expect_total (matrix, account, kind);
  expect_region_filter (matrix, account, kind);
  expect_records (matrix, account, kind);
  for (guint place = 0; place < N_PLACES; place++)
    {
      g_autofree char *search = search_text (kind, place);

      if (search != NULL)
        expect_listed (matrix, account, kind, search, seen & (1u << place));
    }
  {
    g_autofree char *export = g_strdup_printf ("/api/v1/%s/export", kind_name (kind));
    g_autofree char *export_region = g_strdup_printf ("/api/v1/%s/export?region=%s",
                                                      kind_name (kind), places[1].code);

    expect_listed (matrix, account, kind, export, seen);
    if (visible (account, 1) || !may (account, read_permission (kind)))
      expect_listed (matrix, account, kind, export_region, 1u << 1);
    else
      wg_test_response_free (expect (matrix, account, "GET", export_region, NULL, NULL, 404));
  }
  if (kind != 0 && wg_record_kind_lookup (kind_name (kind))->has_geometry)
    {
      g_autofree char *geojson = g_strdup_printf ("/api/v1/%s?format=geojson", kind_name (kind));

      expect_listed (matrix, account, kind, geojson, seen);
    }
}

/* Revealing an ID number needs its own permission. */
static void
expect_reveals (Matrix *matrix,
                guint   account)
{
  for (guint place = 0; place < N_PLACES; place++)
    {
      g_autofree char *path = records_path ("people", matrix->ids[0][place], "/reveal");
      guint status = expected_status (account, place, WG_PERMISSION_REVEAL_ID_NUMBER, 200);

      wg_test_response_free (expect (matrix, account, "POST", path, REASON, NULL, status));
    }
}

/* The summary of each place's grid, and of the account's own region with
 * the people the owner counts in the scope. */
static void
expect_summaries (Matrix *matrix,
                  guint   account)
{
  g_autofree char *own = g_strdup_printf ("/api/v1/regions/%s/summary", accounts[account].region);
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM person WHERE path <@ '%s'",
                                          accounts[account].scope);
  g_autoptr(WgTestResponse) response = NULL;
  gint64 people;

  for (guint place = 0; place < N_PLACES; place++)
    {
      g_autofree char *path = g_strdup_printf ("/api/v1/regions/%s/summary", places[place].code);
      guint status = expected_status (account, place, WG_PERMISSION_RECORDS_READ, 200);

      wg_test_response_free (expect (matrix, account, "GET", path, NULL, NULL, status));
    }
  response = expect (matrix, account, "GET", own, NULL, NULL,
                     may (account, WG_PERMISSION_RECORDS_READ) ? 200 : 403);
  if (response->status != 200)
    return;
  people = json_object_get_int_member (json_object_get_object_member (wg_test_response_object (response),
                                                                      "counts"), "people");
  if (people != admin_count (matrix->fixture, sql))
    fail (matrix, account, "GET %s counts %" G_GINT64_FORMAT " people, the owner %" G_GINT64_FORMAT,
          own, people, admin_count (matrix->fixture, sql));
}

/* The territory itself: every role sees the map, of its scope only. */
static void
expect_regions (Matrix *matrix,
                guint   account)
{
  static const char * const paths[] = {
    "/api/v1/regions?level=grid&limit=500",
    "/api/v1/regions?level=grid&format=geojson",
  };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(WgTestResponse) response = expect (matrix, account, "GET", paths[i], NULL, NULL, 200);
      JsonObject *object = wg_test_response_object (response);
      const char *member = json_object_has_member (object, "items") ? "items" : "features";
      JsonArray *items = json_object_get_array_member (object, member);
      g_autoptr(GHashTable) codes = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint j = 0; j < json_array_get_length (items); j++)
        {
          JsonObject *item = json_array_get_object_element (items, j);

          if (json_object_has_member (item, "properties"))
            item = json_object_get_object_member (item, "properties");
          g_hash_table_add (codes, (gpointer) json_object_get_string_member (item, "code"));
        }
      for (guint place = 0; place < N_PLACES; place++)
        if (g_hash_table_contains (codes, places[place].code) != visible (account, place))
          fail (matrix, account, "GET %s %s grid %s", paths[i],
                visible (account, place) ? "lacks" : "shows", places[place].code);
    }
}

static void
assert_no_failures (Matrix *matrix)
{
  g_test_message ("%u calls checked", matrix->checks);
  if (matrix->failures->len > 0)
    g_error ("The authorization matrix does not hold:\n%s", matrix->failures->str);
}

static void
test_matrix_read (Fixture       *fixture,
                  gconstpointer  user_data)
{
  Matrix matrix = { NULL };

  SKIP_WITHOUT_SERVER (fixture);
  matrix_set_up (&matrix, fixture);
  for (guint account = 0; account < G_N_ELEMENTS (accounts); account++)
    {
      for (guint kind = 0; kind < N_KINDS; kind++)
        expect_kind_readable (&matrix, account, kind);
      expect_reveals (&matrix, account);
      expect_summaries (&matrix, account);
      expect_regions (&matrix, account);
    }
  assert_no_failures (&matrix);
  matrix_clear (&matrix);
}

/* -------------------------------------------------------------- writing */

static gint64
record_version (Matrix *matrix,
                guint   kind,
                gint64  id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT coalesce((SELECT version FROM %s WHERE id = %"
                                          G_GINT64_FORMAT "), 1)", kind_table (kind), id);

  return admin_count (matrix->fixture, sql);
}

static char *
patch_body (guint kind)
{
  if (kind == 0)
    return g_strdup ("{\"phone\": \"13900000009\"}");
  return g_strdup_printf ("{\"%s\": \"%s\"}", record_cases[kind - 1].patch_field,
                          record_cases[kind - 1].patch_value);
}

/* Only the author edits a diary entry; the administrator wrote them all. */
static guint
expected_write (guint  account,
                guint  kind,
                guint  place,
                guint  allowed)
{
  guint status = expected_status (account, place, write_permission (kind), allowed);

  if (status == allowed && kind != 0 && wg_record_kind_lookup (kind_name (kind))->author_only &&
      account != 0)
    return 403;
  return status;
}

/* @method with If-Match on record @id of @kind. */
static WgTestResponse *
expect_with_version (Matrix     *matrix,
                     guint       account,
                     const char *method,
                     guint       kind,
                     gint64      id,
                     const char *body,
                     guint       expected)
{
  g_autofree char *path = records_path (kind_name (kind), id, "");
  g_autofree char *version = g_strdup_printf ("%" G_GINT64_FORMAT, record_version (matrix, kind, id));
  const char *headers[] = { "If-Match", version, NULL };

  return expect (matrix, account, method, path, body, headers, expected);
}

/* PATCH every record; DELETE those the account may not delete (a refused
 * delete changes nothing, so the records stay for the next account). */
static void
expect_updates (Matrix *matrix,
                guint   account,
                guint   kind)
{
  g_autofree char *body = patch_body (kind);

  for (guint place = 0; place < N_PLACES; place++)
    {
      gint64 id = matrix->ids[kind][place];
      guint deleting = expected_write (account, kind, place, 204);

      wg_test_response_free (expect_with_version (matrix, account, "PATCH", kind, id, body,
                                                  expected_write (account, kind, place, 200)));
      if (deleting != 204)
        wg_test_response_free (expect_with_version (matrix, account, "DELETE", kind, id, NULL,
                                                    deleting));
    }
}

/* A record the account may delete goes: a fresh one in the first grid. */
static void
expect_delete_allowed (Matrix *matrix,
                       guint   account,
                       guint   kind)
{
  g_autofree char *word = g_strdup_printf ("JZDEL%u%u", account, kind);
  g_autofree char *body = kind == 0 ? NULL : records_case_body (&record_cases[kind - 1], word);
  g_autofree char *sql = NULL;
  gint64 id;
  guint status = expected_write (account, kind, 0, 204);

  id = kind == 0 ? people_create_simple (matrix->fixture, matrix->tokens[0], "矩阵删", places[0].code,
                                         NULL, NULL)
                 : records_create_id (matrix->fixture, matrix->tokens[0], kind_name (kind), body);
  wg_test_response_free (expect_with_version (matrix, account, "DELETE", kind, id, NULL, status));
  sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE id = %" G_GINT64_FORMAT, kind_table (kind), id);
  if (admin_count (matrix->fixture, sql) != (status == 204 ? 0 : 1))
    fail (matrix, account, "DELETE of %s %" G_GINT64_FORMAT " answered %u but the row is %s",
          kind_name (kind), id, status, status == 204 ? "still there" : "gone");
}

/* A create body of @kind in the grid of @place: only the kinds whose
 * body names its grid (the others find it from a point or outline, which
 * the records tests cover). */
static char *
create_body (guint kind,
             guint place)
{
  g_autofree char *word = g_strdup_printf ("JZNEW%u", place);
  g_autofree char *body = NULL;
  g_auto(GStrv) parts = NULL;

  if (kind == 0)
    return people_person_body ("矩阵新", places[place].code, NULL, NULL);
  body = records_case_body (&record_cases[kind - 1], word);
  if (strstr (body, "\"grid\": \"" GRID_1 "\"") == NULL)
    return NULL;
  parts = g_strsplit (body, GRID_1, -1);
  return g_strjoinv (places[place].code, parts);
}

/* The field an error answer names, or NULL. */
static const char *
error_field (WgTestResponse *response)
{
  JsonObject *object = response->json != NULL && JSON_NODE_HOLDS_OBJECT (response->json)
                       ? json_node_get_object (response->json) : NULL;
  JsonObject *error = object != NULL && json_object_has_member (object, "error")
                      ? json_object_get_object_member (object, "error") : NULL;

  if (error == NULL || !json_object_has_member (error, "field"))
    return NULL;
  return json_object_get_string_member (error, "field");
}

/* Creating in a grid outside the scope is 404 naming the grid (the
 * records contract); the people API, older, answers 400 naming it. */
static void
expect_creates (Matrix *matrix,
                guint   account,
                guint   kind)
{
  g_autofree char *path = records_path (kind_name (kind), 0, "");

  for (guint place = 0; place < N_PLACES; place++)
    {
      g_autofree char *body = create_body (kind, place);
      g_autoptr(WgTestResponse) response = NULL;
      guint status = expected_status (account, place, write_permission (kind), 201);

      if (body == NULL)
        continue;
      if (status == 404 && kind == 0)
        status = 400;
      response = expect (matrix, account, "POST", path, body, NULL, status);
      if ((status == 404 || status == 400) && response->status == status &&
          g_strcmp0 (error_field (response), "grid") != 0)
        fail (matrix, account, "POST %s outside the scope: the 404 does not name the grid", path);
    }
}

static guint
kind_index (const char *name)
{
  for (guint kind = 1; kind < N_KINDS; kind++)
    if (g_str_equal (kind_name (kind), name))
      return kind;
  g_assert_not_reached ();
}

/* The links of households (members) and houses (residents) cannot be
 * made or undone outside the scope, on either end. */
static void
expect_links (Matrix *matrix,
              guint   account)
{
  guint households = kind_index ("households");
  guint houses = kind_index ("houses");
  gint64 person = matrix->ids[0][0];

  for (guint place = 0; place < N_PLACES; place++)
    {
      guint status = expected_status (account, place, WG_PERMISSION_RECORDS_WRITE, 0);
      g_autofree char *members = records_path ("households", matrix->ids[households][place], "/members");
      g_autofree char *member = g_strdup_printf ("%s/%" G_GINT64_FORMAT, members, person);
      g_autofree char *residents = records_path ("houses", matrix->ids[houses][place], "/residents");
      g_autofree char *resident = g_strdup_printf ("%s/1", residents);
      g_autofree char *member_body = g_strdup_printf ("{\"person_id\": %" G_GINT64_FORMAT
                                                      ", \"relation\": \"other\"}", person);
      g_autofree char *resident_body = g_strdup_printf ("{\"person_id\": %" G_GINT64_FORMAT
                                                        ", \"kind\": \"tenant\","
                                                        " \"from_date\": \"2020-01-01\"}", person);

      /* inside the scope with the permission: the records tests' matter */
      if (status == 0)
        continue;
      wg_test_response_free (expect (matrix, account, "POST", members, member_body, NULL, status));
      wg_test_response_free (expect (matrix, account, "DELETE", member, NULL, NULL, status));
      wg_test_response_free (expect (matrix, account, "POST", residents, resident_body, NULL, status));
      wg_test_response_free (expect (matrix, account, "DELETE", resident, NULL, NULL, status));
    }
}

static void
test_matrix_write (Fixture       *fixture,
                   gconstpointer  user_data)
{
  Matrix matrix = { NULL };

  SKIP_WITHOUT_SERVER (fixture);
  matrix_set_up (&matrix, fixture);
  for (guint account = 0; account < G_N_ELEMENTS (accounts); account++)
    for (guint kind = 0; kind < N_KINDS; kind++)
      {
        expect_updates (&matrix, account, kind);
        expect_creates (&matrix, account, kind);
        expect_delete_allowed (&matrix, account, kind);
      }
  for (guint account = 0; account < G_N_ELEMENTS (accounts); account++)
    expect_links (&matrix, account);
  assert_no_failures (&matrix);
  matrix_clear (&matrix);
}

void
wg_test_add_matrix_tests (void)
{
  WG_TEST_ADD ("/server/matrix/read", test_matrix_read);
  WG_TEST_ADD ("/server/matrix/write", test_matrix_write);
}
