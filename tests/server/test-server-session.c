/* test-server-session.c — health, signing in and out, expiry, throttling */
#define G_LOG_DOMAIN "test-server"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "test-server.h"

static void
test_health (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(WgTestResponse) response = NULL;
  JsonObject *object;

  SKIP_WITHOUT_SERVER (fixture);
  response = get (fixture, "/api/v1/health", NULL);
  g_assert_cmpuint (response->status, ==, 200);
  object = wg_test_response_object (response);
  g_assert_cmpstr (json_object_get_string_member (object, "status"), ==, "ok");
  g_assert_cmpstr (json_object_get_string_member (object, "database"), ==, "ok");
  g_assert_cmpint (json_object_get_int_member (object, "schema_version"), ==,
                   json_object_get_int_member (object, "expected_schema_version"));
  g_assert_cmpstr (json_object_get_string_member (object, "version"), ==, PACKAGE_VERSION);
}

/* A database migrated under a running server: health says so. */
static void
test_health_schema_mismatch (Fixture       *fixture,
                             gconstpointer  user_data)
{
  g_autoptr(WgTestResponse) newer = NULL;
  g_autoptr(WgTestResponse) back = NULL;
  JsonObject *error;

  SKIP_WITHOUT_SERVER (fixture);
  admin_sql (fixture, "INSERT INTO schema_migrations (version, name) VALUES (999, 'future')");
  newer = get (fixture, "/api/v1/health", NULL);
  wg_test_assert_error (newer, 503, "schema-mismatch", NULL);
  error = json_object_get_object_member (wg_test_response_object (newer), "error");
  g_assert_nonnull (strstr (json_object_get_string_member (error, "message"), "new"));

  admin_sql (fixture, "DELETE FROM schema_migrations WHERE version = 999");
  back = get (fixture, "/api/v1/health", NULL);
  g_assert_cmpuint (back->status, ==, 200);
}

static void
test_session_sign_in (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(WgTestResponse) response = NULL;
  g_autoptr(WgTestResponse) again = NULL;
  const char *token;
  JsonObject *user;

  SKIP_WITHOUT_SERVER (fixture);
  response = sign_in_with (fixture, "street", WG_TEST_PASSWORD);
  g_assert_cmpuint (response->status, ==, 201);
  g_assert_cmpstr (soup_message_headers_get_one (response->headers, "Cache-Control"), ==, "no-store");
  token = json_object_get_string_member (wg_test_response_object (response), "token");
  g_assert_cmpuint (strlen (token), ==, 43);   /* 32 bytes, base64url */
  g_assert_true (g_str_has_suffix (json_object_get_string_member (wg_test_response_object (response),
                                                                  "expires_at"), "Z"));
  user = json_object_get_object_member (wg_test_response_object (response), "user");
  g_assert_cmpstr (json_object_get_string_member (user, "username"), ==, "street");
  g_assert_cmpstr (json_object_get_string_member (user, "scope"), ==, "110101.001");
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (user, "roles"), 0),
                   ==, "street");
  g_assert_true (json_object_has_member (json_object_get_object_member (user, "unit"), "name"));

  /* Only a hash of the token is stored. */
  g_assert_cmpint (admin_count (fixture, "SELECT count(*) FROM sessions"), ==, 1);

  again = get (fixture, "/api/v1/session", token);
  g_assert_cmpuint (again->status, ==, 200);
  user = json_object_get_object_member (wg_test_response_object (again), "user");
  g_assert_cmpstr (json_object_get_string_member (user, "username"), ==, "street");
}

static void
test_session_wrong_password (Fixture       *fixture,
                             gconstpointer  user_data)
{
  g_autoptr(WgTestResponse) response = NULL;

  SKIP_WITHOUT_SERVER (fixture);
  response = sign_in_with (fixture, "leader", "wangge2025");
  wg_test_assert_error (response, 401, "invalid-credentials", NULL);
  g_assert_cmpint (admin_count (fixture, "SELECT count(*) FROM login_failures WHERE username = 'leader'"),
                   ==, 1);
  g_assert_cmpint (admin_count (fixture, "SELECT count(*) FROM sessions"), ==, 0);
}

static void
test_session_unknown_user (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(WgTestResponse) response = NULL;

  SKIP_WITHOUT_SERVER (fixture);
  response = sign_in_with (fixture, "nobody", WG_TEST_PASSWORD);
  wg_test_assert_error (response, 401, "invalid-credentials", NULL);
}

static void
test_session_disabled (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autofree char *token = NULL;
  g_autoptr(WgTestResponse) before = NULL;
  g_autoptr(WgTestResponse) response = NULL;
  g_autoptr(WgTestResponse) after = NULL;

  SKIP_WITHOUT_SERVER (fixture);
  token = sign_in (fixture, "community");
  before = get (fixture, "/api/v1/session", token);
  g_assert_cmpuint (before->status, ==, 200);

  admin_sql (fixture, "UPDATE users SET disabled = true WHERE username = 'community'");
  after = get (fixture, "/api/v1/session", token);
  wg_test_assert_error (after, 401, "unauthenticated", NULL);
  response = sign_in_with (fixture, "community", WG_TEST_PASSWORD);
  wg_test_assert_error (response, 403, "account-disabled", NULL);
  /* Signing in to a disabled account revokes its sessions. */
  g_assert_cmpint (admin_count (fixture, "SELECT count(*) FROM sessions s JOIN users u ON u.id = s.user_id "
                                         "WHERE u.username = 'community' AND s.revoked_at IS NULL"), ==, 0);
}

static void
test_session_throttled (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(WgTestResponse) throttled = NULL;
  g_autoptr(WgTestResponse) other = NULL;
  g_autofree char *token = NULL;
  const char *retry_after;

  SKIP_WITHOUT_SERVER (fixture);
  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(WgTestResponse) response = sign_in_with (fixture, "dispatcher", "guess");

      wg_test_assert_error (response, 401, "invalid-credentials", NULL);
    }
  /* Even the right password waits now. */
  throttled = sign_in_with (fixture, "dispatcher", WG_TEST_PASSWORD);
  wg_test_assert_error (throttled, 429, "too-many-requests", NULL);
  retry_after = soup_message_headers_get_one (throttled->headers, "Retry-After");
  g_assert_nonnull (retry_after);
  g_assert_cmpint (atoi (retry_after), >, 0);
  g_assert_cmpint (atoi (retry_after), <=, 15 * 60);
  /* Recorded in the database, so every server process sees it. */
  g_assert_cmpint (admin_count (fixture, "SELECT count(*) FROM login_failures WHERE username = 'dispatcher'"),
                   ==, 5);
  /* Other users are not affected. */
  other = sign_in_with (fixture, "auditor", WG_TEST_PASSWORD);
  g_assert_cmpuint (other->status, ==, 201);

  /* Once the failures are older than the window, signing in works again. */
  admin_sql (fixture, "UPDATE login_failures SET failed_at = now() - interval '16 minutes'");
  token = sign_in (fixture, "dispatcher");
  g_assert_cmpint (admin_count (fixture, "SELECT count(*) FROM login_failures WHERE username = 'dispatcher'"),
                   ==, 0);
}

/* Signs in, ages the session with @sql, and expects 401 session-expired
 * from @path. */
static void
assert_expires (Fixture    *fixture,
                const char *sql,
                const char *path)
{
  g_autofree char *token = sign_in (fixture, "leader");
  g_autoptr(WgTestResponse) response = NULL;

  admin_sql (fixture, sql);
  response = get (fixture, path, token);
  wg_test_assert_error (response, 401, "session-expired", NULL);
}

static void
test_session_idle_expiry (Fixture       *fixture,
                          gconstpointer  user_data)
{
  SKIP_WITHOUT_SERVER (fixture);
  assert_expires (fixture, "UPDATE sessions SET last_seen_at = now() - interval '121 minutes'",
                  "/api/v1/regions");
}

static void
test_session_absolute_expiry (Fixture       *fixture,
                              gconstpointer  user_data)
{
  SKIP_WITHOUT_SERVER (fixture);
  assert_expires (fixture, "UPDATE sessions SET expires_at = now() - interval '1 second'",
                  "/api/v1/session");
}

static void
test_session_last_seen (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autofree char *token = NULL;
  g_autoptr(WgTestResponse) first = NULL;
  g_autoptr(WgTestResponse) second = NULL;

  SKIP_WITHOUT_SERVER (fixture);
  token = sign_in (fixture, "leader");
  /* Used within the minute: not written again. */
  admin_sql (fixture, "UPDATE sessions SET last_seen_at = now() - interval '30 seconds'");
  first = get (fixture, "/api/v1/session", token);
  g_assert_cmpuint (first->status, ==, 200);
  g_assert_cmpint (admin_count (fixture, "SELECT count(*) FROM sessions "
                                         "WHERE last_seen_at < now() - interval '20 seconds'"), ==, 1);
  /* Older than a minute: refreshed, which also keeps the idle clock going. */
  admin_sql (fixture, "UPDATE sessions SET last_seen_at = now() - interval '100 minutes'");
  second = get (fixture, "/api/v1/session", token);
  g_assert_cmpuint (second->status, ==, 200);
  g_assert_cmpint (admin_count (fixture, "SELECT count(*) FROM sessions "
                                         "WHERE last_seen_at > now() - interval '1 minute'"), ==, 1);
}

static WgTestResponse *
sign_out (Fixture    *fixture,
          const char *token)
{
  return wg_test_request (fixture->session, fixture->url, "DELETE", "/api/v1/session",
                          token, NULL, NULL);
}

static void
test_session_sign_out (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autofree char *token = NULL;
  g_autoptr(WgTestResponse) deleted = NULL;
  g_autoptr(WgTestResponse) after = NULL;
  g_autoptr(WgTestResponse) again = NULL;
  g_autofree char *next = NULL;

  SKIP_WITHOUT_SERVER (fixture);
  token = sign_in (fixture, "grid");
  deleted = sign_out (fixture, token);
  g_assert_cmpuint (deleted->status, ==, 204);
  after = get (fixture, "/api/v1/regions", token);
  wg_test_assert_error (after, 401, "unauthenticated", NULL);
  again = sign_out (fixture, token);
  wg_test_assert_error (again, 401, "unauthenticated", NULL);

  /* Sessions that ended over a day ago go when the user signs in again. */
  admin_sql (fixture, "UPDATE sessions SET revoked_at = now() - interval '2 days'");
  next = sign_in (fixture, "grid");
  g_assert_cmpint (admin_count (fixture, "SELECT count(*) FROM sessions"), ==, 1);
}

static void
test_session_no_token (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(WgTestResponse) none = NULL;
  g_autoptr(WgTestResponse) garbage = NULL;
  g_autoptr(WgTestResponse) unknown = NULL;

  SKIP_WITHOUT_SERVER (fixture);
  none = get (fixture, "/api/v1/regions", NULL);
  wg_test_assert_error (none, 401, "unauthenticated", NULL);
  g_assert_true (g_str_has_prefix (soup_message_headers_get_one (none->headers, "WWW-Authenticate"),
                                   "Bearer"));
  garbage = get (fixture, "/api/v1/session", "not a token");
  wg_test_assert_error (garbage, 401, "unauthenticated", NULL);
  /* Well-formed but never issued. */
  unknown = get (fixture, "/api/v1/session", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
  wg_test_assert_error (unknown, 401, "unauthenticated", NULL);
}

/* The request log names method, path, status and user, and never a
 * password, a token or a query value. */
static void
test_log_no_secrets (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autofree char *token = NULL;
  g_autofree char *log = NULL;
  g_autoptr(WgTestResponse) wrong = NULL;
  g_autoptr(WgTestResponse) regions = NULL;
  g_autoptr(WgTestResponse) session = NULL;

  SKIP_WITHOUT_SERVER (fixture);
  token = sign_in (fixture, "leader");
  wrong = sign_in_with (fixture, "leader", "secret-guess-42");
  regions = get (fixture, "/api/v1/regions?parent=110101001&limit=7", token);
  session = get (fixture, "/api/v1/session", token);
  g_assert_cmpuint (regions->status, ==, 200);

  log = wg_test_server_read_log (fixture->server);
  g_assert_nonnull (strstr (log, "POST /api/v1/session 201 "));
  g_assert_nonnull (strstr (log, "POST /api/v1/session 401 "));
  g_assert_nonnull (strstr (log, "GET /api/v1/regions 200 "));
  g_assert_nonnull (strstr (log, " ms user="));
  g_assert_null (strstr (log, WG_TEST_PASSWORD));
  g_assert_null (strstr (log, "secret-guess-42"));
  g_assert_null (strstr (log, token));
  g_assert_null (strstr (log, "parent="));
  g_assert_null (strstr (log, "limit="));
}

void
wg_test_add_session_tests (void)
{
  WG_TEST_ADD ("/server/health/ok", test_health);
  WG_TEST_ADD ("/server/health/schema-mismatch", test_health_schema_mismatch);
  WG_TEST_ADD ("/server/session/sign-in", test_session_sign_in);
  WG_TEST_ADD ("/server/session/wrong-password", test_session_wrong_password);
  WG_TEST_ADD ("/server/session/unknown-user", test_session_unknown_user);
  WG_TEST_ADD ("/server/session/disabled", test_session_disabled);
  WG_TEST_ADD ("/server/session/throttled", test_session_throttled);
  WG_TEST_ADD ("/server/session/idle-expiry", test_session_idle_expiry);
  WG_TEST_ADD ("/server/session/absolute-expiry", test_session_absolute_expiry);
  WG_TEST_ADD ("/server/session/last-seen", test_session_last_seen);
  WG_TEST_ADD ("/server/session/sign-out", test_session_sign_out);
  WG_TEST_ADD ("/server/session/no-token", test_session_no_token);
  WG_TEST_ADD ("/server/log/no-secrets", test_log_no_secrets);

}
