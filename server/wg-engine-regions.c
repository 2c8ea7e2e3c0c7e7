#define G_LOG_DOMAIN "wg-engine"

#include "config.h"

#include <string.h>

#include "wg-api.h"
#include "wg-cursor.h"
#include "wg-engine-private.h"
#include "wg-error.h"
#include "wg-pg.h"
#include "wg-region.h"

#define MAX_CODE_CHARS 15

typedef struct {
  WgEngineJob    base;
  WgRegionQuery *query;
  GBytes        *body;
} RegionsJob;

/* Only current regions; RLS adds the user's scope. */
#define REGION_FILTER \
  "($1::text IS NULL OR level = $1::text) " \
  "AND ($2::text IS NULL OR parent_code = $2::text) " \
  "AND (valid_to IS NULL OR valid_to > current_date) "

static const char page_sql[] =
  "WITH page AS ("
  "  SELECT code, name, level, parent_code, path, grid_type, grid_grade, synthetic,"
  "         valid_from, valid_to, row_number() OVER (ORDER BY code) AS n"
  "  FROM regions"
  "  WHERE " REGION_FILTER "AND ($3::text IS NULL OR code > $3::text)"
  "  ORDER BY code LIMIT $4::int + 1) "
  "SELECT coalesce(json_agg(json_build_object("
  "         'code', code, 'name', name, 'level', level, 'parent', parent_code,"
  "         'path', path::text, 'grid_type', grid_type, 'grid_grade', grid_grade,"
  "         'synthetic', synthetic, 'valid_from', valid_from, 'valid_to', valid_to)"
  "         ORDER BY code) FILTER (WHERE n <= $4::int), '[]'::json)::text,"
  "       max(code) FILTER (WHERE n <= $4::int),"
  "       count(*) > $4::int "
  "FROM page";

/* Built by the database in one statement: a map layer of 589 grids must
 * take well under 50 ms. */
static const char geojson_sql[] =
  "SELECT json_build_object('type', 'FeatureCollection', 'features',"
  "  coalesce(json_agg(json_build_object("
  "    'type', 'Feature', 'id', code,"
  "    'geometry', ST_AsGeoJSON(geom, 6)::json,"
  "    'properties', json_build_object("
  "      'code', code, 'name', name, 'level', level, 'parent', parent_code,"
  "      'grid_type', grid_type, 'grid_grade', grid_grade, 'synthetic', synthetic))"
  "    ORDER BY code), '[]'::json))::text "
  "FROM regions WHERE " REGION_FILTER;

void
wg_region_query_free (WgRegionQuery *query)
{
  if (query == NULL)
    return;
  g_free (query->level);
  g_free (query->parent);
  g_free (query->after_code);
  g_free (query);
}

static gboolean
is_digits (const char *text,
           gsize       max_length)
{
  gsize length = strlen (text);

  if (length == 0 || length > max_length)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  return TRUE;
}

static char *
cursor_decode (const char *cursor)
{
  g_autofree char *decoded = wg_cursor_decode (cursor, MAX_CODE_CHARS);

  return decoded != NULL && is_digits (decoded, MAX_CODE_CHARS) ? g_steal_pointer (&decoded) : NULL;
}

static const char *
param (GHashTable *params,
       const char *name)
{
  return params != NULL ? g_hash_table_lookup (params, name) : NULL;
}

static gboolean
parse_limit (const char  *text,
             guint       *limit,
             GError     **error)
{
  guint64 value;

  if (text == NULL)
    {
      *limit = WG_LIST_DEFAULT_LIMIT;
      return TRUE;
    }
  if (!g_ascii_string_to_unsigned (text, 10, 1, WG_LIST_MAX_LIMIT, &value, NULL))
    {
      wg_set_field_error (error, "limit", "The parameter “limit” must be a number from 1 to %d",
                          WG_LIST_MAX_LIMIT);
      return FALSE;
    }
  *limit = value;
  return TRUE;
}

static gboolean
parse_format (const char  *text,
              gboolean     prefer_geojson,
              gboolean    *geojson,
              GError     **error)
{
  if (text == NULL)
    *geojson = prefer_geojson;
  else if (g_str_equal (text, "geojson"))
    *geojson = TRUE;
  else if (g_str_equal (text, "json"))
    *geojson = FALSE;
  else
    {
      wg_set_field_error (error, "format", "The parameter “format” must be “json” or “geojson”");
      return FALSE;
    }
  return TRUE;
}

WgRegionQuery *
wg_region_query_parse (GHashTable  *params,
                       gboolean     prefer_geojson,
                       GError     **error)
{
  g_autoptr(WgRegionQuery) query = g_new0 (WgRegionQuery, 1);
  const char *level = param (params, "level");
  const char *parent = param (params, "parent");
  const char *cursor = param (params, "cursor");
  WgRegionLevel parsed_level;

  if (level != NULL && !wg_region_level_from_string (level, &parsed_level))
    {
      wg_set_field_error (error, "level",
                          "The parameter “level” must be district, street, community or grid");
      return NULL;
    }
  if (parent != NULL && !is_digits (parent, MAX_CODE_CHARS))
    {
      wg_set_field_error (error, "parent", "The parameter “parent” must be a region code");
      return NULL;
    }
  if (!parse_limit (param (params, "limit"), &query->limit, error) ||
      !parse_format (param (params, "format"), prefer_geojson, &query->geojson, error))
    return NULL;
  if (cursor != NULL && !query->geojson && (query->after_code = cursor_decode (cursor)) == NULL)
    {
      wg_set_field_error (error, "cursor", "The parameter “cursor” is not a cursor of this list");
      return NULL;
    }
  query->level = g_strdup (level);
  query->parent = g_strdup (parent);
  return g_steal_pointer (&query);
}

static GBytes *
page_body (PGresult *result)
{
  g_autofree char *cursor = NULL;

  if (g_str_equal (PQgetvalue (result, 0, 2), "t"))
    cursor = wg_cursor_encode (PQgetvalue (result, 0, 1));
  return wg_cursor_page_body (PQgetvalue (result, 0, 0), cursor, NULL);
}

static gboolean
wg_engine_regions_job (PGconn   *conn,
                       gpointer  data,
                       GError  **outcome,
                       GError  **error)
{
  RegionsJob *job = data;
  WgRegionQuery *query = job->query;
  g_autofree char *limit = g_strdup_printf ("%u", query->limit);
  const char *params[] = { query->level, query->parent, query->after_code, limit };
  g_autoptr(PGresult) result = NULL;

  if (!_wg_engine_authenticate (conn, &job->base.settings, job->base.token, &job->base.actor,
                                error))
    return FALSE;
  /* The map layer is not paged: it takes the filters only. */
  result = wg_pg_exec (conn, query->geojson ? geojson_sql : page_sql,
                       query->geojson ? 2 : G_N_ELEMENTS (params), params, error);
  if (result == NULL)
    return FALSE;
  if (query->geojson)
    job->body = g_bytes_new (PQgetvalue (result, 0, 0), PQgetlength (result, 0, 0));
  else
    job->body = page_body (result);
  return TRUE;
}

static void
regions_job_free (gpointer data)
{
  RegionsJob *job = data;

  _wg_engine_job_clear (&job->base);
  g_clear_pointer (&job->query, wg_region_query_free);
  g_clear_pointer (&job->body, g_bytes_unref);
  g_free (job);
}

static WgRegionQuery *
region_query_copy (const WgRegionQuery *query)
{
  WgRegionQuery *copy = g_new0 (WgRegionQuery, 1);

  copy->level = g_strdup (query->level);
  copy->parent = g_strdup (query->parent);
  copy->after_code = g_strdup (query->after_code);
  copy->limit = query->limit;
  copy->geojson = query->geojson;
  return copy;
}

void
wg_engine_regions_async (WgEngine            *self,
                         const char          *token,
                         const WgRegionQuery *query,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  RegionsJob *job;

  g_return_if_fail (WG_IS_ENGINE (self));
  g_return_if_fail (query != NULL);

  job = g_new0 (RegionsJob, 1);
  _wg_engine_job_init (&job->base, self, token);
  job->query = region_query_copy (query);
  _wg_engine_run (self, WG_DB_JOB_TRANSACTION, wg_engine_regions_job, job, regions_job_free,
                  wg_engine_regions_async, cancellable, callback, user_data);
}

GBytes *
wg_engine_regions_finish (WgEngine      *self,
                          GAsyncResult  *result,
                          gint64        *user_id,
                          GError       **error)
{
  RegionsJob *job = _wg_engine_finish_job (self, result, wg_engine_regions_async, user_id, error);

  return job != NULL ? g_bytes_ref (job->body) : NULL;
}
