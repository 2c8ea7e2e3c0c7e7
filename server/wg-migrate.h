/* wg-migrate.h — ordered SQL migrations in server/sql/ */
#pragma once

#include <glib.h>
#include <libpq-fe.h>

G_BEGIN_DECLS

/* The schema version this build of the server and admin tool expects:
 * the number of the last file in server/sql/.  A test keeps it honest. */
#define WG_SCHEMA_VERSION 1

/* Reads the applied version (0 for an empty database). */
gboolean wg_migrate_get_version (PGconn  *conn,
                                 int     *version,
                                 GError **error);

/* Fails with WG_ERROR_SCHEMA_MISMATCH, saying "too old" or "too new" and
 * both numbers, unless the database is at WG_SCHEMA_VERSION. */
gboolean wg_migrate_check_version (PGconn  *conn,
                                   GError **error);

/* Applies every migration above the current version up to @target
 * (WG_SCHEMA_VERSION when @target is 0), each in its own transaction. */
gboolean wg_migrate_apply (PGconn  *conn,
                           int      target,
                           GError **error);

G_END_DECLS
