#define G_LOG_DOMAIN "wg-http"

#include "config.h"

#include <string.h>

#include "wg-api.h"
#include "wg-engine-people.h"
#include "wg-error.h"
#include "wg-http.h"
#include "wg-json.h"

#define MAX_REASON_BYTES 4096

/* ------------------------------------------------------------ helpers */

/* The {id} of /api/v1/people/{id}[/…]: not-found unless a positive number. */
static gboolean
person_id (WgHttpRequest  *request,
           gint64         *id,
           GError        **error)
{
  return wg_http_request_get_path_id (request, 3, "There is no such person in your territory",
                                      id, error);
}

static WgPersonInput *
parse_person (WgHttpRequest  *request,
              gboolean        patch,
              GError        **error)
{
  g_autoptr(JsonNode) root = wg_http_request_parse_object (request, error);

  if (root == NULL)
    return NULL;
  return wg_person_input_parse (json_node_get_object (root), patch, error);
}

/* Every people call answers the engine's body, or its error. */
static void
wg_http_people_done_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  WgHttpRequest *request = user_data;
  guint status = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (request->message), "wg-status-ok"));
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  gint64 user_id = 0;
  gint64 id = 0;
  gboolean replayed = FALSE;

  body = wg_engine_people_finish (WG_ENGINE (source), result, &user_id, &id, &replayed, &error);
  wg_http_request_set_user_id (request, user_id);
  if (body == NULL)
    {
      wg_http_respond_error (request, error);
      return;
    }
  if (status == SOUP_STATUS_CREATED)
    {
      g_autofree char *location = g_strdup_printf (WG_HTTP_PEOPLE "/%" G_GINT64_FORMAT, id);

      soup_message_headers_replace (soup_server_message_get_response_headers (request->message),
                                    "Location", location);
      if (replayed)
        status = SOUP_STATUS_OK;
    }
  if (status == SOUP_STATUS_NO_CONTENT)
    wg_http_respond_empty (request, status);
  else
    wg_http_respond_bytes (request, status, WG_MEDIA_JSON, body);
}

/* Pauses @request until the engine answers with @status on success. */
static gpointer
begin (WgHttpRequest *request,
       guint          status)
{
  g_object_set_data (G_OBJECT (request->message), "wg-status-ok", GUINT_TO_POINTER (status));
  wg_http_request_pause (request);
  return request;
}

/* ------------------------------------------------------------- handlers */

/* GET /api/v1/people?region=&status=&tag=&q=&limit=&cursor=&total= */
static void
wg_http_people_list (WgHttpRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WgPeopleQuery) query = wg_people_query_parse (request->query, &error);

  if (query == NULL)
    {
      wg_http_respond_error (request, error);
      return;
    }
  wg_engine_people_list_async (request->engine, wg_http_request_get_token (request), query, NULL,
                               wg_http_people_done_cb, begin (request, SOUP_STATUS_OK));
}

/* POST /api/v1/people (Idempotency-Key optional) */
static void
wg_http_people_create (WgHttpRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WgPersonInput) input = NULL;
  const char *key = NULL;

  if (!wg_http_request_get_idempotency_key (request, &key, &error) ||
      (input = parse_person (request, FALSE, &error)) == NULL)
    {
      wg_http_respond_error (request, error);
      return;
    }
  wg_engine_person_create_async (request->engine, wg_http_request_get_token (request), input, key,
                                 NULL, wg_http_people_done_cb, begin (request, SOUP_STATUS_CREATED));
}

/* GET /api/v1/people/{id} */
static void
wg_http_person_get (WgHttpRequest *request)
{
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  if (!person_id (request, &id, &error))
    {
      wg_http_respond_error (request, error);
      return;
    }
  wg_engine_person_get_async (request->engine, wg_http_request_get_token (request), id, NULL,
                              wg_http_people_done_cb, begin (request, SOUP_STATUS_OK));
}

/* PATCH /api/v1/people/{id} with If-Match */
static void
wg_http_person_update (WgHttpRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WgPersonInput) patch = NULL;
  gint64 id = 0;
  gint64 version = 0;

  if (!person_id (request, &id, &error) ||
      !wg_http_request_get_if_match (request, &version, &error) ||
      (patch = parse_person (request, TRUE, &error)) == NULL)
    {
      wg_http_respond_error (request, error);
      return;
    }
  wg_engine_person_update_async (request->engine, wg_http_request_get_token (request), id, version,
                                 patch, NULL, wg_http_people_done_cb,
                                 begin (request, SOUP_STATUS_OK));
}

/* DELETE /api/v1/people/{id} with If-Match */
static void
wg_http_person_delete (WgHttpRequest *request)
{
  g_autoptr(GError) error = NULL;
  gint64 id = 0;
  gint64 version = 0;

  if (!person_id (request, &id, &error) || !wg_http_request_get_if_match (request, &version, &error))
    {
      wg_http_respond_error (request, error);
      return;
    }
  wg_engine_person_delete_async (request->engine, wg_http_request_get_token (request), id, version,
                                 NULL, wg_http_people_done_cb,
                                 begin (request, SOUP_STATUS_NO_CONTENT));
}

/* POST /api/v1/people/{id}/reveal {"reason"} */
static void
wg_http_person_reveal (WgHttpRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  const char *reason = NULL;
  gint64 id = 0;

  if (person_id (request, &id, &error) &&
      (root = wg_http_request_parse_object (request, &error)) != NULL)
    wg_json_optional_string (json_node_get_object (root), "reason", MAX_REASON_BYTES, NULL,
                             &reason, &error);
  if (error != NULL)
    {
      wg_http_respond_error (request, error);
      return;
    }
  wg_engine_person_reveal_async (request->engine, wg_http_request_get_token (request), id, reason,
                                 NULL, wg_http_people_done_cb, begin (request, SOUP_STATUS_OK));
}

/* GET /api/v1/people/{id}/chain */
static void
wg_http_person_chain (WgHttpRequest *request)
{
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  if (!person_id (request, &id, &error))
    {
      wg_http_respond_error (request, error);
      return;
    }
  wg_engine_person_chain_async (request->engine, wg_http_request_get_token (request), id, NULL,
                                wg_http_people_done_cb, begin (request, SOUP_STATUS_OK));
}

static const WgRoute people_routes[] = {
  { WG_HTTP_PEOPLE, "GET", wg_http_people_list },
  { WG_HTTP_PEOPLE, "POST", wg_http_people_create },
  { WG_HTTP_PERSON, "GET", wg_http_person_get },
  { WG_HTTP_PERSON, "PATCH", wg_http_person_update },
  { WG_HTTP_PERSON, "DELETE", wg_http_person_delete },
  { WG_HTTP_PERSON_REVEAL, "POST", wg_http_person_reveal },
  { WG_HTTP_PERSON_CHAIN, "GET", wg_http_person_chain },
};

void
wg_http_people_add_routes (GArray *routes)
{
  g_array_append_vals (routes, people_routes, G_N_ELEMENTS (people_routes));
}
