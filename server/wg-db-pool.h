/* wg-db-pool.h — worker threads, each owning one libpq connection
 *
 * Every job runs in one transaction on one worker: BEGIN, the job, COMMIT
 * (ROLLBACK when it fails).  A lost connection is re-opened on a later job,
 * with a growing pause between attempts; meanwhile jobs fail at once with
 * WG_ERROR_UNAVAILABLE instead of waiting.
 */
#pragma once

#include <gio/gio.h>
#include <libpq-fe.h>

G_BEGIN_DECLS

/* Runs on a worker thread inside the transaction.  Returning FALSE with
 * @error rolls it back.  A job whose writes must stand although the request
 * fails (a failed login is recorded) returns TRUE and sets @outcome. */
typedef gboolean (*WgDbJobFunc) (PGconn   *conn,
                                 gpointer  data,
                                 GError  **outcome,
                                 GError  **error);

typedef enum {
  /* BEGIN … COMMIT around the job. */
  WG_DB_JOB_TRANSACTION = 0,
  /* The job runs one read-only statement: autocommit is its transaction
   * (two round trips fewer), and it runs again on a fresh connection when
   * the old one turns out to be dead. */
  WG_DB_JOB_ONE_READ = 1 << 0,
} WgDbJobFlags;

#define WG_TYPE_DB_POOL (wg_db_pool_get_type ())
G_DECLARE_FINAL_TYPE (WgDbPool, wg_db_pool, WG, DB_POOL, GObject)

WgDbPool *wg_db_pool_new        (const char          *conninfo,
                                 guint                n_workers);
/* How many jobs may wait for a worker (default 100 per worker); beyond
 * that a job fails at once with WG_ERROR_UNAVAILABLE. */
void      wg_db_pool_set_max_queued (WgDbPool        *self,
                                     guint            max_queued);
/* @data must stay alive until @callback runs; the callback runs in the
 * thread-default main context of the caller. */
void      wg_db_pool_run_async  (WgDbPool            *self,
                                 WgDbJobFlags         flags,
                                 WgDbJobFunc          func,
                                 gpointer             data,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data);
gboolean  wg_db_pool_run_finish (WgDbPool            *self,
                                 GAsyncResult        *result,
                                 GError             **error);
/* Lets queued jobs finish, then stops the workers and closes the
 * connections.  Later jobs fail with WG_ERROR_UNAVAILABLE. */
void      wg_db_pool_shutdown   (WgDbPool            *self);

/* Asks the database to cancel the statements running now (the jobs fail)
 * and fails the jobs not started yet without running them: when shutting
 * down has waited long enough. */
void      wg_db_pool_cancel_running (WgDbPool        *self);

/* Opens one connection with the pool's defaults (connect timeout,
 * application name): for the start-up schema check.  An unreachable
 * database is WG_ERROR_UNAVAILABLE; a role that row-level security would
 * not bind (see wg_db_check_role) is WG_ERROR_INTERNAL. */
PGconn   *wg_db_connect         (const char          *conninfo,
                                 GError             **error);
/* Fails unless the connection's role is subject to row-level security:
 * not a superuser, not BYPASSRLS, owner (or member of the owner) of no
 * table in public. */
gboolean  wg_db_check_role      (PGconn              *conn,
                                 GError             **error);

G_END_DECLS
