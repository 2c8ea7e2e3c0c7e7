#define G_LOG_DOMAIN "wg-http"

#include "config.h"

#include "wg-api.h"
#include "wg-error.h"
#include "wg-http.h"
#include "wg-json.h"

static void
wg_http_session_login_cb (GObject      *source,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  WgHttpRequest *request = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  gint64 user_id = 0;
  guint retry_after = 0;

  node = wg_engine_login_finish (WG_ENGINE (source), result, &user_id, &retry_after, &error);
  wg_http_request_set_user_id (request, user_id);
  if (g_error_matches (error, WG_ERROR, WG_ERROR_TOO_MANY_REQUESTS))
    {
      SoupMessageHeaders *headers = soup_server_message_get_response_headers (request->message);
      g_autofree char *seconds = g_strdup_printf ("%u", MAX (retry_after, 1));

      soup_message_headers_replace (headers, "Retry-After", seconds);
    }
  wg_http_respond_result (request, SOUP_STATUS_CREATED, node, error);
}

/* POST /api/v1/session {"username","password"} */
void
wg_http_session_post (WgHttpRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = wg_http_request_parse_object (request, &error);
  JsonObject *object = root != NULL ? json_node_get_object (root) : NULL;
  const char *username = NULL;
  const char *password = NULL;
  const char *address;

  if (object != NULL)
    username = wg_json_require_string (object, "username", WG_MAX_USERNAME_CHARS, &error);
  if (username != NULL)
    password = wg_json_require_string (object, "password", WG_MAX_PASSWORD_CHARS, &error);
  if (password == NULL)
    {
      wg_http_respond_error (request, error);
      return;
    }
  address = soup_server_message_get_remote_host (request->message);
  wg_http_request_pause (request);
  wg_engine_login_async (request->engine, username, password, address, NULL,
                         wg_http_session_login_cb, request);
}

static void
wg_http_session_get_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  WgHttpRequest *request = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  gint64 user_id = 0;

  node = wg_engine_session_get_finish (WG_ENGINE (source), result, &user_id, &error);
  wg_http_request_set_user_id (request, user_id);
  wg_http_respond_result (request, SOUP_STATUS_OK, node, error);
}

/* GET /api/v1/session: who the bearer token belongs to */
void
wg_http_session_get (WgHttpRequest *request)
{
  wg_http_request_pause (request);
  wg_engine_session_get_async (request->engine, wg_http_request_get_token (request), NULL,
                               wg_http_session_get_cb, request);
}

static void
wg_http_session_delete_cb (GObject      *source,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  WgHttpRequest *request = user_data;
  g_autoptr(GError) error = NULL;
  gint64 user_id = 0;
  gboolean done = wg_engine_logout_finish (WG_ENGINE (source), result, &user_id, &error);

  wg_http_request_set_user_id (request, user_id);
  if (done)
    wg_http_respond_empty (request, SOUP_STATUS_NO_CONTENT);
  else
    wg_http_respond_error (request, error);
}

/* DELETE /api/v1/session: sign out */
void
wg_http_session_delete (WgHttpRequest *request)
{
  wg_http_request_pause (request);
  wg_engine_logout_async (request->engine, wg_http_request_get_token (request), NULL,
                          wg_http_session_delete_cb, request);
}
