#define G_LOG_DOMAIN "wg-http"

#include "config.h"

#include <string.h>

#include "wg-api.h"
#include "wg-engine-csv.h"
#include "wg-error.h"
#include "wg-http.h"
#include "wg-validate.h"

#define WG_MEDIA_CSV "text/csv"
#define KIND_SEGMENT 2
#define KIND_KEY "wg-csv-kind"

/* Query parameters that page a list: an export has no use for them, and
 * the audit row does not record them. */
static const char * const paging_params[] = { "limit", "cursor", "total", "format", NULL };

/* ------------------------------------------------------------ helpers */

/* The kind of /api/v1/{kind}/…, NULL for people (the routes exist only
 * for known kinds). */
static const WgRecordKind *
request_kind (WgHttpRequest *request)
{
  const char *path = g_uri_get_path (soup_server_message_get_uri (request->message));
  g_auto(GStrv) segments = g_strsplit (path + 1, "/", -1);

  if (g_str_equal (segments[KIND_SEGMENT], "people"))
    return NULL;
  return wg_record_kind_lookup (segments[KIND_SEGMENT]);
}

static const char *
kind_name (const WgRecordKind *kind)
{
  return kind != NULL ? kind->name : "people";
}

/* The filters for the audit row; a searched ID number only masked. */
static JsonObject *
audit_filters (GHashTable *query)
{
  JsonObject *filters = json_object_new ();
  GHashTableIter iter;
  gpointer key;
  gpointer value;

  if (query == NULL)
    return filters;
  g_hash_table_iter_init (&iter, query);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autofree char *masked = NULL;

      if (g_strv_contains (paging_params, key))
        continue;
      if (g_str_equal (key, "q") && strlen (value) == 18)
        value = masked = wg_id_number_mask (value);
      json_object_set_string_member (filters, key, value);
    }
  return filters;
}

static void
set_header (WgHttpRequest *request,
            const char    *name,
            const char    *value)
{
  soup_message_headers_replace (soup_server_message_get_response_headers (request->message),
                                name, value);
}

static gpointer
begin (WgHttpRequest      *request,
       const WgRecordKind *kind)
{
  g_object_set_data (G_OBJECT (request->message), KIND_KEY, (gpointer) kind);
  wg_http_request_pause (request);
  return request;
}

/* ------------------------------------------------------------- export */

static void
wg_http_csv_export_done_cb (GObject      *source,
                            GAsyncResult *result,
                            gpointer      user_data)
{
  WgHttpRequest *request = user_data;
  const WgRecordKind *kind = g_object_get_data (G_OBJECT (request->message), KIND_KEY);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y%m%d");
  g_autofree char *disposition = NULL;
  gboolean truncated = FALSE;
  gint64 user_id = 0;

  body = wg_engine_csv_export_finish (WG_ENGINE (source), result, &user_id, &truncated, &error);
  wg_http_request_set_user_id (request, user_id);
  if (body == NULL)
    {
      wg_http_respond_error (request, error);
      return;
    }
  disposition = g_strdup_printf ("attachment; filename=\"%s-%s.csv\"", kind_name (kind), date);
  set_header (request, "Content-Disposition", disposition);
  if (truncated)
    set_header (request, "X-Wangge-Truncated", "true");
  wg_http_respond_bytes (request, SOUP_STATUS_OK, WG_MEDIA_CSV "; charset=utf-8", body);
}

/* GET /api/v1/{kind}/export?<the list's filters> */
static void
wg_http_csv_export (WgHttpRequest *request)
{
  const WgRecordKind *kind = request_kind (request);
  g_autoptr(GError) error = NULL;
  g_autoptr(WgRecordQuery) records_query = NULL;
  g_autoptr(WgPeopleQuery) people_query = NULL;
  g_autoptr(JsonObject) filters = NULL;

  if (kind != NULL)
    records_query = wg_record_query_parse (kind, request->query, FALSE, &error);
  else
    people_query = wg_people_query_parse (request->query, &error);
  if (error != NULL)
    {
      wg_http_respond_error (request, error);
      return;
    }
  filters = audit_filters (request->query);
  wg_engine_csv_export_async (request->engine, wg_http_request_get_token (request), kind,
                              records_query, people_query, filters, NULL,
                              wg_http_csv_export_done_cb, begin (request, kind));
}

/* ------------------------------------------------------------- import */

/* 422: the report, with the error envelope every client reads. */
static void
respond_rejected (WgHttpRequest *request,
                  JsonNode      *report)
{
  JsonObject *object = json_node_get_object (report);
  guint n_rejected = json_array_get_length (json_object_get_array_member (object, "rejected"));
  g_autoptr(GError) refusal = g_error_new (WG_ERROR, WG_ERROR_IMPORT_REJECTED,
                                           "%u rows were refused; nothing was imported",
                                           n_rejected);
  g_autoptr(JsonNode) envelope = wg_error_to_json (refusal);
  JsonNode *inner = json_object_get_member (json_node_get_object (envelope), "error");

  json_object_set_member (object, "error", json_node_ref (inner));
  wg_http_respond_json (request, wg_error_code_to_status (WG_ERROR_IMPORT_REJECTED), report);
}

static void
wg_http_csv_import_done_cb (GObject      *source,
                            GAsyncResult *result,
                            gpointer      user_data)
{
  WgHttpRequest *request = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) report = NULL;
  JsonObject *object;
  gboolean rejected = FALSE;
  gint64 user_id = 0;

  report = wg_engine_csv_import_finish (WG_ENGINE (source), result, &user_id, &rejected, &error);
  wg_http_request_set_user_id (request, user_id);
  if (report == NULL)
    {
      wg_http_respond_error (request, error);
      return;
    }
  object = json_node_get_object (report);
  if (!rejected || json_object_get_boolean_member (object, "dry_run"))
    {
      wg_http_respond_json (request, SOUP_STATUS_OK, report);
      return;
    }
  respond_rejected (request, report);
}

static gboolean
dry_run_param (WgHttpRequest  *request,
               gboolean       *dry_run,
               GError        **error)
{
  const char *value = request->query != NULL ? g_hash_table_lookup (request->query, "dry_run")
                                             : NULL;

  *dry_run = g_strcmp0 (value, "true") == 0;
  if (value == NULL || *dry_run || g_str_equal (value, "false"))
    return TRUE;
  wg_set_field_error (error, "dry_run", "dry_run is true or false");
  return FALSE;
}

static gboolean
check_media (WgHttpRequest  *request,
             GError        **error)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (request->message);
  const char *content_type = soup_message_headers_get_content_type (headers, NULL);

  if (content_type != NULL && g_ascii_strcasecmp (content_type, WG_MEDIA_CSV) == 0)
    return TRUE;
  g_set_error (error, WG_ERROR, WG_ERROR_UNSUPPORTED_MEDIA, "The request body must be %s",
               WG_MEDIA_CSV);
  return FALSE;
}

/* POST /api/v1/{kind}/import?dry_run=true|false, a text/csv body */
static void
wg_http_csv_import (WgHttpRequest *request)
{
  const WgRecordKind *kind = request_kind (request);
  SoupMessageBody *body = soup_server_message_get_request_body (request->message);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) csv = NULL;
  gboolean dry_run = FALSE;

  if (!dry_run_param (request, &dry_run, &error) || !check_media (request, &error))
    {
      wg_http_respond_error (request, error);
      return;
    }
  csv = soup_message_body_flatten (body);
  wg_engine_csv_import_async (request->engine, wg_http_request_get_token (request), kind, csv,
                              dry_run, NULL, wg_http_csv_import_done_cb, begin (request, kind));
}

/* ------------------------------------------------------------- routes */

gsize
wg_http_body_limit (const char *method,
                    const char *path,
                    gsize       default_limit)
{
  g_auto(GStrv) segments = NULL;

  if (!g_str_equal (method, "POST") || !g_str_has_prefix (path, WG_API_PREFIX "/") ||
      !g_str_has_suffix (path, "/import"))
    return default_limit;
  segments = g_strsplit (path + 1, "/", -1);
  if (g_strv_length (segments) != 4 ||
      (!g_str_equal (segments[KIND_SEGMENT], "people") &&
       wg_record_kind_lookup (segments[KIND_SEGMENT]) == NULL))
    return default_limit;
  return MAX (default_limit, WG_CSV_IMPORT_MAX_BYTES);
}

static void
add_routes (GArray     *routes,
            const char *kind)
{
  g_autofree char *export_path = g_strdup_printf (WG_API_PREFIX "/%s/export", kind);
  g_autofree char *import_path = g_strdup_printf (WG_API_PREFIX "/%s/import", kind);
  /* Route paths live as long as the process (interned). */
  WgRoute added[] = {
    { g_intern_string (export_path), "GET", wg_http_csv_export },
    { g_intern_string (import_path), "POST", wg_http_csv_import },
  };

  /* First: /people/{id} and /{kind}/{id} would match "export" too. */
  g_array_prepend_vals (routes, added, G_N_ELEMENTS (added));
}

/* Routes of CSV import and export: people's and every kind's. */
void
wg_http_csv_add_routes (GArray *routes)
{
  const WgRecordKind * const *kinds = wg_record_kinds ();

  add_routes (routes, "people");
  for (guint i = 0; kinds[i] != NULL; i++)
    add_routes (routes, kinds[i]->name);
}
