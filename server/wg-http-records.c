#define G_LOG_DOMAIN "wg-http"

#include "config.h"

#include <string.h>

#include "wg-api.h"
#include "wg-engine-records.h"
#include "wg-error.h"
#include "wg-http.h"

/* Paths are /api/v1/{kind}[/{id}[/{link}[/{link_id}]]]: segment 2 is the
 * kind, 3 the id, 5 the link's id. */
#define KIND_SEGMENT 2
#define ID_SEGMENT 3
#define LINK_ID_SEGMENT 5

#define STATUS_KEY "wg-records-status"
#define KIND_KEY "wg-records-kind"
#define GEOJSON_KEY "wg-records-geojson"

/* ------------------------------------------------------------ helpers */

/* The kind of the path's resource segment (the routes are per kind). */
static const WgRecordKind *
request_kind (WgHttpRequest *request)
{
  const char *path = g_uri_get_path (soup_server_message_get_uri (request->message));
  g_auto(GStrv) segments = g_strsplit (path + 1, "/", -1);
  const WgRecordKind *kind = wg_record_kind_lookup (segments[KIND_SEGMENT]);

  g_assert (kind != NULL);
  return kind;
}

static gboolean
record_id (WgHttpRequest  *request,
           guint           segment,
           gint64         *id,
           GError        **error)
{
  return wg_http_request_get_path_id (request, segment,
                                      "There is no such record in your territory", id, error);
}

static JsonObject *
parse_body (WgHttpRequest  *request,
            GError        **error)
{
  g_autoptr(JsonNode) root = wg_http_request_parse_object (request, error);

  return root != NULL ? json_object_ref (json_node_get_object (root)) : NULL;
}

static JsonObject *
parse_input (WgHttpRequest       *request,
             const WgRecordKind  *kind,
             gboolean             patch,
             GError             **error)
{
  g_autoptr(JsonObject) body = parse_body (request, error);

  return body != NULL ? wg_record_input_parse (kind, body, patch, error) : NULL;
}

/* Every records call answers the engine's body, or its error. */
static void
wg_http_records_done_cb (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  WgHttpRequest *request = user_data;
  GObject *message = G_OBJECT (request->message);
  guint status = GPOINTER_TO_UINT (g_object_get_data (message, STATUS_KEY));
  const WgRecordKind *kind = g_object_get_data (message, KIND_KEY);
  gboolean geojson = GPOINTER_TO_INT (g_object_get_data (message, GEOJSON_KEY));
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  gint64 user_id = 0;
  gint64 id = 0;
  gboolean replayed = FALSE;

  body = wg_engine_records_finish (WG_ENGINE (source), result, &user_id, &id, &replayed, &error);
  wg_http_request_set_user_id (request, user_id);
  if (body == NULL)
    {
      wg_http_respond_error (request, error);
      return;
    }
  if (status == SOUP_STATUS_CREATED)
    {
      g_autofree char *location = g_strdup_printf (WG_API_PREFIX "/%s/%" G_GINT64_FORMAT,
                                                   kind->name, id);

      soup_message_headers_replace (soup_server_message_get_response_headers (request->message),
                                    "Location", location);
      if (replayed)
        status = SOUP_STATUS_OK;
    }
  if (status == SOUP_STATUS_NO_CONTENT)
    wg_http_respond_empty (request, status);
  else
    wg_http_respond_bytes (request, status, geojson ? WG_MEDIA_GEOJSON : WG_MEDIA_JSON, body);
}

/* Pauses @request until the engine answers with @status on success. */
static gpointer
begin (WgHttpRequest      *request,
       const WgRecordKind *kind,
       guint               status)
{
  g_object_set_data (G_OBJECT (request->message), STATUS_KEY, GUINT_TO_POINTER (status));
  g_object_set_data (G_OBJECT (request->message), KIND_KEY, (gpointer) kind);
  wg_http_request_pause (request);
  return request;
}

/* ------------------------------------------------------------- handlers */

/* GET /api/v1/{kind}?region=&q=&<filter>=&from=&to=&mine=&limit=&cursor=&total=&format=&bbox= */
static void
wg_http_records_list (WgHttpRequest *request)
{
  const WgRecordKind *kind = request_kind (request);
  g_autoptr(GError) error = NULL;
  g_autoptr(WgRecordQuery) query = NULL;

  query = wg_record_query_parse (kind, request->query, wg_http_request_accepts_geojson (request),
                                 &error);
  if (query == NULL)
    {
      wg_http_respond_error (request, error);
      return;
    }
  g_object_set_data (G_OBJECT (request->message), GEOJSON_KEY, GINT_TO_POINTER (query->geojson));
  wg_engine_records_list_async (request->engine, wg_http_request_get_token (request), query, NULL,
                                wg_http_records_done_cb, begin (request, kind, SOUP_STATUS_OK));
}

/* POST /api/v1/{kind} (Idempotency-Key optional) */
static void
wg_http_records_create (WgHttpRequest *request)
{
  const WgRecordKind *kind = request_kind (request);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) input = NULL;
  const char *key = NULL;

  if (!wg_http_request_get_idempotency_key (request, &key, &error) ||
      (input = parse_input (request, kind, FALSE, &error)) == NULL)
    {
      wg_http_respond_error (request, error);
      return;
    }
  wg_engine_record_create_async (request->engine, wg_http_request_get_token (request), kind, input,
                                 key, NULL, wg_http_records_done_cb,
                                 begin (request, kind, SOUP_STATUS_CREATED));
}

/* GET /api/v1/{kind}/{id} */
static void
wg_http_record_get (WgHttpRequest *request)
{
  const WgRecordKind *kind = request_kind (request);
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  if (!record_id (request, ID_SEGMENT, &id, &error))
    {
      wg_http_respond_error (request, error);
      return;
    }
  wg_engine_record_get_async (request->engine, wg_http_request_get_token (request), kind, id, NULL,
                              wg_http_records_done_cb, begin (request, kind, SOUP_STATUS_OK));
}

/* PATCH /api/v1/{kind}/{id} with If-Match */
static void
wg_http_record_update (WgHttpRequest *request)
{
  const WgRecordKind *kind = request_kind (request);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) patch = NULL;
  gint64 id = 0;
  gint64 version = 0;

  if (!record_id (request, ID_SEGMENT, &id, &error) ||
      !wg_http_request_get_if_match (request, &version, &error) ||
      (patch = parse_input (request, kind, TRUE, &error)) == NULL)
    {
      wg_http_respond_error (request, error);
      return;
    }
  wg_engine_record_update_async (request->engine, wg_http_request_get_token (request), kind, id,
                                 version, patch, NULL, wg_http_records_done_cb,
                                 begin (request, kind, SOUP_STATUS_OK));
}

/* DELETE /api/v1/{kind}/{id} with If-Match */
static void
wg_http_record_delete (WgHttpRequest *request)
{
  const WgRecordKind *kind = request_kind (request);
  g_autoptr(GError) error = NULL;
  gint64 id = 0;
  gint64 version = 0;

  if (!record_id (request, ID_SEGMENT, &id, &error) ||
      !wg_http_request_get_if_match (request, &version, &error))
    {
      wg_http_respond_error (request, error);
      return;
    }
  wg_engine_record_delete_async (request->engine, wg_http_request_get_token (request), kind, id,
                                 version, NULL, wg_http_records_done_cb,
                                 begin (request, kind, SOUP_STATUS_NO_CONTENT));
}

/* GET /api/v1/houses/{id}/chain, /api/v1/households/{id}/chain */
static void
wg_http_record_chain (WgHttpRequest *request)
{
  const WgRecordKind *kind = request_kind (request);
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  if (!record_id (request, ID_SEGMENT, &id, &error))
    {
      wg_http_respond_error (request, error);
      return;
    }
  wg_engine_record_chain_async (request->engine, wg_http_request_get_token (request), kind, id,
                                NULL, wg_http_records_done_cb,
                                begin (request, kind, SOUP_STATUS_OK));
}

/* POST /api/v1/households/{id}/members, /api/v1/houses/{id}/residents */
static void
wg_http_record_link (WgHttpRequest *request)
{
  const WgRecordKind *kind = request_kind (request);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) body = NULL;
  gint64 id = 0;

  if (!record_id (request, ID_SEGMENT, &id, &error) ||
      (body = parse_body (request, &error)) == NULL)
    {
      wg_http_respond_error (request, error);
      return;
    }
  wg_engine_record_link_async (request->engine, wg_http_request_get_token (request), kind, id,
                               body, NULL, wg_http_records_done_cb,
                               begin (request, kind, SOUP_STATUS_OK));
}

/* DELETE /api/v1/households/{id}/members/{person_id},
 * /api/v1/houses/{id}/residents/{residence_id} */
static void
wg_http_record_unlink (WgHttpRequest *request)
{
  const WgRecordKind *kind = request_kind (request);
  g_autoptr(GError) error = NULL;
  gint64 id = 0;
  gint64 link_id = 0;

  if (!record_id (request, ID_SEGMENT, &id, &error) ||
      !record_id (request, LINK_ID_SEGMENT, &link_id, &error))
    {
      wg_http_respond_error (request, error);
      return;
    }
  wg_engine_record_unlink_async (request->engine, wg_http_request_get_token (request), kind, id,
                                 link_id, NULL, wg_http_records_done_cb,
                                 begin (request, kind, SOUP_STATUS_NO_CONTENT));
}

/* --------------------------------------------------------------- routes */

/* Route paths live as long as the process (interned). */
static void
add_route (GArray     *routes,
           const char *kind,
           const char *suffix,
           const char *method,
           WgHttpHandler handler)
{
  g_autofree char *path = g_strdup_printf (WG_API_PREFIX "/%s%s", kind, suffix);
  WgRoute route = { g_intern_string (path), method, handler };

  g_array_append_val (routes, route);
}

/* Each kind's literal paths, so that an unknown resource stays 404 and a
 * wrong method 405; houses and households have their chains and links. */
void
wg_http_records_add_routes (GArray *routes)
{
  const WgRecordKind * const *kinds = wg_record_kinds ();

  for (guint i = 0; kinds[i] != NULL; i++)
    {
      const char *name = kinds[i]->name;
      const char *link = g_str_equal (kinds[i]->table, "house") ? "residents"
                       : g_str_equal (kinds[i]->table, "household") ? "members" : NULL;

      add_route (routes, name, "", "GET", wg_http_records_list);
      add_route (routes, name, "", "POST", wg_http_records_create);
      add_route (routes, name, "/{id}", "GET", wg_http_record_get);
      add_route (routes, name, "/{id}", "PATCH", wg_http_record_update);
      add_route (routes, name, "/{id}", "DELETE", wg_http_record_delete);
      if (link == NULL)
        continue;
      {
        g_autofree char *links = g_strdup_printf ("/{id}/%s", link);
        g_autofree char *one = g_strdup_printf ("/{id}/%s/{link_id}", link);

        add_route (routes, name, "/{id}/chain", "GET", wg_http_record_chain);
        add_route (routes, name, links, "POST", wg_http_record_link);
        add_route (routes, name, one, "DELETE", wg_http_record_unlink);
      }
    }
}
