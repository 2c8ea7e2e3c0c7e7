#define G_LOG_DOMAIN "wg-engine"

#include "config.h"

#include <math.h>
#include <string.h>

#include "wg-api.h"
#include "wg-cursor.h"
#include "wg-engine-records.h"
#include "wg-error.h"
#include "wg-region.h"
#include "wg-validate.h"

#define MAX_Q_CHARS 100
#define MIN_BIGRAM_Q_CHARS 2
#define MAX_CURSOR_CHARS 40

void
wg_record_query_free (WgRecordQuery *query)
{
  if (query == NULL)
    return;
  g_free (query->region);
  g_free (query->q);
  for (guint i = 0; query->filters != NULL && i < query->kind->n_fields; i++)
    g_free (query->filters[i]);
  g_free (query->filters);
  g_free (query->from_date);
  g_free (query->to_date);
  g_free (query->after_date);
  g_free (query);
}

WgRecordQuery *
wg_record_query_copy (const WgRecordQuery *query)
{
  WgRecordQuery *copy = g_new0 (WgRecordQuery, 1);

  *copy = *query;
  copy->region = g_strdup (query->region);
  copy->q = g_strdup (query->q);
  copy->filters = g_new0 (char *, query->kind->n_fields + 1);
  for (guint i = 0; query->filters != NULL && i < query->kind->n_fields; i++)
    copy->filters[i] = g_strdup (query->filters[i]);
  copy->from_date = g_strdup (query->from_date);
  copy->to_date = g_strdup (query->to_date);
  copy->after_date = g_strdup (query->after_date);
  return copy;
}

/* ---------------------------------------------------------------- cursor */

char *
wg_record_cursor_encode (gint64      id,
                         const char *date)
{
  g_autofree char *text = date != NULL ? g_strdup_printf ("%s/%" G_GINT64_FORMAT, date, id)
                                       : g_strdup_printf ("%" G_GINT64_FORMAT, id);

  return wg_cursor_encode (text);
}

static gboolean
cursor_decode (WgRecordQuery *query,
               const char    *cursor)
{
  g_autofree char *decoded = wg_cursor_decode (cursor, MAX_CURSOR_CHARS);
  const char *id_text = decoded;
  guint64 value;

  if (decoded == NULL)
    return FALSE;
  if (query->kind->date_field != NULL)
    {
      char *slash = strchr (decoded, '/');

      if (slash == NULL)
        return FALSE;
      *slash = '\0';
      if (!wg_validate_date (decoded, "cursor", NULL, NULL))
        return FALSE;
      query->after_date = g_strdup (decoded);
      id_text = slash + 1;
    }
  if (!g_ascii_string_to_unsigned (id_text, 10, 1, G_MAXINT64, &value, NULL))
    return FALSE;
  query->after_id = (gint64) value;
  return TRUE;
}

/* ------------------------------------------------------------ parameters */

static const char *
param (GHashTable *params,
       const char *name)
{
  return params != NULL ? g_hash_table_lookup (params, name) : NULL;
}

static gboolean
parse_boolean (GHashTable  *params,
               const char  *name,
               gboolean    *value,
               GError     **error)
{
  const char *text = param (params, name);

  *value = FALSE;
  if (text == NULL)
    return TRUE;
  if (!g_str_equal (text, "true") && !g_str_equal (text, "false"))
    {
      wg_set_field_error (error, name, "The parameter “%s” must be true or false", name);
      return FALSE;
    }
  *value = g_str_equal (text, "true");
  return TRUE;
}

static gboolean
is_region_code (const char *code)
{
  static const WgRegionLevel levels[] = {
    WG_REGION_LEVEL_DISTRICT, WG_REGION_LEVEL_STREET, WG_REGION_LEVEL_COMMUNITY,
    WG_REGION_LEVEL_GRID,
  };

  for (guint i = 0; i < G_N_ELEMENTS (levels); i++)
    if (wg_region_code_is_valid (code, levels[i]))
      return TRUE;
  return FALSE;
}

static gboolean
parse_region_and_q (WgRecordQuery  *query,
                    GHashTable     *params,
                    GError        **error)
{
  const char *region = param (params, "region");
  const char *q = param (params, "q");
  g_autofree char *stripped = q != NULL ? g_strstrip (g_strdup (q)) : NULL;

  if (region != NULL && !is_region_code (region))
    {
      wg_set_field_error (error, "region", "The parameter “region” must be a region code");
      return FALSE;
    }
  query->region = g_strdup (region);
  if (stripped == NULL || *stripped == '\0')
    return TRUE;
  if (query->kind->search == WG_SEARCH_NONE)
    {
      wg_set_field_error (error, "q", "This list has no search");
      return FALSE;
    }
  if (!g_utf8_validate (stripped, -1, NULL) || g_utf8_strlen (stripped, -1) > MAX_Q_CHARS)
    {
      wg_set_field_error (error, "q", "The search text has at most %d characters", MAX_Q_CHARS);
      return FALSE;
    }
  /* Addresses and names are found by their character pairs: one character
   * has none, and would read every record of the scope. */
  if ((query->kind->search == WG_SEARCH_ADDRESS || query->kind->search == WG_SEARCH_NAME) &&
      g_utf8_strlen (stripped, -1) < MIN_BIGRAM_Q_CHARS)
    {
      wg_set_field_error (error, "q", "The search text has at least %d characters",
                          MIN_BIGRAM_Q_CHARS);
      return FALSE;
    }
  query->q = g_steal_pointer (&stripped);
  return TRUE;
}

/* A filter's value: a choice, a grid code, a class ("01" or "0101"), a
 * boolean; NULL with an error naming the field otherwise. */
static char *
filter_value (const WgFieldSpec  *field,
              const char         *text,
              GError            **error)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) parsed = NULL;
  g_autoptr(GError) field_error = NULL;

  if (field->type == WG_FIELD_CLASS_CODE && strlen (text) == 2 && text[0] == '0' &&
      text[1] >= '1' && text[1] <= '6')
    return g_strdup (text);
  if (field->type == WG_FIELD_BOOLEAN && !g_str_equal (text, "true") && !g_str_equal (text, "false"))
    {
      wg_set_field_error (error, field->name, "The parameter “%s” must be true or false",
                          field->name);
      return NULL;
    }
  node = json_node_new (JSON_NODE_VALUE);
  json_node_set_string (node, text);
  parsed = wg_record_field_parse (field, node, &field_error);
  if (parsed == NULL || JSON_NODE_HOLDS_NULL (parsed))
    {
      wg_set_field_error (error, field->name, "%s",
                          field_error != NULL ? field_error->message : "A value is needed");
      return NULL;
    }
  if (field->type == WG_FIELD_BOOLEAN)
    return g_strdup (json_node_get_boolean (parsed) ? "true" : "false");
  return g_strdup (json_node_get_string (parsed));
}

static gboolean
parse_filters (WgRecordQuery  *query,
               GHashTable     *params,
               GError        **error)
{
  const WgRecordKind *kind = query->kind;

  query->filters = g_new0 (char *, kind->n_fields + 1);
  for (guint i = 0; i < kind->n_fields; i++)
    {
      const WgFieldSpec *field = &kind->fields[i];
      const char *text = param (params, field->name);

      if (!(field->flags & WG_FIELD_FILTER) || text == NULL)
        continue;
      query->filters[i] = filter_value (field, text, error);
      if (query->filters[i] == NULL)
        return FALSE;
    }
  return TRUE;
}

static gboolean
parse_dates (WgRecordQuery  *query,
             GHashTable     *params,
             GError        **error)
{
  const char *from = param (params, "from");
  const char *to = param (params, "to");

  if (query->kind->date_field == NULL)
    return TRUE;
  if ((from != NULL && !wg_validate_date (from, "from", NULL, error)) ||
      (to != NULL && !wg_validate_date (to, "to", NULL, error)))
    return FALSE;
  query->from_date = g_strdup (from);
  query->to_date = g_strdup (to);
  return !query->kind->author_only || parse_boolean (params, "mine", &query->mine, error);
}

static gboolean
parse_bbox (WgRecordQuery  *query,
            const char     *text,
            GError        **error)
{
  g_auto(GStrv) parts = text != NULL ? g_strsplit (text, ",", -1) : NULL;

  if (text == NULL)
    return TRUE;
  if (g_strv_length (parts) == 4)
    {
      guint good = 0;

      for (guint i = 0; i < 4; i++)
        {
          char *end = NULL;

          query->bbox[i] = g_ascii_strtod (parts[i], &end);
          if (*parts[i] != '\0' && *end == '\0' && isfinite (query->bbox[i]) &&
              fabs (query->bbox[i]) <= (i % 2 == 0 ? 180 : 90))
            good++;
        }
      if (good == 4 && query->bbox[0] <= query->bbox[2] && query->bbox[1] <= query->bbox[3])
        {
          query->has_bbox = TRUE;
          return TRUE;
        }
    }
  wg_set_field_error (error, "bbox", "The parameter “bbox” is min. longitude, min. latitude, "
                      "max. longitude, max. latitude (WGS-84)");
  return FALSE;
}

static gboolean
parse_format (WgRecordQuery  *query,
              GHashTable     *params,
              gboolean        prefer_geojson,
              GError        **error)
{
  const char *format = param (params, "format");

  /* The Accept header is a preference: a kind without a map layer answers
   * its JSON list; only format=geojson insists. */
  if (format == NULL)
    query->geojson = prefer_geojson && query->kind->has_geometry;
  else if (g_str_equal (format, "geojson") || g_str_equal (format, "json"))
    query->geojson = g_str_equal (format, "geojson");
  else
    {
      wg_set_field_error (error, "format", "The parameter “format” must be “json” or “geojson”");
      return FALSE;
    }
  if (query->geojson && !query->kind->has_geometry)
    {
      wg_set_field_error (error, "format", "These records have no map layer");
      return FALSE;
    }
  return parse_bbox (query, param (params, "bbox"), error);
}

static gboolean
parse_paging (WgRecordQuery  *query,
              GHashTable     *params,
              GError        **error)
{
  const char *limit = param (params, "limit");
  const char *cursor = param (params, "cursor");
  guint max = query->geojson ? WG_RECORDS_GEOJSON_MAX_LIMIT : WG_LIST_MAX_LIMIT;
  guint64 value = query->geojson ? WG_RECORDS_GEOJSON_DEFAULT_LIMIT : WG_LIST_DEFAULT_LIMIT;

  if (limit != NULL && !g_ascii_string_to_unsigned (limit, 10, 1, max, &value, NULL))
    {
      wg_set_field_error (error, "limit", "The parameter “limit” must be a number from 1 to %u",
                          max);
      return FALSE;
    }
  query->limit = value;
  if (cursor != NULL && !cursor_decode (query, cursor))
    {
      wg_set_field_error (error, "cursor", "The parameter “cursor” is not a cursor of this list");
      return FALSE;
    }
  return parse_boolean (params, "total", &query->total, error);
}

WgRecordQuery *
wg_record_query_parse (const WgRecordKind  *kind,
                       GHashTable          *params,
                       gboolean             prefer_geojson,
                       GError             **error)
{
  g_autoptr(WgRecordQuery) query = g_new0 (WgRecordQuery, 1);

  g_return_val_if_fail (kind != NULL, NULL);

  query->kind = kind;
  if (!parse_region_and_q (query, params, error) ||
      !parse_filters (query, params, error) ||
      !parse_dates (query, params, error) ||
      !parse_format (query, params, prefer_geojson, error) ||
      !parse_paging (query, params, error))
    return NULL;
  return g_steal_pointer (&query);
}
