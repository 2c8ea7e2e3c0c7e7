#define G_LOG_DOMAIN "wg-http"

#include "config.h"

#include <string.h>

#include "wg-api.h"
#include "wg-error.h"
#include "wg-http.h"
#include "wg-json.h"

#define USER_ID_KEY "wg-user-id"
#define STATUS_KEY  "wg-status"

#define MAX_IDEMPOTENCY_KEY_CHARS 100

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

const char *
wg_http_request_get_header (WgHttpRequest *request,
                            const char    *name)
{
  return soup_message_headers_get_one (soup_server_message_get_request_headers (request->message),
                                       name);
}

gboolean
wg_http_request_get_path_id (WgHttpRequest  *request,
                             guint           position,
                             const char     *not_found_message,
                             gint64         *id,
                             GError        **error)
{
  const char *path = g_uri_get_path (soup_server_message_get_uri (request->message));
  g_auto(GStrv) segments = g_strsplit (path + 1, "/", -1);
  guint64 value;

  if (g_strv_length (segments) <= position ||
      !g_ascii_string_to_unsigned (segments[position], 10, 1, G_MAXINT64, &value, NULL))
    {
      g_set_error_literal (error, WG_ERROR, WG_ERROR_NOT_FOUND, not_found_message);
      return FALSE;
    }
  *id = (gint64) value;
  return TRUE;
}

gboolean
wg_http_request_get_if_match (WgHttpRequest  *request,
                              gint64         *version,
                              GError        **error)
{
  const char *value = wg_http_request_get_header (request, "If-Match");
  g_autofree char *text = NULL;
  guint64 parsed;

  if (value == NULL)
    {
      g_set_error_literal (error, WG_ERROR, WG_ERROR_PRECONDITION_REQUIRED,
                           "Send If-Match with the version you edited");
      return FALSE;
    }
  if (g_str_has_prefix (value, "W/"))
    value += 2;
  text = g_strstrip (g_strdup (value));
  if (text[0] == '"' && strlen (text) >= 2 && text[strlen (text) - 1] == '"')
    {
      text[strlen (text) - 1] = '\0';
      memmove (text, text + 1, strlen (text));
    }
  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT32, &parsed, NULL))
    {
      wg_set_field_error (error, "If-Match", "If-Match must be the version, a positive number");
      return FALSE;
    }
  *version = (gint64) parsed;
  return TRUE;
}

gboolean
wg_http_request_get_idempotency_key (WgHttpRequest  *request,
                                     const char    **key,
                                     GError        **error)
{
  const char *value = wg_http_request_get_header (request, "Idempotency-Key");

  *key = value;
  if (value == NULL)
    return TRUE;
  if (*value != '\0' && g_utf8_validate (value, -1, NULL) &&
      g_utf8_strlen (value, -1) <= MAX_IDEMPOTENCY_KEY_CHARS)
    return TRUE;
  wg_set_field_error (error, "Idempotency-Key", "The Idempotency-Key has 1 to %d characters",
                      MAX_IDEMPOTENCY_KEY_CHARS);
  return FALSE;
}

gboolean
wg_http_request_accepts_geojson (WgHttpRequest *request)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (request->message);
  const char *accept = soup_message_headers_get_list (headers, "Accept");
  GSList *types;
  gboolean found;

  if (accept == NULL)
    return FALSE;
  types = soup_header_parse_quality_list (accept, NULL);
  found = g_slist_find_custom (types, WG_MEDIA_GEOJSON, (GCompareFunc) g_ascii_strcasecmp) != NULL;
  soup_header_free_list (types);
  return found;
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
