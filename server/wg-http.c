#define G_LOG_DOMAIN "wg-http"

#include "config.h"

#include <string.h>

#include "wg-api.h"
#include "wg-error.h"
#include "wg-http.h"
#include "wg-json.h"

#define USER_ID_KEY "wg-user-id"
#define STATUS_KEY  "wg-status"

WgHttpRequest *
wg_http_request_new (WgEngine          *engine,
                     SoupServerMessage *message,
                     GHashTable        *query)
{
  WgHttpRequest *request = g_new0 (WgHttpRequest, 1);

  request->engine = g_object_ref (engine);
  request->message = g_object_ref (message);
  request->query = query != NULL ? g_hash_table_ref (query) : NULL;
  return request;
}

static void
wg_http_request_free (WgHttpRequest *request)
{
  if (request->paused)
    soup_server_message_unpause (request->message);
  g_clear_pointer (&request->query, g_hash_table_unref);
  g_clear_object (&request->message);
  g_clear_object (&request->engine);
  g_free (request);
}

void
wg_http_request_pause (WgHttpRequest *request)
{
  if (!request->paused)
    soup_server_message_pause (request->message);
  request->paused = TRUE;
}

void
wg_http_request_set_user_id (WgHttpRequest *request,
                             gint64         user_id)
{
  if (user_id > 0)
    g_object_set_data (G_OBJECT (request->message), USER_ID_KEY,
                       GSIZE_TO_POINTER ((gsize) user_id));
}

gint64
wg_http_message_get_user_id (SoupServerMessage *message)
{
  return GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (message), USER_ID_KEY));
}

const char *
wg_http_request_get_token (WgHttpRequest *request)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (request->message);
  const char *value = soup_message_headers_get_one (headers, "Authorization");

  if (value == NULL || g_ascii_strncasecmp (value, "Bearer ", 7) != 0)
    return NULL;
  value += 7;
  while (*value == ' ')
    value++;
  return *value != '\0' ? value : NULL;
}

JsonNode *
wg_http_request_parse_object (WgHttpRequest  *request,
                              GError        **error)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (request->message);
  SoupMessageBody *body = soup_server_message_get_request_body (request->message);
  const char *content_type = soup_message_headers_get_content_type (headers, NULL);
  g_autoptr(GBytes) bytes = NULL;
  gsize length = 0;
  const char *data;

  if (content_type == NULL || g_ascii_strcasecmp (content_type, WG_MEDIA_JSON) != 0)
    {
      g_set_error (error, WG_ERROR, WG_ERROR_UNSUPPORTED_MEDIA,
                   "The request body must be %s", WG_MEDIA_JSON);
      return NULL;
    }
  bytes = soup_message_body_flatten (body);
  data = g_bytes_get_data (bytes, &length);
  /* wg_json_parse_object refuses nesting deeper than WG_JSON_MAX_DEPTH. */
  return wg_json_parse_object (data, length, error);
}

/* The status is kept for the request log too: libsoup replaces it with
 * 500 when the client hangs up before the answer is written. */
static void
set_status (SoupServerMessage *message,
            guint              status)
{
  soup_server_message_set_status (message, status, NULL);
  g_object_set_data (G_OBJECT (message), STATUS_KEY, GUINT_TO_POINTER (status));
}

guint
wg_http_message_get_status (SoupServerMessage *message)
{
  guint status = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (message), STATUS_KEY));

  return status != 0 ? status : soup_server_message_get_status (message);
}

static void
set_json_body (SoupServerMessage *message,
               guint              status,
               JsonNode          *node)
{
  gsize length = 0;
  char *text = wg_json_to_string (node, &length);

  set_status (message, status);
  soup_server_message_set_response (message, WG_MEDIA_JSON, SOUP_MEMORY_TAKE, text, length);
}

void
wg_http_message_set_error (SoupServerMessage *message,
                           const GError      *error)
{
  g_autoptr(JsonNode) node = wg_error_to_json (error);
  WgErrorCode code = error->domain == WG_ERROR ? error->code : WG_ERROR_INTERNAL;
  guint status = wg_error_code_to_status (code);

  if (error->domain != WG_ERROR)
    g_message ("Unexpected error: %s", error->message);
  if (status == SOUP_STATUS_UNAUTHORIZED)
    soup_message_headers_replace (soup_server_message_get_response_headers (message),
                                  "WWW-Authenticate", "Bearer realm=\"wangge\"");
  set_json_body (message, status, node);
}

void
wg_http_respond_json (WgHttpRequest *request,
                      guint          status,
                      JsonNode      *node)
{
  set_json_body (request->message, status, node);
  wg_http_request_free (request);
}

void
wg_http_respond_bytes (WgHttpRequest *request,
                       guint          status,
                       const char    *content_type,
                       GBytes        *body)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (request->message);

  set_status (request->message, status);
  soup_message_headers_replace (headers, "Content-Type", content_type);
  soup_message_body_append_bytes (soup_server_message_get_response_body (request->message), body);
  wg_http_request_free (request);
}

void
wg_http_respond_empty (WgHttpRequest *request,
                       guint          status)
{
  set_status (request->message, status);
  wg_http_request_free (request);
}

void
wg_http_respond_error (WgHttpRequest *request,
                       const GError  *error)
{
  wg_http_message_set_error (request->message, error);
  wg_http_request_free (request);
}

void
wg_http_respond_result (WgHttpRequest *request,
                        guint          status,
                        JsonNode      *node,
                        const GError  *error)
{
  if (node != NULL)
    wg_http_respond_json (request, status, node);
  else
    wg_http_respond_error (request, error);
}
