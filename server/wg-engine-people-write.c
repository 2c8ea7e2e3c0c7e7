#define G_LOG_DOMAIN "wg-engine"

#include "config.h"

#include <sodium.h>
#include <string.h>

#include "wg-engine-people-private.h"
#include "wg-error.h"
#include "wg-pg.h"
#include "wg-validate.h"

#define RESOURCE "person"

/* The protected forms of an ID number: cipher and blind index (hex) and
 * the masked text; all NULL for no number. */
typedef struct {
  char *cipher;
  char *blind;
  char *masked;
} Protected;

static void
protected_clear (Protected *protected)
{
  g_clear_pointer (&protected->cipher, g_free);
  g_clear_pointer (&protected->blind, g_free);
  g_clear_pointer (&protected->masked, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Protected, protected_clear)

static void
protect_number (WgProtect  *protect,
                const char *number,
                Protected  *out)
{
  g_autoptr(GBytes) cipher = NULL;
  guint8 blind[WG_BLIND_INDEX_BYTES];
  gsize length = 0;
  const guint8 *data;

  if (number == NULL)
    return;
  cipher = wg_protect_encrypt_id (protect, number);
  data = g_bytes_get_data (cipher, &length);
  out->cipher = _wg_people_hex (data, length);
  wg_protect_blind_index (protect, number, blind);
  out->blind = _wg_people_hex (blind, sizeof blind);
  out->masked = wg_id_number_mask (number);
}

/* A unique violation on person can only be the blind index. */
static void
name_duplicate (GError **error)
{
  if (error == NULL || !g_error_matches (*error, WG_ERROR, WG_ERROR_CONFLICT))
    return;
  g_clear_error (error);
  wg_set_error_with_field (error, WG_ERROR_CONFLICT, "id_number",
                           "Another person in the records has this ID number");
}

/* The path of an existing, current grid the user may see; else 400 "grid". */
static char *
grid_path (PGconn      *conn,
           const char  *code,
           GError     **error)
{
  const char *params[] = { code };
  g_autoptr(PGresult) result =
    wg_pg_exec (conn,
                "SELECT path::text FROM regions WHERE code = $1::text AND level = 'grid'"
                " AND (valid_to IS NULL OR valid_to > current_date)",
                1, params, error);

  if (result == NULL)
    return NULL;
  if (PQntuples (result) == 0)
    {
      wg_set_field_error (error, "grid", "There is no grid %s in your territory", code);
      return NULL;
    }
  return g_strdup (PQgetvalue (result, 0, 0));
}

/* The three arrays of the tags as PostgreSQL array literals (the values
 * are checked: known tag words and YYYY-MM-DD dates). */
static gboolean
replace_tags (PGconn         *conn,
              gint64          id,
              const WgPersonInput *input,
              GError        **error)
{
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_autoptr(GString) tags = g_string_new ("{");
  g_autoptr(GString) froms = g_string_new ("{");
  g_autoptr(GString) tos = g_string_new ("{");
  const char *delete_params[] = { id_text };
  const char *params[] = { id_text, NULL, NULL, NULL };
  g_autoptr(PGresult) deleted = NULL;
  g_autoptr(PGresult) inserted = NULL;

  deleted = wg_pg_exec (conn, "DELETE FROM person_tag WHERE person_id = $1::bigint", 1,
                        delete_params, error);
  if (deleted == NULL)
    return FALSE;
  for (guint i = 0; i < input->tags->len; i++)
    {
      WgPersonTag *tag = g_ptr_array_index (input->tags, i);
      const char *separator = i > 0 ? "," : "";

      g_string_append_printf (tags, "%s%s", separator, tag->tag);
      g_string_append_printf (froms, "%s%s", separator, tag->from);
      g_string_append_printf (tos, "%s%s", separator, tag->to != NULL ? tag->to : "NULL");
    }
  g_string_append_c (tags, '}');
  g_string_append_c (froms, '}');
  g_string_append_c (tos, '}');
  params[1] = tags->str;
  params[2] = froms->str;
  params[3] = tos->str;
  inserted = wg_pg_exec (conn,
                         "INSERT INTO person_tag (person_id, path, tag, from_date, to_date) "
                         "SELECT p.id, p.path, u.tag, u.f, u.t FROM person p,"
                         " unnest($2::text[], $3::date[], $4::date[]) AS u (tag, f, t) "
                         "WHERE p.id = $1::bigint",
                         4, params, error);
  return inserted != NULL;
}

/* -------------------------------------------------------------- create */

static gboolean
insert_person (PGconn               *conn,
               WgProtect            *protect,
               const WgPersonInput  *input,
               const char           *path,
               gint64               *id,
               GError              **error)
{
  char * const *values = input->values;
  g_auto(Protected) number = { NULL };
  const char *params[12];
  g_autoptr(PGresult) result = NULL;

  protect_number (protect, values[WG_PERSON_ID_NUMBER], &number);
  params[0] = path;
  params[1] = values[WG_PERSON_NAME];
  params[2] = values[WG_PERSON_SEX];
  params[3] = values[WG_PERSON_BIRTH_DATE];
  params[4] = values[WG_PERSON_ETHNICITY];
  params[5] = values[WG_PERSON_PHONE];
  params[6] = number.cipher;
  params[7] = number.blind;
  params[8] = number.masked;
  params[9] = values[WG_PERSON_RESIDENCE_STATUS];
  params[10] = values[WG_PERSON_ORIGIN_CODE];
  params[11] = values[WG_PERSON_NATIONALITY];
  result = wg_pg_exec (conn,
                       "INSERT INTO person (path, name, sex, birth_date, ethnicity, phone,"
                       " id_cipher, id_blind, id_masked, residence_status, origin_code, nationality) "
                       "VALUES ($1::ltree, $2::text, $3::text, $4::date, $5::text, $6::text,"
                       " decode($7::text, 'hex'), decode($8::text, 'hex'), $9::text, $10::text,"
                       " $11::text, $12::text) RETURNING id",
                       G_N_ELEMENTS (params), params, error);
  if (result == NULL)
    {
      name_duplicate (error);
      return FALSE;
    }
  *id = g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
  return TRUE;
}

gboolean
_wg_people_insert (PGconn               *conn,
                   WgProtect            *protect,
                   const WgPersonInput  *input,
                   gint64               *id,
                   GError              **error)
{
  g_autofree char *path = NULL;

  return wg_person_input_check (input, TRUE, error) &&
         (path = grid_path (conn, input->values[WG_PERSON_GRID], error)) != NULL &&
         insert_person (conn, protect, input, path, id, error) &&
         (input->tags->len == 0 || replace_tags (conn, *id, input, error));
}

gboolean
_wg_people_create_job (PGconn   *conn,
                       gpointer  data,
                       GError  **outcome,
                       GError  **error)
{
  PeopleJob *job = data;
  gint64 earlier = 0;

  if (!_wg_people_authorize (conn, job, WG_PERMISSION_RECORDS_WRITE, error))
    return FALSE;
  if (job->key != NULL &&
      !_wg_engine_find_idempotent (conn, job->base.actor.user_id, job->key, RESOURCE, &earlier,
                                   error))
    return FALSE;
  if (earlier > 0)
    {
      job->replayed = TRUE;
      return _wg_people_read_person (conn, job, earlier, error);
    }
  if (!_wg_people_insert (conn, job->protect, job->input, &job->id, error) ||
      (job->key != NULL &&
       !_wg_engine_remember_idempotent (conn, job->base.actor.user_id, job->key, RESOURCE,
                                        job->id, error)))
    return FALSE;
  return _wg_people_read_person (conn, job, job->id, error);
}

/* -------------------------------------------------------------- update */

/* The stored person, locked, as an input; the ID number decrypted so that
 * a new birth date or sex is checked against it. */
static WgPersonInput *
load_for_update (PGconn     *conn,
                 PeopleJob  *job,
                 char      **path,
                 GError    **error)
{
  g_autoptr(PGresult) result = NULL;
  g_autoptr(WgPersonInput) stored = wg_person_input_new ();
  static const WgPersonField columns[] = {
    WG_PERSON_NAME, WG_PERSON_SEX, WG_PERSON_BIRTH_DATE, WG_PERSON_ETHNICITY, WG_PERSON_PHONE,
    WG_PERSON_RESIDENCE_STATUS, WG_PERSON_ORIGIN_CODE, WG_PERSON_NATIONALITY, WG_PERSON_GRID,
  };

  result = _wg_people_select_person (conn,
                                     "SELECT name, sex, birth_date::text, ethnicity, phone,"
                                     " residence_status, origin_code, nationality,"
                                     " (SELECT code FROM regions g WHERE g.path = p.path),"
                                     " version, path::text, encode(id_cipher, 'hex')"
                                     " FROM person p WHERE id = $1::bigint FOR UPDATE",
                                     job->id, error);
  if (result == NULL)
    return NULL;
  if (g_ascii_strtoll (PQgetvalue (result, 0, 9), NULL, 10) != job->version)
    {
      g_set_error_literal (error, WG_ERROR, WG_ERROR_CONFLICT,
                           "Someone else changed this person: reload and try again");
      return NULL;
    }
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    wg_person_input_set (stored, columns[i],
                         PQgetisnull (result, 0, i) ? NULL : PQgetvalue (result, 0, i));
  *path = g_strdup (PQgetvalue (result, 0, 10));
  if (!PQgetisnull (result, 0, 11))
    {
      g_autofree char *number = _wg_people_decrypt_hex (job->protect, PQgetvalue (result, 0, 11),
                                                        error);
      if (number == NULL)
        return NULL;
      wg_person_input_set (stored, WG_PERSON_ID_NUMBER, number);
      sodium_memzero (number, strlen (number));
    }
  return g_steal_pointer (&stored);
}

static gboolean
update_person (PGconn               *conn,
               PeopleJob            *job,
               const WgPersonInput  *merged,
               const char           *path,
               GError              **error)
{
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, job->id);
  char * const *values = merged->values;
  gboolean new_number = job->input->present[WG_PERSON_ID_NUMBER];
  g_auto(Protected) number = { NULL };
  const char *params[15];
  g_autoptr(PGresult) result = NULL;

  if (new_number)
    protect_number (job->protect, values[WG_PERSON_ID_NUMBER], &number);
  params[0] = id_text;
  params[1] = path;
  params[2] = values[WG_PERSON_NAME];
  params[3] = values[WG_PERSON_SEX];
  params[4] = values[WG_PERSON_BIRTH_DATE];
  params[5] = values[WG_PERSON_ETHNICITY];
  params[6] = values[WG_PERSON_PHONE];
  params[7] = values[WG_PERSON_RESIDENCE_STATUS];
  params[8] = values[WG_PERSON_ORIGIN_CODE];
  params[9] = values[WG_PERSON_NATIONALITY];
  params[10] = new_number ? "t" : "f";
  params[11] = number.cipher;
  params[12] = number.blind;
  params[13] = number.masked;
  params[14] = NULL;
  result = wg_pg_exec (conn,
                       "UPDATE person SET path = $2::ltree, name = $3::text, sex = $4::text,"
                       " birth_date = $5::date, ethnicity = $6::text, phone = $7::text,"
                       " residence_status = $8::text, origin_code = $9::text,"
                       " nationality = $10::text, version = version + 1,"
                       " id_cipher = CASE WHEN $11::boolean THEN decode($12::text, 'hex') ELSE id_cipher END,"
                       " id_blind = CASE WHEN $11::boolean THEN decode($13::text, 'hex') ELSE id_blind END,"
                       " id_masked = CASE WHEN $11::boolean THEN $14::text ELSE id_masked END "
                       "WHERE id = $1::bigint",
                       14, params, error);
  if (result == NULL)
    name_duplicate (error);
  return result != NULL;
}

/* Tags follow the person into a new grid unless the PATCH replaces them. */
static gboolean
update_tags (PGconn      *conn,
             PeopleJob   *job,
             const char  *path,
             GError     **error)
{
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, job->id);
  const char *params[] = { id_text, path };
  g_autoptr(PGresult) result = NULL;

  if (job->input->tags_present)
    return replace_tags (conn, job->id, job->input, error);
  result = wg_pg_exec (conn,
                       "UPDATE person_tag SET path = $2::ltree"
                       " WHERE person_id = $1::bigint AND path <> $2::ltree",
                       2, params, error);
  return result != NULL;
}

gboolean
_wg_people_update_job (PGconn   *conn,
                       gpointer  data,
                       GError  **outcome,
                       GError  **error)
{
  PeopleJob *job = data;
  const WgPersonInput *patch;
  g_autoptr(WgPersonInput) merged = NULL;
  g_autofree char *path = NULL;
  gboolean id_touched;
  gboolean updated;

  if (!_wg_people_authorize (conn, job, WG_PERMISSION_RECORDS_WRITE, error) ||
      (merged = load_for_update (conn, job, &path, error)) == NULL)
    return FALSE;
  patch = job->input;
  wg_person_input_apply (merged, patch);
  id_touched = patch->present[WG_PERSON_ID_NUMBER] || patch->present[WG_PERSON_RESIDENCE_STATUS];
  if (!wg_person_input_check (merged, id_touched, error))
    return FALSE;
  if (patch->present[WG_PERSON_GRID])
    {
      g_free (path);
      path = grid_path (conn, merged->values[WG_PERSON_GRID], error);
      if (path == NULL)
        return FALSE;
    }
  updated = update_person (conn, job, merged, path, error);
  if (merged->values[WG_PERSON_ID_NUMBER] != NULL)
    sodium_memzero (merged->values[WG_PERSON_ID_NUMBER], strlen (merged->values[WG_PERSON_ID_NUMBER]));
  return updated &&
         update_tags (conn, job, path, error) &&
         _wg_people_read_person (conn, job, job->id, error);
}

/* -------------------------------------------------------------- delete */

gboolean
_wg_people_delete_job (PGconn   *conn,
                       gpointer  data,
                       GError  **outcome,
                       GError  **error)
{
  PeopleJob *job = data;
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, job->id);
  g_autofree char *version = g_strdup_printf ("%" G_GINT64_FORMAT, job->version);
  const char *params[] = { id_text, version };
  g_autoptr(PGresult) locked = NULL;
  g_autoptr(PGresult) deleted = NULL;

  if (!_wg_people_authorize (conn, job, WG_PERMISSION_RECORDS_WRITE, error))
    return FALSE;
  locked = wg_pg_exec (conn, "SELECT version = $2::int FROM person WHERE id = $1::bigint FOR UPDATE",
                       2, params, error);
  if (locked == NULL)
    return FALSE;
  if (PQntuples (locked) == 0)
    {
      _wg_people_not_found (error);
      return FALSE;
    }
  if (!g_str_equal (PQgetvalue (locked, 0, 0), "t"))
    {
      g_set_error_literal (error, WG_ERROR, WG_ERROR_CONFLICT,
                           "Someone else changed this person: reload and try again");
      return FALSE;
    }
  deleted = wg_pg_exec (conn, "DELETE FROM person WHERE id = $1::bigint", 1, params, error);
  if (deleted == NULL)
    return FALSE;
  job->body = g_bytes_new (NULL, 0);
  return TRUE;
}
