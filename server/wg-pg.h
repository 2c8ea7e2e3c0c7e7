/* wg-pg.h — small libpq helpers shared by the server and wangge-admin */
#pragma once

#include <glib.h>
#include <libpq-fe.h>

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGresult, PQclear)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGconn, PQfinish)

/* Opens a connection; a failure is WG_ERROR_UNAVAILABLE with libpq's reason. */
PGconn   *wg_pg_connect        (const char  *conninfo,
                                GError     **error);
/* The same with PQconnectdbParams (expand_dbname on): a "dbname" value may
 * be a whole conninfo, whose settings override earlier keywords. */
PGconn   *wg_pg_connect_params (const char * const  *keywords,
                                const char * const  *values,
                                GError             **error);

/* Checks a result: NULL or a status other than @expected becomes a GError
 * mapped from the SQLSTATE.  The SQL error text is logged (it may hold
 * values, never shown to clients) and the GError carries a generic message
 * unless the error is a connection failure. */
gboolean  wg_pg_check          (PGconn          *conn,
                                PGresult        *result,
                                ExecStatusType   expected,
                                GError         **error);

/* PQexecParams with text parameters and results, checked.  Returns NULL
 * and sets @error on failure. */
PGresult *wg_pg_exec           (PGconn             *conn,
                                const char         *sql,
                                int                 n_params,
                                const char * const *params,
                                GError            **error);

/* PQexec of one or more statements for the administrator (migrations,
 * territory loads, as the owner): the error carries the server's own
 * message, which is why the HTTP server never uses it. */
gboolean  wg_pg_exec_script    (PGconn      *conn,
                                const char  *sql,
                                GError     **error);

/* True when the connection is gone (CONNECTION_BAD) and must be re-opened. */
gboolean  wg_pg_connection_lost (PGconn *conn);

G_END_DECLS
