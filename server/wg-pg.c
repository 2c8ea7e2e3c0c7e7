#define G_LOG_DOMAIN "wg-pg"

#include "config.h"

#include "wg-error.h"
#include "wg-pg.h"

PGconn *
wg_pg_connect_params (const char * const  *keywords,
                      const char * const  *values,
                      GError             **error)
{
  g_autoptr(PGconn) conn = PQconnectdbParams (keywords, values, 1);

  if (conn == NULL || PQstatus (conn) != CONNECTION_OK)
    {
      g_autofree char *reason = g_strstrip (g_strdup (conn != NULL ? PQerrorMessage (conn) : "out of memory"));

      g_set_error (error, WG_ERROR, WG_ERROR_UNAVAILABLE,
                   "Cannot connect to the database: %s", reason);
      return NULL;
    }
  return g_steal_pointer (&conn);
}

PGconn *
wg_pg_connect (const char  *conninfo,
               GError     **error)
{
  const char * const keywords[] = { "dbname", NULL };
  const char * const values[] = { conninfo, NULL };

  return wg_pg_connect_params (keywords, values, error);
}

gboolean
wg_pg_check (PGconn          *conn,
             PGresult        *result,
             ExecStatusType   expected,
             GError         **error)
{
  const char *sqlstate;
  WgErrorCode code;

  if (result != NULL && PQresultStatus (result) == expected)
    return TRUE;

  if (result == NULL || wg_pg_connection_lost (conn))
    {
      g_set_error_literal (error, WG_ERROR, WG_ERROR_UNAVAILABLE,
                           "The database connection was lost");
      return FALSE;
    }

  sqlstate = PQresultErrorField (result, PG_DIAG_SQLSTATE);
  code = wg_error_code_from_sqlstate (sqlstate);
  /* The full text can quote row values: it goes to the log only. */
  g_message ("SQL error %s: %s", sqlstate != NULL ? sqlstate : "?",
             PQresultErrorField (result, PG_DIAG_MESSAGE_PRIMARY) ?: "(none)");
  switch (code)
    {
    case WG_ERROR_CONFLICT:
      g_set_error_literal (error, WG_ERROR, code, "The data was changed or already exists");
      break;
    case WG_ERROR_FORBIDDEN:
      g_set_error_literal (error, WG_ERROR, code, "Not permitted");
      break;
    case WG_ERROR_INVALID_INPUT:
      g_set_error_literal (error, WG_ERROR, code, "The data was rejected by the database");
      break;
    case WG_ERROR_UNAVAILABLE:
      g_set_error_literal (error, WG_ERROR, code, "The database is unavailable");
      break;
    default:
      g_set_error_literal (error, WG_ERROR, WG_ERROR_INTERNAL, "Internal database error");
      break;
    }
  return FALSE;
}

PGresult *
wg_pg_exec (PGconn             *conn,
            const char         *sql,
            int                 n_params,
            const char * const *params,
            GError            **error)
{
  g_autoptr(PGresult) result = PQexecParams (conn, sql, n_params, NULL, params,
                                             NULL, NULL, 0);
  ExecStatusType status = result != NULL ? PQresultStatus (result) : PGRES_FATAL_ERROR;
  ExecStatusType expected = status == PGRES_TUPLES_OK ? PGRES_TUPLES_OK : PGRES_COMMAND_OK;

  if (!wg_pg_check (conn, result, expected, error))
    return NULL;
  return g_steal_pointer (&result);
}

gboolean
wg_pg_connection_lost (PGconn *conn)
{
  return conn == NULL || PQstatus (conn) == CONNECTION_BAD;
}

gboolean
wg_pg_exec_script (PGconn      *conn,
                   const char  *sql,
                   GError     **error)
{
  g_autoptr(PGresult) result = PQexec (conn, sql);
  ExecStatusType status = result != NULL ? PQresultStatus (result) : PGRES_FATAL_ERROR;
  g_autofree char *message = NULL;

  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
    return TRUE;
  if (wg_pg_connection_lost (conn))
    {
      g_set_error_literal (error, WG_ERROR, WG_ERROR_UNAVAILABLE,
                           "The database connection was lost");
      return FALSE;
    }
  message = g_strdup (result != NULL ? PQresultErrorMessage (result) : PQerrorMessage (conn));
  g_set_error (error, WG_ERROR, WG_ERROR_INTERNAL, "%s", g_strstrip (message));
  return FALSE;
}
