#define G_LOG_DOMAIN "wg-engine"

#include "config.h"

#include <sodium.h>
#include <string.h>

#include "wg-engine-private.h"
#include "wg-error.h"
#include "wg-password.h"
#include "wg-pg.h"

/* The columns _wg_engine_user_from_row reads, from users u and units n. */
#define USER_COLUMNS \
  "u.id, u.username, u.display_name, array_to_string(u.roles, ','), " \
  "u.scope::text, u.unit_code, n.name"

#define ISO_UTC(column) \
  "to_char(" column " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"

typedef struct {
  WgEngineJob  base;       /* base.token: the new session's */
  char        *username;
  char        *password;
  char        *address;
  guint        retry_after;
} LoginJob;

static void
login_job_free (gpointer data)
{
  LoginJob *job = data;

  if (job->password != NULL)
    sodium_memzero (job->password, strlen (job->password));
  g_free (job->password);
  g_free (job->username);
  g_free (job->address);
  _wg_engine_job_clear (&job->base);
  g_free (job);
}

static void
session_job_free (gpointer data)
{
  _wg_engine_job_clear (data);
  g_free (data);
}

/* Checks the flags read with the session; the order matters: a revoked
 * session is unknown, then a disabled account, then expiry. */
static gboolean
check_session_row (PGresult  *result,
                   GError   **error)
{
  if (PQntuples (result) != 1 || g_str_equal (PQgetvalue (result, 0, 8), "t"))
    {
      g_set_error_literal (error, WG_ERROR, WG_ERROR_UNAUTHENTICATED,
                           "Sign in first: the session is unknown or has ended");
      return FALSE;
    }
  /* Sessions of a disabled account are not accepted (signing in again
   * says 403 account-disabled and revokes them). */
  if (g_str_equal (PQgetvalue (result, 0, 7), "t"))
    {
      g_set_error_literal (error, WG_ERROR, WG_ERROR_UNAUTHENTICATED,
                           "Sign in first: this account has been disabled");
      return FALSE;
    }
  if (g_str_equal (PQgetvalue (result, 0, 9), "t"))
    {
      g_set_error_literal (error, WG_ERROR, WG_ERROR_SESSION_EXPIRED,
                           "The session has expired; sign in again");
      return FALSE;
    }
  return TRUE;
}

static gboolean
touch_session (PGconn      *conn,
               const char  *key,
               GError     **error)
{
  const char *params[] = { key };
  g_autoptr(PGresult) result =
    wg_pg_exec (conn,
                "UPDATE sessions SET last_seen_at = now() "
                "WHERE token_hash = decode($1::text, 'hex')",
                1, params, error);

  return result != NULL;
}

gboolean
_wg_engine_authenticate (PGconn                 *conn,
                         const WgEngineSettings *settings,
                         const char             *token,
                         WgEngineActor          *actor,
                         GError                **error)
{
  g_autofree char *key = token != NULL ? _wg_engine_token_key (token) : NULL;
  g_autofree char *idle = g_strdup_printf ("%u", settings->session_idle_minutes);
  const char *params[] = { key, idle };
  g_autoptr(PGresult) result = NULL;

  if (key == NULL)
    {
      g_set_error_literal (error, WG_ERROR, WG_ERROR_UNAUTHENTICATED,
                           "Sign in first: a bearer token is required");
      return FALSE;
    }
  result = wg_pg_exec (conn,
                       "SELECT " USER_COLUMNS ", u.disabled, s.revoked_at IS NOT NULL, "
                       "s.expires_at <= now() OR "
                       "  s.last_seen_at + make_interval(mins => $2::int) <= now(), "
                       "s.last_seen_at < now() - interval '1 minute', "
                       ISO_UTC ("s.expires_at") " "
                       "FROM sessions s JOIN users u ON u.id = s.user_id "
                       "JOIN units n ON n.code = u.unit_code "
                       "WHERE s.token_hash = decode($1::text, 'hex')",
                       2, params, error);
  if (result == NULL || !check_session_row (result, error))
    return FALSE;
  /* Cheap: last_seen_at is written at most once a minute per session. */
  if (g_str_equal (PQgetvalue (result, 0, 10), "t") && !touch_session (conn, key, error))
    return FALSE;

  actor->user = _wg_engine_user_from_row (result, 0, 0);
  actor->user_id = wg_user_get_id (actor->user);
  actor->expires_at = g_strdup (PQgetvalue (result, 0, 11));
  return _wg_engine_set_actor (conn, actor->user_id, wg_user_get_scope (actor->user), error);
}

/* Sign-ins of one user name take turns (until the transaction ends), so
 * that attempts sent together cannot all read the same failure count.
 * The two-key form never meets the one-key locks of wangge-admin. */
static gboolean
login_lock_username (PGconn      *conn,
                     const char  *username,
                     GError     **error)
{
  const char *params[] = { username };
  g_autoptr(PGresult) result =
    wg_pg_exec (conn, "SELECT pg_advisory_xact_lock (8470, hashtext ($1::text))",
                1, params, error);

  return result != NULL;
}

/* Seconds until the failures of @username fall below the limit, or 0 when
 * the user may try now. */
static gboolean
login_retry_after (PGconn    *conn,
                   LoginJob  *job,
                   guint     *retry_after,
                   GError   **error)
{
  g_autofree char *window = g_strdup_printf ("%u", job->base.settings.login_window_minutes);
  g_autofree char *offset = g_strdup_printf ("%u", job->base.settings.login_max_failures - 1);
  const char *params[] = { job->username, window, offset };
  g_autoptr(PGresult) result =
    wg_pg_exec (conn,
                "SELECT greatest(1, ceil(extract(epoch FROM "
                "  failed_at + make_interval(mins => $2::int) - now())))::int "
                "FROM login_failures "
                "WHERE username = $1::text "
                "  AND failed_at > now() - make_interval(mins => $2::int) "
                "ORDER BY failed_at DESC OFFSET $3::int LIMIT 1",
                3, params, error);

  if (result == NULL)
    return FALSE;
  *retry_after = PQntuples (result) == 1 ? (guint) g_ascii_strtoull (PQgetvalue (result, 0, 0), NULL, 10) : 0;
  return TRUE;
}

static gboolean
login_record_failure (PGconn    *conn,
                      LoginJob  *job,
                      GError   **error)
{
  g_autofree char *window = g_strdup_printf ("%u", job->base.settings.login_window_minutes);
  const char *insert_params[] = { job->username, job->address };
  const char *purge_params[] = { window };
  g_autoptr(PGresult) inserted = NULL;
  g_autoptr(PGresult) purged = NULL;

  inserted = wg_pg_exec (conn,
                         "INSERT INTO login_failures (username, address) VALUES ($1::text, $2::text)",
                         2, insert_params, error);
  if (inserted == NULL)
    return FALSE;
  /* Keeps the table small: failures older than the window no longer
   * count, for any user name (also the ones that do not exist). */
  purged = wg_pg_exec (conn,
                       "DELETE FROM login_failures "
                       "WHERE failed_at < now() - make_interval(mins => $1::int)",
                       1, purge_params, error);
  return purged != NULL;
}

static gboolean
login_revoke_sessions (PGconn      *conn,
                       gint64       user_id,
                       GError     **error)
{
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, user_id);
  const char *params[] = { id_text };
  g_autoptr(PGresult) result =
    wg_pg_exec (conn,
                "UPDATE sessions SET revoked_at = now() "
                "WHERE user_id = $1::bigint AND revoked_at IS NULL",
                1, params, error);

  return result != NULL;
}

/* Sessions of this user that ended over a day ago: for a day a client
 * still hears "session-expired" rather than "unauthenticated". */
static gboolean
login_purge_sessions (PGconn      *conn,
                      const char  *user_id,
                      GError     **error)
{
  const char *params[] = { user_id };
  g_autoptr(PGresult) result =
    wg_pg_exec (conn,
                "DELETE FROM sessions WHERE user_id = $1::bigint "
                "AND (expires_at < now() - interval '1 day' "
                "     OR revoked_at < now() - interval '1 day')",
                1, params, error);

  return result != NULL;
}

static gboolean
login_create_session (PGconn    *conn,
                      LoginJob  *job,
                      GError   **error)
{
  g_autofree char *token = wg_token_new ();
  g_autofree char *key = _wg_engine_token_key (token);
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, job->base.actor.user_id);
  g_autofree char *hours = g_strdup_printf ("%u", job->base.settings.session_absolute_hours);
  const char *params[] = { key, id_text, hours, job->username };
  g_autoptr(PGresult) cleared = NULL;
  g_autoptr(PGresult) result =
    wg_pg_exec (conn,
                "INSERT INTO sessions (token_hash, user_id, expires_at) "
                "VALUES (decode($1::text, 'hex'), $2::bigint, "
                "        now() + make_interval(hours => $3::int)) "
                "RETURNING " ISO_UTC ("expires_at"),
                3, params, error);

  if (result == NULL)
    return FALSE;
  job->base.actor.expires_at = g_strdup (PQgetvalue (result, 0, 0));
  job->base.token = g_steal_pointer (&token);
  cleared = wg_pg_exec (conn, "DELETE FROM login_failures WHERE username = $1::text",
                        1, params + 3, error);
  return cleared != NULL && login_purge_sessions (conn, id_text, error);
}

static PGresult *
login_find_user (PGconn      *conn,
                 const char  *username,
                 GError     **error)
{
  const char *params[] = { username };

  return wg_pg_exec (conn,
                     "SELECT " USER_COLUMNS ", u.disabled, u.password_hash "
                     "FROM users u JOIN units n ON n.code = u.unit_code "
                     "WHERE u.username = $1::text",
                     1, params, error);
}

static gboolean
wg_engine_login_job (PGconn   *conn,
                     gpointer  data,
                     GError  **outcome,
                     GError  **error)
{
  LoginJob *job = data;
  WgEngineActor *actor = &job->base.actor;
  g_autoptr(PGresult) user_row = NULL;
  gboolean known, verified;

  if (!login_lock_username (conn, job->username, error) ||
      !login_retry_after (conn, job, &job->retry_after, error))
    return FALSE;
  if (job->retry_after > 0)
    {
      g_set_error (outcome, WG_ERROR, WG_ERROR_TOO_MANY_REQUESTS,
                   "Too many failed sign-ins; try again in %u seconds", job->retry_after);
      return TRUE;
    }
  user_row = login_find_user (conn, job->username, error);
  if (user_row == NULL)
    return FALSE;
  known = PQntuples (user_row) == 1;
  /* An unknown user costs the same time as a wrong password. */
  verified = wg_password_verify (known ? PQgetvalue (user_row, 0, 8) : wg_password_dummy_hash (),
                                 job->password) && known;
  if (!verified)
    {
      g_set_error_literal (outcome, WG_ERROR, WG_ERROR_INVALID_CREDENTIALS,
                           "The user name or the password is wrong");
      return login_record_failure (conn, job, error);
    }
  actor->user = _wg_engine_user_from_row (user_row, 0, 0);
  actor->user_id = wg_user_get_id (actor->user);
  if (g_str_equal (PQgetvalue (user_row, 0, 7), "t"))
    {
      g_set_error_literal (outcome, WG_ERROR, WG_ERROR_ACCOUNT_DISABLED,
                           "This account has been disabled");
      return login_revoke_sessions (conn, actor->user_id, error);
    }
  return _wg_engine_set_actor (conn, actor->user_id, wg_user_get_scope (actor->user), error) &&
         login_create_session (conn, job, error);
}

static gboolean
wg_engine_session_get_job (PGconn   *conn,
                           gpointer  data,
                           GError  **outcome,
                           GError  **error)
{
  WgEngineJob *job = data;

  return _wg_engine_authenticate (conn, &job->settings, job->token, &job->actor, error);
}

static gboolean
wg_engine_logout_job (PGconn   *conn,
                      gpointer  data,
                      GError  **outcome,
                      GError  **error)
{
  WgEngineJob *job = data;
  g_autofree char *key = job->token != NULL ? _wg_engine_token_key (job->token) : NULL;
  const char *params[] = { key };
  g_autoptr(PGresult) result = NULL;

  if (key == NULL)
    {
      g_set_error_literal (error, WG_ERROR, WG_ERROR_UNAUTHENTICATED,
                           "Sign in first: a bearer token is required");
      return FALSE;
    }
  /* An expired session may still be ended; an unknown or ended one not. */
  result = wg_pg_exec (conn,
                       "UPDATE sessions SET revoked_at = now() "
                       "WHERE token_hash = decode($1::text, 'hex') AND revoked_at IS NULL "
                       "RETURNING user_id",
                       1, params, error);
  if (result == NULL)
    return FALSE;
  if (PQntuples (result) != 1)
    {
      g_set_error_literal (error, WG_ERROR, WG_ERROR_UNAUTHENTICATED,
                           "Sign in first: the session is unknown or has ended");
      return FALSE;
    }
  job->actor.user_id = g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
  return TRUE;
}

static JsonNode *
session_to_json (WgEngineActor *actor,
                 const char    *token)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  if (token != NULL)
    {
      json_builder_set_member_name (builder, "token");
      json_builder_add_string_value (builder, token);
    }
  json_builder_set_member_name (builder, "expires_at");
  json_builder_add_string_value (builder, actor->expires_at);
  json_builder_set_member_name (builder, "user");
  json_builder_add_value (builder, wg_user_to_json (actor->user));
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* Session calls of @token: the job is a bare WgEngineJob. */
static void
run_session_job (WgEngine            *self,
                 WgDbJobFunc          func,
                 const char          *token,
                 gpointer             source_tag,
                 GCancellable        *cancellable,
                 GAsyncReadyCallback  callback,
                 gpointer             user_data)
{
  WgEngineJob *job = g_new0 (WgEngineJob, 1);

  _wg_engine_job_init (job, self, token);
  _wg_engine_run (self, WG_DB_JOB_TRANSACTION, func, job, session_job_free,
                  source_tag, cancellable, callback, user_data);
}

void
wg_engine_login_async (WgEngine            *self,
                       const char          *username,
                       const char          *password,
                       const char          *address,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  LoginJob *job;

  g_return_if_fail (WG_IS_ENGINE (self));
  g_return_if_fail (username != NULL && password != NULL);

  job = g_new0 (LoginJob, 1);
  _wg_engine_job_init (&job->base, self, NULL);
  job->username = g_strdup (username);
  job->password = g_strdup (password);
  job->address = g_strdup (address);
  _wg_engine_run (self, WG_DB_JOB_TRANSACTION, wg_engine_login_job, job, login_job_free,
                  wg_engine_login_async, cancellable, callback, user_data);
}

JsonNode *
wg_engine_login_finish (WgEngine      *self,
                        GAsyncResult  *result,
                        gint64        *user_id,
                        guint         *retry_after,
                        GError       **error)
{
  LoginJob *job = _wg_engine_get_job (self, result, wg_engine_login_async);

  if (retry_after != NULL)
    *retry_after = job->retry_after;
  if (_wg_engine_finish_job (self, result, wg_engine_login_async, user_id, error) == NULL)
    return NULL;
  return session_to_json (&job->base.actor, job->base.token);
}

void
wg_engine_session_get_async (WgEngine            *self,
                             const char          *token,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (WG_IS_ENGINE (self));

  run_session_job (self, wg_engine_session_get_job, token, wg_engine_session_get_async,
                   cancellable, callback, user_data);
}

JsonNode *
wg_engine_session_get_finish (WgEngine      *self,
                              GAsyncResult  *result,
                              gint64        *user_id,
                              GError       **error)
{
  WgEngineJob *job = _wg_engine_finish_job (self, result, wg_engine_session_get_async,
                                            user_id, error);

  return job != NULL ? session_to_json (&job->actor, NULL) : NULL;
}

void
wg_engine_logout_async (WgEngine            *self,
                        const char          *token,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_return_if_fail (WG_IS_ENGINE (self));

  run_session_job (self, wg_engine_logout_job, token, wg_engine_logout_async,
                   cancellable, callback, user_data);
}

gboolean
wg_engine_logout_finish (WgEngine      *self,
                         GAsyncResult  *result,
                         gint64        *user_id,
                         GError       **error)
{
  return _wg_engine_finish_job (self, result, wg_engine_logout_async, user_id, error) != NULL;
}
