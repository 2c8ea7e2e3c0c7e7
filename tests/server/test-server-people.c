/* test-server-people.c — /people: validation, CRUD with If-Match, concurrent
 * edits, Idempotency-Key, search, scope by role and territory; the rest is in
 * test-server-people-access.c, the helpers in test-server-people-util.c
 */
#define G_LOG_DOMAIN "test-server"

#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <glib/gstdio.h>

#include "test-server-people-private.h"


static void
test_people_crud (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autofree char *token = NULL;
  g_autofree char *number = people_make_id_number ("19041231", 1, TRUE);
  g_autofree char *body = NULL;
  g_autofree char *path = NULL;
  g_autoptr(JsonNode) created = NULL;
  g_autoptr(WgTestResponse) fetched = NULL;
  g_autoptr(WgTestResponse) patched = NULL;
  g_autoptr(WgTestResponse) cleared = NULL;
  JsonObject *person;
  JsonObject *tag;
  gint64 id;

  SKIP_WITHOUT_SERVER (fixture);
  token = sign_in (fixture, "community");
  body = people_person_body ("张小明", GRID_1, number, "13812345678");
  {
    g_autoptr(WgTestResponse) response = people_request (fixture, "POST", "/api/v1/people", token, body, NULL);

    g_assert_cmpuint (response->status, ==, 201);
    created = json_node_ref (response->json);
    person = json_node_get_object (created);
    id = json_object_get_int_member (person, "id");
    path = people_person_path (id, "");
    g_assert_cmpstr (soup_message_headers_get_one (response->headers, "Location"), ==, path);
  }
  g_assert_cmpstr (json_object_get_string_member (person, "name"), ==, "张小明");
  g_assert_true (g_str_has_prefix (json_object_get_string_member (person, "id_number"), "110101********"));
  g_assert_cmpstr (json_object_get_string_member (person, "id_number") + 14, ==, number + 14);
  g_assert_cmpstr (json_object_get_string_member (person, "birth_date"), ==, "1904-12-31");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (person, "grid"), "code"), ==, GRID_1);
  g_assert_cmpint (json_object_get_int_member (person, "version"), ==, 1);
  g_assert_true (json_object_get_null_member (person, "household_id"));
  tag = json_array_get_object_element (json_object_get_array_member (person, "tags"), 0);
  g_assert_cmpstr (json_object_get_string_member (tag, "tag"), ==, "elderly_alone");
  g_assert_cmpstr (json_object_get_string_member (tag, "from"), ==, "2020-01-01");

  fetched = get (fixture, path, token);
  g_assert_cmpuint (fetched->status, ==, 200);
  g_assert_true (json_node_equal (fetched->json, created));

  /* PATCH: If-Match required, stale refused, then applied. */
  people_assert_field_error (fixture, "PATCH", path, token, "{\"phone\": \"13900000000\"}", NULL,
                      428, "precondition-required", NULL);
  people_assert_field_error (fixture, "PATCH", path, token, "{\"phone\": \"13900000000\"}",
                      (const char *[]) { "If-Match", "7", NULL }, 409, "conflict", NULL);
  people_assert_field_error (fixture, "PATCH", path, token, "{\"phone\": \"13900000000\"}",
                      (const char *[]) { "If-Match", "x", NULL }, 400, "invalid-input", "If-Match");
  patched = people_request (fixture, "PATCH", path, token, "{\"phone\": \"13900000000\", \"name\": \"张晓明\"}",
                     (const char *[]) { "If-Match", "1", NULL });
  g_assert_cmpuint (patched->status, ==, 200);
  person = wg_test_response_object (patched);
  g_assert_cmpint (json_object_get_int_member (person, "version"), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (person, "phone"), ==, "13900000000");
  g_assert_cmpstr (json_object_get_string_member (person, "name"), ==, "张晓明");
  g_assert_cmpstr (json_object_get_string_member (person, "birth_date"), ==, "1904-12-31");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (person, "tags")), ==, 1);

  /* null clears an optional field and the tags; a required one stays required. */
  cleared = people_request (fixture, "PATCH", path, token, "{\"phone\": null, \"tags\": null}",
                     (const char *[]) { "If-Match", "\"2\"", NULL });
  g_assert_cmpuint (cleared->status, ==, 200);
  person = wg_test_response_object (cleared);
  g_assert_true (json_object_get_null_member (person, "phone"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (person, "tags")), ==, 0);
  people_assert_field_error (fixture, "PATCH", path, token, "{\"name\": null}",
                      (const char *[]) { "If-Match", "3", NULL }, 400, "invalid-input", "name");
  /* A new birth date is checked against the number on record. */
  people_assert_field_error (fixture, "PATCH", path, token, "{\"birth_date\": \"1905-01-01\"}",
                      (const char *[]) { "If-Match", "3", NULL }, 400, "invalid-input", "id_number");

  /* Into another grid of the community: the tags follow; out of the
   * community: refused, naming the grid; the grid account loses sight. */
  {
    g_autofree char *grid_token = sign_in (fixture, "grid");
    g_autofree char *second = people_admin_text (fixture, "SELECT min(code) FROM regions WHERE level = 'grid'"
                                                   " AND path <@ '110101.001.001' AND code <> '" GRID_1 "'");
    g_autofree char *outside = people_first_grid (fixture, "110101.002");
    g_autofree char *move = g_strdup_printf ("{\"grid\": \"%s\", \"tags\": [{\"tag\": \"veteran\","
                                             " \"from\": \"2021-05-01\"}]}", second);
    g_autofree char *away = g_strdup_printf ("{\"grid\": \"%s\"}", outside);
    g_autofree char *tag_paths = g_strdup_printf ("SELECT count(*) FROM person_tag t JOIN person p"
                                                  " ON p.id = t.person_id AND p.path = t.path"
                                                  " WHERE p.id = %" G_GINT64_FORMAT, id);
    g_autoptr(WgTestResponse) moved = NULL;

    people_assert_status (fixture, "GET", path, grid_token, NULL, NULL, 200);
    moved = people_request (fixture, "PATCH", path, token, move, (const char *[]) { "If-Match", "3", NULL });
    g_assert_cmpuint (moved->status, ==, 200);
    person = wg_test_response_object (moved);
    g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (person, "grid"), "code"), ==, second);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (
                       json_object_get_array_member (person, "tags"), 0), "tag"), ==, "veteran");
    g_assert_cmpint (admin_count (fixture, tag_paths), ==, 1);
    people_assert_field_error (fixture, "GET", path, grid_token, NULL, NULL, 404, "not-found", NULL);
    people_assert_field_error (fixture, "PATCH", path, token, away, (const char *[]) { "If-Match", "4", NULL },
                        400, "invalid-input", "grid");
  }

  /* DELETE: If-Match required, stale refused, then gone. */
  people_assert_field_error (fixture, "DELETE", path, token, NULL, NULL, 428, "precondition-required", NULL);
  people_assert_field_error (fixture, "DELETE", path, token, NULL,
                      (const char *[]) { "If-Match", "3", NULL }, 409, "conflict", NULL);
  people_assert_status (fixture, "DELETE", path, token, NULL, (const char *[]) { "If-Match", "4", NULL }, 204);
  people_assert_field_error (fixture, "GET", path, token, NULL, NULL, 404, "not-found", NULL);
  {
    g_autofree char *tags = g_strdup_printf ("SELECT count(*) FROM person_tag WHERE person_id = %"
                                             G_GINT64_FORMAT, id);

    g_assert_cmpint (admin_count (fixture, tags), ==, 0);
  }
  people_assert_field_error (fixture, "GET", "/api/v1/people/abc", token, NULL, NULL, 404, "not-found", NULL);
}

static void
test_people_validation (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autofree char *token = NULL;
  g_autofree char *number = people_make_id_number ("19060102", 3, TRUE);
  g_autofree char *female = people_make_id_number ("19060102", 3, FALSE);
  g_autofree char *other_birth = people_make_id_number ("19060103", 3, TRUE);
  g_autofree char *bad_check = g_strdup (number);
  g_autofree char *other_grid = NULL;
  g_autofree char *long_name = NULL;
  g_autoptr(GString) name = g_string_new (NULL);
  static const struct {
    const char *member;
    const char *value;
    const char *field;
  } cases[] = {
    { "name", "null", "name" },
    { "name", "\"   \"", "name" },
    { "name", "42", "name" },
    { "sex", "\"other\"", "sex" },
    { "sex", "null", "sex" },
    { "birth_date", "\"1980-13-01\"", "birth_date" },
    { "birth_date", "\"02/01/1980\"", "birth_date" },
    { "birth_date", "\"2999-01-01\"", "birth_date" },
    { "ethnicity", "\"\"", "ethnicity" },
    { "phone", "\"12345\"", "phone" },
    { "residence_status", "\"tourist\"", "residence_status" },
    { "origin_code", "\"1101\"", "origin_code" },
    { "nationality", "\"\"", "nationality" },
    { "grid", "\"110101001\"", "grid" },
    { "grid", "\"110101999999999\"", "grid" },
    { "tags", "[{\"tag\": \"rich\", \"from\": \"2020-01-01\"}]", "tags" },
    { "tags", "[{\"tag\": \"veteran\", \"from\": \"2020-01-01\", \"to\": \"2019-01-01\"}]", "tags" },
    { "tags", "{\"tag\": \"veteran\"}", "tags" },
  };

  SKIP_WITHOUT_SERVER (fixture);
  token = sign_in (fixture, "community");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *valid = people_person_body ("王五", GRID_1, number, "13812345678");
      g_autoptr(JsonNode) root = json_from_string (valid, NULL);
      g_autoptr(JsonNode) value = json_from_string (cases[i].value, NULL);
      g_autofree char *body = NULL;

      json_object_set_member (json_node_get_object (root), cases[i].member, g_steal_pointer (&value));
      body = json_to_string (root, FALSE);
      people_assert_field_error (fixture, "POST", "/api/v1/people", token, body, NULL, 400,
                          "invalid-input", cases[i].field);
    }
  for (guint i = 0; i < 61; i++)
    g_string_append (name, "名");
  long_name = people_person_body (name->str, GRID_1, number, NULL);
  people_assert_field_error (fixture, "POST", "/api/v1/people", token, long_name, NULL, 400,
                      "invalid-input", "name");

  /* The ID number: check digit, birth date, sex digit; only foreign
   * residents may go without. */
  bad_check[17] = bad_check[17] == '0' ? '1' : '0';
  {
    g_autofree char *body = people_person_body ("王五", GRID_1, bad_check, NULL);
    g_autofree char *wrong_sex = people_person_body ("王五", GRID_1, female, NULL);
    g_autofree char *wrong_birth = people_person_body ("王五", GRID_1, other_birth, NULL);
    g_autofree char *registered = g_strdup_printf ("{\"name\": \"王五\", \"sex\": \"male\","
                                                   " \"birth_date\": \"1906-01-02\","
                                                   " \"residence_status\": \"registered\","
                                                   " \"grid\": \"%s\"}", GRID_1);
    g_autofree char *date_mismatch = NULL;
    g_autoptr(JsonNode) root = json_from_string (wrong_birth, NULL);

    people_assert_field_error (fixture, "POST", "/api/v1/people", token, body, NULL, 400, "invalid-input", "id_number");
    /* person_body takes the birth date from the number; say 1906-01-02. */
    json_object_set_string_member (json_node_get_object (root), "birth_date", "1906-01-02");
    date_mismatch = json_to_string (root, FALSE);
    people_assert_field_error (fixture, "POST", "/api/v1/people", token, date_mismatch, NULL, 400, "invalid-input", "id_number");
    people_assert_field_error (fixture, "POST", "/api/v1/people", token, wrong_sex, NULL, 400, "invalid-input", "id_number");
    people_assert_field_error (fixture, "POST", "/api/v1/people", token, registered, NULL, 400, "invalid-input", "id_number");
  }
  /* A foreign resident without a number is fine. */
  people_create_simple (fixture, token, "John Smith", GRID_1, NULL, NULL);
  /* A grid that exists but lies outside the community. */
  other_grid = people_first_grid (fixture, "110101.002");
  {
    g_autofree char *body = people_person_body ("王五", other_grid, number, NULL);

    people_assert_field_error (fixture, "POST", "/api/v1/people", token, body, NULL, 400, "invalid-input", "grid");
  }
  /* The body itself. */
  people_assert_field_error (fixture, "POST", "/api/v1/people", token, "{\"name\": ", NULL, 400, "malformed-json", NULL);
  {
    g_autoptr(WgTestResponse) response =
      wg_test_request (fixture->session, fixture->url, "POST", "/api/v1/people", token,
                       "text/plain", "name=x");

    wg_test_assert_error (response, 415, "unsupported-media-type", NULL);
  }
  /* A duplicate ID number. */
  people_create_simple (fixture, token, "王五", GRID_1, number, NULL);
  {
    g_autofree char *body = people_person_body ("龘王六", GRID_1, number, NULL);

    people_assert_field_error (fixture, "POST", "/api/v1/people", token, body, NULL, 409, "conflict", "id_number");
  }
  g_assert_cmpint (admin_count (fixture, "SELECT count(*) FROM person WHERE name = '龘王六'"), ==, 0);

  /* The list's parameters and the reveal's reason. */
  people_assert_field_error (fixture, "GET", "/api/v1/people?limit=0", token, NULL, NULL, 400, "invalid-input", "limit");
  people_assert_field_error (fixture, "GET", "/api/v1/people?limit=501", token, NULL, NULL, 400, "invalid-input", "limit");
  people_assert_field_error (fixture, "GET", "/api/v1/people?cursor=%25%25", token, NULL, NULL, 400, "invalid-input", "cursor");
  people_assert_field_error (fixture, "GET", "/api/v1/people?status=rich", token, NULL, NULL, 400, "invalid-input", "status");
  people_assert_field_error (fixture, "GET", "/api/v1/people?tag=rich", token, NULL, NULL, 400, "invalid-input", "tag");
  people_assert_field_error (fixture, "GET", "/api/v1/people?region=11", token, NULL, NULL, 400, "invalid-input", "region");
  people_assert_field_error (fixture, "GET", "/api/v1/people?region=110101002", token, NULL, NULL, 404, "not-found", "region");
  people_assert_field_error (fixture, "GET", "/api/v1/people?q=" "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
                      token, NULL, NULL, 400, "invalid-input", "q");
  {
    g_autofree char *body = people_person_body ("x", GRID_1, NULL, NULL);

    people_assert_field_error (fixture, "POST", "/api/v1/people", token, body,
                        (const char *[]) { "Idempotency-Key", "", NULL }, 400, "invalid-input",
                        "Idempotency-Key");
  }
}

/* Two PATCHes with the same version at once: one wins, one gets 409. */
typedef struct {
  guint pending;
  guint statuses[2];
} Race;

static void
race_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Race *race = user_data;
  SoupMessage *message = soup_session_get_async_result_message (SOUP_SESSION (source), result);
  g_autoptr(GBytes) body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, NULL);

  race->statuses[--race->pending] = soup_message_get_status (message);
}

static SoupMessage *
patch_message (Fixture    *fixture,
               const char *path,
               const char *token,
               const char *body)
{
  g_autofree char *uri = g_strconcat (fixture->url, path, NULL);
  g_autofree char *bearer = g_strconcat ("Bearer ", token, NULL);
  g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));
  SoupMessage *message = soup_message_new ("PATCH", uri);

  soup_message_headers_replace (soup_message_get_request_headers (message), "Authorization", bearer);
  soup_message_headers_replace (soup_message_get_request_headers (message), "If-Match", "1");
  soup_message_set_request_body_from_bytes (message, "application/json", bytes);
  return message;
}

static void
test_people_concurrent_edits (Fixture       *fixture,
                              gconstpointer  user_data)
{
  g_autofree char *token = NULL;
  g_autofree char *other = NULL;

  SKIP_WITHOUT_SERVER (fixture);
  token = sign_in (fixture, "community");
  other = sign_in (fixture, "street");
  for (guint round = 0; round < 3; round++)
    {
      g_autofree char *name = g_strdup_printf ("赵%u", round);
      gint64 id = people_create_simple (fixture, token, name, GRID_1, NULL, NULL);
      g_autofree char *path = people_person_path (id, "");
      g_autoptr(SoupMessage) first = patch_message (fixture, path, token, "{\"phone\": \"13811111111\"}");
      g_autoptr(SoupMessage) second = patch_message (fixture, path, other, "{\"phone\": \"13822222222\"}");
      g_autofree char *sql = g_strdup_printf ("SELECT version FROM person WHERE id = %" G_GINT64_FORMAT, id);
      Race race = { 2, { 0, 0 } };

      soup_session_send_and_read_async (fixture->session, first, G_PRIORITY_DEFAULT, NULL, race_done_cb, &race);
      soup_session_send_and_read_async (fixture->session, second, G_PRIORITY_DEFAULT, NULL, race_done_cb, &race);
      while (race.pending > 0)
        g_main_context_iteration (NULL, TRUE);
      g_test_message ("round %u: %u and %u", round, race.statuses[0], race.statuses[1]);
      g_assert_cmpuint (MIN (race.statuses[0], race.statuses[1]), ==, 200);
      g_assert_cmpuint (MAX (race.statuses[0], race.statuses[1]), ==, 409);
      g_assert_cmpint (admin_count (fixture, sql), ==, 2);
    }
}

static void
test_people_idempotent_create (Fixture       *fixture,
                               gconstpointer  user_data)
{
  g_autofree char *token = NULL;
  g_autofree char *other = NULL;
  g_autofree char *body = people_person_body ("龘钱七", GRID_1, NULL, NULL);
  const char *headers[] = { "Idempotency-Key", "form-42", NULL };
  g_autoptr(WgTestResponse) first = NULL;
  g_autoptr(WgTestResponse) again = NULL;
  g_autoptr(WgTestResponse) someone_else = NULL;

  SKIP_WITHOUT_SERVER (fixture);
  token = sign_in (fixture, "community");
  other = sign_in (fixture, "street");
  first = people_request (fixture, "POST", "/api/v1/people", token, body, headers);
  g_assert_cmpuint (first->status, ==, 201);
  again = people_request (fixture, "POST", "/api/v1/people", token, body, headers);
  g_assert_cmpuint (again->status, ==, 200);
  g_assert_cmpint (json_object_get_int_member (wg_test_response_object (again), "id"), ==,
                   json_object_get_int_member (wg_test_response_object (first), "id"));
  g_assert_cmpstr (soup_message_headers_get_one (again->headers, "Location"), ==,
                   soup_message_headers_get_one (first->headers, "Location"));
  g_assert_cmpint (admin_count (fixture, "SELECT count(*) FROM person WHERE name = '龘钱七'"), ==, 1);
  /* Keys are per user. */
  someone_else = people_request (fixture, "POST", "/api/v1/people", other, body, headers);
  g_assert_cmpuint (someone_else->status, ==, 201);
  g_assert_cmpint (admin_count (fixture, "SELECT count(*) FROM person WHERE name = '龘钱七'"), ==, 2);
}

/* The ids of GET /api/v1/people?q=@q&@more, @q URI-escaped. */
static GArray *
search_ids (Fixture    *fixture,
            const char *token,
            const char *q,
            const char *more)
{
  g_autofree char *escaped = g_uri_escape_string (q, NULL, FALSE);
  g_autofree char *path = g_strdup_printf ("/api/v1/people?q=%s%s%s", escaped,
                                           more != NULL ? "&" : "", more != NULL ? more : "");

  return people_list_ids (fixture, path, token);
}

/* The ids @q finds are exactly the @n of @expected. */
static void
assert_finds (Fixture      *fixture,
              const char   *token,
              const char   *q,
              const char   *more,
              const gint64 *expected,
              guint         n)
{
  g_autoptr(GArray) ids = search_ids (fixture, token, q, more);

  g_test_message ("q=%s %s: %u found", q, more != NULL ? more : "", ids->len);
  g_assert_cmpuint (ids->len, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_true (people_ids_contain (ids, expected[i]));
}

static void
test_people_search (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autofree char *token = NULL;
  g_autofree char *number = people_make_id_number ("19030305", 7, TRUE);
  g_autofree char *lower_x = NULL;
  g_autofree char *cursor = NULL;
  gint64 two, three, other, wild, one;
  gint64 seen = 0;

  SKIP_WITHOUT_SERVER (fixture);
  token = sign_in (fixture, "community");
  two = people_create_simple (fixture, token, "龘靐", GRID_1, number, "19900000001");
  three = people_create_simple (fixture, token, "鬱龘靐", GRID_1, NULL, "19911110001");
  other = people_create_simple (fixture, token, "爩鱻麤", GRID_1, NULL, NULL);
  wild = people_create_simple (fixture, token, "龘%_", GRID_1, NULL, NULL);
  one = people_create_simple (fixture, token, "龘一", GRID_1, NULL, NULL);

  /* Two characters, also inside a longer name; three characters. */
  assert_finds (fixture, token, "龘靐", NULL, (gint64[]) { two, three }, 2);
  assert_finds (fixture, token, "鬱龘靐", NULL, (gint64[]) { three }, 1);
  assert_finds (fixture, token, "爩鱻", NULL, (gint64[]) { other }, 1);
  assert_finds (fixture, token, "靐鬱", NULL, NULL, 0);
  /* One character: names that start with it. */
  assert_finds (fixture, token, "龘", NULL, (gint64[]) { two, wild, one }, 3);
  /* LIKE's wildcards are plain characters. */
  assert_finds (fixture, token, "%_", NULL, (gint64[]) { wild }, 1);
  /* The exact ID number, by blind index; x in lower case is X. */
  assert_finds (fixture, token, number, NULL, (gint64[]) { two }, 1);
  lower_x = g_strdup_printf ("%.17sx", number);
  assert_finds (fixture, token, lower_x, NULL, (gint64[]) { two }, number[17] == 'X' ? 1 : 0);
  /* Phone prefixes. */
  assert_finds (fixture, token, "1990000", NULL, (gint64[]) { two }, 1);
  assert_finds (fixture, token, "19911110", NULL, (gint64[]) { three }, 1);
  /* A landline written with separators is stored as its digits and found
   * by a prefix of them. */
  {
    gint64 landline = people_create_simple (fixture, token, "鱻靐", GRID_1, NULL, "010-6512 3456");
    g_autofree char *sql = g_strdup_printf ("SELECT phone FROM person WHERE id = %" G_GINT64_FORMAT,
                                            landline);
    g_autofree char *stored = people_admin_text (fixture, sql);

    g_assert_cmpstr (stored, ==, "01065123456");
    assert_finds (fixture, token, "0106512", NULL, (gint64[]) { landline }, 1);
  }
  /* Filters with a search. */
  assert_finds (fixture, token, "龘", "status=registered", (gint64[]) { two }, 1);
  assert_finds (fixture, token, "龘", "tag=elderly_alone", (gint64[]) { two, wild, one }, 3);
  assert_finds (fixture, token, "龘", "tag=veteran", NULL, 0);
  assert_finds (fixture, token, "龘", "region=" GRID_1, (gint64[]) { two, wild, one }, 3);
  assert_finds (fixture, token, "龘", "region=110101001001", (gint64[]) { two, wild, one }, 3);

  /* Keyset pages of one in id order, with the total. */
  for (guint page = 0; page < 5; page++)
    {
      g_autofree char *path = g_strdup_printf ("/api/v1/people?q=%%E9%%BE%%98&limit=1&total=true%s%s",
                                               cursor != NULL ? "&cursor=" : "", cursor != NULL ? cursor : "");
      g_autoptr(WgTestResponse) response = get (fixture, path, token);
      JsonObject *object = wg_test_response_object (response);
      JsonArray *items = json_object_get_array_member (object, "items");
      gint64 id;

      g_assert_cmpuint (response->status, ==, 200);
      g_assert_cmpint (json_object_get_int_member (object, "total"), ==, 3);
      g_assert_cmpuint (json_array_get_length (items), ==, 1);
      id = json_object_get_int_member (json_array_get_object_element (items, 0), "id");
      g_assert_cmpint (id, >, seen);
      seen = id;
      g_clear_pointer (&cursor, g_free);
      if (json_object_get_null_member (object, "next_cursor"))
        {
          g_assert_cmpuint (page, ==, 2);
          break;
        }
      cursor = g_strdup (json_object_get_string_member (object, "next_cursor"));
    }
  g_assert_cmpint (seen, ==, one);
  {
    g_autoptr(WgTestResponse) plain = get (fixture, "/api/v1/people", token);

    g_assert_false (json_object_has_member (wg_test_response_object (plain), "total"));
  }
}

/* People by the address of where they live: a household's members and a
 * house's current residents, within the scope only. */
static void
test_people_by_address (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autofree char *token = NULL;
  g_autofree char *street = NULL;
  g_autofree char *house = NULL;
  g_autofree char *household = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *ignored = NULL;
  g_autoptr(GArray) found = NULL;
  g_autoptr(GArray) elsewhere = NULL;
  gint64 member, resident, moved_out;

  SKIP_WITHOUT_SERVER (fixture);
  token = sign_in (fixture, "community");
  member = people_create_simple (fixture, token, "龘住户", GRID_1, NULL, NULL);
  resident = people_create_simple (fixture, token, "龘租户", GRID_1, NULL, NULL);
  moved_out = people_create_simple (fixture, token, "龘旧户", GRID_1, NULL, NULL);
  house = people_admin_text (fixture, "INSERT INTO house (path, address, use)"
                                      " SELECT path, '龘靐胡同甲9号', 'residential' FROM regions"
                                      " WHERE code = '" GRID_1 "' RETURNING id");
  sql = g_strdup_printf ("INSERT INTO household (path, house_id) SELECT path, %s FROM regions"
                         " WHERE code = '" GRID_1 "' RETURNING id", house);
  household = people_admin_text (fixture, sql);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("INSERT INTO household_member (person_id, household_id, path, relation)"
                         " SELECT %" G_GINT64_FORMAT ", %s, path, 'head' FROM regions"
                         " WHERE code = '" GRID_1 "' RETURNING person_id", member, household);
  ignored = people_admin_text (fixture, sql);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("INSERT INTO residence (person_id, house_id, path, kind, from_date, to_date)"
                         " SELECT p, %s, path, 'tenant', DATE '2020-01-01', t FROM regions,"
                         " (VALUES (%" G_GINT64_FORMAT ", NULL::date), (%" G_GINT64_FORMAT
                         ", DATE '2021-01-01')) AS v (p, t)"
                         " WHERE code = '" GRID_1 "' RETURNING 1", house, resident, moved_out);
  {
    g_autoptr(PGconn) conn = PQconnectdb (wg_test_server_get_admin_conninfo (fixture->server));
    g_autoptr(PGresult) result = PQexec (conn, sql);

    g_assert_cmpint (PQresultStatus (result), ==, PGRES_TUPLES_OK);
  }

  /* Two characters of the address find the member and the current
   * tenant, not the one who moved out. */
  found = people_list_ids (fixture, "/api/v1/people?address=%E9%BE%98%E9%9D%90&limit=500", token);
  g_assert_cmpuint (found->len, ==, 2);
  g_assert_true (people_ids_contain (found, member));
  g_assert_true (people_ids_contain (found, resident));
  g_assert_false (people_ids_contain (found, moved_out));
  /* With a name search, both apply. */
  g_clear_pointer (&found, g_array_unref);
  found = people_list_ids (fixture, "/api/v1/people?address=%E9%BE%98%E9%9D%90&q=%E7%A7%9F%E6%88%B7",
                           token);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_true (people_ids_contain (found, resident));
  /* A household of another street under the same address text: the
   * district sees it, the community does not. */
  street = people_first_grid (fixture, "110101.002");
  {
    g_autofree char *admin = sign_in (fixture, "admin");
    gint64 far = people_create_simple (fixture, admin, "龘远户", street, NULL, NULL);
    g_autofree char *far_sql =
      g_strdup_printf ("WITH g AS (SELECT path FROM regions WHERE code = '%s'),"
                       " o AS (INSERT INTO house (path, address, use)"
                       "       SELECT path, '龘靐胡同乙1号', 'residential' FROM g RETURNING id),"
                       " h AS (INSERT INTO household (path, house_id)"
                       "       SELECT g.path, o.id FROM g, o RETURNING id)"
                       " INSERT INTO household_member (person_id, household_id, path, relation)"
                       " SELECT %" G_GINT64_FORMAT ", h.id, g.path, 'head' FROM g, h"
                       " RETURNING person_id", street, far);
    g_autofree char *inserted = people_admin_text (fixture, far_sql);

    elsewhere = people_list_ids (fixture, "/api/v1/people?address=%E9%BE%98%E9%9D%90", admin);
    g_assert_cmpuint (elsewhere->len, ==, 3);
    g_assert_true (people_ids_contain (elsewhere, far));
    g_clear_pointer (&found, g_array_unref);
    found = people_list_ids (fixture, "/api/v1/people?address=%E9%BE%98%E9%9D%90", token);
    g_assert_cmpuint (found->len, ==, 2);
    g_assert_false (people_ids_contain (found, far));
  }
  /* One character is too little to search an address. */
  people_assert_field_error (fixture, "GET", "/api/v1/people?address=%E9%BE%98", token, NULL, NULL,
                             400, "invalid-input", "address");
}

/* Who sees what: scope by territory (RLS), permissions by role. */
static void
test_people_scope (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autofree char *admin = NULL;
  g_autofree char *community = NULL;
  g_autofree char *street = NULL;
  g_autofree char *grid = NULL;
  g_autofree char *same_street = NULL;
  g_autofree char *other_street = NULL;
  g_autofree char *number_out = people_make_id_number ("19070101", 11, TRUE);
  g_autofree char *number_far = people_make_id_number ("19070101", 12, TRUE);
  const char *forbidden[] = { "leader", "dept", "auditor" };
  gint64 mine, near, far, before;

  SKIP_WITHOUT_SERVER (fixture);
  admin = sign_in (fixture, "admin");
  community = sign_in (fixture, "community");
  street = sign_in (fixture, "street");
  grid = sign_in (fixture, "grid");
  same_street = people_first_grid (fixture, "110101.001.002");
  other_street = people_first_grid (fixture, "110101.002");
  before = admin_count (fixture, "SELECT count(*) FROM person");
  mine = people_create_simple (fixture, community, "龘孙一", GRID_1, NULL, NULL);
  near = people_create_simple (fixture, admin, "龘孙二", same_street, number_out, "19700000002");
  far = people_create_simple (fixture, admin, "龘孙三", other_street, number_far, "19700000003");

  /* community: nothing of another community, by any call. */
  {
    gint64 outside[] = { near, far };

    for (guint i = 0; i < G_N_ELEMENTS (outside); i++)
      {
        g_autofree char *path = people_person_path (outside[i], "");
        g_autofree char *reveal = people_person_path (outside[i], "/reveal");
        g_autofree char *chain = people_person_path (outside[i], "/chain");

        people_assert_field_error (fixture, "GET", path, community, NULL, NULL, 404, "not-found", NULL);
        people_assert_field_error (fixture, "GET", chain, community, NULL, NULL, 404, "not-found", NULL);
        people_assert_field_error (fixture, "POST", reveal, community, "{\"reason\": \"family visit\"}", NULL,
                            404, "not-found", NULL);
        people_assert_field_error (fixture, "PATCH", path, community, "{\"name\": \"x\"}",
                            (const char *[]) { "If-Match", "1", NULL }, 404, "not-found", NULL);
        people_assert_field_error (fixture, "DELETE", path, community, NULL,
                            (const char *[]) { "If-Match", "1", NULL }, 404, "not-found", NULL);
        /* The same from the grid account. */
        people_assert_field_error (fixture, "GET", path, grid, NULL, NULL, 404, "not-found", NULL);
      }
  }
  {
    g_autoptr(GArray) all = search_ids (fixture, community, "龘", NULL);
    g_autoptr(GArray) by_name = search_ids (fixture, community, "龘孙二", NULL);
    g_autoptr(GArray) by_number = search_ids (fixture, community, number_out, NULL);
    g_autoptr(GArray) by_phone = search_ids (fixture, community, "1970000", NULL);
    g_autoptr(WgTestResponse) counted = get (fixture, "/api/v1/people?total=true", community);

    g_assert_cmpuint (all->len, ==, 1);
    g_assert_true (people_ids_contain (all, mine));
    g_assert_cmpuint (by_name->len, ==, 0);
    g_assert_cmpuint (by_number->len, ==, 0);
    g_assert_cmpuint (by_phone->len, ==, 0);
    /* The total counts the community's people only. */
    g_assert_cmpint (json_object_get_int_member (wg_test_response_object (counted), "total"), ==,
                     admin_count (fixture, "SELECT count(*) FROM person WHERE path <@ '110101.001.001'"));
  }
  /* The grid account sees its grid; the street its street; admin all. */
  {
    g_autoptr(GArray) grid_ids = search_ids (fixture, grid, "龘", NULL);
    g_autoptr(GArray) street_ids = search_ids (fixture, street, "龘", NULL);
    g_autoptr(GArray) admin_ids = search_ids (fixture, admin, "龘", NULL);
    g_autofree char *far_path = people_person_path (far, "");
    g_autofree char *near_path = people_person_path (near, "");

    g_assert_true (people_ids_contain (grid_ids, mine) && grid_ids->len == 1);
    g_assert_true (people_ids_contain (street_ids, mine) && people_ids_contain (street_ids, near));
    g_assert_false (people_ids_contain (street_ids, far));
    g_assert_cmpuint (admin_ids->len, ==, 3);
    /* A region narrows to itself, also for a district-wide user. */
    {
      g_autofree char *region = g_strdup_printf ("/api/v1/people?region=%.12s", same_street);
      g_autofree char *region_search = g_strdup_printf ("%s&q=%%E9%%BE%%98", region);
      g_autoptr(GArray) in_region = people_list_ids (fixture, region_search, admin);

      g_assert_cmpuint (in_region->len, ==, 1);
      g_assert_true (people_ids_contain (in_region, near));
    }
    people_assert_field_error (fixture, "GET", "/api/v1/people?region=110101002", street, NULL, NULL,
                        404, "not-found", "region");
    people_assert_field_error (fixture, "GET", far_path, street, NULL, NULL, 404, "not-found", NULL);
    people_assert_status (fixture, "GET", near_path, street, NULL, NULL, 200);
  }
  /* dept, leader and auditor: no people at all. */
  for (guint i = 0; i < G_N_ELEMENTS (forbidden); i++)
    {
      g_autofree char *token = sign_in (fixture, forbidden[i]);
      g_autofree char *path = people_person_path (mine, "");
      g_autofree char *chain = people_person_path (mine, "/chain");
      g_autofree char *reveal = people_person_path (mine, "/reveal");
      g_autofree char *body = people_person_body ("周九", GRID_1, NULL, NULL);

      people_assert_field_error (fixture, "GET", "/api/v1/people", token, NULL, NULL, 403, "forbidden", NULL);
      people_assert_field_error (fixture, "GET", path, token, NULL, NULL, 403, "forbidden", NULL);
      people_assert_field_error (fixture, "GET", chain, token, NULL, NULL, 403, "forbidden", NULL);
      people_assert_field_error (fixture, "POST", reveal, token, "{\"reason\": \"curious\"}", NULL, 403, "forbidden", NULL);
      people_assert_field_error (fixture, "POST", "/api/v1/people", token, body, NULL, 403, "forbidden", NULL);
      people_assert_field_error (fixture, "PATCH", path, token, "{\"name\": \"x\"}",
                          (const char *[]) { "If-Match", "1", NULL }, 403, "forbidden", NULL);
      people_assert_field_error (fixture, "DELETE", path, token, NULL,
                          (const char *[]) { "If-Match", "1", NULL }, 403, "forbidden", NULL);
    }
  /* The dispatcher reads but does not write. */
  {
    g_autofree char *dispatcher = sign_in (fixture, "dispatcher");
    g_autofree char *body = people_person_body ("周九", GRID_1, NULL, NULL);

    people_assert_status (fixture, "GET", "/api/v1/people", dispatcher, NULL, NULL, 200);
    people_assert_field_error (fixture, "POST", "/api/v1/people", dispatcher, body, NULL, 403, "forbidden", NULL);
  }
  people_assert_field_error (fixture, "GET", "/api/v1/people", NULL, NULL, NULL, 401, "unauthenticated", NULL);
  g_assert_cmpint (admin_count (fixture, "SELECT count(*) FROM person"), ==, before + 3);
}

/* The audit log is a hash chain: each row's hash covers its content and
 * the previous row's hash, and the rows make one line in the order of seq. */
void
wg_test_add_people_tests (void)
{
  WG_TEST_ADD ("/server/people/crud", test_people_crud);
  WG_TEST_ADD ("/server/people/validation", test_people_validation);
  WG_TEST_ADD ("/server/people/concurrent-edits", test_people_concurrent_edits);
  WG_TEST_ADD ("/server/people/idempotent-create", test_people_idempotent_create);
  WG_TEST_ADD ("/server/people/search", test_people_search);
  WG_TEST_ADD ("/server/people/by-address", test_people_by_address);
  WG_TEST_ADD ("/server/people/scope", test_people_scope);
  WG_TEST_ADD ("/server/people/reveal-audited", test_people_reveal);
  WG_TEST_ADD ("/server/people/chain", test_people_chain);
  WG_TEST_ADD ("/server/people/nothing-in-clear", test_people_nothing_in_clear);
  g_test_add_func ("/server/people/key-file-required", test_people_key_file_required);
}
