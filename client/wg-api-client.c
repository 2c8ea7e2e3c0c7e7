#define G_LOG_DOMAIN "wg-api-client"

#include "config.h"

#include <string.h>

#include <libsoup/soup.h>

#include "wg-api.h"
#include "wg-api-client-private.h"
#include "wg-error.h"
#include "wg-json.h"

/* Answers larger than this are parsed in a worker thread. */
#define PARSE_IN_THREAD_BYTES (64 * 1024)
#define REQUEST_TIMEOUT_SECONDS 30

struct _WgApiClient
{
  GObject parent_instance;

  SoupSession *session;
  char *base_url;
  char *token;
  WgUser *user;
};

G_DEFINE_FINAL_TYPE (WgApiClient, wg_api_client, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_BASE_URL,
  PROP_TOKEN,
  PROP_USER,
  N_PROPS
};

enum {
  SESSION_EXPIRED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* g_set_str() is GLib 2.76 */
static gboolean
wg_api_client_set_string (char       **pointer,
                          const char  *value)
{
  if (g_strcmp0 (*pointer, value) == 0)
    return FALSE;
  g_free (*pointer);
  *pointer = g_strdup (value);
  return TRUE;
}

void
_wg_api_client_set_session (WgApiClient *self,
                            const char  *token,
                            WgUser      *user)
{
  if (wg_api_client_set_string (&self->token, token))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOKEN]);
  if (g_set_object (&self->user, user))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USER]);
}

GTask *
_wg_api_client_task_new (WgApiClient         *self,
                         gpointer             source_tag,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  return task;
}

gpointer
_wg_api_client_propagate_pointer (WgApiClient   *self,
                                  GAsyncResult  *result,
                                  gpointer       source_tag,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Transport failures (refused, timed out, name not found, TLS) all mean the
 * same to the user: the server cannot be reached at this address. */
static GError *
wg_api_client_transport_error (const char *url,
                               GError     *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_error_copy (error);
  if (error->domain == G_IO_ERROR || error->domain == G_RESOLVER_ERROR ||
      error->domain == G_TLS_ERROR)
    return g_error_new (WG_ERROR, WG_ERROR_UNREACHABLE,
                        "Cannot reach %s: %s", url, error->message);
  return g_error_new (WG_ERROR, WG_ERROR_PROTOCOL,
                      "Bad answer from %s: %s", url, error->message);
}

static GError *
wg_api_client_status_error (guint   status,
                            GBytes *bytes)
{
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);
  g_autoptr(JsonNode) root = length > 0 ? wg_json_parse (data, length, NULL) : NULL;

  return wg_error_from_json (root, status);
}

static gboolean
wg_api_client_error_ends_session (WgApiClient  *self,
                                  const GError *error)
{
  /* Only the first failing call of a session reports it. */
  return self->token != NULL &&
         (g_error_matches (error, WG_ERROR, WG_ERROR_SESSION_EXPIRED) ||
          g_error_matches (error, WG_ERROR, WG_ERROR_UNAUTHENTICATED));
}

static void
wg_api_client_end_session (WgApiClient  *self,
                           const GError *error)
{
  g_debug ("Session ended by the server: %s", error->message);
  _wg_api_client_set_session (self, NULL, NULL);
  g_signal_emit (self, signals[SESSION_EXPIRED], 0, error);
}

/* Server answers go through the same nesting limit as request bodies: a
 * hostile or broken server must not overflow json-glib's recursion. */
JsonNode *
_wg_api_client_parse (GBytes  *bytes,
                      GError **error)
{
  g_autoptr(GError) local_error = NULL;
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);
  JsonNode *root;

  if (length == 0)
    return NULL;
  root = wg_json_parse (data, length, &local_error);
  if (root == NULL)
    g_set_error (error, WG_ERROR, WG_ERROR_PROTOCOL,
                 "The server's answer is not JSON: %s", local_error->message);
  return root;
}

/* Sending: one message, its whole answer read into a GBytes. */

static void
wg_api_client_send_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  WgApiClient *self = g_task_get_source_object (task);
  SoupMessage *message = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  guint status;

  bytes = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  if (bytes == NULL)
    {
      g_autofree char *url = g_uri_to_string (soup_message_get_uri (message));

      g_task_return_error (task, wg_api_client_transport_error (url, error));
      return;
    }

  status = soup_message_get_status (message);
  if (status >= 200 && status < 300)
    {
      g_task_return_pointer (task, g_steal_pointer (&bytes), (GDestroyNotify) g_bytes_unref);
      return;
    }

  error = wg_api_client_status_error (status, bytes);
  if (wg_api_client_error_ends_session (self, error))
    wg_api_client_end_session (self, error);
  g_task_return_error (task, g_steal_pointer (&error));
}

static SoupMessage *
wg_api_client_new_message (WgApiClient         *self,
                           const char          *method,
                           const char          *path,
                           JsonNode            *body,
                           const char          *accept,
                           const char * const  *headers_to_add,
                           GError             **error)
{
  g_autofree char *url = NULL;
  g_autoptr(SoupMessage) message = NULL;
  SoupMessageHeaders *headers;

  url = g_strconcat (self->base_url, path, NULL);
  if (!g_uri_is_valid (url, G_URI_FLAGS_NONE, NULL) ||
      (message = soup_message_new (method, url)) == NULL)
    {
      wg_set_field_error (error, "server", "Not a valid server address: %s", self->base_url);
      return NULL;
    }

  headers = soup_message_get_request_headers (message);
  soup_message_headers_replace (headers, "Accept", accept);
  if (self->token != NULL)
    {
      g_autofree char *authorization = g_strconcat ("Bearer ", self->token, NULL);

      soup_message_headers_replace (headers, "Authorization", authorization);
    }
  for (guint i = 0; headers_to_add != NULL && headers_to_add[i] != NULL && headers_to_add[i + 1] != NULL; i += 2)
    soup_message_headers_replace (headers, headers_to_add[i], headers_to_add[i + 1]);
  if (body != NULL)
    {
      gsize length = 0;
      char *text = json_to_string (body, FALSE);
      g_autoptr(GBytes) bytes = NULL;

      length = strlen (text);
      bytes = g_bytes_new_take (text, length);
      soup_message_set_request_body_from_bytes (message, WG_MEDIA_JSON, bytes);
    }
  return g_steal_pointer (&message);
}

/* Sends @message (NULL: fails @task with @error) for a task of
 * _wg_api_client_send_async. */
static void
wg_api_client_send_message (WgApiClient *self,
                            GTask       *task,
                            SoupMessage *message,
                            GError      *error)
{
  if (message == NULL)
    {
      g_task_return_error (task, g_error_copy (error));
      g_object_unref (task);
      return;
    }
  g_task_set_task_data (task, message, g_object_unref);
  soup_session_send_and_read_async (self->session, message, G_PRIORITY_DEFAULT,
                                    g_task_get_cancellable (task), wg_api_client_send_cb, task);
}

void
_wg_api_client_send_async (WgApiClient         *self,
                           const char          *method,
                           const char          *path,
                           JsonNode            *body,
                           const char          *accept,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  _wg_api_client_send_with_headers_async (self, method, path, body, accept, NULL,
                                          cancellable, callback, user_data);
}

void
_wg_api_client_send_with_headers_async (WgApiClient         *self,
                                        const char          *method,
                                        const char          *path,
                                        JsonNode            *body,
                                        const char          *accept,
                                        const char * const  *headers,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  SoupMessage *message;

  task = _wg_api_client_task_new (self, _wg_api_client_send_async, cancellable, callback, user_data);
  message = wg_api_client_new_message (self, method, path, body, accept, headers, &error);
  wg_api_client_send_message (self, g_steal_pointer (&task), message, error);
}

void
_wg_api_client_send_bytes_async (WgApiClient         *self,
                                 const char          *method,
                                 const char          *path,
                                 const char          *content_type,
                                 GBytes              *body,
                                 const char          *accept,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  SoupMessage *message;

  task = _wg_api_client_task_new (self, _wg_api_client_send_async, cancellable, callback, user_data);
  message = wg_api_client_new_message (self, method, path, NULL, accept, NULL, &error);
  if (message != NULL)
    soup_message_set_request_body_from_bytes (message, content_type, body);
  wg_api_client_send_message (self, g_steal_pointer (&task), message, error);
}

GBytes *
_wg_api_client_send_finish (WgApiClient   *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  return _wg_api_client_propagate_pointer (self, result, _wg_api_client_send_async, error);
}

/* Generic request */

static void
wg_api_client_return_parsed (GTask  *task,
                             GBytes *bytes)
{
  GError *error = NULL;
  JsonNode *root = _wg_api_client_parse (bytes, &error);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, root, (GDestroyNotify) json_node_unref);
}

static void
wg_api_client_parse_thread (GTask        *task,
                            gpointer      source_object,
                            gpointer      task_data,
                            GCancellable *cancellable)
{
  wg_api_client_return_parsed (task, task_data);
}

static void
wg_api_client_request_cb (GObject      *source,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  bytes = _wg_api_client_send_finish (WG_API_CLIENT (source), result, &error);
  if (bytes == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (g_bytes_get_size (bytes) > PARSE_IN_THREAD_BYTES)
    {
      g_task_set_task_data (task, g_steal_pointer (&bytes), (GDestroyNotify) g_bytes_unref);
      g_task_run_in_thread (task, wg_api_client_parse_thread);
      return;
    }
  wg_api_client_return_parsed (task, bytes);
}

void
_wg_api_client_request_with_headers_async (WgApiClient         *self,
                                           const char          *method,
                                           const char          *path,
                                           JsonNode            *body,
                                           const char * const  *headers,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  task = _wg_api_client_task_new (self, wg_api_client_request_async, cancellable, callback, user_data);
  _wg_api_client_send_with_headers_async (self, method, path, body, WG_MEDIA_JSON, headers,
                                          cancellable, wg_api_client_request_cb,
                                          g_steal_pointer (&task));
}

/* GObject */

static void
wg_api_client_dispose (GObject *object)
{
  WgApiClient *self = WG_API_CLIENT (object);

  if (self->session != NULL)
    soup_session_abort (self->session);
  g_clear_object (&self->session);
  g_clear_object (&self->user);

  G_OBJECT_CLASS (wg_api_client_parent_class)->dispose (object);
}

static void
wg_api_client_finalize (GObject *object)
{
  WgApiClient *self = WG_API_CLIENT (object);

  g_clear_pointer (&self->base_url, g_free);
  g_clear_pointer (&self->token, g_free);

  G_OBJECT_CLASS (wg_api_client_parent_class)->finalize (object);
}

static void
wg_api_client_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  WgApiClient *self = WG_API_CLIENT (object);

  switch (prop_id)
    {
    case PROP_BASE_URL:
      g_value_set_string (value, self->base_url);
      break;
    case PROP_TOKEN:
      g_value_set_string (value, self->token);
      break;
    case PROP_USER:
      g_value_set_object (value, self->user);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wg_api_client_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  WgApiClient *self = WG_API_CLIENT (object);

  switch (prop_id)
    {
    case PROP_BASE_URL:
      wg_api_client_set_base_url (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wg_api_client_class_init (WgApiClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = wg_api_client_dispose;
  object_class->finalize = wg_api_client_finalize;
  object_class->get_property = wg_api_client_get_property;
  object_class->set_property = wg_api_client_set_property;

  properties[PROP_BASE_URL] =
    g_param_spec_string ("base-url", NULL, NULL, WG_DEFAULT_SERVER_URL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TOKEN] =
    g_param_spec_string ("token", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_USER] =
    g_param_spec_object ("user", NULL, NULL, WG_TYPE_USER,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * WgApiClient::session-expired:
   * @error: the WG_ERROR the server answered
   *
   * The server no longer accepts the token; the user must sign in again.
   */
  signals[SESSION_EXPIRED] =
    g_signal_new ("session-expired", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                  G_TYPE_ERROR | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
wg_api_client_init (WgApiClient *self)
{
  g_autofree char *user_agent = g_strconcat ("wangge/", PACKAGE_VERSION, NULL);

  self->session = soup_session_new_with_options ("timeout", REQUEST_TIMEOUT_SECONDS,
                                                 "user-agent", user_agent,
                                                 NULL);
}

/* Public API */

WgApiClient *
wg_api_client_new (const char *base_url)
{
  return g_object_new (WG_TYPE_API_CLIENT, "base-url", base_url, NULL);
}

const char *
wg_api_client_get_base_url (WgApiClient *self)
{
  g_return_val_if_fail (WG_IS_API_CLIENT (self), NULL);
  return self->base_url;
}

void
wg_api_client_set_base_url (WgApiClient *self,
                            const char  *base_url)
{
  g_autofree char *trimmed = NULL;

  g_return_if_fail (WG_IS_API_CLIENT (self));

  if (base_url == NULL)
    base_url = WG_DEFAULT_SERVER_URL;
  trimmed = g_strdup (base_url);
  while (g_str_has_suffix (trimmed, "/"))
    trimmed[strlen (trimmed) - 1] = '\0';
  if (!wg_api_client_set_string (&self->base_url, trimmed))
    return;
  /* A token belongs to the server that issued it. */
  _wg_api_client_set_session (self, NULL, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BASE_URL]);
}

const char *
wg_api_client_get_token (WgApiClient *self)
{
  g_return_val_if_fail (WG_IS_API_CLIENT (self), NULL);
  return self->token;
}

WgUser *
wg_api_client_get_user (WgApiClient *self)
{
  g_return_val_if_fail (WG_IS_API_CLIENT (self), NULL);
  return self->user;
}

void
wg_api_client_request_async (WgApiClient         *self,
                             const char          *method,
                             const char          *path,
                             JsonNode            *body,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (WG_IS_API_CLIENT (self));
  g_return_if_fail (method != NULL && path != NULL);

  task = _wg_api_client_task_new (self, wg_api_client_request_async, cancellable, callback, user_data);
  _wg_api_client_send_async (self, method, path, body, WG_MEDIA_JSON, cancellable,
                            wg_api_client_request_cb, g_steal_pointer (&task));
}

JsonNode *
wg_api_client_request_finish (WgApiClient   *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  return _wg_api_client_propagate_pointer (self, result, wg_api_client_request_async, error);
}

