#define G_LOG_DOMAIN "wg-admin-users"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "wg-admin-users.h"
#include "wg-error.h"
#include "wg-password.h"
#include "wg-pg.h"
#include "wg-roles.h"

static gboolean
wg_admin_check_username (const char  *username,
                         GError     **error)
{
  if (username == NULL || *username == '\0')
    {
      wg_set_field_error (error, "username", "A username is required");
      return FALSE;
    }
  if (!g_regex_match_simple ("^[a-z0-9_.-]{1,64}$", username, 0, 0))
    {
      wg_set_field_error (error, "username",
                          "Invalid username “%s”: use 1 to 64 lowercase letters, digits, “_”, “.” or “-”",
                          username);
      return FALSE;
    }
  return TRUE;
}

static gboolean
wg_admin_has_control_chars (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_iscntrl (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

static gboolean
wg_admin_check_display_name (const char  *display_name,
                             GError     **error)
{
  glong length;

  if (display_name == NULL || !g_utf8_validate (display_name, -1, NULL))
    {
      wg_set_field_error (error, "display_name", "A display name (UTF-8 text) is required");
      return FALSE;
    }
  length = g_utf8_strlen (display_name, -1);
  if (length < 1 || length > 100 || wg_admin_has_control_chars (display_name) ||
      g_unichar_isspace (g_utf8_get_char (display_name)))
    {
      wg_set_field_error (error, "display_name",
                          "Invalid display name: use 1 to 100 characters, no control characters "
                          "and no leading space");
      return FALSE;
    }
  return TRUE;
}

/* "a, b" → "{a,b}" (a PostgreSQL text[] literal), checked against the roles. */
static char *
wg_admin_roles_to_array (const char  *roles,
                         GError     **error)
{
  g_auto(GStrv) names = g_strsplit (roles != NULL ? roles : "", ",", -1);
  g_autoptr(GString) literal = g_string_new ("{");
  guint mask = 0;

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_strstrip (names[i]);
      if (names[i][0] == '\0')
        {
          wg_set_field_error (error, "roles",
                              "Invalid roles “%s”: give one or more role names separated by commas",
                              roles != NULL ? roles : "");
          return NULL;
        }
      if (g_strv_contains ((const char * const *) names + i + 1, names[i]))
        continue;
      g_string_append_printf (literal, "%s%s", literal->len > 1 ? "," : "", names[i]);
    }
  if (names[0] == NULL)
    {
      wg_set_field_error (error, "roles", "At least one role is required");
      return NULL;
    }
  if (!wg_roles_from_strv ((const char * const *) names, &mask, error))
    return NULL;
  g_string_append_c (literal, '}');
  return g_string_free (g_steal_pointer (&literal), FALSE);
}

/* @value must name a row that @sql (one parameter) finds; otherwise a
 * field error "No @what “@value”". */
static gboolean
wg_admin_check_reference (PGconn      *conn,
                          const char  *sql,
                          const char  *value,
                          const char  *field,
                          const char  *what,
                          GError     **error)
{
  const char *params[] = { value };
  g_autoptr(PGresult) result = wg_pg_exec (conn, sql, 1, params, error);

  if (result == NULL)
    return FALSE;
  if (PQntuples (result) == 0)
    {
      wg_set_field_error (error, field, "No %s “%s”", what, value);
      return FALSE;
    }
  return TRUE;
}

static gboolean
wg_admin_check_unit (PGconn      *conn,
                     const char  *unit_code,
                     GError     **error)
{
  if (unit_code == NULL || *unit_code == '\0' || strlen (unit_code) > 40)
    {
      wg_set_field_error (error, "unit", "A unit code (1 to 40 characters) is required");
      return FALSE;
    }
  return wg_admin_check_reference (conn, "SELECT 1 FROM units WHERE code = $1::text",
                                   unit_code, "unit", "unit with code", error);
}

static gboolean
wg_admin_check_scope (PGconn      *conn,
                      const char  *scope,
                      GError     **error)
{
  if (scope == NULL || !g_regex_match_simple ("^[0-9]{1,12}(\\.[0-9]{1,12}){0,5}$", scope, 0, 0))
    {
      wg_set_field_error (error, "scope",
                          "Invalid scope “%s”: give a region path such as 110101 or 110101.001",
                          scope != NULL ? scope : "");
      return FALSE;
    }
  return wg_admin_check_reference (conn, "SELECT 1 FROM regions WHERE path = $1::ltree",
                                   scope, "scope", "region with the path", error);
}

gboolean
wg_admin_password_check (const char  *username,
                         const char  *password,
                         GError     **error)
{
  if (password == NULL || !g_utf8_validate (password, -1, NULL) ||
      strlen (password) > WG_ADMIN_PASSWORD_MAX_BYTES)
    {
      wg_set_field_error (error, "password", "The password must be UTF-8 text of at most %d bytes",
                          WG_ADMIN_PASSWORD_MAX_BYTES);
      return FALSE;
    }
  if (g_utf8_strlen (password, -1) < WG_ADMIN_PASSWORD_MIN_CHARS)
    {
      wg_set_field_error (error, "password", "The password must have at least %d characters",
                          WG_ADMIN_PASSWORD_MIN_CHARS);
      return FALSE;
    }
  if (username != NULL && g_strcmp0 (username, password) == 0)
    {
      wg_set_field_error (error, "password", "The password must not be the username");
      return FALSE;
    }
  return TRUE;
}

gboolean
wg_admin_user_validate (PGconn                *conn,
                        const WgAdminNewUser  *user,
                        GError               **error)
{
  g_autofree char *roles = NULL;

  if (!wg_admin_check_username (user->username, error) ||
      !wg_admin_check_display_name (user->display_name, error))
    return FALSE;
  roles = wg_admin_roles_to_array (user->roles, error);
  return roles != NULL &&
         wg_admin_check_unit (conn, user->unit_code, error) &&
         wg_admin_check_scope (conn, user->scope, error);
}

static gboolean
wg_admin_check_username_free (PGconn      *conn,
                              const char  *username,
                              GError     **error)
{
  const char *params[] = { username };
  g_autoptr(PGresult) result =
    wg_pg_exec (conn, "SELECT 1 FROM users WHERE username = $1::text", 1, params, error);

  if (result == NULL)
    return FALSE;
  if (PQntuples (result) > 0)
    {
      g_set_error (error, WG_ERROR, WG_ERROR_CONFLICT, "A user named “%s” already exists", username);
      return FALSE;
    }
  return TRUE;
}

static gboolean
wg_admin_user_insert (PGconn                *conn,
                      const WgAdminNewUser  *user,
                      const char            *roles,
                      const char            *hash,
                      gint64                *id,
                      GError               **error)
{
  const char *params[] = { user->username, user->display_name, hash, user->unit_code,
                           roles, user->scope };
  g_autoptr(PGresult) result = NULL;

  result = wg_pg_exec (conn,
                       "INSERT INTO users (username, display_name, password_hash, unit_code,"
                       "                   roles, scope)"
                       " VALUES ($1::text, $2::text, $3::text, $4::text, $5::text[], $6::ltree)"
                       " RETURNING id",
                       6, params, error);
  if (result == NULL)
    return FALSE;
  if (id != NULL)
    *id = g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
  return TRUE;
}

gboolean
wg_admin_user_create (PGconn                *conn,
                      const WgAdminNewUser  *user,
                      const char            *password,
                      gint64                *id,
                      GError               **error)
{
  g_autofree char *roles = NULL;
  g_autofree char *hash = NULL;

  if (!wg_admin_user_validate (conn, user, error) ||
      !wg_admin_password_check (user->username, password, error) ||
      !wg_admin_check_username_free (conn, user->username, error))
    return FALSE;
  roles = wg_admin_roles_to_array (user->roles, error);
  hash = wg_password_hash (password, error);
  if (roles == NULL || hash == NULL)
    return FALSE;
  return wg_admin_user_insert (conn, user, roles, hash, id, error);
}

/* One statement, so that the change and the revocation land together:
 * sets @assignment on the user $1 and, when @revoke holds, revokes the
 * user's open sessions; answers (users changed, sessions revoked). */
#define UPDATE_AND_REVOKE(assignment, revoke) \
  "WITH u AS (UPDATE users SET " assignment \
  "            WHERE username = $1::text RETURNING id)," \
  "     s AS (UPDATE sessions SET revoked_at = now ()" \
  "            WHERE " revoke " AND revoked_at IS NULL" \
  "              AND user_id IN (SELECT id FROM u) RETURNING 1)" \
  " SELECT (SELECT count(*) FROM u), (SELECT count(*) FROM s)"

/* Runs @sql (parameters: username, value) that answers (users, sessions). */
static gboolean
wg_admin_user_update (PGconn      *conn,
                      const char  *sql,
                      const char  *username,
                      const char  *value,
                      int         *revoked,
                      GError     **error)
{
  const char *params[] = { username, value };
  g_autoptr(PGresult) result = NULL;

  if (!wg_admin_check_username (username, error))
    return FALSE;
  result = wg_pg_exec (conn, sql, 2, params, error);
  if (result == NULL)
    return FALSE;
  if (atoi (PQgetvalue (result, 0, 0)) == 0)
    {
      g_set_error (error, WG_ERROR, WG_ERROR_NOT_FOUND, "No user named “%s”", username);
      return FALSE;
    }
  if (revoked != NULL)
    *revoked = atoi (PQgetvalue (result, 0, 1));
  return TRUE;
}

gboolean
wg_admin_user_set_disabled (PGconn      *conn,
                            const char  *username,
                            gboolean     disabled,
                            int         *revoked,
                            GError     **error)
{
  return wg_admin_user_update (conn, UPDATE_AND_REVOKE ("disabled = $2::boolean", "$2::boolean"),
                               username, disabled ? "true" : "false", revoked, error);
}

gboolean
wg_admin_user_set_password (PGconn      *conn,
                            const char  *username,
                            const char  *password,
                            int         *revoked,
                            GError     **error)
{
  g_autofree char *hash = NULL;

  if (!wg_admin_check_username (username, error) ||
      !wg_admin_password_check (username, password, error))
    return FALSE;
  hash = wg_password_hash (password, error);
  if (hash == NULL)
    return FALSE;
  return wg_admin_user_update (conn, UPDATE_AND_REVOKE ("password_hash = $2::text", "true"),
                               username, hash, revoked, error);
}
