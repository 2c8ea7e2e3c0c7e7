/* test-contract.c — docs/openapi.json kept honest against the real server
 *
 * Every operation in the OpenAPI file is called on a real server (the test
 * harness: real PostgreSQL, real HTTP), signed in and not; each status the
 * server answers must be documented for that operation, and a documented
 * success must carry the members the schema marks required.
 */
#define G_LOG_DOMAIN "test-contract"

#include "config.h"

#include <libsoup/soup.h>
#include <json-glib/json-glib.h>

#include "wg-test-harness.h"
#include "wg-test-http.h"

typedef struct {
  WgTestServer *server;
  SoupSession *session;
  JsonNode *spec;
  char *token;
} Fixture;

static JsonNode *
load_spec (void)
{
  g_autofree char *path = g_build_filename (WG_SOURCE_DIR, "docs", "openapi.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  return json_node_ref (json_parser_get_root (parser));
}

/* One call to the server under test (wg-test-http). */
static WgTestResponse *
call (Fixture    *fixture,
      const char *method,
      const char *path,
      const char *token,
      const char *body)
{
  return wg_test_request (fixture->session, wg_test_server_get_url (fixture->server), method,
                          path, token, body != NULL ? "application/json" : NULL, body);
}

static char *
sign_in (Fixture    *fixture,
         const char *username)
{
  char *token = wg_test_sign_in (fixture->session, wg_test_server_get_url (fixture->server),
                                 username, "wangge2026");

  g_assert_nonnull (token);
  return token;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  if (!wg_test_harness_available ())
    return;
  fixture->server = wg_test_server_start ("contract", &error);
  g_assert_no_error (error);
  /* No proxy: the server is on loopback whatever the environment says. */
  fixture->session = soup_session_new_with_options ("proxy-resolver", NULL, NULL);
  fixture->spec = load_spec ();
  fixture->token = sign_in (fixture, "leader");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_pointer (&fixture->server, wg_test_server_stop);
  g_clear_object (&fixture->session);
  g_clear_pointer (&fixture->spec, json_node_unref);
  g_clear_pointer (&fixture->token, g_free);
}

static JsonObject *
resolve (JsonNode   *spec,
         JsonObject *object)
{
  const char *ref;
  JsonNode *found;
  g_autofree char *pointer = NULL;

  if (object == NULL || !json_object_has_member (object, "$ref"))
    return object;
  ref = json_object_get_string_member (object, "$ref");
  g_assert_true (g_str_has_prefix (ref, "#/"));
  pointer = g_strconcat ("$.", ref + 2, NULL);
  for (char *p = pointer; *p; p++)
    if (*p == '/')
      *p = '.';
  found = json_path_query (pointer, spec, NULL);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (found)), ==, 1);
  object = json_array_get_object_element (json_node_get_array (found), 0);
  /* The match lives as long as the spec does; the result array is only a holder. */
  json_node_unref (found);
  return object;
}

static void
check_required_members (Fixture    *fixture,
                        JsonObject *response,
                        const char *media,
                        GBytes     *body,
                        const char *what)
{
  JsonObject *content;
  JsonObject *schema;
  JsonArray *required;
  g_autoptr(JsonNode) root = NULL;

  response = resolve (fixture->spec, response);
  if (!json_object_has_member (response, "content"))
    {
      g_assert_cmpuint (g_bytes_get_size (body), ==, 0);
      return;
    }
  content = json_object_get_object_member (response, "content");
  if (!json_object_has_member (content, media))
    media = "application/json";
  g_assert_true (json_object_has_member (content, media));
  schema = resolve (fixture->spec, json_object_get_object_member (
                      json_object_get_object_member (content, media), "schema"));
  /* Not JSON (a CSV export): documented is enough. */
  if (!g_str_has_suffix (media, "json"))
    return;
  root = json_from_string (g_bytes_get_data (body, NULL), NULL);
  g_assert_nonnull (root);
  if (!json_object_has_member (schema, "required"))
    return;
  required = json_object_get_array_member (schema, "required");
  for (guint i = 0; i < json_array_get_length (required); i++)
    {
      const char *member = json_array_get_string_element (required, i);

      if (!json_object_has_member (json_node_get_object (root), member))
        g_error ("%s: the answer lacks the required member “%s”", what, member);
    }
}

static const char *
example_body (const char *path,
              const char *method)
{
  if (g_str_equal (path, "/api/v1/session") && g_str_equal (method, "post"))
    return "{\"username\": \"leader\", \"password\": \"wangge2026\"}";
  return NULL;
}

static void
call_operation (Fixture    *fixture,
                const char *path,
                const char *method,
                JsonObject *operation,
                const char *token)
{
  g_autofree char *upper = g_ascii_strup (method, -1);
  g_autoptr(WgTestResponse) response = call (fixture, upper, path, token,
                                             example_body (path, method));
  guint status = response->status;
  g_autofree char *status_text = g_strdup_printf ("%u", status);
  g_autofree char *what = g_strdup_printf ("%s %s (%s)", upper, path, token ? "signed in" : "anonymous");
  JsonObject *responses = json_object_get_object_member (operation, "responses");
  const char *media = soup_message_headers_get_content_type (response->headers, NULL);
  GBytes *body = response->body;

  g_test_message ("%s → %u", what, status);
  if (!json_object_has_member (responses, status_text))
    g_error ("%s answered %u, which openapi.json does not document", what, status);
  check_required_members (fixture, json_object_get_object_member (responses, status_text),
                          media != NULL ? media : "application/json", body, what);
}

static void
test_every_operation (Fixture       *fixture,
                      gconstpointer  data)
{
  JsonObject *paths;
  g_autoptr(GList) names = NULL;
  guint operations = 0;

  if (fixture->server == NULL)
    return;
  paths = json_object_get_object_member (json_node_get_object (fixture->spec), "paths");
  names = json_object_get_members (paths);
  for (GList *l = names; l != NULL; l = l->next)
    {
      JsonObject *item = json_object_get_object_member (paths, l->data);
      g_autoptr(GList) methods = json_object_get_members (item);

      for (GList *m = methods; m != NULL; m = m->next)
        {
          JsonObject *operation = json_object_get_object_member (item, m->data);

          /* DELETE /session revokes the token: sign in afresh for it. */
          if (g_str_equal (m->data, "delete"))
            {
              g_autofree char *spare = sign_in (fixture, "leader");

              call_operation (fixture, l->data, m->data, operation, spare);
            }
          else
            call_operation (fixture, l->data, m->data, operation, fixture->token);
          call_operation (fixture, l->data, m->data, operation, NULL);
          operations++;
        }
    }
  g_assert_cmpuint (operations, >=, 5);
}

static void
test_geojson_variant (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(WgTestResponse) response = NULL;
  JsonObject *operation;

  if (fixture->server == NULL)
    return;
  response = call (fixture, "GET", "/api/v1/regions?format=geojson&level=street",
                   fixture->token, NULL);
  g_assert_cmpuint (response->status, ==, 200);
  operation = json_object_get_object_member (
    json_object_get_object_member (
      json_object_get_object_member (json_node_get_object (fixture->spec), "paths"),
      "/api/v1/regions"),
    "get");
  check_required_members (fixture,
                          json_object_get_object_member (json_object_get_object_member (operation, "responses"), "200"),
                          "application/geo+json", response->body, "GET /api/v1/regions?format=geojson");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/contract/openapi/every-operation", Fixture, NULL,
              fixture_set_up, test_every_operation, fixture_tear_down);
  g_test_add ("/contract/openapi/geojson", Fixture, NULL,
              fixture_set_up, test_geojson_variant, fixture_tear_down);

  return g_test_run ();
}
