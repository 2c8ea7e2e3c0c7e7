#define G_LOG_DOMAIN "wg-http"

#include "config.h"

#include <string.h>

#include "wg-api.h"
#include "wg-engine-summary.h"
#include "wg-error.h"
#include "wg-http.h"

#define WG_HTTP_REGION_SUMMARY WG_API_REGIONS "/{code}/summary"

static void
wg_http_summary_done_cb (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  WgHttpRequest *request = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  gint64 user_id = 0;

  body = wg_engine_region_summary_finish (WG_ENGINE (source), result, &user_id, &error);
  wg_http_request_set_user_id (request, user_id);
  if (body == NULL)
    wg_http_respond_error (request, error);
  else
    wg_http_respond_bytes (request, SOUP_STATUS_OK, WG_MEDIA_JSON, body);
}

/* The {code} of /api/v1/regions/{code}/summary: a region code has 6, 9,
 * 12 or 15 digits; anything else names no region. */
static char *
region_code (WgHttpRequest  *request,
             GError        **error)
{
  const char *path = g_uri_get_path (soup_server_message_get_uri (request->message));
  const char *start = path + strlen (WG_API_REGIONS "/");
  gsize length = strcspn (start, "/");

  if ((length == 6 || length == 9 || length == 12 || length == 15) &&
      strspn (start, "0123456789") == length)
    return g_strndup (start, length);
  g_set_error_literal (error, WG_ERROR, WG_ERROR_NOT_FOUND, "There is no such region in your territory");
  return NULL;
}

/* GET /api/v1/regions/{code}/summary */
static void
wg_http_region_summary (WgHttpRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *code = region_code (request, &error);

  if (code == NULL)
    {
      wg_http_respond_error (request, error);
      return;
    }
  wg_http_request_pause (request);
  wg_engine_region_summary_async (request->engine, wg_http_request_get_token (request), code,
                                  NULL, wg_http_summary_done_cb, request);
}

static const WgRoute summary_routes[] = {
  { WG_HTTP_REGION_SUMMARY, "GET", wg_http_region_summary },
};

/* Routes of the summary of a region: counts and staff. */
void
wg_http_summary_add_routes (GArray *routes)
{
  g_array_append_vals (routes, summary_routes, G_N_ELEMENTS (summary_routes));
}
