#define G_LOG_DOMAIN "wg-engine"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "wg-engine-records-private.h"
#include "wg-error.h"
#include "wg-pg.h"

/* The chains house → households → members and household → members →
 * house, and the links they are made of: household members (one head, one
 * household per person) and the residences of a house. */

static const WgChoice relations[] = {
  { "head", "Head of household" },
  { "spouse", "Spouse" },
  { "child", "Child" },
  { "parent", "Parent" },
  { "grandchild", "Grandchild" },
  { "grandparent", "Grandparent" },
  { "sibling", "Sibling" },
  { "child_in_law", "Child-in-law" },
  { "other", "Other" },
  { NULL, NULL },
};

static const WgChoice residence_kinds[] = {
  { "owner", "Owner" },
  { "tenant", "Tenant" },
  { "resident", "Resident" },
  { NULL, NULL },
};

/* The bodies of the two POSTs, described like a kind's fields so that
 * wg_record_input_parse checks them. */
static const WgFieldSpec member_fields[] = {
  { "person_id", "Person", WG_FIELD_REFERENCE, WG_FIELD_REQUIRED, 0, 0, 0, NULL, "people", NULL },
  { "relation", "Relation", WG_FIELD_CHOICE, WG_FIELD_REQUIRED, 0, 0, 0, relations, NULL, NULL },
};

static const WgFieldSpec resident_fields[] = {
  { "person_id", "Person", WG_FIELD_REFERENCE, WG_FIELD_REQUIRED, 0, 0, 0, NULL, "people", NULL },
  { "kind", "Kind", WG_FIELD_CHOICE, WG_FIELD_REQUIRED, 0, 0, 0, residence_kinds, NULL, NULL },
  { "from_date", "From", WG_FIELD_DATE, WG_FIELD_REQUIRED, 0, 0, 0, NULL, NULL, NULL },
  { "to_date", "Until", WG_FIELD_DATE, 0, 0, 0, 0, NULL, NULL, NULL },
};

static const WgRecordKind member_input = {
  "members", "household_member", "Members", "Member", member_fields,
  G_N_ELEMENTS (member_fields), WG_SEARCH_NONE, NULL, FALSE,
  WG_PERMISSION_RECORDS_READ, WG_PERMISSION_RECORDS_WRITE, FALSE, NULL,
};

static const WgRecordKind resident_input = {
  "residents", "residence", "Residents", "Resident", resident_fields,
  G_N_ELEMENTS (resident_fields), WG_SEARCH_NONE, NULL, FALSE,
  WG_PERMISSION_RECORDS_READ, WG_PERMISSION_RECORDS_WRITE, FALSE, NULL,
};

static gboolean
is_house (const WgRecordKind *kind)
{
  return g_str_equal (kind->table, "house");
}

static gboolean
is_household (const WgRecordKind *kind)
{
  return g_str_equal (kind->table, "household");
}

/* ---------------------------------------------------------------- chains */

static void
append_house_chain (GString *sql)
{
  g_string_append (sql, "SELECT json_build_object('house', ");
  _wg_records_append_json_of (sql, wg_record_kind_lookup ("houses"), "x.id");
  g_string_append (sql,
    ", 'households', coalesce((SELECT json_agg(json_build_object('id', h.id, 'kind', h.kind,"
    "    'head_name', (SELECT q.name FROM household_member m JOIN person q ON q.id = m.person_id"
    "                  WHERE m.household_id = h.id AND m.relation = 'head'),"
    "    'members', coalesce((SELECT json_agg(json_build_object('id', m.person_id,"
    "                                  'name', q.name, 'relation', m.relation)"
    "                                ORDER BY m.relation <> 'head', m.person_id)"
    "                         FROM household_member m LEFT JOIN person q ON q.id = m.person_id"
    "                         WHERE m.household_id = h.id), '[]'::json))"
    "   ORDER BY h.id) FROM household h WHERE h.house_id = x.id), '[]'::json),"
    " 'residents', coalesce((SELECT json_agg(json_build_object('id', s.id,"
    "    'person_id', s.person_id, 'name', q.name, 'kind', s.kind, 'from_date', s.from_date,"
    "    'to_date', s.to_date) ORDER BY s.from_date, s.id)"
    "   FROM residence s LEFT JOIN person q ON q.id = s.person_id"
    "   WHERE s.house_id = x.id), '[]'::json),"
    " 'grid', " WG_GRID_CHAIN_JSON ("x.path") ")::text FROM house x WHERE x.id = $1::bigint");
}

static void
append_household_chain (GString *sql)
{
  g_string_append (sql, "SELECT json_build_object('household', ");
  _wg_records_append_json_of (sql, wg_record_kind_lookup ("households"), "x.id");
  g_string_append (sql,
    ", 'members', coalesce((SELECT json_agg(json_build_object('id', m.person_id,"
    "    'name', q.name, 'relation', m.relation, 'sex', q.sex, 'birth_date', q.birth_date)"
    "    ORDER BY m.relation <> 'head', m.person_id)"
    "   FROM household_member m LEFT JOIN person q ON q.id = m.person_id"
    "   WHERE m.household_id = x.id), '[]'::json),"
    " 'house', ");
  _wg_records_append_json_of (sql, wg_record_kind_lookup ("houses"), "x.house_id");
  g_string_append (sql, ", 'grid', " WG_GRID_CHAIN_JSON ("x.path")
                        ")::text FROM household x WHERE x.id = $1::bigint");
}

static gboolean
read_chain (PGconn      *conn,
            RecordsJob  *job,
            GError     **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, job->id);
  const char *params[] = { id_text };
  g_autoptr(PGresult) result = NULL;

  if (is_house (job->kind))
    append_house_chain (sql);
  else if (is_household (job->kind))
    append_household_chain (sql);
  else
    {
      _wg_records_not_found (job->kind, error);
      return FALSE;
    }
  result = wg_pg_exec (conn, sql->str, 1, params, error);
  if (result == NULL)
    return FALSE;
  if (PQntuples (result) == 0)
    {
      _wg_records_not_found (job->kind, error);
      return FALSE;
    }
  g_clear_pointer (&job->body, g_bytes_unref);
  job->body = g_bytes_new (PQgetvalue (result, 0, 0), PQgetlength (result, 0, 0));
  return TRUE;
}

gboolean
_wg_records_chain_job (PGconn   *conn,
                       gpointer  data,
                       GError  **outcome,
                       GError  **error)
{
  RecordsJob *job = data;

  return _wg_records_authorize (conn, &job->base, job->kind, job->kind->read, error) &&
         read_chain (conn, job, error);
}

/* ----------------------------------------------------------------- links */

/* Runs @sql with @params; TRUE with *@rows the number of rows it returned
 * or touched. */
static gboolean
exec_rows (PGconn              *conn,
           const char          *sql,
           int                  n_params,
           const char * const  *params,
           int                 *rows,
           GError             **error)
{
  g_autoptr(PGresult) result = wg_pg_exec (conn, sql, n_params, params, error);

  if (result == NULL)
    return FALSE;
  *rows = PQresultStatus (result) == PGRES_TUPLES_OK ? PQntuples (result)
                                                    : atoi (PQcmdTuples (result));
  return TRUE;
}

/* Locks the household or house @id (links change under it one at a time). */
static gboolean
lock_parent (PGconn      *conn,
             RecordsJob  *job,
             GError     **error)
{
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, job->id);
  g_autofree char *sql = g_strdup_printf ("SELECT 1 FROM %s WHERE id = $1::bigint FOR UPDATE",
                                          job->kind->table);
  const char *params[] = { id_text };
  int rows = 0;

  if (!exec_rows (conn, sql, 1, params, &rows, error))
    return FALSE;
  if (rows == 0)
    _wg_records_not_found (job->kind, error);
  return rows > 0;
}

/* A link changes its household or house: its version moves on, so that an
 * edit made from an older read (If-Match) is refused. */
static gboolean
bump_parent (PGconn      *conn,
             RecordsJob  *job,
             GError     **error)
{
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, job->id);
  g_autofree char *sql = g_strdup_printf ("UPDATE %s SET version = version + 1"
                                          " WHERE id = $1::bigint", job->kind->table);
  const char *params[] = { id_text };
  int rows = 0;

  return exec_rows (conn, sql, 1, params, &rows, error);
}

/* Inserts the member of params (household, person, relation); *@rows 0
 * when the person or household is out of sight.  The database's refusals
 * name the field: a second head (household_one_head, possible when a head
 * is out of sight) "relation", a membership elsewhere "person_id". */
static gboolean
insert_member (PGconn              *conn,
               const char * const  *params,
               int                 *rows,
               GError             **error)
{
  g_autoptr(PGresult) result =
    PQexecParams (conn,
                  "INSERT INTO household_member (person_id, household_id, path, relation)"
                  " SELECT p.id, h.id, h.path, $3::text FROM person p, household h"
                  " WHERE p.id = $2::bigint AND h.id = $1::bigint",
                  3, NULL, params, NULL, NULL, 0);
  const char *constraint = result != NULL ? PQresultErrorField (result, PG_DIAG_CONSTRAINT_NAME)
                                          : NULL;
  g_autoptr(GError) insert_error = NULL;

  if (wg_pg_check (conn, result, PGRES_COMMAND_OK, &insert_error))
    {
      *rows = atoi (PQcmdTuples (result));
      return TRUE;
    }
  if (g_strcmp0 (constraint, "household_one_head") == 0)
    wg_set_error_with_field (error, WG_ERROR_CONFLICT, "relation",
                             "This household has a head already");
  else if (g_error_matches (insert_error, WG_ERROR, WG_ERROR_CONFLICT))
    /* A membership out of sight (another territory) holds the person. */
    wg_set_error_with_field (error, WG_ERROR_CONFLICT, "person_id",
                             "This person is already a member of a household");
  else
    g_propagate_error (error, g_steal_pointer (&insert_error));
  return FALSE;
}

static void
person_not_found (GError **error)
{
  wg_set_error_with_field (error, WG_ERROR_NOT_FOUND, "person_id",
                           "There is no such person in your territory");
}

static gboolean
add_member (PGconn      *conn,
            RecordsJob  *job,
            JsonObject  *input,
            GError     **error)
{
  g_autofree char *household = g_strdup_printf ("%" G_GINT64_FORMAT, job->id);
  g_autofree char *person = g_strdup_printf ("%" G_GINT64_FORMAT,
                                             json_object_get_int_member (input, "person_id"));
  const char *relation = json_object_get_string_member (input, "relation");
  const char *params[] = { household, person, relation };
  int rows = 0;

  if (!exec_rows (conn, "SELECT 1 FROM household_member WHERE person_id = $1::bigint",
                  1, &params[1], &rows, error))
    return FALSE;
  if (rows > 0)
    {
      wg_set_error_with_field (error, WG_ERROR_CONFLICT, "person_id",
                               "This person is already a member of a household");
      return FALSE;
    }
  if (g_str_equal (relation, "head") &&
      !exec_rows (conn, "SELECT 1 FROM household_member WHERE household_id = $1::bigint"
                        " AND relation = 'head'", 1, params, &rows, error))
    return FALSE;
  if (g_str_equal (relation, "head") && rows > 0)
    {
      wg_set_error_with_field (error, WG_ERROR_CONFLICT, "relation",
                               "This household has a head already");
      return FALSE;
    }
  if (!insert_member (conn, params, &rows, error))
    return FALSE;
  if (rows == 0)
    person_not_found (error);
  return rows > 0;
}

static gboolean
add_resident (PGconn      *conn,
              RecordsJob  *job,
              JsonObject  *input,
              GError     **error)
{
  g_autofree char *house = g_strdup_printf ("%" G_GINT64_FORMAT, job->id);
  g_autofree char *person = g_strdup_printf ("%" G_GINT64_FORMAT,
                                             json_object_get_int_member (input, "person_id"));
  const char *from = json_object_get_string_member (input, "from_date");
  JsonNode *to_node = json_object_get_member (input, "to_date");
  const char *to = to_node != NULL && !JSON_NODE_HOLDS_NULL (to_node) ? json_node_get_string (to_node)
                                                                      : NULL;
  const char *params[] = { house, person, json_object_get_string_member (input, "kind"), from, to };
  int rows = 0;

  if (to != NULL && strcmp (to, from) < 0)
    {
      wg_set_field_error (error, "to_date", "“to_date” comes on or after “from_date”");
      return FALSE;
    }
  if (!exec_rows (conn,
                  "INSERT INTO residence (person_id, house_id, path, kind, from_date, to_date)"
                  " SELECT p.id, o.id, o.path, $3::text, $4::date, $5::date"
                  " FROM person p, house o WHERE p.id = $2::bigint AND o.id = $1::bigint",
                  5, params, &rows, error))
    return FALSE;
  if (rows == 0)
    person_not_found (error);
  return rows > 0;
}

gboolean
_wg_records_link_job (PGconn   *conn,
                      gpointer  data,
                      GError  **outcome,
                      GError  **error)
{
  RecordsJob *job = data;
  gboolean house = is_house (job->kind);
  g_autoptr(JsonObject) input = NULL;

  if (!_wg_records_authorize (conn, &job->base, job->kind, job->kind->write, error) ||
      !lock_parent (conn, job, error))
    return FALSE;
  input = wg_record_input_parse (house ? &resident_input : &member_input, job->input, FALSE, error);
  if (input == NULL)
    return FALSE;
  return (house ? add_resident (conn, job, input, error) : add_member (conn, job, input, error)) &&
         bump_parent (conn, job, error) &&
         read_chain (conn, job, error);
}

gboolean
_wg_records_unlink_job (PGconn   *conn,
                        gpointer  data,
                        GError  **outcome,
                        GError  **error)
{
  RecordsJob *job = data;
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, job->id);
  g_autofree char *link_text = g_strdup_printf ("%" G_GINT64_FORMAT, job->link_id);
  const char *params[] = { id_text, link_text };
  const char *sql = is_house (job->kind)
    ? "DELETE FROM residence WHERE house_id = $1::bigint AND id = $2::bigint"
    : "DELETE FROM household_member WHERE household_id = $1::bigint AND person_id = $2::bigint";
  int rows = 0;

  if (!_wg_records_authorize (conn, &job->base, job->kind, job->kind->write, error) ||
      !lock_parent (conn, job, error) ||
      !exec_rows (conn, sql, 2, params, &rows, error))
    return FALSE;
  if (rows == 0)
    {
      wg_set_error_with_field (error, WG_ERROR_NOT_FOUND,
                               is_house (job->kind) ? "residence_id" : "person_id",
                               is_house (job->kind) ? "This house has no such residence"
                                                    : "This person is no member of the household");
      return FALSE;
    }
  if (!bump_parent (conn, job, error))
    return FALSE;
  job->body = g_bytes_new (NULL, 0);
  return TRUE;
}
