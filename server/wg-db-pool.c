#define G_LOG_DOMAIN "wg-db-pool"

#include "config.h"

#include "wg-db-pool.h"
#include "wg-error.h"
#include "wg-pg.h"

#define BACKOFF_FIRST_MS 250
#define BACKOFF_MAX_MS   4000
/* Jobs waiting per worker before new ones are refused: a database that
 * hangs (a lock, a partition) turns into quick 503s, not a growing queue
 * of requests that time out anyway. */
#define MAX_QUEUED_PER_WORKER 100

typedef struct {
  WgDbJobFlags  flags;
  WgDbJobFunc   func;
  gpointer      data;
  GTask        *task;
} WgDbJob;

typedef struct {
  WgDbPool *pool;
  guint     index;
  PGconn   *conn;
  gint64    next_attempt;   /* monotonic µs before which we do not reconnect */
  guint     backoff_ms;
  GThread  *thread;
  PGcancel *cancel;         /* while a job runs; under the pool's lock */
} WgDbWorker;

struct _WgDbPool {
  GObject      parent_instance;

  char        *conninfo;
  GAsyncQueue *queue;
  GPtrArray   *workers;
  GMutex       lock;
  guint        max_queued;
  gboolean     stopped;
  gboolean     abandoned;     /* no job starts any more; under the lock */
};

G_DEFINE_FINAL_TYPE (WgDbPool, wg_db_pool, G_TYPE_OBJECT)

/* A job that tells one worker to end. */
static WgDbJob stop_job;

gboolean
wg_db_check_role (PGconn  *conn,
                  GError **error)
{
  /* Owners, superusers and BYPASSRLS roles are not subject to the row-level
   * security that scopes every request. */
  g_autoptr(PGresult) result =
    wg_pg_exec (conn,
                "SELECT r.rolsuper OR r.rolbypassrls OR EXISTS ("
                "  SELECT FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace"
                "  WHERE s.nspname = 'public' AND c.relkind IN ('r', 'p')"
                "    AND pg_has_role (r.oid, c.relowner, 'USAGE'))"
                " FROM pg_roles r WHERE r.rolname = current_user",
                0, NULL, error);

  if (result == NULL)
    return FALSE;
  if (PQntuples (result) == 1 && g_str_equal (PQgetvalue (result, 0, 0), "f"))
    return TRUE;
  g_set_error (error, WG_ERROR, WG_ERROR_INTERNAL,
               "The database role “%s” owns tables, is a superuser or bypasses row-level "
               "security: connect as wangge_app", PQuser (conn));
  return FALSE;
}

PGconn *
wg_db_connect (const char  *conninfo,
               GError     **error)
{
  /* Later entries win: the conninfo (expanded from "dbname") may override
   * these defaults.  They bound every wait on the database, so that a
   * vanished server turns into 503 answers rather than hung requests. */
  const char * const keywords[] = {
    "connect_timeout", "keepalives_idle", "keepalives_interval", "keepalives_count",
    "tcp_user_timeout", "options", "application_name", "dbname", NULL
  };
  const char * const values[] = {
    "5", "10", "5", "3",
    "15000", "-c statement_timeout=30000", "wangge-server", conninfo, NULL
  };
  g_autoptr(PGconn) conn = wg_pg_connect_params (keywords, values, error);

  if (conn == NULL || !wg_db_check_role (conn, error))
    return NULL;
  return g_steal_pointer (&conn);
}

static void
wg_db_worker_drop_connection (WgDbWorker *worker)
{
  g_clear_pointer (&worker->conn, PQfinish);
}

static gboolean
wg_db_worker_ensure_connection (WgDbWorker  *worker,
                                GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  gint64 now = g_get_monotonic_time ();

  if (worker->conn != NULL && !wg_pg_connection_lost (worker->conn))
    return TRUE;
  wg_db_worker_drop_connection (worker);
  if (now < worker->next_attempt)
    {
      g_set_error (error, WG_ERROR, WG_ERROR_UNAVAILABLE,
                   "The database is unavailable; the server retries in %.1f s",
                   (worker->next_attempt - now) / (double) G_USEC_PER_SEC);
      return FALSE;
    }
  worker->conn = wg_db_connect (worker->pool->conninfo, &local_error);
  if (worker->conn == NULL)
    {
      worker->backoff_ms = CLAMP (worker->backoff_ms * 2, BACKOFF_FIRST_MS, BACKOFF_MAX_MS);
      worker->next_attempt = g_get_monotonic_time () + worker->backoff_ms * 1000;
      /* libpq's reason names hosts and sockets: for the log only. */
      g_message ("Worker %u: %s (next attempt in %u ms)", worker->index,
                 local_error->message, worker->backoff_ms);
      g_set_error_literal (error, WG_ERROR, WG_ERROR_UNAVAILABLE,
                           "The database is unavailable; try again shortly");
      return FALSE;
    }
  if (worker->backoff_ms != 0)
    g_message ("Worker %u: connected to the database again", worker->index);
  worker->backoff_ms = 0;
  worker->next_attempt = 0;
  return TRUE;
}

static gboolean
wg_db_worker_exec (WgDbWorker  *worker,
                   const char  *sql,
                   GError     **error)
{
  g_autoptr(PGresult) result = wg_pg_exec (worker->conn, sql, 0, NULL, error);

  return result != NULL;
}

/* COMMIT of a transaction that an ignored error has aborted succeeds with
 * the tag ROLLBACK: the job's writes are gone, so the job has failed. */
static gboolean
wg_db_worker_commit (WgDbWorker  *worker,
                     GError     **error)
{
  g_autoptr(PGresult) result = wg_pg_exec (worker->conn, "COMMIT", 0, NULL, error);

  if (result == NULL)
    return FALSE;
  if (g_str_equal (PQcmdStatus (result), "ROLLBACK"))
    {
      g_message ("Worker %u: a job returned success in a failed transaction; rolled back",
                 worker->index);
      g_set_error_literal (error, WG_ERROR, WG_ERROR_INTERNAL,
                           "Internal database error");
      return FALSE;
    }
  return TRUE;
}

/* BEGIN; when the connection turns out to be dead (the database restarted
 * since its last use) nothing has been done yet, so reconnect once. */
static gboolean
wg_db_worker_begin (WgDbWorker  *worker,
                    GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!wg_db_worker_ensure_connection (worker, error))
    return FALSE;
  if (wg_db_worker_exec (worker, "BEGIN", &local_error))
    return TRUE;
  if (!wg_pg_connection_lost (worker->conn))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  wg_db_worker_drop_connection (worker);
  return wg_db_worker_ensure_connection (worker, error) &&
         wg_db_worker_exec (worker, "BEGIN", error);
}

/* Makes the running job cancellable (or not, with NULL).  FALSE when the
 * pool was abandoned: the job must not start. */
static gboolean
wg_db_worker_set_cancel (WgDbWorker *worker,
                         PGcancel   *cancel)
{
  gboolean abandoned;

  g_mutex_lock (&worker->pool->lock);
  g_clear_pointer (&worker->cancel, PQfreeCancel);
  abandoned = worker->pool->abandoned;
  if (abandoned)
    g_clear_pointer (&cancel, PQfreeCancel);
  worker->cancel = cancel;
  g_mutex_unlock (&worker->pool->lock);
  return !abandoned;
}

/* The job itself, cancellable from the main thread while it runs. */
static gboolean
wg_db_worker_call (WgDbWorker  *worker,
                   WgDbJob     *job,
                   GError     **outcome,
                   GError     **error)
{
  gboolean ok;

  if (!wg_db_worker_set_cancel (worker, PQgetCancel (worker->conn)))
    {
      g_set_error_literal (error, WG_ERROR, WG_ERROR_UNAVAILABLE, "The server is shutting down");
      return FALSE;
    }
  ok = job->func (worker->conn, job->data, outcome, error);
  wg_db_worker_set_cancel (worker, NULL);
  return ok;
}

/* A read of one statement: when the connection turns out to be dead
 * (the database restarted since its last use), read again on a new one. */
static gboolean
wg_db_worker_run_one_read (WgDbWorker  *worker,
                           WgDbJob     *job,
                           GError     **outcome,
                           GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!wg_db_worker_ensure_connection (worker, error))
    return FALSE;
  if (wg_db_worker_call (worker, job, outcome, &local_error))
    return TRUE;
  if (!wg_pg_connection_lost (worker->conn))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  g_clear_error (outcome);
  wg_db_worker_drop_connection (worker);
  return wg_db_worker_ensure_connection (worker, error) &&
         wg_db_worker_call (worker, job, outcome, error);
}

static gboolean
wg_db_worker_run (WgDbWorker  *worker,
                  WgDbJob     *job,
                  GError     **outcome,
                  GError     **error)
{
  gboolean ok;

  if (job->flags & WG_DB_JOB_ONE_READ)
    return wg_db_worker_run_one_read (worker, job, outcome, error);
  if (!wg_db_worker_begin (worker, error))
    return FALSE;
  ok = wg_db_worker_call (worker, job, outcome, error);
  if (ok)
    ok = wg_db_worker_commit (worker, error);
  else if (!wg_pg_connection_lost (worker->conn))
    wg_db_worker_exec (worker, "ROLLBACK", NULL);
  return ok;
}

static gpointer
wg_db_worker_thread (gpointer user_data)
{
  WgDbWorker *worker = user_data;
  WgDbJob *job;

  while ((job = g_async_queue_pop (worker->pool->queue)) != &stop_job)
    {
      g_autoptr(GTask) task = job->task;
      g_autoptr(GError) outcome = NULL;
      g_autoptr(GError) error = NULL;

      if (!g_task_return_error_if_cancelled (task))
        {
          if (!wg_db_worker_run (worker, job, &outcome, &error))
            g_task_return_error (task, g_steal_pointer (&error));
          else if (outcome != NULL)
            g_task_return_error (task, g_steal_pointer (&outcome));
          else
            g_task_return_boolean (task, TRUE);
        }
      if (worker->conn != NULL && wg_pg_connection_lost (worker->conn))
        wg_db_worker_drop_connection (worker);
      g_free (job);
    }
  wg_db_worker_drop_connection (worker);
  return NULL;
}

static void
wg_db_worker_free (gpointer data)
{
  WgDbWorker *worker = data;

  if (worker->thread != NULL)
    g_thread_join (worker->thread);
  g_free (worker);
}

static void
wg_db_pool_dispose (GObject *object)
{
  wg_db_pool_shutdown (WG_DB_POOL (object));

  G_OBJECT_CLASS (wg_db_pool_parent_class)->dispose (object);
}

static void
wg_db_pool_finalize (GObject *object)
{
  WgDbPool *self = WG_DB_POOL (object);

  g_clear_pointer (&self->workers, g_ptr_array_unref);
  g_clear_pointer (&self->queue, g_async_queue_unref);
  g_mutex_clear (&self->lock);
  g_free (self->conninfo);

  G_OBJECT_CLASS (wg_db_pool_parent_class)->finalize (object);
}

static void
wg_db_pool_class_init (WgDbPoolClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = wg_db_pool_dispose;
  object_class->finalize = wg_db_pool_finalize;
}

static void
wg_db_pool_init (WgDbPool *self)
{
  g_mutex_init (&self->lock);
  self->queue = g_async_queue_new ();
  self->workers = g_ptr_array_new_with_free_func (wg_db_worker_free);
}

WgDbPool *
wg_db_pool_new (const char *conninfo,
                guint       n_workers)
{
  WgDbPool *self;

  g_return_val_if_fail (conninfo != NULL, NULL);
  g_return_val_if_fail (n_workers > 0, NULL);

  self = g_object_new (WG_TYPE_DB_POOL, NULL);
  self->conninfo = g_strdup (conninfo);
  self->max_queued = MAX_QUEUED_PER_WORKER * n_workers;
  for (guint i = 0; i < n_workers; i++)
    {
      WgDbWorker *worker = g_new0 (WgDbWorker, 1);
      g_autofree char *name = g_strdup_printf ("wg-db-%u", i);

      worker->pool = self;
      worker->index = i;
      worker->thread = g_thread_new (name, wg_db_worker_thread, worker);
      g_ptr_array_add (self->workers, worker);
    }
  return self;
}

void
wg_db_pool_run_async (WgDbPool            *self,
                      WgDbJobFlags         flags,
                      WgDbJobFunc          func,
                      gpointer             data,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  WgDbJob *job;

  g_return_if_fail (WG_IS_DB_POOL (self));
  g_return_if_fail (func != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, wg_db_pool_run_async);
  if (self->stopped)
    {
      g_task_return_new_error (task, WG_ERROR, WG_ERROR_UNAVAILABLE,
                               "The server is shutting down");
      return;
    }
  if (g_async_queue_length (self->queue) >= (gint) self->max_queued)
    {
      g_task_return_new_error (task, WG_ERROR, WG_ERROR_UNAVAILABLE,
                               "The database is busy; try again shortly");
      return;
    }
  job = g_new0 (WgDbJob, 1);
  job->flags = flags;
  job->func = func;
  job->data = data;
  job->task = g_steal_pointer (&task);
  g_async_queue_push (self->queue, job);
}

void
wg_db_pool_set_max_queued (WgDbPool *self,
                           guint     max_queued)
{
  g_return_if_fail (WG_IS_DB_POOL (self));
  g_return_if_fail (max_queued > 0);

  self->max_queued = max_queued;
}

gboolean
wg_db_pool_run_finish (WgDbPool      *self,
                       GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
wg_db_pool_shutdown (WgDbPool *self)
{
  g_return_if_fail (WG_IS_DB_POOL (self));

  if (self->stopped)
    return;
  self->stopped = TRUE;
  for (guint i = 0; i < self->workers->len; i++)
    g_async_queue_push (self->queue, &stop_job);
  g_ptr_array_set_size (self->workers, 0);
}

void
wg_db_pool_cancel_running (WgDbPool *self)
{
  g_return_if_fail (WG_IS_DB_POOL (self));

  g_mutex_lock (&self->lock);
  self->abandoned = TRUE;
  for (guint i = 0; i < self->workers->len; i++)
    {
      WgDbWorker *worker = g_ptr_array_index (self->workers, i);
      char reason[256];

      if (worker->cancel != NULL && !PQcancel (worker->cancel, reason, sizeof reason))
        g_message ("Worker %u: could not cancel its statement: %s", worker->index, reason);
    }
  g_mutex_unlock (&self->lock);
}
