#define G_LOG_DOMAIN "wg-engine"

#include "config.h"

#include <string.h>

#include "wg-engine-records-private.h"
#include "wg-error.h"
#include "wg-pg.h"

/* The unique columns of the records (migration 002): a unique violation on
 * their table is about them. */
static const struct {
  const char *table;
  const char *field;
} unique_fields[] = {
  { "land_parcel", "code" },
  { "organization", "credit_code" },
};

/* The rows that carry a record's path for row-level security: they follow
 * it into another grid ($1: the record's id).  A house takes its
 * households along, and their members. */
static const struct {
  const char *table;
  const char *follower;
  const char *condition;
} path_followers[] = {
  { "household", "household_member", "household_id = $1::bigint" },
  { "house", "residence", "house_id = $1::bigint" },
  { "house", "household", "house_id = $1::bigint" },
  { "house", "household_member",
    "household_id IN (SELECT id FROM household WHERE house_id = $1::bigint)" },
};

static void
name_duplicate (const WgRecordKind  *kind,
                GError             **error)
{
  if (error == NULL || !g_error_matches (*error, WG_ERROR, WG_ERROR_CONFLICT))
    return;
  for (guint i = 0; i < G_N_ELEMENTS (unique_fields); i++)
    if (g_str_equal (unique_fields[i].table, kind->table))
      {
        g_clear_error (error);
        wg_set_error_with_field (error, WG_ERROR_CONFLICT, unique_fields[i].field,
                                 "Another record has this “%s”", unique_fields[i].field);
        return;
      }
}

/* The first row's first column of @sql with the one parameter @value, or
 * NULL (no row, or SQL NULL) with *found FALSE. */
static char *
select_text (PGconn      *conn,
             const char  *sql,
             const char  *value,
             gboolean    *found,
             GError     **error)
{
  const char *params[] = { value };
  g_autoptr(PGresult) result = wg_pg_exec (conn, sql, 1, params, error);

  *found = FALSE;
  if (result == NULL || PQntuples (result) == 0 || PQgetisnull (result, 0, 0))
    return NULL;
  *found = TRUE;
  return g_strdup (PQgetvalue (result, 0, 0));
}

/* -------------------------------------------------------------- grids */

/* A member of @input that is there and not null. */
static JsonNode *
given (JsonObject *input,
       const char *name)
{
  JsonNode *node = json_object_get_member (input, name);

  return node != NULL && !JSON_NODE_HOLDS_NULL (node) ? node : NULL;
}

static char *
grid_of_code (PGconn      *conn,
              const char  *code,
              GError     **error)
{
  gboolean found;
  char *path = select_text (conn,
                            "SELECT path::text FROM regions WHERE code = $1::text"
                            " AND level = 'grid' AND (valid_to IS NULL OR valid_to > current_date)",
                            code, &found, error);

  if (!found && error != NULL && *error == NULL)
    wg_set_error_with_field (error, WG_ERROR_NOT_FOUND, "grid",
                             "There is no grid %s in your territory", code);
  return path;
}

/* The grid of a polygon's point on surface (land parcels). */
static char *
grid_of_polygon (PGconn             *conn,
                 const WgFieldSpec  *field,
                 JsonNode           *value,
                 GError            **error)
{
  g_autofree char *geojson = json_to_string (value, FALSE);
  gboolean found;
  char *path = select_text (conn,
                            "SELECT CASE WHEN ST_IsValid(g) THEN"
                            " coalesce(wg_grid_path_at(ST_PointOnSurface(g))::text, '') END"
                            " FROM (SELECT ST_SetSRID(ST_GeomFromGeoJSON($1::text), 4326) AS g) s",
                            geojson, &found, error);

  if (path != NULL && *path != '\0')
    return path;
  g_free (path);
  if (error != NULL && *error == NULL)
    wg_set_field_error (error, field->name, found ? "The outline is in no grid of your territory"
                                                  : "The outline crosses itself");
  return NULL;
}

static char *
grid_of_point (PGconn             *conn,
               const WgFieldSpec  *field,
               JsonNode           *value,
               GError            **error)
{
  g_autofree char *position = json_to_string (value, FALSE);
  g_autofree char *geojson = g_strdup_printf ("{\"type\":\"Point\",\"coordinates\":%s}", position);
  gboolean found;
  char *path = select_text (conn,
                            "SELECT wg_grid_path_at(ST_SetSRID(ST_GeomFromGeoJSON($1::text), 4326))::text",
                            geojson, &found, error);

  if (!found && error != NULL && *error == NULL)
    wg_set_field_error (error, field->name, "The location is in no grid of your territory");
  return path;
}

/* The path of the record @id of the kind @field refers to; not-found
 * naming the field when it is out of sight. */
static char *
grid_of_reference (PGconn             *conn,
                   const WgFieldSpec  *field,
                   JsonNode           *value,
                   GError            **error)
{
  const WgRecordKind *target = wg_record_kind_lookup (field->reference);
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (value));
  g_autofree char *sql = g_strdup_printf ("SELECT path::text FROM %s WHERE id = $1::bigint",
                                          target->table);
  gboolean found;
  char *path = select_text (conn, sql, id_text, &found, error);

  if (!found && error != NULL && *error == NULL)
    wg_set_error_with_field (error, WG_ERROR_NOT_FOUND, field->name,
                             "There is no such record of %s in your territory", target->name);
  return path;
}

/* With a grid given, a location or outline given too must be valid and
 * lie in it (an outline: its point on surface), else invalid-input naming
 * the field. */
static gboolean
check_in_grid (PGconn             *conn,
               const char         *grid_code,
               const WgFieldSpec  *field,
               JsonNode           *value,
               GError            **error)
{
  g_autofree char *text = json_to_string (value, FALSE);
  g_autofree char *geojson = field->type == WG_FIELD_POINT
    ? g_strdup_printf ("{\"type\":\"Point\",\"coordinates\":%s}", text) : g_strdup (text);
  const char *params[] = { grid_code, geojson };
  g_autoptr(PGresult) result =
    wg_pg_exec (conn,
                "SELECT ST_IsValid(x), ST_IsValid(x) AND ST_Covers(g.geom,"
                " CASE WHEN GeometryType(x) = 'POINT' THEN x ELSE ST_PointOnSurface(x) END)"
                " FROM regions g, (SELECT ST_SetSRID(ST_GeomFromGeoJSON($2::text), 4326) AS x) s"
                " WHERE g.code = $1::text",
                2, params, error);

  if (result == NULL)
    return FALSE;
  if (PQntuples (result) == 1 && g_str_equal (PQgetvalue (result, 0, 1), "t"))
    return TRUE;
  if (PQntuples (result) == 1 && !g_str_equal (PQgetvalue (result, 0, 0), "t"))
    wg_set_field_error (error, field->name, "The outline crosses itself");
  else
    wg_set_field_error (error, field->name, field->type == WG_FIELD_POINT
                        ? "The location is not in the grid %s" : "The outline is not in the grid %s",
                        grid_code);
  return FALSE;
}

static gboolean
check_geometry_in_grid (PGconn              *conn,
                        const WgRecordKind  *kind,
                        JsonObject          *input,
                        const char          *grid_code,
                        GError             **error)
{
  for (guint i = 0; i < kind->n_fields; i++)
    {
      const WgFieldSpec *field = &kind->fields[i];
      JsonNode *value = given (input, field->name);

      if (value != NULL && (field->type == WG_FIELD_POINT || field->type == WG_FIELD_POLYGON) &&
          !check_in_grid (conn, grid_code, field, value, error))
        return FALSE;
    }
  return TRUE;
}

static void
refuse_other_grid (GError **error)
{
  wg_set_field_error (error, "grid", "A household lies in the grid of its house");
}

/* The path a record's input puts it in: its grid, else the record it
 * refers to (a household's house), its outline's point on surface, its
 * point.  A grid given must be the one of the record referred to, and hold
 * the location or outline given.  *@path NULL: none of them (an update
 * keeps its path; a create without is refused naming "grid"). */
static gboolean
resolve_path (PGconn              *conn,
              const WgRecordKind  *kind,
              JsonObject          *input,
              char               **path,
              GError             **error)
{
  g_autofree char *referenced = NULL;
  JsonNode *grid = given (input, "grid");

  *path = NULL;
  for (guint i = 0; i < kind->n_fields; i++)
    {
      const WgFieldSpec *field = &kind->fields[i];
      JsonNode *value = given (input, field->name);

      if (value == NULL || field->type != WG_FIELD_REFERENCE)
        continue;
      referenced = grid_of_reference (conn, field, value, error);
      if (referenced == NULL)
        return FALSE;
    }
  if (grid != NULL)
    {
      *path = grid_of_code (conn, json_node_get_string (grid), error);
      if (*path == NULL)
        return FALSE;
      if (referenced != NULL && !g_str_equal (referenced, *path))
        {
          refuse_other_grid (error);
          return FALSE;
        }
      return check_geometry_in_grid (conn, kind, input, json_node_get_string (grid), error);
    }
  if (referenced != NULL)
    {
      *path = g_steal_pointer (&referenced);
      return TRUE;
    }
  for (guint i = 0; i < kind->n_fields; i++)
    {
      const WgFieldSpec *field = &kind->fields[i];
      JsonNode *value = given (input, field->name);

      if (value == NULL)
        continue;
      if (field->type == WG_FIELD_POLYGON)
        return (*path = grid_of_polygon (conn, field, value, error)) != NULL;
      if (field->type == WG_FIELD_POINT)
        return (*path = grid_of_point (conn, field, value, error)) != NULL;
    }
  return TRUE;
}

/* -------------------------------------------------------------- insert */

/* The fields an input writes: neither computed nor the grid (the path). */
static gboolean
is_written (const WgFieldSpec *field,
            JsonObject        *input)
{
  return !(field->flags & WG_FIELD_READ_ONLY) && field->type != WG_FIELD_GRID &&
         json_object_has_member (input, field->name);
}

gboolean
_wg_records_insert (PGconn              *conn,
                    const WgRecordKind  *kind,
                    JsonObject          *input,
                    gint64               author_id,
                    gint64              *id,
                    GError             **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GString) values = g_string_new (NULL);
  g_autoptr(GPtrArray) params = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *path = NULL;
  g_autoptr(PGresult) result = NULL;

  if (!resolve_path (conn, kind, input, &path, error))
    return FALSE;
  if (path == NULL)
    {
      wg_set_field_error (error, "grid", "Give the grid, or a location in one");
      return FALSE;
    }
  g_string_append_printf (sql, "INSERT INTO %s (path", kind->table);
  _wg_records_add_param (values, params, path, "ltree");
  for (guint i = 0; i < kind->n_fields; i++)
    {
      const WgFieldSpec *field = &kind->fields[i];

      if (!is_written (field, input))
        continue;
      g_string_append_printf (sql, ", %s", _wg_records_column (field));
      g_string_append (values, ", ");
      _wg_records_append_value (values, params, field, json_object_get_member (input, field->name));
    }
  if (kind->author_only)
    {
      g_autofree char *author = g_strdup_printf ("%" G_GINT64_FORMAT, author_id);

      g_string_append (sql, ", author_id");
      g_string_append (values, ", ");
      _wg_records_add_param (values, params, author, "bigint");
    }
  g_string_append_printf (sql, ") VALUES (%s) RETURNING id", values->str);
  result = _wg_records_exec (conn, sql, params, error);
  if (result == NULL)
    {
      name_duplicate (kind, error);
      return FALSE;
    }
  *id = g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
  return TRUE;
}

gboolean
_wg_records_create_job (PGconn   *conn,
                        gpointer  data,
                        GError  **outcome,
                        GError  **error)
{
  RecordsJob *job = data;
  gint64 user_id;
  gint64 earlier = 0;

  if (!_wg_records_authorize (conn, &job->base, job->kind, job->kind->write, error))
    return FALSE;
  user_id = job->base.actor.user_id;
  if (job->key != NULL &&
      !_wg_engine_find_idempotent (conn, user_id, job->key, job->kind->name, &earlier, error))
    return FALSE;
  if (earlier > 0)
    {
      job->replayed = TRUE;
      return _wg_records_read (conn, job, earlier, error);
    }
  if (!_wg_records_insert (conn, job->kind, job->input, user_id, &job->id, error) ||
      (job->key != NULL &&
       !_wg_engine_remember_idempotent (conn, user_id, job->key, job->kind->name, job->id, error)))
    return FALSE;
  return _wg_records_read (conn, job, job->id, error);
}

/* ------------------------------------------------------ update, delete */

/* Locks the record: not-found out of sight, forbidden to all but the
 * author of an author-only kind, conflict when @version is stale. */
static gboolean
lock_record (PGconn      *conn,
             RecordsJob  *job,
             GError     **error)
{
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, job->id);
  g_autofree char *sql = g_strdup_printf ("SELECT version, %s FROM %s WHERE id = $1::bigint"
                                          " FOR UPDATE",
                                          job->kind->author_only ? "author_id" : "0",
                                          job->kind->table);
  const char *params[] = { id_text };
  g_autoptr(PGresult) result = wg_pg_exec (conn, sql, 1, params, error);

  if (result == NULL)
    return FALSE;
  if (PQntuples (result) == 0)
    {
      _wg_records_not_found (job->kind, error);
      return FALSE;
    }
  if (job->kind->author_only &&
      g_ascii_strtoll (PQgetvalue (result, 0, 1), NULL, 10) != job->base.actor.user_id)
    {
      g_set_error_literal (error, WG_ERROR, WG_ERROR_FORBIDDEN,
                           "Only the author may change or delete this entry");
      return FALSE;
    }
  if (g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10) != job->version)
    {
      g_set_error_literal (error, WG_ERROR, WG_ERROR_CONFLICT,
                           "Someone else changed this record: reload and try again");
      return FALSE;
    }
  return TRUE;
}

static gboolean
move_links (PGconn              *conn,
            const WgRecordKind  *kind,
            const char          *id_text,
            const char          *path,
            GError             **error)
{
  const char *params[] = { id_text, path };

  for (guint i = 0; i < G_N_ELEMENTS (path_followers); i++)
    {
      g_autofree char *sql = NULL;
      g_autoptr(PGresult) result = NULL;

      if (!g_str_equal (path_followers[i].table, kind->table))
        continue;
      sql = g_strdup_printf ("UPDATE %s SET path = $2::ltree WHERE %s AND path <> $2::ltree",
                             path_followers[i].follower, path_followers[i].condition);
      result = wg_pg_exec (conn, sql, 2, params, error);
      if (result == NULL)
        return FALSE;
    }
  return TRUE;
}

static gboolean
update_record (PGconn      *conn,
               RecordsJob  *job,
               const char  *path,
               GError     **error)
{
  const WgRecordKind *kind = job->kind;
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GPtrArray) params = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, job->id);
  g_autoptr(PGresult) result = NULL;

  g_string_append_printf (sql, "UPDATE %s SET version = version + 1", kind->table);
  if (path != NULL)
    {
      g_string_append (sql, ", path = ");
      _wg_records_add_param (sql, params, path, "ltree");
    }
  for (guint i = 0; i < kind->n_fields; i++)
    {
      const WgFieldSpec *field = &kind->fields[i];

      if (!is_written (field, job->input))
        continue;
      g_string_append_printf (sql, ", %s = ", _wg_records_column (field));
      _wg_records_append_value (sql, params, field, json_object_get_member (job->input, field->name));
    }
  g_string_append (sql, " WHERE id = ");
  _wg_records_add_param (sql, params, id_text, "bigint");
  result = _wg_records_exec (conn, sql, params, error);
  if (result == NULL)
    name_duplicate (kind, error);
  return result != NULL && (path == NULL || move_links (conn, kind, id_text, path, error));
}

/* A new grid without a new reference: the record it still refers to (a
 * household's house) must be in that grid. */
static gboolean
check_kept_references (PGconn      *conn,
                       RecordsJob  *job,
                       const char  *path,
                       GError     **error)
{
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, job->id);

  if (path == NULL || given (job->input, "grid") == NULL)
    return TRUE;
  for (guint i = 0; i < job->kind->n_fields; i++)
    {
      const WgFieldSpec *field = &job->kind->fields[i];
      g_autofree char *sql = NULL;
      g_autofree char *referenced = NULL;
      g_autoptr(GError) local_error = NULL;
      gboolean found;

      if (field->type != WG_FIELD_REFERENCE || json_object_has_member (job->input, field->name))
        continue;
      sql = g_strdup_printf ("SELECT t.path::text FROM %s r JOIN %s t ON t.id = r.%s"
                             " WHERE r.id = $1::bigint", job->kind->table,
                             wg_record_kind_lookup (field->reference)->table,
                             _wg_records_column (field));
      referenced = select_text (conn, sql, id_text, &found, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (found && !g_str_equal (referenced, path))
        {
          refuse_other_grid (error);
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
_wg_records_update_job (PGconn   *conn,
                        gpointer  data,
                        GError  **outcome,
                        GError  **error)
{
  RecordsJob *job = data;
  g_autofree char *path = NULL;

  return _wg_records_authorize (conn, &job->base, job->kind, job->kind->write, error) &&
         lock_record (conn, job, error) &&
         resolve_path (conn, job->kind, job->input, &path, error) &&
         check_kept_references (conn, job, path, error) &&
         update_record (conn, job, path, error) &&
         _wg_records_read (conn, job, job->id, error);
}

gboolean
_wg_records_delete_job (PGconn   *conn,
                        gpointer  data,
                        GError  **outcome,
                        GError  **error)
{
  RecordsJob *job = data;
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, job->id);
  g_autofree char *sql = g_strdup_printf ("DELETE FROM %s WHERE id = $1::bigint", job->kind->table);
  const char *params[] = { id_text };
  g_autoptr(PGresult) deleted = NULL;

  if (!_wg_records_authorize (conn, &job->base, job->kind, job->kind->write, error) ||
      !lock_record (conn, job, error))
    return FALSE;
  deleted = wg_pg_exec (conn, sql, 1, params, error);
  if (deleted == NULL)
    return FALSE;
  job->body = g_bytes_new (NULL, 0);
  return TRUE;
}
