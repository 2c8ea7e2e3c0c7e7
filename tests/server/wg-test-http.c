#define G_LOG_DOMAIN "wg-test-http"

#include "config.h"

#include <string.h>

#include "wg-test-http.h"

void
wg_test_response_free (WgTestResponse *response)
{
  if (response == NULL)
    return;
  g_clear_pointer (&response->json, json_node_unref);
  g_clear_pointer (&response->body, g_bytes_unref);
  g_clear_pointer (&response->headers, soup_message_headers_unref);
  g_free (response);
}

static SoupMessage *
new_message (const char *base_url,
             const char *method,
             const char *path,
             const char *token)
{
  g_autofree char *uri = g_strconcat (base_url, path, NULL);
  SoupMessage *message = soup_message_new (method, uri);

  g_assert_nonnull (message);
  if (token != NULL)
    {
      g_autofree char *value = g_strconcat ("Bearer ", token, NULL);

      soup_message_headers_replace (soup_message_get_request_headers (message),
                                    "Authorization", value);
    }
  return message;
}

static WgTestResponse *
send_message (SoupSession  *session,
              SoupMessage  *message,
              GError      **error)
{
  g_autoptr(GBytes) body = soup_session_send_and_read (session, message, NULL, error);
  WgTestResponse *response;
  gsize length = 0;
  const char *data;

  if (body == NULL)
    return NULL;
  response = g_new0 (WgTestResponse, 1);
  response->status = soup_message_get_status (message);
  response->headers = soup_message_headers_ref (soup_message_get_response_headers (message));
  data = g_bytes_get_data (body, &length);
  if (length > 0)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();

      if (json_parser_load_from_data (parser, data, length, NULL))
        response->json = json_node_ref (json_parser_get_root (parser));
    }
  response->body = g_steal_pointer (&body);
  return response;
}

WgTestResponse *
wg_test_request (SoupSession *session,
                 const char  *base_url,
                 const char  *method,
                 const char  *path,
                 const char  *token,
                 const char  *content_type,
                 const char  *body)
{
  return wg_test_request_with_headers (session, base_url, method, path, token, content_type,
                                       body, NULL);
}

WgTestResponse *
wg_test_request_with_headers (SoupSession        *session,
                              const char         *base_url,
                              const char         *method,
                              const char         *path,
                              const char         *token,
                              const char         *content_type,
                              const char         *body,
                              const char * const *headers)
{
  g_autoptr(SoupMessage) message = new_message (base_url, method, path, token);
  g_autoptr(GError) error = NULL;
  WgTestResponse *response;

  for (guint i = 0; headers != NULL && headers[i] != NULL && headers[i + 1] != NULL; i += 2)
    soup_message_headers_replace (soup_message_get_request_headers (message),
                                  headers[i], headers[i + 1]);
  if (body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));

      soup_message_set_request_body_from_bytes (message, content_type, bytes);
    }
  response = send_message (session, message, &error);
  g_assert_no_error (error);
  return response;
}

WgTestResponse *
wg_test_try_request (SoupSession *session,
                     const char  *base_url,
                     const char  *method,
                     const char  *path,
                     const char  *token)
{
  g_autoptr(SoupMessage) message = new_message (base_url, method, path, token);

  return send_message (session, message, NULL);
}

char *
wg_test_sign_in (SoupSession *session,
                 const char  *base_url,
                 const char  *username,
                 const char  *password)
{
  g_autofree char *body = g_strdup_printf ("{\"username\": \"%s\", \"password\": \"%s\"}",
                                           username, password);
  g_autoptr(WgTestResponse) response =
    wg_test_request (session, base_url, "POST", "/api/v1/session", NULL,
                     "application/json", body);

  if (response->status != SOUP_STATUS_CREATED)
    return NULL;
  return g_strdup (json_object_get_string_member (wg_test_response_object (response), "token"));
}

JsonObject *
wg_test_response_object (WgTestResponse *response)
{
  g_assert_nonnull (response->json);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (response->json));
  return json_node_get_object (response->json);
}

void
wg_test_assert_error (WgTestResponse *response,
                      guint           status,
                      const char     *code,
                      const char     *field)
{
  JsonObject *error;

  g_assert_cmpuint (response->status, ==, status);
  g_assert_true (json_object_has_member (wg_test_response_object (response), "error"));
  error = json_object_get_object_member (wg_test_response_object (response), "error");
  g_assert_cmpstr (json_object_get_string_member (error, "code"), ==, code);
  g_assert_true (json_object_has_member (error, "message"));
  if (field != NULL)
    g_assert_cmpstr (json_object_get_string_member_with_default (error, "field", NULL), ==, field);
}
