/* wg-engine-private.h — shared by the wg-engine*.c files */
#pragma once

#include <libpq-fe.h>

#include "wg-engine.h"
#include "wg-protect.h"
#include "wg-user.h"

G_BEGIN_DECLS

/* The signed-in user a job acts for. */
typedef struct {
  gint64   user_id;
  WgUser  *user;
  char    *expires_at;   /* ISO 8601, UTC */
} WgEngineActor;

/* The head of every job that acts for a user (its first member). */
typedef struct {
  WgEngineSettings  settings;
  char             *token;   /* the bearer token; sign-in: the new one */
  WgEngineActor     actor;
} WgEngineJob;

void      _wg_engine_job_init        (WgEngineJob            *job,
                                      WgEngine               *self,
                                      const char             *token);
void      _wg_engine_job_clear       (WgEngineJob            *job);
/* The job of @result (a struct that starts with a WgEngineJob); @user_id
 * is the user it acted for, also when it failed.  NULL with @error when
 * the job failed. */
gpointer  _wg_engine_finish_job      (WgEngine               *self,
                                      GAsyncResult           *result,
                                      gpointer                source_tag,
                                      gint64                 *user_id,
                                      GError                **error);

/* Hex of the SHA-256 of @token, for decode($n, 'hex'); NULL when the token
 * is malformed. */
char     *_wg_engine_token_key       (const char             *token);

/* Checks the session of @token, refreshes last_seen_at (at most once a
 * minute) and sets wangge.user_id and wangge.scope for the transaction. */
gboolean  _wg_engine_authenticate    (PGconn                 *conn,
                                      const WgEngineSettings *settings,
                                      const char             *token,
                                      WgEngineActor          *actor,
                                      GError                **error);
gboolean  _wg_engine_set_actor       (PGconn                 *conn,
                                      gint64                  user_id,
                                      const char             *scope,
                                      GError                **error);
/* The user of a row: id, username, display_name, roles (comma-separated),
 * scope, unit_code, unit_name from column @first on. */
WgUser   *_wg_engine_user_from_row   (PGresult               *result,
                                      int                     row,
                                      int                     first);

/* The record an earlier create of this user with @key made (0: none),
 * under an advisory lock so that two requests with one key take turns;
 * a key used for another @resource is a conflict naming Idempotency-Key. */
gboolean  _wg_engine_find_idempotent (PGconn                 *conn,
                                      gint64                  user_id,
                                      const char             *key,
                                      const char             *resource,
                                      gint64                 *record_id,
                                      GError                **error);
gboolean  _wg_engine_remember_idempotent (PGconn             *conn,
                                      gint64                  user_id,
                                      const char             *key,
                                      const char             *resource,
                                      gint64                  record_id,
                                      GError                **error);

/* The GRID object of the chains, for the grid at ltree path @path (an SQL
 * expression): {"code", "name", "community": {"code", "name"}, "street":
 * {"code", "name"}}; the names of the community and street come through
 * wg_region_names, so they are there also when they lie above the scope. */
#define WG_GRID_CHAIN_JSON(path) \
  "(SELECT json_build_object('code', g.code, 'name', g.name," \
  "   'community', json_build_object('code', substr(g.code, 1, 12), 'name'," \
  "      (SELECT n.name FROM wg_region_names(ARRAY[substr(g.code, 1, 12)]) n))," \
  "   'street', json_build_object('code', substr(g.code, 1, 9), 'name'," \
  "      (SELECT n.name FROM wg_region_names(ARRAY[substr(g.code, 1, 9)]) n)))" \
  " FROM regions g WHERE g.path = " path ")"

/* The ID-number protection of wg_engine_set_protect, or NULL. */
WgProtect *_wg_engine_get_protect    (WgEngine               *self);

/* Runs @func on the pool; @job (freed with @job_free) is the task data. */
void      _wg_engine_run             (WgEngine               *self,
                                      WgDbJobFlags            flags,
                                      WgDbJobFunc             func,
                                      gpointer                job,
                                      GDestroyNotify          job_free,
                                      gpointer                source_tag,
                                      GCancellable           *cancellable,
                                      GAsyncReadyCallback     callback,
                                      gpointer                user_data);
/* The job of a result, also when it failed (for the user id). */
gpointer  _wg_engine_get_job         (WgEngine               *self,
                                      GAsyncResult           *result,
                                      gpointer                source_tag);
gboolean  _wg_engine_finish          (WgEngine               *self,
                                      GAsyncResult           *result,
                                      GError                **error);

G_END_DECLS
