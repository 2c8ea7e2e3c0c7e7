/* test-server-parallel.c — many requests at once on a few workers
 *
 * The server has two database workers (the harness's configuration); the
 * requests queue, and each must still run with its own user's scope: the
 * scope is set per transaction, never left on a connection.
 */
#define G_LOG_DOMAIN "test-server"

#include "config.h"

#include <string.h>

#include "test-server.h"

#define ROUNDS 24

typedef struct {
  guint        pending;
  guint        failures;
  const char  *expected_prefix;   /* every feature code starts so */
  guint        expected_count;
} Expectation;

typedef struct {
  Expectation *expectation;
  SoupMessage *message;
} Call;

static void
check_features (Expectation *expectation,
                GBytes      *body)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *features;

  if (!json_parser_load_from_data (parser, g_bytes_get_data (body, NULL), g_bytes_get_size (body), NULL))
    {
      expectation->failures++;
      return;
    }
  features = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "features");
  if (json_array_get_length (features) != expectation->expected_count)
    expectation->failures++;
  for (guint i = 0; i < json_array_get_length (features); i++)
    {
      JsonObject *feature = json_array_get_object_element (features, i);

      if (!g_str_has_prefix (json_object_get_string_member (feature, "id"), expectation->expected_prefix))
        expectation->failures++;
    }
}

static void
call_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Call *call = user_data;
  g_autoptr(GBytes) body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, NULL);

  if (body == NULL || soup_message_get_status (call->message) != 200)
    call->expectation->failures++;
  else
    check_features (call->expectation, body);
  call->expectation->pending--;
  g_object_unref (call->message);
  g_free (call);
}

static void
send_layer (Fixture     *fixture,
            SoupSession *session,
            const char  *token,
            Expectation *expectation)
{
  g_autofree char *uri = g_strconcat (fixture->url, "/api/v1/regions?format=geojson&level=grid", NULL);
  g_autofree char *authorization = g_strconcat ("Bearer ", token, NULL);
  Call *call = g_new0 (Call, 1);

  call->expectation = expectation;
  call->message = soup_message_new ("GET", uri);
  soup_message_headers_replace (soup_message_get_request_headers (call->message),
                                "Authorization", authorization);
  expectation->pending++;
  soup_session_send_and_read_async (session, call->message, G_PRIORITY_DEFAULT, NULL,
                                    call_done_cb, call);
}

static void
test_parallel_scopes (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(SoupSession) session = NULL;
  g_autofree char *leader = NULL;
  g_autofree char *street = NULL;
  g_autofree char *community = NULL;
  Expectation expect_leader = { 0, 0, "110101", 589 };
  Expectation expect_street = { 0, 0, "110101001", 0 };
  Expectation expect_community = { 0, 0, "110101001001", 0 };

  SKIP_WITHOUT_SERVER (fixture);
  /* No proxy: the server is on loopback whatever the environment says. */
  session = soup_session_new_with_options ("max-conns", 64, "max-conns-per-host", 64,
                                           "proxy-resolver", NULL, "timeout", 60, NULL);
  leader = sign_in (fixture, "leader");
  street = sign_in (fixture, "street");
  community = sign_in (fixture, "community");
  expect_street.expected_count = admin_count (fixture, "SELECT count(*) FROM regions "
                                                       "WHERE level = 'grid' AND code LIKE '110101001%'");
  expect_community.expected_count = admin_count (fixture, "SELECT count(*) FROM regions "
                                                          "WHERE level = 'grid' AND code LIKE '110101001001%'");

  for (guint i = 0; i < ROUNDS; i++)
    {
      send_layer (fixture, session, leader, &expect_leader);
      send_layer (fixture, session, street, &expect_street);
      send_layer (fixture, session, community, &expect_community);
    }
  while (expect_leader.pending + expect_street.pending + expect_community.pending > 0)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (expect_leader.failures, ==, 0);
  g_assert_cmpuint (expect_street.failures, ==, 0);
  g_assert_cmpuint (expect_community.failures, ==, 0);
}

/* The server's default [server] login_max_failures. */
#define MAX_FAILURES 5

typedef struct {
  guint pending;
  guint created;
  guint unauthorized;
  guint throttled;
} SignIns;

static void
sign_in_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  SoupMessage *message = soup_session_get_async_result_message (SOUP_SESSION (source), result);
  g_autoptr(GBytes) body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, NULL);
  SignIns *sign_ins = user_data;
  guint status = body != NULL ? soup_message_get_status (message) : 0;

  sign_ins->created += status == SOUP_STATUS_CREATED;
  sign_ins->unauthorized += status == SOUP_STATUS_UNAUTHORIZED;
  sign_ins->throttled += status == 429;   /* not in libsoup 3.2's enum */
  sign_ins->pending--;
}

/* Signs in @count times at once, cycling through @users, and waits. */
static void
sign_in_at_once (Fixture            *fixture,
                 const char * const *users,
                 guint               n_users,
                 guint               count,
                 const char         *password,
                 SignIns            *sign_ins)
{
  /* No proxy: the server is on loopback whatever the environment says. */
  g_autoptr(SoupSession) session =
    soup_session_new_with_options ("max-conns", 64, "max-conns-per-host", 64,
                                   "proxy-resolver", NULL, "timeout", 60, NULL);
  g_autofree char *uri = g_strconcat (fixture->url, "/api/v1/session", NULL);

  for (guint i = 0; i < count; i++)
    {
      g_autoptr(SoupMessage) message = soup_message_new ("POST", uri);
      g_autofree char *text = g_strdup_printf ("{\"username\": \"%s\", \"password\": \"%s\"}",
                                               users[i % n_users], password);
      g_autoptr(GBytes) body = g_bytes_new (text, strlen (text));

      soup_message_set_request_body_from_bytes (message, "application/json", body);
      sign_ins->pending++;
      soup_session_send_and_read_async (session, message, G_PRIORITY_DEFAULT, NULL,
                                        sign_in_done_cb, sign_ins);
    }
  while (sign_ins->pending > 0)
    g_main_context_iteration (NULL, TRUE);
}

/* Password hashing runs on the workers: many sign-ins at once all work. */
static void
test_parallel_sign_ins (Fixture       *fixture,
                        gconstpointer  user_data)
{
  static const char * const users[] = { "admin", "leader", "dispatcher", "street",
                                        "community", "grid", "dept", "auditor" };
  SignIns sign_ins = { 0 };

  SKIP_WITHOUT_SERVER (fixture);
  sign_in_at_once (fixture, users, G_N_ELEMENTS (users), 2 * G_N_ELEMENTS (users),
                   WG_TEST_PASSWORD, &sign_ins);
  g_assert_cmpuint (sign_ins.created, ==, 2 * G_N_ELEMENTS (users));
  g_assert_cmpint (admin_count (fixture, "SELECT count(*) FROM sessions"), ==, 2 * G_N_ELEMENTS (users));
}

/* Wrong passwords sent together are still counted one after the other:
 * exactly MAX_FAILURES get through to the password check. */
static void
test_parallel_throttle (Fixture       *fixture,
                        gconstpointer  user_data)
{
  static const char * const users[] = { "street" };
  SignIns sign_ins = { 0 };

  SKIP_WITHOUT_SERVER (fixture);
  sign_in_at_once (fixture, users, 1, MAX_FAILURES + 3, "not-the-password", &sign_ins);
  g_assert_cmpuint (sign_ins.unauthorized, ==, MAX_FAILURES);
  g_assert_cmpuint (sign_ins.throttled, ==, 3);
  g_assert_cmpint (admin_count (fixture, "SELECT count(*) FROM login_failures"), ==, MAX_FAILURES);
}

void
wg_test_add_parallel_tests (void)
{
  WG_TEST_ADD ("/server/parallel/scopes", test_parallel_scopes);
  WG_TEST_ADD ("/server/parallel/sign-ins", test_parallel_sign_ins);
  WG_TEST_ADD ("/server/parallel/throttle", test_parallel_throttle);
}
