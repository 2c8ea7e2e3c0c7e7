#define G_LOG_DOMAIN "wg-engine"

#include "config.h"

#include <string.h>

#include "wg-engine-records-private.h"
#include "wg-error.h"
#include "wg-pg.h"
#include "wg-validate.h"

/* SQL of the records, built from the kinds' descriptors: identifiers come
 * from the static tables of common/wg-record-kind.c and from here, values
 * are always parameters. */

/* The server-computed (read-only) fields of the record r. */
static const struct {
  const char *table;
  const char *field;
  const char *sql;
} computed[] = {
  { "household", "head_name",
    "(SELECT q.name FROM household_member m JOIN person q ON q.id = m.person_id"
    " WHERE m.household_id = r.id AND m.relation = 'head')" },
  { "household", "address",
    "(SELECT o.address FROM house o"
    " WHERE o.id = r.house_id)" },
  { "household", "member_count",
    "(SELECT count(*) FROM household_member m WHERE m.household_id = r.id)" },
  { "diary_entry", "author", "(SELECT u.display_name FROM users u WHERE u.id = r.author_id)" },
};

/* Members of the record that are no field of the descriptor. */
static const struct {
  const char *table;
  const char *sql;
} extras[] = {
  { "diary_entry", ", 'author_id', r.author_id" },
};

const char *
_wg_records_column (const WgFieldSpec *field)
{
  return field->column != NULL ? field->column : field->name;
}

const WgFieldSpec *
_wg_records_geometry_field (const WgRecordKind *kind)
{
  const WgFieldSpec *point = NULL;

  for (guint i = 0; i < kind->n_fields; i++)
    {
      if (kind->fields[i].type == WG_FIELD_POLYGON)
        return &kind->fields[i];
      if (kind->fields[i].type == WG_FIELD_POINT && point == NULL)
        point = &kind->fields[i];
    }
  return point;
}

void
_wg_records_add_param (GString    *sql,
                       GPtrArray  *params,
                       const char *value,
                       const char *cast)
{
  g_ptr_array_add (params, g_strdup (value));
  g_string_append_printf (sql, "$%u::%s", params->len, cast);
}

static const char *
computed_sql (const WgRecordKind *kind,
              const WgFieldSpec  *field)
{
  for (guint i = 0; i < G_N_ELEMENTS (computed); i++)
    if (g_str_equal (computed[i].table, kind->table) && g_str_equal (computed[i].field, field->name))
      return computed[i].sql;
  g_return_val_if_reached ("NULL");
}

/* The JSON value of one field of r. */
static void
append_field_json (GString            *sql,
                   const WgRecordKind *kind,
                   const WgFieldSpec  *field)
{
  const char *column = _wg_records_column (field);

  if (field->flags & WG_FIELD_READ_ONLY)
    g_string_append (sql, computed_sql (kind, field));
  else if (field->type == WG_FIELD_POINT)
    g_string_append_printf (sql, "CASE WHEN r.%s IS NULL THEN NULL"
                            " ELSE json_build_array(round(ST_X(r.%s)::numeric, 6),"
                            " round(ST_Y(r.%s)::numeric, 6)) END", column, column, column);
  else if (field->type == WG_FIELD_POLYGON)
    g_string_append_printf (sql, "ST_AsGeoJSON(r.%s, 6)::json", column);
  else if (field->type == WG_FIELD_TEXT_LIST)
    g_string_append_printf (sql, "to_json(r.%s)", column);
  else
    g_string_append_printf (sql, "r.%s", column);
}

void
_wg_records_append_json (GString            *sql,
                         const WgRecordKind *kind,
                         const char         *skip)
{
  g_string_append (sql, "json_build_object('id', r.id, 'version', r.version,"
                        " 'created_at', r.created_at, 'updated_at', r.updated_at,"
                        " 'grid', g.grid");
  for (guint i = 0; i < kind->n_fields; i++)
    {
      const WgFieldSpec *field = &kind->fields[i];

      if (field->type == WG_FIELD_GRID || g_strcmp0 (field->name, skip) == 0)
        continue;
      g_string_append_printf (sql, ", '%s', ", field->name);
      append_field_json (sql, kind, field);
    }
  for (guint i = 0; i < G_N_ELEMENTS (extras); i++)
    if (g_str_equal (extras[i].table, kind->table))
      g_string_append (sql, extras[i].sql);
  g_string_append_c (sql, ')');
}

void
_wg_records_append_json_of (GString            *sql,
                            const WgRecordKind *kind,
                            const char         *id_sql)
{
  g_string_append (sql, "(SELECT ");
  _wg_records_append_json (sql, kind, NULL);
  g_string_append_printf (sql, " FROM %s r" WG_RECORDS_GRID_JOIN " WHERE r.id = %s)", kind->table,
                          id_sql);
}

/* ------------------------------------------------------------- values */

static const char *
field_cast (const WgFieldSpec *field)
{
  switch (field->type)
    {
    case WG_FIELD_DECIMAL:
      return "numeric";
    case WG_FIELD_INTEGER:
      return "integer";
    case WG_FIELD_DATE:
      return "date";
    case WG_FIELD_BOOLEAN:
      return "boolean";
    case WG_FIELD_REFERENCE:
      return "bigint";
    case WG_FIELD_TEXT:
    case WG_FIELD_CHOICE:
    case WG_FIELD_PHONE:
    case WG_FIELD_CREDIT_CODE:
    case WG_FIELD_CLASS_CODE:
    case WG_FIELD_POINT:
    case WG_FIELD_POLYGON:
    case WG_FIELD_GRID:
    case WG_FIELD_TEXT_LIST:
    default:
      return "text";
    }
}

/* The text of a parsed value: strings as they are, numbers and booleans
 * as PostgreSQL reads them, arrays and objects as JSON. */
static char *
value_text (const WgFieldSpec *field,
            JsonNode          *value)
{
  if (field->type == WG_FIELD_POINT)
    {
      g_autofree char *position = json_to_string (value, FALSE);

      return g_strdup_printf ("{\"type\":\"Point\",\"coordinates\":%s}", position);
    }
  if (!JSON_NODE_HOLDS_VALUE (value))
    return json_to_string (value, FALSE);
  switch (json_node_get_value_type (value))
    {
    case G_TYPE_STRING:
      return g_strdup (json_node_get_string (value));
    case G_TYPE_BOOLEAN:
      return g_strdup (json_node_get_boolean (value) ? "true" : "false");
    case G_TYPE_INT64:
      return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (value));
    default:
      {
        char buffer[G_ASCII_DTOSTR_BUF_SIZE];

        return g_strdup (g_ascii_dtostr (buffer, sizeof buffer, json_node_get_double (value)));
      }
    }
}

void
_wg_records_append_value (GString           *sql,
                          GPtrArray         *params,
                          const WgFieldSpec *field,
                          JsonNode          *value)
{
  g_autofree char *text = NULL;

  if (value == NULL || JSON_NODE_HOLDS_NULL (value))
    {
      g_string_append (sql, "DEFAULT");
      return;
    }
  text = value_text (field, value);
  if (field->type == WG_FIELD_POINT || field->type == WG_FIELD_POLYGON)
    g_string_append (sql, "ST_SetSRID(ST_GeomFromGeoJSON(");
  else if (field->type == WG_FIELD_TEXT_LIST)
    g_string_append (sql, "ARRAY(SELECT json_array_elements_text(");
  _wg_records_add_param (sql, params, text, field_cast (field));
  if (field->type == WG_FIELD_POINT || field->type == WG_FIELD_POLYGON)
    g_string_append (sql, "), 4326)");
  else if (field->type == WG_FIELD_TEXT_LIST)
    g_string_append (sql, "::json))");
}

/* ------------------------------------------------------------ filters */

static void
append_field_filter (GString           *sql,
                     GPtrArray         *params,
                     const WgFieldSpec *field,
                     const char        *value)
{
  const char *column = _wg_records_column (field);

  /* The grid is no condition here: the scope is narrowed to it
   * (_wg_records_narrow), which the indexes serve under RLS. */
  if (field->type == WG_FIELD_GRID)
    return;
  g_string_append (sql, " AND ");
  switch (field->type)
    {
    case WG_FIELD_CLASS_CODE:
      /* "01" is a major class: a range, so that the index serves. */
      g_string_append_printf (sql, "r.%s >= ", column);
      _wg_records_add_param (sql, params, value, "text");
      g_string_append_printf (sql, " AND r.%s < $%u::text || ':'", column, params->len);
      break;
    case WG_FIELD_BOOLEAN:
      g_string_append_printf (sql, "r.%s = ", column);
      _wg_records_add_param (sql, params, value, "boolean");
      break;
    default:
      g_string_append_printf (sql, "r.%s = ", column);
      _wg_records_add_param (sql, params, value, "text");
      break;
    }
}

/* Bigram search through a function of migration 004 that applies the
 * scope itself (the index serves under RLS); the query has two characters
 * at least (wg_record_query_parse). */
static void
append_bigram_search (GString    *sql,
                      GPtrArray  *params,
                      const char *function,
                      const char *q)
{
  /* A sub-select, so that the function runs once (an InitPlan) and not
   * once per row of a scan that filters by it: an organization search of
   * the district took 30 s that way. */
  g_string_append_printf (sql, " AND r.id = ANY ((SELECT %s(", function);
  _wg_records_add_param (sql, params, q, "text");
  g_string_append (sql, "))::bigint[])");
}

static void
append_search (GString             *sql,
               GPtrArray           *params,
               const WgRecordQuery *query)
{
  const WgRecordKind *kind = query->kind;
  g_autofree char *upper = NULL;

  if (query->q == NULL)
    return;
  switch (kind->search)
    {
    case WG_SEARCH_ADDRESS:
      append_bigram_search (sql, params, "wg_house_ids_by_address", query->q);
      break;
    case WG_SEARCH_NAME:
      upper = g_ascii_strup (query->q, -1);
      if (strlen (upper) == 18 && wg_validate_credit_code (upper, "q", NULL))
        {
          g_string_append (sql, " AND r.credit_code = ");
          _wg_records_add_param (sql, params, upper, "text");
        }
      else
        append_bigram_search (sql, params, "wg_organization_ids_by_name", query->q);
      break;
    case WG_SEARCH_TEXT:
      g_string_append_printf (sql, " AND strpos(r.%s, ",
                              _wg_records_column (wg_record_kind_title (kind)));
      _wg_records_add_param (sql, params, query->q, "text");
      g_string_append (sql, ") > 0");
      break;
    case WG_SEARCH_NONE:
    default:
      break;
    }
}

static void
append_dates (GString             *sql,
              GPtrArray           *params,
              const WgRecordQuery *query)
{
  const char *date_field = query->kind->date_field;

  if (query->from_date != NULL)
    {
      g_string_append_printf (sql, " AND r.%s >= ", date_field);
      _wg_records_add_param (sql, params, query->from_date, "date");
    }
  if (query->to_date != NULL)
    {
      g_string_append_printf (sql, " AND r.%s <= ", date_field);
      _wg_records_add_param (sql, params, query->to_date, "date");
    }
  if (query->mine)
    g_string_append (sql, " AND r.author_id = wg_user_id()");
}

static void
append_bbox (GString             *sql,
             GPtrArray           *params,
             const WgRecordQuery *query)
{
  const WgFieldSpec *geometry = _wg_records_geometry_field (query->kind);

  if (!query->geojson || geometry == NULL)
    return;
  g_string_append_printf (sql, " AND r.%s IS NOT NULL", _wg_records_column (geometry));
  if (!query->has_bbox)
    return;
  /* Through a function of migration 006 that applies the scope itself, so
   * that the spatial index serves under RLS (&& is not leakproof). */
  g_string_append_printf (sql, " AND r.id = ANY ((SELECT wg_record_ids_in_box('%s'", query->kind->table);
  for (guint i = 0; i < 4; i++)
    {
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];

      g_string_append (sql, ", ");
      _wg_records_add_param (sql, params, g_ascii_dtostr (buffer, sizeof buffer, query->bbox[i]),
                             "float8");
    }
  g_string_append (sql, "))::bigint[])");
}

/* A community's or a grid's path (district.street.community[.grid]). */
static gboolean
is_small_scope (const char *scope)
{
  guint dots = 0;

  for (const char *p = scope; p != NULL && *p != '\0'; p++)
    dots += *p == '.';
  return dots >= 2;
}

void
_wg_records_append_filter (GString             *sql,
                           GPtrArray           *params,
                           const WgRecordQuery *query,
                           const char          *scope)
{
  const WgRecordKind *kind = query->kind;

  g_string_append (sql, "TRUE");
  if (is_small_scope (scope))
    {
      /* The policy's condition again, with the scope as a value the
       * planner reads (in the policy it is known only when the statement
       * runs): the planner then expects few records and takes the path's
       * index, where it would walk the order's index through the whole
       * territory to find a grid's (the diary of a grid: 20 ms → 0.5 ms).
       * Not for a street or the district, where walking is right. */
      g_string_append (sql, " AND r.path <@ ");
      _wg_records_add_param (sql, params, scope, "ltree");
    }
  for (guint i = 0; i < kind->n_fields; i++)
    if (query->filters != NULL && query->filters[i] != NULL)
      append_field_filter (sql, params, &kind->fields[i], query->filters[i]);
  append_search (sql, params, query);
  if (kind->date_field != NULL)
    append_dates (sql, params, query);
  append_bbox (sql, params, query);
}

void
_wg_records_append_order (GString            *sql,
                          const WgRecordKind *kind)
{
  if (kind->date_field != NULL)
    g_string_append_printf (sql, " ORDER BY r.%s DESC, r.id DESC", kind->date_field);
  else
    g_string_append (sql, " ORDER BY r.id");
}

PGresult *
_wg_records_exec (PGconn     *conn,
                  GString    *sql,
                  GPtrArray  *params,
                  GError    **error)
{
  return wg_pg_exec (conn, sql->str, (int) params->len, (const char * const *) params->pdata,
                     error);
}

/* The scope narrowed to the region @code for the rest of the transaction
 * (*@scope: its path); not-found naming @field when it is unknown or
 * outside the scope. */
static gboolean
narrow_to (PGconn      *conn,
           const char  *code,
           const char  *field,
           char       **scope,
           GError     **error)
{
  const char *params[] = { code };
  g_autoptr(PGresult) result = NULL;

  /* Row-level security shows the region only inside the scope: narrowing
   * the scope to it changes no answer and lets the scope's index find the
   * region's records (and the search functions, which read the scope),
   * where a condition on the path would be no index condition under RLS
   * (ltree's operators are not leakproof). */
  result = wg_pg_exec (conn,
                       "SELECT set_config('wangge.scope', path::text, true) FROM regions"
                       " WHERE code = $1::text",
                       1, params, error);
  if (result == NULL)
    return FALSE;
  if (PQntuples (result) == 0)
    {
      wg_set_error_with_field (error, WG_ERROR_NOT_FOUND, field,
                               "There is no region %s in your territory", code);
      return FALSE;
    }
  g_free (*scope);
  *scope = g_strdup (PQgetvalue (result, 0, 0));
  return TRUE;
}

gboolean
_wg_records_narrow (PGconn               *conn,
                    const WgRecordQuery  *query,
                    char                **scope,
                    GError              **error)
{
  const WgRecordKind *kind = query->kind;
  g_autofree char *path = NULL;

  if (query->region != NULL && !narrow_to (conn, query->region, "region", &path, error))
    return FALSE;
  for (guint i = 0; i < kind->n_fields; i++)
    if (kind->fields[i].type == WG_FIELD_GRID && query->filters != NULL &&
        query->filters[i] != NULL &&
        !narrow_to (conn, query->filters[i], kind->fields[i].name, &path, error))
      return FALSE;
  if (path == NULL)
    {
      g_autoptr(PGresult) result = wg_pg_exec (conn, "SELECT current_setting('wangge.scope')",
                                               0, NULL, error);

      if (result == NULL)
        return FALSE;
      path = g_strdup (PQgetvalue (result, 0, 0));
    }
  *scope = g_steal_pointer (&path);
  return TRUE;
}
