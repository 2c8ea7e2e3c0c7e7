/* wg-test-db.h — fresh databases in the PostgreSQL cluster of tools/test
 *
 * tools/test exports WG_TEST_PG_HOST (socket directory) and WG_TEST_PG_PORT;
 * the superuser is `postgres`.  Without them the tests skip with a reason.
 */
#pragma once

#include <glib.h>
#include <libpq-fe.h>

#include "wg-pg.h"

G_BEGIN_DECLS

typedef struct {
  char   *name;       /* database name, NULL when skipped */
  PGconn *conn;       /* as the superuser (the owner) */
} WgTestDbFixture;

/* TRUE when the cluster is there; otherwise marks the test skipped. */
gboolean  wg_test_pg_available         (void);
char     *wg_test_conninfo             (const char *dbname,
                                        const char *user);
PGconn   *wg_test_connect              (const char *dbname,
                                        const char *user);
void      wg_test_exec                 (PGconn     *conn,
                                        const char *sql);
/* The first column of the single row of @sql, as text. */
char     *wg_test_query                (PGconn     *conn,
                                        const char *sql);
void      wg_test_assert_query         (PGconn     *conn,
                                        const char *sql,
                                        const char *expected);
gint64    wg_test_query_int            (PGconn     *conn,
                                        const char *sql);
double    wg_test_query_double         (PGconn     *conn,
                                        const char *sql);
/* Creates wg_test_<tag>_<pid> (dropping a leftover) and returns its name. */
char     *wg_test_db_create            (const char *tag);
void      wg_test_db_drop              (const char *name);

/* A fresh empty database per test (g_test_add). */
void      wg_test_db_fixture_set_up    (WgTestDbFixture *fixture,
                                        gconstpointer    data);
void      wg_test_db_fixture_tear_down (WgTestDbFixture *fixture,
                                        gconstpointer    data);

G_END_DECLS
