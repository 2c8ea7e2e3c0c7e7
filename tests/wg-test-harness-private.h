/* wg-test-harness-private.h — more of the harness, for the server tests */
#pragma once

#include <libpq-fe.h>

#include "wg-test-harness.h"

G_BEGIN_DECLS

/* For tests that query the database directly (server/wg-pg.h has the same
 * two; a test includes one or the other). */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGconn, PQfinish)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGresult, PQclear)

/* Starts wangge-server against any database (@conninfo, as wangge_app),
 * for tests that bring their own cluster (get_admin_conninfo is then NULL).
 * With @wait_healthy FALSE it only waits until the port answers at all
 * (any status, e.g. 503 while the database is down). */
WgTestServer *wg_test_server_start_with_conninfo (const char  *conninfo,
                                                  gboolean     wait_healthy,
                                                  GError     **error);
/* Sends SIGTERM and waits; FALSE with @error unless it exited 0 in time. */
gboolean      wg_test_server_stop_checked        (WgTestServer *self,
                                                  GError      **error);
/* The server's process id as text, NULL once it has exited. */
const char   *wg_test_server_get_pid             (WgTestServer *self);
/* Sends @signal_number to the server process. */
void          wg_test_server_send_signal         (WgTestServer *self,
                                                  int           signal_number);
/* What the server wrote to stderr so far (its request log). */
char         *wg_test_server_read_log            (WgTestServer *self);
/* TRUE while the server process runs. */
gboolean      wg_test_server_is_running          (WgTestServer *self);
/* A TCP port on 127.0.0.1 that nobody listens on right now. */
guint         wg_test_pick_free_port             (GError      **error);
/* Runs a statement as the superuser through libpq. */
gboolean      wg_test_exec_sql                   (const char  *conninfo,
                                                  const char  *sql,
                                                  GError     **error);

G_END_DECLS
