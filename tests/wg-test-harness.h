/* wg-test-harness.h — a real wangge-server on a real throwaway database
 *
 * tools/test starts one private PostgreSQL cluster for the whole run and
 * exports WG_TEST_PG_HOST (its socket directory) and WG_TEST_PG_PORT; it also
 * prepares a database "wangge_template" (migrated, demo territory and demo
 * users loaded), and WG_TEST_KEY_FILE, the key file of the ID numbers in it
 * (without it each server gets a new key).  Meson passes WG_SERVER_BIN and
 * WG_ADMIN_BIN to the tests.
 * Without these variables the tests that need them are skipped with a reason
 * (never silently passed).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _WgTestServer WgTestServer;

/* Creates database @name from the template (dropping a leftover of the same
 * name), starts wangge-server on a free 127.0.0.1 port against it as the
 * wangge_app role, and waits until /api/v1/health answers.  The server
 * logs to a file (copied to stderr when it stops), shares none of the
 * test's descriptors and gets SIGTERM when the calling thread dies: call it
 * from the test's main thread. */
WgTestServer *wg_test_server_start              (const char    *name,
                                                 GError       **error);
const char   *wg_test_server_get_url            (WgTestServer  *self);
/* conninfo of the superuser on the test database, for checks and fixtures */
const char   *wg_test_server_get_admin_conninfo (WgTestServer  *self);
/* conninfo as wangge_app, for tests that check RLS directly */
const char   *wg_test_server_get_app_conninfo   (WgTestServer  *self);
void          wg_test_server_stop               (WgTestServer  *self);

/* TRUE when the environment of tools/test is present; otherwise marks the
 * test skipped with the reason and returns FALSE. */
gboolean      wg_test_harness_available         (void);

G_END_DECLS
