/* wg-http.h — one API request on its way through a route handler
 *
 * The router creates a WgHttpRequest and hands it to the route's handler,
 * which owns it: it answers with wg_http_respond_*, which also unpauses the
 * message when the handler had paused it for the engine, and frees it.
 */
#pragma once

#include <libsoup/soup.h>
#include <json-glib/json-glib.h>

#include "wg-api.h"
#include "wg-engine.h"

G_BEGIN_DECLS

#define WG_HTTP_PEOPLE        WG_API_PREFIX "/people"
#define WG_HTTP_PERSON        WG_HTTP_PEOPLE "/{id}"
#define WG_HTTP_PERSON_REVEAL WG_HTTP_PERSON "/reveal"
#define WG_HTTP_PERSON_CHAIN  WG_HTTP_PERSON "/chain"

typedef struct {
  WgEngine          *engine;
  SoupServerMessage *message;
  GHashTable        *query;     /* decoded query parameters, or NULL */
  gboolean           paused;
} WgHttpRequest;

typedef void (*WgHttpHandler) (WgHttpRequest *request);

/* A route: a path whose "{…}" segments match any one segment (the handler
 * reads and checks them), a method, a handler. */
typedef struct {
  const char    *path;
  const char    *method;
  WgHttpHandler  handler;
} WgRoute;

WgHttpRequest *wg_http_request_new          (WgEngine          *engine,
                                             SoupServerMessage *message,
                                             GHashTable        *query);
/* Pauses the message until the response is set. */
void           wg_http_request_pause        (WgHttpRequest     *request);
/* Records the user for the request log. */
void           wg_http_request_set_user_id  (WgHttpRequest     *request,
                                             gint64             user_id);
/* The token of "Authorization: Bearer …", or NULL. */
const char    *wg_http_request_get_token    (WgHttpRequest     *request);
/* The body as one JSON object: 415 unless application/json, 400 when
 * malformed. */
JsonNode      *wg_http_request_parse_object (WgHttpRequest     *request,
                                             GError           **error);

/* The request header @name, or NULL. */
const char    *wg_http_request_get_header   (WgHttpRequest     *request,
                                             const char        *name);
/* The number of path segment @position (0 is "api", 2 the resource: in
 * /api/v1/people/12, 12 is at 3): a positive id, else not-found with
 * @not_found_message. */
gboolean       wg_http_request_get_path_id  (WgHttpRequest     *request,
                                             guint              position,
                                             const char        *not_found_message,
                                             gint64            *id,
                                             GError           **error);
/* If-Match: the version, bare or as an ETag ("3", W/"3"); missing is 428,
 * malformed 400 naming "If-Match". */
gboolean       wg_http_request_get_if_match (WgHttpRequest     *request,
                                             gint64            *version,
                                             GError           **error);
/* Idempotency-Key: NULL when absent; 1 to 100 characters, else 400. */
gboolean       wg_http_request_get_idempotency_key (WgHttpRequest  *request,
                                                    const char    **key,
                                                    GError        **error);
/* TRUE when the Accept header lists application/geo+json. */
gboolean       wg_http_request_accepts_geojson (WgHttpRequest  *request);

/* These answer and free @request. */
void           wg_http_respond_json         (WgHttpRequest     *request,
                                             guint              status,
                                             JsonNode          *node);
void           wg_http_respond_bytes        (WgHttpRequest     *request,
                                             guint              status,
                                             const char        *content_type,
                                             GBytes            *body);
void           wg_http_respond_empty        (WgHttpRequest     *request,
                                             guint              status);
void           wg_http_respond_error        (WgHttpRequest     *request,
                                             const GError      *error);
/* @node with @status, or @error when @node is NULL (an engine's result). */
void           wg_http_respond_result       (WgHttpRequest     *request,
                                             guint              status,
                                             JsonNode          *node,
                                             const GError      *error);

/* Sets an error response on a message directly (router, body limit). */
void           wg_http_message_set_error    (SoupServerMessage *message,
                                             const GError      *error);
/* The status the server answered (also when the client hung up first). */
guint          wg_http_message_get_status   (SoupServerMessage *message);
/* The user id recorded for the log, 0 when none. */
gint64         wg_http_message_get_user_id  (SoupServerMessage *message);

/* Route handlers (wg-http-*.c). */
void wg_http_health_get     (WgHttpRequest *request);
void wg_http_session_post   (WgHttpRequest *request);
void wg_http_session_get    (WgHttpRequest *request);
void wg_http_session_delete (WgHttpRequest *request);
void wg_http_regions_get    (WgHttpRequest *request);
/* Each module appends its routes to @routes (an array of WgRoute). */
void wg_http_people_add_routes  (GArray *routes);   /* wg-http-people.c */
void wg_http_records_add_routes (GArray *routes);   /* wg-http-records.c */
void wg_http_summary_add_routes (GArray *routes);   /* wg-http-summary.c */
void wg_http_csv_add_routes     (GArray *routes);   /* wg-http-csv.c */
/* The largest body a request may send: @default_limit, but more for the
 * CSV imports (wg-http-csv.c). */
gsize wg_http_body_limit        (const char *method,
                                 const char *path,
                                 gsize       default_limit);

G_END_DECLS
