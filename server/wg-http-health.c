#define G_LOG_DOMAIN "wg-http"

#include "config.h"

#include "wg-http.h"

static void
wg_http_health_done_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  WgHttpRequest *request = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = wg_engine_health_finish (WG_ENGINE (source), result, &error);

  wg_http_respond_result (request, SOUP_STATUS_OK, node, error);
}

/* GET /api/v1/health: no session needed; 503 when the database is down or
 * at another schema version. */
void
wg_http_health_get (WgHttpRequest *request)
{
  wg_http_request_pause (request);
  wg_engine_health_async (request->engine, NULL, wg_http_health_done_cb, request);
}
