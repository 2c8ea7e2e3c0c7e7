#define G_LOG_DOMAIN "wg-server"

#include "config.h"

#include <string.h>
#include <libsoup/soup.h>

#include "wg-api.h"
#include "wg-error.h"
#include "wg-http.h"
#include "wg-server.h"

#define START_TIME_KEY "wg-start-time"
#define LISTEN_BACKLOG 128

struct _WgServer {
  GObject      parent_instance;

  SoupServer  *soup;
  WgEngine    *engine;
  char        *address;
  guint        port;
  gsize        max_body_bytes;
  GSocket     *listen_socket;
  GHashTable  *in_flight;      /* SoupServerMessage, weakly referenced */
  gboolean     stopping;
};

G_DEFINE_FINAL_TYPE (WgServer, wg_server, G_TYPE_OBJECT)

/* The API's routes: the core ones, then each module's. */
static const WgRoute core_routes[] = {
  { WG_API_HEALTH, "GET", wg_http_health_get },
  { WG_API_SESSION, "POST", wg_http_session_post },
  { WG_API_SESSION, "GET", wg_http_session_get },
  { WG_API_SESSION, "DELETE", wg_http_session_delete },
  { WG_API_REGIONS, "GET", wg_http_regions_get },
};

/* Literal paths come first, so that /api/v1/houses/export is the export
 * and not the house "export" of /api/v1/houses/{id}. */
static GArray *
build_routes (void)
{
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (WgRoute));
  GArray *routes = g_array_new (FALSE, FALSE, sizeof (WgRoute));

  g_array_append_vals (all, core_routes, G_N_ELEMENTS (core_routes));
  wg_http_people_add_routes (all);
  wg_http_records_add_routes (all);
  wg_http_summary_add_routes (all);
  wg_http_csv_add_routes (all);
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < all->len; i++)
      {
        const WgRoute *route = &g_array_index (all, WgRoute, i);

        if ((strchr (route->path, '{') == NULL) == (pass == 0))
          g_array_append_val (routes, *route);
      }
  return routes;
}

/* The routes, built once and kept for the process. */
static const GArray *
get_routes (void)
{
  static GArray *routes;

  if (g_once_init_enter (&routes))
    g_once_init_leave (&routes, build_routes ());
  return routes;
}

/* A route's path matches literally, but for "{…}", which matches one
 * non-empty segment (the handler reads and checks it). */
static gboolean
route_matches (const char *pattern,
               const char *path)
{
  while (*pattern != '\0')
    {
      if (*pattern == '{')
        {
          const char *close = strchr (pattern, '}');
          gsize length = strcspn (path, "/");

          if (close == NULL || length == 0)
            return FALSE;
          pattern = close + 1;
          path += length;
          continue;
        }
      if (*pattern != *path)
        return FALSE;
      pattern++;
      path++;
    }
  return *path == '\0';
}

static void
respond_error_literal (SoupServerMessage *message,
                       WgErrorCode        code,
                       const char        *text)
{
  g_autoptr(GError) error = g_error_new_literal (WG_ERROR, code, text);

  wg_http_message_set_error (message, error);
}

/* 405 with the methods the path does accept. */
static void
respond_method_not_allowed (SoupServerMessage *message,
                            const char        *path)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (message);
  g_autoptr(GString) allow = g_string_new (NULL);
  const GArray *routes = get_routes ();

  for (guint i = 0; i < routes->len; i++)
    {
      const WgRoute *route = &g_array_index (routes, WgRoute, i);

      if (route_matches (route->path, path))
        g_string_append_printf (allow, "%s%s", allow->len > 0 ? ", " : "", route->method);
    }
  soup_message_headers_replace (headers, "Allow", allow->str);
  respond_error_literal (message, WG_ERROR_METHOD_NOT_ALLOWED,
                         "This method is not allowed on this resource");
}

static void
wg_server_route_cb (SoupServer        *soup,
                    SoupServerMessage *message,
                    const char        *path,
                    GHashTable        *query,
                    gpointer           user_data)
{
  WgServer *self = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (message);
  const char *method = soup_server_message_get_method (message);
  const GArray *routes = get_routes ();
  gboolean path_known = FALSE;

  /* Answers carry tokens and personal data: no cache may keep them. */
  soup_message_headers_replace (headers, "Cache-Control", "no-store");
  if (self->stopping)
    soup_message_headers_replace (headers, "Connection", "close");
  for (guint i = 0; i < routes->len; i++)
    {
      const WgRoute *route = &g_array_index (routes, WgRoute, i);

      if (!route_matches (route->path, path))
        continue;
      path_known = TRUE;
      if (g_str_equal (route->method, method))
        {
          route->handler (wg_http_request_new (self->engine, message, query));
          return;
        }
    }
  if (path_known)
    respond_method_not_allowed (message, path);
  else
    respond_error_literal (message, WG_ERROR_NOT_FOUND, "There is no such resource");
}

/* The body limit of @message's route: the configured one, more for a CSV
 * import. */
static gsize
wg_server_body_limit (WgServer          *self,
                      SoupServerMessage *message)
{
  return wg_http_body_limit (soup_server_message_get_method (message),
                             g_uri_get_path (soup_server_message_get_uri (message)),
                             self->max_body_bytes);
}

/* 413 without keeping the body: what was read is dropped, what follows is
 * not kept, and the connection closes after the answer. */
static void
wg_server_reject_body (SoupServerMessage *message,
                       gsize              limit)
{
  SoupMessageBody *body = soup_server_message_get_request_body (message);
  g_autoptr(GError) error = NULL;

  soup_message_body_set_accumulate (body, FALSE);
  soup_message_body_truncate (body);
  if (soup_server_message_get_status (message) != 0)
    return;
  error = g_error_new (WG_ERROR, WG_ERROR_PAYLOAD_TOO_LARGE,
                       "The request body is larger than %" G_GSIZE_FORMAT " bytes", limit);
  wg_http_message_set_error (message, error);
  soup_message_headers_replace (soup_server_message_get_response_headers (message),
                                "Connection", "close");
}

static void
wg_server_message_got_headers_cb (SoupServerMessage *message,
                                  gpointer           user_data)
{
  WgServer *self = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (message);
  gsize limit = wg_server_body_limit (self, message);

  /* libsoup would answer Range requests on its own; the API has no use for
   * partial JSON. */
  soup_message_headers_remove (headers, "Range");
  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH &&
      soup_message_headers_get_content_length (headers) > (goffset) limit)
    wg_server_reject_body (message, limit);
}

static void
wg_server_message_got_chunk_cb (SoupServerMessage *message,
                                GBytes            *chunk,
                                gpointer           user_data)
{
  WgServer *self = user_data;
  SoupMessageBody *body = soup_server_message_get_request_body (message);
  gsize limit = wg_server_body_limit (self, message);

  /* Chunked bodies announce no length: count as they come. */
  if (body->length > (goffset) limit)
    wg_server_reject_body (message, limit);
}

static void
wg_server_message_gone_cb (gpointer  data,
                           GObject  *where_the_message_was)
{
  WgServer *self = data;

  g_hash_table_remove (self->in_flight, where_the_message_was);
}

static void
wg_server_request_started_cb (SoupServer        *soup,
                              SoupServerMessage *message,
                              gpointer           user_data)
{
  WgServer *self = user_data;
  gint64 *start = g_new (gint64, 1);

  *start = g_get_monotonic_time ();
  g_object_set_data_full (G_OBJECT (message), START_TIME_KEY, start, g_free);
  g_hash_table_add (self->in_flight, message);
  g_object_weak_ref (G_OBJECT (message), wg_server_message_gone_cb, self);
  g_signal_connect_object (message, "got-headers",
                           G_CALLBACK (wg_server_message_got_headers_cb), self, 0);
  g_signal_connect_object (message, "got-chunk",
                           G_CALLBACK (wg_server_message_got_chunk_cb), self, 0);
}

/* One line per request: method, path (never the query: it may hold
 * values), status, duration, user. */
static void
wg_server_log_request (SoupServerMessage *message,
                       const char        *outcome)
{
  gint64 *start = g_object_get_data (G_OBJECT (message), START_TIME_KEY);
  double ms = start != NULL ? (g_get_monotonic_time () - *start) / 1000.0 : 0.0;
  gint64 user_id = wg_http_message_get_user_id (message);
  g_autofree char *user = user_id > 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, user_id)
                                      : g_strdup ("-");
  g_autofree char *status = g_strdup_printf ("%u", wg_http_message_get_status (message));
  g_autofree char *duration = g_strdup_printf ("%.1f", ms);
  const char *method = soup_server_message_get_method (message);
  const char *path = g_uri_get_path (soup_server_message_get_uri (message));

  /* Structured, for the journal; on stderr only MESSAGE shows. */
  g_log_structured (G_LOG_DOMAIN, G_LOG_LEVEL_MESSAGE,
                    "WG_METHOD", method,
                    "WG_PATH", path,
                    "WG_STATUS", status,
                    "WG_DURATION_MS", duration,
                    "WG_USER_ID", user,
                    "MESSAGE", "%s %s %s %s ms user=%s%s",
                    method, path, status, duration, user, outcome);
}

/* A request is over when answered (or aborted), or when its message goes
 * away without either (a client that hung up inside the headers). */
static void
wg_server_request_done (WgServer          *self,
                        SoupServerMessage *message)
{
  if (g_hash_table_remove (self->in_flight, message))
    g_object_weak_unref (G_OBJECT (message), wg_server_message_gone_cb, self);
}

static void
wg_server_request_finished_cb (SoupServer        *soup,
                               SoupServerMessage *message,
                               gpointer           user_data)
{
  wg_server_log_request (message, "");
  wg_server_request_done (user_data, message);
}

static void
wg_server_request_aborted_cb (SoupServer        *soup,
                              SoupServerMessage *message,
                              gpointer           user_data)
{
  wg_server_log_request (message, " (aborted)");
  wg_server_request_done (user_data, message);
}

static gboolean
wg_server_drop_weak_ref (gpointer key,
                         gpointer value,
                         gpointer user_data)
{
  g_object_weak_unref (key, wg_server_message_gone_cb, user_data);
  return TRUE;
}

static void
wg_server_dispose (GObject *object)
{
  WgServer *self = WG_SERVER (object);

  if (self->soup != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->soup, self);
      soup_server_disconnect (self->soup);
    }
  g_hash_table_foreach_remove (self->in_flight, wg_server_drop_weak_ref, self);
  g_clear_object (&self->soup);
  g_clear_object (&self->listen_socket);
  g_clear_object (&self->engine);

  G_OBJECT_CLASS (wg_server_parent_class)->dispose (object);
}

static void
wg_server_finalize (GObject *object)
{
  WgServer *self = WG_SERVER (object);

  g_free (self->address);
  g_hash_table_unref (self->in_flight);

  G_OBJECT_CLASS (wg_server_parent_class)->finalize (object);
}

static void
wg_server_class_init (WgServerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = wg_server_dispose;
  object_class->finalize = wg_server_finalize;
}

static void
wg_server_init (WgServer *self)
{
  self->in_flight = g_hash_table_new (NULL, NULL);
}

WgServer *
wg_server_new (const WgConfig *config,
               WgEngine       *engine)
{
  WgServer *self;

  g_return_val_if_fail (config != NULL, NULL);
  g_return_val_if_fail (WG_IS_ENGINE (engine), NULL);

  self = g_object_new (WG_TYPE_SERVER, NULL);
  self->engine = g_object_ref (engine);
  self->address = g_strdup (config->address);
  self->port = config->port;
  self->max_body_bytes = config->max_body_bytes;
  self->soup = soup_server_new ("server-header", "wangge-server/" PACKAGE_VERSION " ", NULL);
  soup_server_add_handler (self->soup, NULL, wg_server_route_cb, self, NULL);
  g_signal_connect (self->soup, "request-started",
                    G_CALLBACK (wg_server_request_started_cb), self);
  g_signal_connect (self->soup, "request-finished",
                    G_CALLBACK (wg_server_request_finished_cb), self);
  g_signal_connect (self->soup, "request-aborted",
                    G_CALLBACK (wg_server_request_aborted_cb), self);
  return self;
}

static GSocket *
wg_server_open_socket (WgServer  *self,
                       GError   **error)
{
  g_autoptr(GInetAddress) inet = g_inet_address_new_from_string (self->address);
  g_autoptr(GSocketAddress) address = NULL;
  g_autoptr(GSocket) socket = NULL;

  if (inet == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "“%s” is not an IP address", self->address);
      return NULL;
    }
  address = g_inet_socket_address_new (inet, self->port);
  socket = g_socket_new (g_inet_address_get_family (inet), G_SOCKET_TYPE_STREAM,
                         G_SOCKET_PROTOCOL_TCP, error);
  if (socket == NULL)
    return NULL;
  /* soup_server_listen would use a backlog of 10: too short under load. */
  g_socket_set_listen_backlog (socket, LISTEN_BACKLOG);
  if (!g_socket_bind (socket, address, TRUE, error) || !g_socket_listen (socket, error))
    return NULL;
  return g_steal_pointer (&socket);
}

gboolean
wg_server_listen (WgServer  *self,
                  GError   **error)
{
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GSocketAddress) local = NULL;

  g_return_val_if_fail (WG_IS_SERVER (self), FALSE);

  socket = wg_server_open_socket (self, error);
  if (socket == NULL)
    {
      g_prefix_error (error, "Cannot listen on %s port %u: ", self->address, self->port);
      return FALSE;
    }
  if (!soup_server_listen_socket (self->soup, socket, 0, error))
    return FALSE;
  local = g_socket_get_local_address (socket, NULL);
  if (local != NULL)
    self->port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (local));
  self->listen_socket = g_steal_pointer (&socket);
  return TRUE;
}

guint
wg_server_get_port (WgServer *self)
{
  g_return_val_if_fail (WG_IS_SERVER (self), 0);

  return self->port;
}

void
wg_server_stop_accepting (WgServer *self)
{
  g_return_if_fail (WG_IS_SERVER (self));

  self->stopping = TRUE;
  if (self->listen_socket != NULL)
    g_socket_close (self->listen_socket, NULL);
}

guint
wg_server_get_in_flight (WgServer *self)
{
  g_return_val_if_fail (WG_IS_SERVER (self), 0);

  return g_hash_table_size (self->in_flight);
}

void
wg_server_disconnect (WgServer *self)
{
  g_return_if_fail (WG_IS_SERVER (self));

  soup_server_disconnect (self->soup);
}
