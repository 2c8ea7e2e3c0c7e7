/* test-server-people-util.c — helpers of the /people tests: requests as a
 * demo account, fixtures made through the API, assertions on answers */
#define G_LOG_DOMAIN "test-server"

#include "config.h"

#include <string.h>

#include "test-server-people-private.h"

/* The first grid of 多福巷社区 (the community and grid demo accounts).
 *
 * The template database may hold seeded people: the tests' people have
 * rare names, birth years 1900-1909 (no seeded ID number can be theirs)
 * and the tests count only their own rows. */
#define GRID_1 "110101001001001"

/* ------------------------------------------------------------ helpers */

/* A valid GB 11643 number for @birth (YYYYMMDD), address 110101. */
char *
people_make_id_number (const char *birth,
                guint       sequence,
                gboolean    male)
{
  static const int weights[] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
  static const char checks[] = "10X98765432";
  g_autofree char *first17 = g_strdup_printf ("110101%s%02u%u", birth, sequence % 100,
                                              male ? 1 : 2);
  int sum = 0;

  for (guint i = 0; i < 17; i++)
    sum += (first17[i] - '0') * weights[i];
  return g_strdup_printf ("%s%c", first17, checks[sum % 11]);
}

WgTestResponse *
people_request (Fixture            *fixture,
         const char         *method,
         const char         *path,
         const char         *token,
         const char         *body,
         const char * const *headers)
{
  return wg_test_request_with_headers (fixture->session, fixture->url, method, path, token,
                                       body != NULL ? "application/json" : NULL, body, headers);
}

/* The text of the first column of the first row of an admin query. */
char *
people_admin_text (Fixture    *fixture,
            const char *sql)
{
  g_autoptr(PGconn) conn = PQconnectdb (wg_test_server_get_admin_conninfo (fixture->server));
  g_autoptr(PGresult) result = NULL;

  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  result = PQexec (conn, sql);
  g_assert_cmpint (PQresultStatus (result), ==, PGRES_TUPLES_OK);
  g_assert_cmpint (PQntuples (result), ==, 1);
  return g_strdup (PQgetvalue (result, 0, 0));
}

/* The first current grid under @path (an ltree). */
char *
people_first_grid (Fixture    *fixture,
            const char *path)
{
  g_autofree char *sql = g_strdup_printf ("SELECT min(code) FROM regions WHERE level = 'grid'"
                                          " AND path <@ '%s'", path);

  return people_admin_text (fixture, sql);
}

char *
people_person_body (const char *name,
             const char *grid,
             const char *id_number,
             const char *phone)
{
  g_autofree char *birth = NULL;
  g_autofree char *id_json = id_number != NULL ? g_strdup_printf ("\"%s\"", id_number)
                                               : g_strdup ("null");
  g_autofree char *phone_json = phone != NULL ? g_strdup_printf ("\"%s\"", phone)
                                              : g_strdup ("null");

  /* The birth date and sex of the number (all test numbers are male). */
  birth = id_number != NULL ? g_strdup_printf ("%.4s-%.2s-%.2s", id_number + 6, id_number + 10,
                                               id_number + 12)
                            : g_strdup ("1980-01-02");
  return g_strdup_printf ("{\"name\": \"%s\", \"sex\": \"male\", \"birth_date\": \"%s\","
                          " \"ethnicity\": \"汉族\", \"phone\": %s, \"id_number\": %s,"
                          " \"residence_status\": \"%s\", \"origin_code\": \"110101\","
                          " \"grid\": \"%s\","
                          " \"tags\": [{\"tag\": \"elderly_alone\", \"from\": \"2020-01-01\", \"to\": null}]}",
                          name, birth, phone_json, id_json,
                          id_number != NULL ? "registered" : "foreign", grid);
}

/* Creates a person as @token and returns the answer (asserted 201). */
JsonObject *
people_create_person (Fixture    *fixture,
               const char *token,
               const char *body,
               JsonNode  **root)
{
  g_autoptr(WgTestResponse) response = people_request (fixture, "POST", "/api/v1/people", token, body, NULL);

  g_assert_cmpuint (response->status, ==, 201);
  *root = json_node_ref (response->json);
  return json_node_get_object (*root);
}

gint64
people_create_simple (Fixture    *fixture,
               const char *token,
               const char *name,
               const char *grid,
               const char *id_number,
               const char *phone)
{
  g_autofree char *body = people_person_body (name, grid, id_number, phone);
  g_autoptr(JsonNode) root = NULL;
  JsonObject *person = people_create_person (fixture, token, body, &root);

  return json_object_get_int_member (person, "id");
}

void
people_assert_status (Fixture            *fixture,
               const char         *method,
               const char         *path,
               const char         *token,
               const char         *body,
               const char * const *headers,
               guint               status)
{
  g_autoptr(WgTestResponse) response = people_request (fixture, method, path, token, body, headers);

  if (response->status != status)
    g_error ("%s %s: %u, expected %u: %.*s", method, path, response->status, status,
             (int) g_bytes_get_size (response->body),
             (const char *) g_bytes_get_data (response->body, NULL));
}

void
people_assert_field_error (Fixture            *fixture,
                    const char         *method,
                    const char         *path,
                    const char         *token,
                    const char         *body,
                    const char * const *headers,
                    guint               status,
                    const char         *code,
                    const char         *field)
{
  g_autoptr(WgTestResponse) response = people_request (fixture, method, path, token, body, headers);

  g_test_message ("%s %s %s → %u", method, path, body != NULL ? body : "", response->status);
  wg_test_assert_error (response, status, code, field);
}

/* The ids of the items of GET @path. */
GArray *
people_list_ids (Fixture    *fixture,
          const char *path,
          const char *token)
{
  g_autoptr(WgTestResponse) response = get (fixture, path, token);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  JsonArray *items;

  if (response->status != 200)
    g_error ("GET %s: %u", path, response->status);
  items = json_object_get_array_member (wg_test_response_object (response), "items");
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      gint64 id = json_object_get_int_member (json_array_get_object_element (items, i), "id");

      g_array_append_val (ids, id);
    }
  return ids;
}

gboolean
people_ids_contain (GArray *ids,
             gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

char *
people_person_path (gint64      id,
             const char *suffix)
{
  return g_strdup_printf ("/api/v1/people/%" G_GINT64_FORMAT "%s", id, suffix);
}

/* -------------------------------------------------------------- tests */

