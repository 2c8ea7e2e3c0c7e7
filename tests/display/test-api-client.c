/* WgApiClient against an in-process SoupServer that plays the contract:
 * errors become WG_ERROR codes, an expired session is signalled once,
 * transport failures are "unreachable", cancellation stays silent. */
#define G_LOG_DOMAIN "test-api-client"

#include "config.h"

#include <string.h>
#include <libsoup/soup.h>

#include "wg-api.h"
#include "wg-api-client.h"
#include "wg-error.h"
#include "wg-region.h"

#define GOOD_TOKEN "good-token"
#define EXPIRED_TOKEN "expired-token"

typedef struct {
  SoupServer *server;
  char *url;
  WgApiClient *client;
  GAsyncResult *result;
  guint expired_signals;
  char *token_to_issue;
} Fixture;

static const char user_json[] =
  "{\"id\":3,\"username\":\"street\",\"display_name\":\"陈静\",\"roles\":[\"street\"],"
  "\"scope\":\"110101.001\",\"unit\":{\"code\":\"110101001\",\"name\":\"东华门街道\"}}";

static void
reply (SoupServerMessage *message,
       guint              status,
       const char        *body)
{
  soup_server_message_set_status (message, status, NULL);
  if (body != NULL)
    soup_server_message_set_response (message, WG_MEDIA_JSON, SOUP_MEMORY_COPY,
                                      body, strlen (body));
}

static void
reply_error (SoupServerMessage *message,
             WgErrorCode        code)
{
  g_autofree char *body = g_strdup_printf ("{\"error\":{\"code\":\"%s\",\"message\":\"x\"}}",
                                           wg_error_code_to_string (code));

  reply (message, wg_error_code_to_status (code), body);
}

static const char *
bearer (SoupServerMessage *message)
{
  const char *value = soup_message_headers_get_one (soup_server_message_get_request_headers (message),
                                                    "Authorization");

  return value != NULL && g_str_has_prefix (value, "Bearer ") ? value + 7 : NULL;
}

static void
session_cb (SoupServer        *server,
            SoupServerMessage *message,
            const char        *path,
            GHashTable        *query,
            gpointer           user_data)
{
  Fixture *fixture = user_data;
  const char *method = soup_server_message_get_method (message);
  SoupMessageBody *request = soup_server_message_get_request_body (message);
  g_autofree char *body = NULL;

  if (g_str_equal (method, "DELETE"))
    {
      reply (message, SOUP_STATUS_NO_CONTENT, NULL);
      return;
    }
  if (g_str_equal (method, "GET"))
    {
      body = g_strdup_printf ("{\"user\":%s,\"expires_at\":\"2030-01-01T00:00:00Z\"}", user_json);
      reply (message, SOUP_STATUS_OK, body);
      return;
    }
  if (request->data == NULL || strstr (request->data, "\"password\":\"right\"") == NULL)
    {
      reply_error (message, WG_ERROR_INVALID_CREDENTIALS);
      return;
    }
  body = g_strdup_printf ("{\"token\":\"%s\",\"expires_at\":\"2030-01-01T00:00:00Z\",\"user\":%s}",
                          fixture->token_to_issue, user_json);
  reply (message, SOUP_STATUS_CREATED, body);
}

static const char feature_collection[] =
  "{\"type\":\"FeatureCollection\",\"features\":["
  "{\"type\":\"Feature\",\"id\":\"110101001\",\"geometry\":{\"type\":\"MultiPolygon\","
  "\"coordinates\":[[[[116.40,39.91],[116.41,39.91],[116.41,39.92],[116.40,39.91]]]]},"
  "\"properties\":{\"code\":\"110101001\",\"name\":\"东华门街道\",\"level\":\"street\","
  "\"parent\":\"110101\",\"synthetic\":true}},"
  "{\"type\":\"Feature\",\"properties\":{\"code\":\"bad\",\"level\":\"nowhere\"}},"
  "{\"type\":\"Feature\",\"id\":\"110101001001\",\"geometry\":null,"
  "\"properties\":{\"code\":\"110101001001\",\"name\":\"多福巷社区\",\"level\":\"community\","
  "\"parent\":\"110101001\",\"synthetic\":true}}]}";

static void
regions_cb (SoupServer        *server,
            SoupServerMessage *message,
            const char        *path,
            GHashTable        *query,
            gpointer           user_data)
{
  const char *token = bearer (message);

  if (g_strcmp0 (token, EXPIRED_TOKEN) == 0)
    reply_error (message, WG_ERROR_SESSION_EXPIRED);
  else if (g_strcmp0 (token, GOOD_TOKEN) != 0)
    reply_error (message, WG_ERROR_UNAUTHENTICATED);
  else
    reply (message, SOUP_STATUS_OK, feature_collection);
}

static void
big_cb (SoupServer        *server,
        SoupServerMessage *message,
        const char        *path,
        GHashTable        *query,
        gpointer           user_data)
{
  g_autoptr(GString) body = g_string_new ("[");

  /* Over the size parsed in a worker thread. */
  for (guint i = 0; i < 20000; i++)
    g_string_append_printf (body, "%s%u", i > 0 ? "," : "", i);
  g_string_append_c (body, ']');
  reply (message, SOUP_STATUS_OK, body->str);
}

static void
not_json_cb (SoupServer        *server,
             SoupServerMessage *message,
             const char        *path,
             GHashTable        *query,
             gpointer           user_data)
{
  soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (message, "text/html", SOUP_MEMORY_STATIC,
                                    "<html>proxy login</html>", 24);
}

static void
expired_cb (WgApiClient  *client,
            const GError *error,
            Fixture      *fixture)
{
  g_assert_error (error, WG_ERROR, WG_ERROR_SESSION_EXPIRED);
  fixture->expired_signals++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSList) uris = NULL;

  fixture->token_to_issue = g_strdup (GOOD_TOKEN);
  fixture->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (fixture->server, WG_API_SESSION, session_cb, fixture, NULL);
  soup_server_add_handler (fixture->server, WG_API_REGIONS, regions_cb, fixture, NULL);
  soup_server_add_handler (fixture->server, "/big", big_cb, fixture, NULL);
  soup_server_add_handler (fixture->server, "/not-json", not_json_cb, fixture, NULL);
  soup_server_listen_local (fixture->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (fixture->server);
  fixture->url = g_uri_to_string (uris->data);
  g_slist_free_full (g_steal_pointer (&uris), (GDestroyNotify) g_uri_unref);

  fixture->client = wg_api_client_new (fixture->url);
  g_signal_connect (fixture->client, "session-expired", G_CALLBACK (expired_cb), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->client);
  g_clear_object (&fixture->result);
  /* Let the server see its connections close before it goes. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  soup_server_disconnect (fixture->server);
  g_clear_object (&fixture->server);
  g_clear_pointer (&fixture->url, g_free);
  g_clear_pointer (&fixture->token_to_issue, g_free);
}

static void
store_result_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Fixture *fixture = user_data;

  fixture->result = g_object_ref (result);
}

static GAsyncResult *
wait_result (Fixture *fixture)
{
  while (fixture->result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return fixture->result;
}

static WgUser *
login (Fixture     *fixture,
       const char  *password,
       GError     **error)
{
  g_clear_object (&fixture->result);
  wg_api_client_login_async (fixture->client, "street", password, NULL, store_result_cb, fixture);
  return wg_api_client_login_finish (fixture->client, wait_result (fixture), error);
}

static GListModel *
list_regions (Fixture  *fixture,
              GError  **error)
{
  g_clear_object (&fixture->result);
  wg_api_client_list_regions_geojson_async (fixture->client, NULL, store_result_cb, fixture);
  return wg_api_client_list_regions_geojson_finish (fixture->client, wait_result (fixture), error);
}

static JsonNode *
get (Fixture     *fixture,
     const char  *path,
     GError     **error)
{
  g_clear_object (&fixture->result);
  wg_api_client_request_async (fixture->client, "GET", path, NULL, NULL, store_result_cb, fixture);
  return wg_api_client_request_finish (fixture->client, wait_result (fixture), error);
}

static WgUser *
get_session (Fixture  *fixture,
             GError  **error)
{
  g_clear_object (&fixture->result);
  wg_api_client_get_session_async (fixture->client, NULL, store_result_cb, fixture);
  return wg_api_client_get_session_finish (fixture->client, wait_result (fixture), error);
}

static void
test_login_success (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WgUser) user = login (fixture, "right", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (wg_user_get_username (user), ==, "street");
  g_assert_cmpstr (wg_user_get_unit_name (user), ==, "东华门街道");
  g_assert_cmpstr (wg_api_client_get_token (fixture->client), ==, GOOD_TOKEN);
  g_assert_true (wg_api_client_get_user (fixture->client) == user);
}

static void
test_login_wrong_password (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WgUser) user = login (fixture, "wrong", &error);

  g_assert_null (user);
  g_assert_error (error, WG_ERROR, WG_ERROR_INVALID_CREDENTIALS);
  g_assert_null (wg_api_client_get_token (fixture->client));
  g_assert_cmpuint (fixture->expired_signals, ==, 0);
}

static void
test_regions (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WgUser) user = login (fixture, "right", &error);
  g_autoptr(GListModel) regions = NULL;
  g_autoptr(WgRegion) street = NULL;

  g_assert_no_error (error);
  g_test_expect_message ("wg-api-client", G_LOG_LEVEL_WARNING, "Skipping region feature 1:*");
  regions = list_regions (fixture, &error);
  g_test_assert_expected_messages ();
  g_assert_no_error (error);
  /* The malformed feature is skipped, the others kept. */
  g_assert_cmpuint (g_list_model_get_n_items (regions), ==, 2);
  street = g_list_model_get_item (regions, 0);
  g_assert_cmpstr (wg_region_get_name (street), ==, "东华门街道");
  g_assert_nonnull (wg_region_get_geometry (street));
}

static void
test_session_expired (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) second_error = NULL;
  g_autoptr(WgUser) user = NULL;
  g_autoptr(GListModel) regions = NULL;

  g_free (fixture->token_to_issue);
  fixture->token_to_issue = g_strdup (EXPIRED_TOKEN);
  user = login (fixture, "right", &error);
  g_assert_no_error (error);

  regions = list_regions (fixture, &error);
  g_assert_null (regions);
  g_assert_error (error, WG_ERROR, WG_ERROR_SESSION_EXPIRED);
  g_assert_cmpuint (fixture->expired_signals, ==, 1);
  g_assert_null (wg_api_client_get_token (fixture->client));
  g_assert_null (wg_api_client_get_user (fixture->client));

  /* Without a token the next call is unauthenticated, not a second expiry. */
  regions = list_regions (fixture, &second_error);
  g_assert_error (second_error, WG_ERROR, WG_ERROR_UNAUTHENTICATED);
  g_assert_cmpuint (fixture->expired_signals, ==, 1);
}

static void
test_get_session (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WgUser) signed_in = login (fixture, "right", &error);
  g_autoptr(WgUser) user = NULL;

  g_assert_no_error (error);
  user = get_session (fixture, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (wg_user_get_username (user), ==, "street");
  g_assert_true (wg_api_client_get_user (fixture->client) == user);
  g_assert_cmpstr (wg_api_client_get_token (fixture->client), ==, GOOD_TOKEN);
}

static void
test_get_session_after_sign_out (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WgUser) signed_in = login (fixture, "right", &error);
  g_autoptr(WgUser) user = NULL;

  g_assert_no_error (error);
  g_clear_object (&fixture->result);
  wg_api_client_get_session_async (fixture->client, NULL, store_result_cb, fixture);
  /* signed out while the answer is on its way */
  wg_api_client_logout_async (fixture->client, NULL, NULL, NULL);
  user = wg_api_client_get_session_finish (fixture->client, wait_result (fixture), &error);
  g_assert_no_error (error);
  g_assert_nonnull (user);
  g_assert_null (wg_api_client_get_token (fixture->client));
  g_assert_null (wg_api_client_get_user (fixture->client));
}

static void
test_unreachable (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WgUser) user = NULL;

  /* Port 9 on loopback: nothing listens there. */
  wg_api_client_set_base_url (fixture->client, "http://127.0.0.1:9");
  user = login (fixture, "right", &error);
  g_assert_null (user);
  g_assert_error (error, WG_ERROR, WG_ERROR_UNREACHABLE);
}

static void
test_cancelled (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;

  wg_api_client_request_async (fixture->client, "GET", "/big", NULL, cancellable,
                               store_result_cb, fixture);
  g_cancellable_cancel (cancellable);
  root = wg_api_client_request_finish (fixture->client, wait_result (fixture), &error);
  g_assert_null (root);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_large_answer (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = get (fixture, "/big", &error);

  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (root));
  g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 20000);
}

static void
test_not_json (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = get (fixture, "/not-json", &error);

  g_assert_null (root);
  g_assert_error (error, WG_ERROR, WG_ERROR_PROTOCOL);
}

static void
test_base_url_drops_session (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WgUser) user = login (fixture, "right", &error);
  g_autofree char *with_slash = g_strconcat (fixture->url, "/", NULL);

  g_assert_nonnull (wg_api_client_get_token (fixture->client));
  /* The same server written with a trailing slash keeps the session... */
  wg_api_client_set_base_url (fixture->client, with_slash);
  g_assert_nonnull (wg_api_client_get_token (fixture->client));
  /* ...another server does not get this server's token. */
  wg_api_client_set_base_url (fixture->client, "http://127.0.0.1:9");
  g_assert_null (wg_api_client_get_token (fixture->client));
}

#define ADD(path, function) \
  g_test_add ("/api-client/" path, Fixture, NULL, fixture_set_up, function, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("login/success", test_login_success);
  ADD ("login/wrong-password", test_login_wrong_password);
  ADD ("session/get", test_get_session);
  ADD ("session/get-after-sign-out", test_get_session_after_sign_out);
  ADD ("regions/geojson", test_regions);
  ADD ("session/expired-signalled-once", test_session_expired);
  ADD ("errors/unreachable", test_unreachable);
  ADD ("errors/cancelled", test_cancelled);
  ADD ("errors/not-json", test_not_json);
  ADD ("request/large-answer-in-thread", test_large_answer);
  ADD ("base-url/drops-session", test_base_url_drops_session);

  return g_test_run ();
}
