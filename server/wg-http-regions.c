#define G_LOG_DOMAIN "wg-http"

#include "config.h"

#include "wg-api.h"
#include "wg-http.h"

static void
wg_http_regions_done_cb (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  WgHttpRequest *request = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  gint64 user_id = 0;
  gboolean geojson = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (request->message),
                                                         "wg-geojson"));

  body = wg_engine_regions_finish (WG_ENGINE (source), result, &user_id, &error);
  wg_http_request_set_user_id (request, user_id);
  if (body == NULL)
    wg_http_respond_error (request, error);
  else
    wg_http_respond_bytes (request, SOUP_STATUS_OK,
                           geojson ? WG_MEDIA_GEOJSON : WG_MEDIA_JSON, body);
}

/* GET /api/v1/regions?level=&parent=&limit=&cursor=&format= */
void
wg_http_regions_get (WgHttpRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WgRegionQuery) query = NULL;

  query = wg_region_query_parse (request->query, wg_http_request_accepts_geojson (request), &error);
  if (query == NULL)
    {
      wg_http_respond_error (request, error);
      return;
    }
  g_object_set_data (G_OBJECT (request->message), "wg-geojson",
                     GINT_TO_POINTER (query->geojson));
  wg_http_request_pause (request);
  wg_engine_regions_async (request->engine, wg_http_request_get_token (request), query,
                           NULL, wg_http_regions_done_cb, request);
}
