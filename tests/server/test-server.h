/* test-server.h — the fixture shared by the server test files */
#pragma once

#include "wg-test-harness-private.h"
#include "wg-test-http.h"

G_BEGIN_DECLS

#define WG_TEST_PASSWORD "wangge2026"

typedef struct {
  WgTestServer *server;
  SoupSession  *session;
  const char   *url;
} Fixture;

/* Registers a test with a fresh database and server. */
#define WG_TEST_ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

/* Without the environment of tools/test the test is already marked skipped. */
#define SKIP_WITHOUT_SERVER(fixture) \
  G_STMT_START { if ((fixture)->server == NULL) return; } G_STMT_END

void            fixture_set_up    (Fixture       *fixture,
                                   gconstpointer  user_data);
void            fixture_tear_down (Fixture       *fixture,
                                   gconstpointer  user_data);

void            admin_sql         (Fixture       *fixture,
                                   const char    *sql);
gint64          admin_count       (Fixture       *fixture,
                                   const char    *sql);
WgTestResponse *get               (Fixture       *fixture,
                                   const char    *path,
                                   const char    *token);
WgTestResponse *post_json         (Fixture       *fixture,
                                   const char    *path,
                                   const char    *body);
char           *sign_in           (Fixture       *fixture,
                                   const char    *username);
WgTestResponse *sign_in_with      (Fixture       *fixture,
                                   const char    *username,
                                   const char    *password);

void wg_test_add_session_tests (void);
void wg_test_add_regions_tests (void);
void wg_test_add_input_tests   (void);
void wg_test_add_parallel_tests (void);
void wg_test_add_people_tests   (void);
void wg_test_add_records_tests  (void);
void wg_test_add_summary_tests  (void);
void wg_test_add_matrix_tests   (void);
void wg_test_add_csv_tests      (void);

G_END_DECLS
