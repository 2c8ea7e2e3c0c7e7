#define G_LOG_DOMAIN "wg-engine"

#include "config.h"

#include <sodium.h>
#include <string.h>

#include "wg-cursor.h"
#include "wg-engine-people-private.h"
#include "wg-error.h"
#include "wg-pg.h"

#define MIN_REASON_CHARS 4
#define MAX_REASON_CHARS 500

/* The filters of GET /people: $1 region path, $2 status, $3 tag, $4 blind
 * index (hex), $5 phone prefix, $6 name (bigrams, through
 * wg_person_ids_by_name of migration 003, which applies the scope itself so
 * that the bigram index serves under RLS) and $7 its LIKE pattern, $8 the
 * LIKE pattern of a one-character name, $9 an address (the people living in
 * the houses whose address holds it, migration 005).  RLS adds the scope.
 *
 * Under row-level security PostgreSQL uses an index for a filter only when
 * its operator is leakproof: ltree's <@, LIKE and array @> are not, text
 * comparisons and bytea equality are.  Hence the phone prefix is also a
 * text range (digits sort before ':'), and the region narrows the scope
 * itself (see narrow_scope) instead of relying on "path <@ $1" alone. */
#define PEOPLE_FILTER \
  "($1::ltree IS NULL OR p.path <@ $1::ltree)" \
  " AND ($2::text IS NULL OR p.residence_status = $2::text)" \
  " AND ($3::text IS NULL OR EXISTS (SELECT 1 FROM person_tag t WHERE t.person_id = p.id" \
  "      AND t.tag = $3::text AND (t.to_date IS NULL OR t.to_date >= current_date)))" \
  " AND ($4::text IS NULL OR p.id_blind = decode($4::text, 'hex'))" \
  " AND ($5::text IS NULL OR (p.phone >= $5::text AND p.phone < $5::text || ':'" \
  "                           AND p.phone LIKE $5::text || '%'))" \
  " AND ($6::text IS NULL OR (p.id = ANY ((SELECT wg_person_ids_by_name($6::text))::bigint[]) AND p.name LIKE $7::text))" \
  " AND ($8::text IS NULL OR p.name LIKE $8::text)" \
  " AND ($9::text IS NULL OR p.id = ANY ((SELECT wg_person_ids_by_address($9::text))::bigint[]))"

#define N_FILTER_PARAMS 9

static const char page_sql[] =
  "WITH page AS ("
  "  SELECT p.id, row_number() OVER (ORDER BY p.id) AS n FROM person p"
  "  WHERE " PEOPLE_FILTER " AND p.id > $10::bigint"
  "  ORDER BY p.id LIMIT $11::int + 1) "
  "SELECT coalesce(json_agg(" WG_PERSON_JSON " ORDER BY p.id) FILTER (WHERE x.n <= $11::int),"
  "                '[]'::json)::text,"
  "       max(p.id) FILTER (WHERE x.n <= $11::int), count(*) > $11::int "
  "FROM page x JOIN person p ON p.id = x.id";

static const char count_sql[] =
  "SELECT count(*) FROM person p WHERE " PEOPLE_FILTER;

/* The household's members, its house (else the person's current
 * residence), the grid and the community and street above it. */
static const char chain_sql[] =
  "SELECT json_build_object("
  " 'person', " WG_PERSON_JSON ","
  " 'household', (SELECT json_build_object('id', h.id, 'kind', h.kind, 'members',"
  "    coalesce((SELECT json_agg(json_build_object('id', q.id, 'name', q.name,"
  "                                                'relation', mm.relation)"
  "                              ORDER BY mm.relation <> 'head', q.id)"
  "              FROM household_member mm JOIN person q ON q.id = mm.person_id"
  "              WHERE mm.household_id = h.id), '[]'::json))"
  "    FROM household_member m JOIN household h ON h.id = m.household_id"
  "    WHERE m.person_id = p.id),"
  " 'house', (SELECT json_build_object('id', o.id, 'address', o.address,"
  "    'building', o.building, 'unit', o.unit, 'room', o.room, 'use', o.use,"
  "    'point', CASE WHEN o.point IS NULL THEN NULL"
  "             ELSE json_build_array(round(ST_X(o.point)::numeric, 6),"
  "                                   round(ST_Y(o.point)::numeric, 6)) END)"
  "    FROM house o WHERE o.id = coalesce("
  "      (SELECT h.house_id FROM household_member m JOIN household h ON h.id = m.household_id"
  "       WHERE m.person_id = p.id),"
  "      (SELECT r.house_id FROM residence r WHERE r.person_id = p.id"
  "       AND (r.to_date IS NULL OR r.to_date >= current_date)"
  "       ORDER BY r.from_date DESC, r.id DESC LIMIT 1))),"
  " 'grid', " WG_GRID_CHAIN_JSON ("p.path") ")::text "
  "FROM person p WHERE p.id = $1::bigint";

/* ------------------------------------------------------------ helpers */

static void
people_job_free (gpointer data)
{
  PeopleJob *job = data;

  _wg_engine_job_clear (&job->base);
  g_clear_pointer (&job->query, wg_people_query_free);
  g_clear_pointer (&job->input, wg_person_input_free);
  g_clear_pointer (&job->body, g_bytes_unref);
  g_free (job->key);
  g_free (job->reason);
  g_free (job);
}

PeopleJob *
_wg_people_job_new (WgEngine   *self,
                    const char *token)
{
  PeopleJob *job = g_new0 (PeopleJob, 1);

  _wg_engine_job_init (&job->base, self, token);
  job->protect = _wg_engine_get_protect (self);
  return job;
}

void
_wg_people_run (WgEngine            *self,
                PeopleJob           *job,
                WgDbJobFunc          func,
                gpointer             source_tag,
                GCancellable        *cancellable,
                GAsyncReadyCallback  callback,
                gpointer             user_data)
{
  _wg_engine_run (self, WG_DB_JOB_TRANSACTION, func, job, people_job_free, source_tag,
                  cancellable, callback, user_data);
}

gboolean
_wg_people_authorize (PGconn        *conn,
                      PeopleJob     *job,
                      WgPermission   permission,
                      GError       **error)
{
  if (!_wg_engine_authenticate (conn, &job->base.settings, job->base.token, &job->base.actor,
                                error))
    return FALSE;
  if (!wg_roles_may (wg_user_get_role_mask (job->base.actor.user), permission))
    {
      g_set_error_literal (error, WG_ERROR, WG_ERROR_FORBIDDEN,
                           "Your role does not allow this on people's records");
      return FALSE;
    }
  if (job->protect == NULL)
    {
      g_set_error_literal (error, WG_ERROR, WG_ERROR_INTERNAL,
                           "The server has no key for ID numbers");
      return FALSE;
    }
  return TRUE;
}

void
_wg_people_not_found (GError **error)
{
  g_set_error_literal (error, WG_ERROR, WG_ERROR_NOT_FOUND,
                       "There is no such person in your territory");
}

PGresult *
_wg_people_select_person (PGconn      *conn,
                          const char  *sql,
                          gint64       id,
                          GError     **error)
{
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  const char *params[] = { id_text };
  g_autoptr(PGresult) result = wg_pg_exec (conn, sql, 1, params, error);

  if (result == NULL)
    return NULL;
  if (PQntuples (result) == 0)
    {
      _wg_people_not_found (error);
      return NULL;
    }
  return g_steal_pointer (&result);
}

static GBytes *
bytes_from_value (PGresult *result,
                  int       row,
                  int       column)
{
  return g_bytes_new (PQgetvalue (result, row, column), PQgetlength (result, row, column));
}

gboolean
_wg_people_read_person (PGconn   *conn,
                        PeopleJob *job,
                        gint64    id,
                        GError  **error)
{
  g_autoptr(PGresult) result =
    _wg_people_select_person (conn, "SELECT " WG_PERSON_JSON "::text FROM person p"
                                    " WHERE p.id = $1::bigint", id, error);

  if (result == NULL)
    return FALSE;
  g_clear_pointer (&job->body, g_bytes_unref);
  job->body = bytes_from_value (result, 0, 0);
  job->id = id;
  return TRUE;
}

char *
_wg_people_hex (const guint8 *bytes,
                gsize         length)
{
  char *hex = g_malloc (length * 2 + 1);

  sodium_bin2hex (hex, length * 2 + 1, bytes, length);
  return hex;
}

char *
_wg_people_decrypt_hex (WgProtect   *protect,
                        const char  *hex,
                        GError     **error)
{
  gsize length = strlen (hex) / 2;
  g_autofree guint8 *data = g_malloc (length + 1);
  size_t decoded = 0;

  if (sodium_hex2bin (data, length + 1, hex, strlen (hex), NULL, &decoded, NULL) != 0)
    {
      g_set_error_literal (error, WG_ERROR, WG_ERROR_INTERNAL, "A protected value is damaged");
      return NULL;
    }
  return wg_protect_decrypt_id (protect, data, decoded, error);
}

/* ----------------------------------------------------------------- list */

/* @text with LIKE's special characters escaped. */
static char *
like_escape (const char *text)
{
  GString *escaped = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    {
      if (*p == '\\' || *p == '%' || *p == '_')
        g_string_append_c (escaped, '\\');
      g_string_append_c (escaped, *p);
    }
  return g_string_free (escaped, FALSE);
}

/* The path of the region filter; not-found naming "region" when the region
 * is unknown or outside the scope (RLS hides it). */
static gboolean
region_path (PGconn      *conn,
             const char  *code,
             char       **path,
             GError     **error)
{
  const char *params[] = { code };
  g_autoptr(PGresult) result = NULL;

  *path = NULL;
  if (code == NULL)
    return TRUE;
  result = wg_pg_exec (conn, "SELECT path::text FROM regions WHERE code = $1::text", 1, params,
                       error);
  if (result == NULL)
    return FALSE;
  if (PQntuples (result) == 0)
    {
      wg_set_error_with_field (error, WG_ERROR_NOT_FOUND, "region",
                               "There is no region %s in your territory", code);
      return FALSE;
    }
  *path = g_strdup (PQgetvalue (result, 0, 0));
  return TRUE;
}

/* The region lies inside the user's scope (RLS showed it): narrowing the
 * scope to it for the rest of this read-only transaction changes no
 * answer, and lets the scope's index find the region's people. */
static gboolean
narrow_scope (PGconn      *conn,
              PeopleJob   *job,
              const char  *path,
              GError     **error)
{
  if (path == NULL)
    return TRUE;
  return _wg_engine_set_actor (conn, job->base.actor.user_id, path, error);
}

typedef struct {
  char *values[N_FILTER_PARAMS];
} FilterParams;

static void
filter_params_clear (FilterParams *filter)
{
  for (guint i = 0; i < N_FILTER_PARAMS; i++)
    g_free (filter->values[i]);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (FilterParams, filter_params_clear)

static void
set_search_params (PeopleJob    *job,
                   FilterParams *filter)
{
  const WgPeopleQuery *query = job->query;
  g_autofree char *escaped = query->q != NULL ? like_escape (query->q) : NULL;
  guint8 blind[WG_BLIND_INDEX_BYTES];

  switch (query->search)
    {
    case WG_PEOPLE_SEARCH_ID_NUMBER:
      wg_protect_blind_index (job->protect, query->q, blind);
      filter->values[3] = _wg_people_hex (blind, sizeof blind);
      break;
    case WG_PEOPLE_SEARCH_PHONE:
      filter->values[4] = g_strdup (query->q);
      break;
    case WG_PEOPLE_SEARCH_NAME:
      filter->values[5] = g_strdup (query->q);
      filter->values[6] = g_strdup_printf ("%%%s%%", escaped);
      break;
    case WG_PEOPLE_SEARCH_NAME_START:
      filter->values[7] = g_strdup_printf ("%s%%", escaped);
      break;
    case WG_PEOPLE_SEARCH_NONE:
    default:
      break;
    }
}

/* The filter's parameters of the query (the region found, the scope
 * narrowed to it) into @filter, and @params pointing at them. */
static gboolean
fill_filter (PGconn        *conn,
             PeopleJob     *job,
             FilterParams  *filter,
             const char   **params,
             GError       **error)
{
  if (!region_path (conn, job->query->region, &filter->values[0], error) ||
      !narrow_scope (conn, job, filter->values[0], error))
    return FALSE;
  filter->values[1] = g_strdup (job->query->status);
  filter->values[2] = g_strdup (job->query->tag);
  filter->values[8] = g_strdup (job->query->address);
  set_search_params (job, filter);
  for (guint i = 0; i < N_FILTER_PARAMS; i++)
    params[i] = filter->values[i];
  return TRUE;
}

static GBytes *
page_body (PGresult   *result,
           const char *total)
{
  g_autofree char *cursor = NULL;

  if (g_str_equal (PQgetvalue (result, 0, 2), "t"))
    cursor = wg_people_cursor_encode (g_ascii_strtoll (PQgetvalue (result, 0, 1), NULL, 10));
  return wg_cursor_page_body (PQgetvalue (result, 0, 0), cursor, total);
}

static gboolean
wg_engine_people_list_job (PGconn   *conn,
                           gpointer  data,
                           GError  **outcome,
                           GError  **error)
{
  PeopleJob *job = data;
  g_auto(FilterParams) filter = { { NULL } };
  g_autofree char *after = g_strdup_printf ("%" G_GINT64_FORMAT, job->query->after_id);
  g_autofree char *limit = g_strdup_printf ("%u", job->query->limit);
  const char *params[N_FILTER_PARAMS + 2];
  g_autoptr(PGresult) page = NULL;
  g_autoptr(PGresult) count = NULL;

  if (!_wg_people_authorize (conn, job, WG_PERMISSION_RECORDS_READ, error) ||
      !fill_filter (conn, job, &filter, params, error))
    return FALSE;
  params[N_FILTER_PARAMS] = after;
  params[N_FILTER_PARAMS + 1] = limit;
  page = wg_pg_exec (conn, page_sql, G_N_ELEMENTS (params), params, error);
  if (page == NULL)
    return FALSE;
  if (job->query->total &&
      (count = wg_pg_exec (conn, count_sql, N_FILTER_PARAMS, params, error)) == NULL)
    return FALSE;
  job->body = page_body (page, count != NULL ? PQgetvalue (count, 0, 0) : NULL);
  return TRUE;
}

/* The export: the list's filters, every page at once. */
static const char all_sql[] =
  "SELECT " WG_PERSON_JSON "::text FROM person p"
  " WHERE " PEOPLE_FILTER " ORDER BY p.id LIMIT $10::int + 1";

PGresult *
_wg_people_select_all (PGconn     *conn,
                       PeopleJob  *job,
                       guint       max_rows,
                       GError    **error)
{
  g_auto(FilterParams) filter = { { NULL } };
  g_autofree char *limit = g_strdup_printf ("%u", max_rows);
  const char *params[N_FILTER_PARAMS + 1];

  if (!fill_filter (conn, job, &filter, params, error))
    return NULL;
  params[N_FILTER_PARAMS] = limit;
  return wg_pg_exec (conn, all_sql, G_N_ELEMENTS (params), params, error);
}

/* ------------------------------------------------------ get and chain */

static gboolean
wg_engine_person_get_job (PGconn   *conn,
                          gpointer  data,
                          GError  **outcome,
                          GError  **error)
{
  PeopleJob *job = data;

  return _wg_people_authorize (conn, job, WG_PERMISSION_RECORDS_READ, error) &&
         _wg_people_read_person (conn, job, job->id, error);
}

static gboolean
wg_engine_person_chain_job (PGconn   *conn,
                            gpointer  data,
                            GError  **outcome,
                            GError  **error)
{
  PeopleJob *job = data;
  g_autoptr(PGresult) result = NULL;

  if (!_wg_people_authorize (conn, job, WG_PERMISSION_RECORDS_READ, error))
    return FALSE;
  result = _wg_people_select_person (conn, chain_sql, job->id, error);
  if (result == NULL)
    return FALSE;
  job->body = bytes_from_value (result, 0, 0);
  return TRUE;
}

/* --------------------------------------------------------------- reveal */

static gboolean
check_reason (const char  *reason,
              GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (reason != NULL ? reason : ""));
  glong length = g_utf8_strlen (stripped, -1);

  if (length >= MIN_REASON_CHARS && length <= MAX_REASON_CHARS)
    return TRUE;
  wg_set_field_error (error, "reason", "Give a reason of %d to %d characters",
                      MIN_REASON_CHARS, MAX_REASON_CHARS);
  return FALSE;
}

/* The audit row says who revealed whose number and why, never the number. */
static gboolean
audit_reveal (PGconn      *conn,
              PeopleJob   *job,
              const char  *path,
              GError     **error)
{
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, job->id);
  g_autofree char *reason = g_strstrip (g_strdup (job->reason));
  const char *params[] = { id_text, path, reason };
  g_autoptr(PGresult) result =
    wg_pg_exec (conn,
                "INSERT INTO audit_log (user_id, action, table_name, record_id, path, changes,"
                "                       reason, prev_hash, hash) "
                "VALUES (wg_user_id(), 'reveal', 'person', $1::bigint, $2::ltree,"
                "        '{\"field\": \"id_number\"}'::jsonb, $3::text, '\\x00', '\\x00')",
                3, params, error);

  return result != NULL;
}

static GBytes *
id_number_body (const char *id_number)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  gsize length = 0;
  char *text;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id_number");
  json_builder_add_string_value (builder, id_number);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  text = json_to_string (root, FALSE);
  length = strlen (text);
  return g_bytes_new_take (text, length);
}

static gboolean
wg_engine_person_reveal_job (PGconn   *conn,
                             gpointer  data,
                             GError  **outcome,
                             GError  **error)
{
  PeopleJob *job = data;
  g_autoptr(PGresult) result = NULL;
  g_autofree char *number = NULL;

  if (!_wg_people_authorize (conn, job, WG_PERMISSION_REVEAL_ID_NUMBER, error) ||
      !check_reason (job->reason, error))
    return FALSE;
  result = _wg_people_select_person (conn, "SELECT encode(id_cipher, 'hex'), path::text"
                                           " FROM person WHERE id = $1::bigint", job->id, error);
  if (result == NULL)
    return FALSE;
  if (PQgetisnull (result, 0, 0))
    {
      wg_set_error_with_field (error, WG_ERROR_NOT_FOUND, "id_number",
                               "This person has no ID number on record");
      return FALSE;
    }
  number = _wg_people_decrypt_hex (job->protect, PQgetvalue (result, 0, 0), error);
  if (number == NULL || !audit_reveal (conn, job, PQgetvalue (result, 0, 1), error))
    return FALSE;
  job->body = id_number_body (number);
  sodium_memzero (number, strlen (number));
  return TRUE;
}

/* ----------------------------------------------------------- public API */

void
wg_engine_people_list_async (WgEngine            *self,
                             const char          *token,
                             const WgPeopleQuery *query,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  PeopleJob *job;

  g_return_if_fail (WG_IS_ENGINE (self));
  g_return_if_fail (query != NULL);

  job = _wg_people_job_new (self, token);
  job->query = wg_people_query_copy (query);
  _wg_people_run (self, job, wg_engine_people_list_job, wg_engine_people_list_async,
                  cancellable, callback, user_data);
}

void
wg_engine_person_get_async (WgEngine            *self,
                            const char          *token,
                            gint64               id,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  PeopleJob *job;

  g_return_if_fail (WG_IS_ENGINE (self));

  job = _wg_people_job_new (self, token);
  job->id = id;
  _wg_people_run (self, job, wg_engine_person_get_job, wg_engine_person_get_async,
                  cancellable, callback, user_data);
}

void
wg_engine_person_chain_async (WgEngine            *self,
                              const char          *token,
                              gint64               id,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  PeopleJob *job;

  g_return_if_fail (WG_IS_ENGINE (self));

  job = _wg_people_job_new (self, token);
  job->id = id;
  _wg_people_run (self, job, wg_engine_person_chain_job, wg_engine_person_chain_async,
                  cancellable, callback, user_data);
}

void
wg_engine_person_reveal_async (WgEngine            *self,
                               const char          *token,
                               gint64               id,
                               const char          *reason,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  PeopleJob *job;

  g_return_if_fail (WG_IS_ENGINE (self));

  job = _wg_people_job_new (self, token);
  job->id = id;
  job->reason = g_strdup (reason);
  _wg_people_run (self, job, wg_engine_person_reveal_job, wg_engine_person_reveal_async,
                  cancellable, callback, user_data);
}

void
wg_engine_person_create_async (WgEngine            *self,
                               const char          *token,
                               const WgPersonInput *input,
                               const char          *idempotency_key,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  PeopleJob *job;

  g_return_if_fail (WG_IS_ENGINE (self));
  g_return_if_fail (input != NULL);

  job = _wg_people_job_new (self, token);
  job->input = wg_person_input_copy (input);
  job->key = g_strdup (idempotency_key);
  _wg_people_run (self, job, _wg_people_create_job, wg_engine_person_create_async,
                  cancellable, callback, user_data);
}

void
wg_engine_person_update_async (WgEngine            *self,
                               const char          *token,
                               gint64               id,
                               gint64               version,
                               const WgPersonInput *patch,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  PeopleJob *job;

  g_return_if_fail (WG_IS_ENGINE (self));
  g_return_if_fail (patch != NULL);

  job = _wg_people_job_new (self, token);
  job->id = id;
  job->version = version;
  job->input = wg_person_input_copy (patch);
  _wg_people_run (self, job, _wg_people_update_job, wg_engine_person_update_async,
                  cancellable, callback, user_data);
}

void
wg_engine_person_delete_async (WgEngine            *self,
                               const char          *token,
                               gint64               id,
                               gint64               version,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  PeopleJob *job;

  g_return_if_fail (WG_IS_ENGINE (self));

  job = _wg_people_job_new (self, token);
  job->id = id;
  job->version = version;
  _wg_people_run (self, job, _wg_people_delete_job, wg_engine_person_delete_async,
                  cancellable, callback, user_data);
}

GBytes *
wg_engine_people_finish (WgEngine      *self,
                         GAsyncResult  *result,
                         gint64        *user_id,
                         gint64        *id,
                         gboolean      *replayed,
                         GError       **error)
{
  PeopleJob *job;

  g_return_val_if_fail (G_IS_TASK (result), NULL);

  job = _wg_engine_finish_job (self, result, g_task_get_source_tag (G_TASK (result)), user_id,
                               error);
  if (job == NULL)
    return NULL;
  if (id != NULL)
    *id = job->id;
  if (replayed != NULL)
    *replayed = job->replayed;
  return job->body != NULL ? g_bytes_ref (job->body) : g_bytes_new (NULL, 0);
}
