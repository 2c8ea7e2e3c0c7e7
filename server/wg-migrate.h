/* wg-migrate.h — ordered SQL migrations in server/sql/ */
#pragma once

#include <glib.h>
#include <libpq-fe.h>

G_BEGIN_DECLS

/* The schema version this build of the server and admin tool expects:
 * the number of the last file in server/sql/.  A test keeps it honest. */
#define WG_SCHEMA_VERSION 7

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

/* Where the migration files are: WG_SOURCE_DIR/server/sql when this program
 * runs from the build tree, else WG_PKGDATADIR/sql. */
char     *wg_migrate_find_sql_dir (void);

/* The highest version among the NNN-*.sql files of @sql_dir; fails when the
 * folder is unreadable, empty, or its numbers are not 1, 2, … without gaps. */
gboolean  wg_migrate_dir_latest   (const char  *sql_dir,
                                   int         *latest,
                                   GError     **error);

/* Like wg_migrate_apply() with the files of @sql_dir, whose last file is
 * the newest version (so tests can add migrations of their own).  The file
 * names applied are appended to @applied (may be NULL). */
gboolean  wg_migrate_apply_dir    (PGconn      *conn,
                                   const char  *sql_dir,
                                   int          target,
                                   GPtrArray   *applied,
                                   GError     **error);

G_END_DECLS
