/* test-server-input.c — bad input, body limits, routing, graceful shutdown */
#define G_LOG_DOMAIN "test-server"

#include "config.h"

#include <libpq-fe.h>
#include <signal.h>
#include <string.h>

#include "test-server.h"

#define MAX_BODY (1024 * 1024)
#define SIGN_IN_BODY "{\"username\": \"leader\", \"password\": \"wangge2026\"}"

static void
assert_still_serving (Fixture *fixture)
{
  g_autoptr(WgTestResponse) health = get (fixture, "/api/v1/health", NULL);

  g_assert_cmpuint (health->status, ==, 200);
}

static void
test_input_malformed_json (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(WgTestResponse) broken = NULL;
  g_autoptr(WgTestResponse) array = NULL;
  g_autoptr(WgTestResponse) empty = NULL;
  g_autoptr(WgTestResponse) deep = NULL;
  g_autofree char *nested = g_strnfill (1000 * 1000, '[');
  g_autofree char *open31 = g_strnfill (31, '[');
  g_autofree char *close31 = g_strnfill (31, ']');
  g_autofree char *limit_body = g_strdup_printf ("{\"username\": %s\"[[[[\"%s, \"password\": \"x\"}",
                                                 open31, close31);
  g_autofree char *over_body = g_strdup_printf ("{\"username\": [%s\"x\"%s], \"password\": \"x\"}",
                                                open31, close31);
  g_autoptr(WgTestResponse) at_limit = NULL;
  g_autoptr(WgTestResponse) over_limit = NULL;

  SKIP_WITHOUT_SERVER (fixture);
  broken = post_json (fixture, "/api/v1/session", "{\"username\": \"leader\", ");
  wg_test_assert_error (broken, 400, "malformed-json", NULL);
  array = post_json (fixture, "/api/v1/session", "[\"leader\", \"wangge2026\"]");
  wg_test_assert_error (array, 400, "malformed-json", NULL);
  empty = post_json (fixture, "/api/v1/session", "");
  wg_test_assert_error (empty, 400, "malformed-json", NULL);
  /* Under the size limit but nested a million deep: json-glib would
   * recurse until the stack overflows. */
  deep = post_json (fixture, "/api/v1/session", nested);
  wg_test_assert_error (deep, 400, "malformed-json", NULL);
  assert_still_serving (fixture);
  /* 32 levels are read (and then refused for the field's type), 33 not;
   * brackets inside strings do not count. */
  at_limit = post_json (fixture, "/api/v1/session", limit_body);
  wg_test_assert_error (at_limit, 400, "invalid-input", "username");
  over_limit = post_json (fixture, "/api/v1/session", over_body);
  wg_test_assert_error (over_limit, 400, "malformed-json", NULL);
}

static void
test_input_invalid_fields (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(WgTestResponse) wrong_type = NULL;
  g_autoptr(WgTestResponse) missing = NULL;
  g_autoptr(WgTestResponse) too_long = NULL;
  g_autofree char *long_name = g_strnfill (65, 'a');
  g_autofree char *long_body = g_strdup_printf ("{\"username\": \"%s\", \"password\": \"x\"}", long_name);

  SKIP_WITHOUT_SERVER (fixture);
  wrong_type = post_json (fixture, "/api/v1/session", "{\"username\": 5, \"password\": \"x\"}");
  wg_test_assert_error (wrong_type, 400, "invalid-input", "username");
  missing = post_json (fixture, "/api/v1/session", "{\"username\": \"leader\"}");
  wg_test_assert_error (missing, 400, "invalid-input", "password");
  too_long = post_json (fixture, "/api/v1/session", long_body);
  wg_test_assert_error (too_long, 400, "invalid-input", "username");
}

static void
test_input_media_type (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(WgTestResponse) response = NULL;

  SKIP_WITHOUT_SERVER (fixture);
  response = wg_test_request (fixture->session, fixture->url, "POST", "/api/v1/session", NULL,
                              "text/plain", "{\"username\": \"leader\", \"password\": \"wangge2026\"}");
  wg_test_assert_error (response, 415, "unsupported-media-type", NULL);
}

static WgTestResponse *
send_body (Fixture      *fixture,
           GBytes       *body,
           gboolean      chunked,
           gboolean      expect_continue)
{
  g_autofree char *uri = g_strconcat (fixture->url, "/api/v1/session", NULL);
  g_autoptr(SoupMessage) message = soup_message_new ("POST", uri);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) answer = NULL;
  WgTestResponse *response;

  if (chunked)
    {
      g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (body);

      soup_message_set_request_body (message, "application/json", stream, -1);
    }
  else
    soup_message_set_request_body_from_bytes (message, "application/json", body);
  if (expect_continue)
    soup_message_headers_set_expectations (soup_message_get_request_headers (message),
                                           SOUP_EXPECTATION_CONTINUE);
  answer = soup_session_send_and_read (fixture->session, message, NULL, &error);
  g_assert_no_error (error);
  response = g_new0 (WgTestResponse, 1);
  response->status = soup_message_get_status (message);
  response->headers = soup_message_headers_ref (soup_message_get_response_headers (message));
  response->json = json_from_string (g_bytes_get_data (answer, NULL), NULL);
  response->body = g_steal_pointer (&answer);
  return response;
}

/* A JSON object of exactly @size bytes (padded with spaces). */
static GBytes *
padded_body (gsize size)
{
  const char *object = "{\"username\": \"leader\", \"password\": \"wrong\"}";
  char *data = g_malloc (size);

  memset (data, ' ', size);
  memcpy (data, object, strlen (object));
  return g_bytes_new_take (data, size);
}

static void
test_input_too_large (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(GBytes) at_limit = padded_body (MAX_BODY);
  g_autoptr(GBytes) over_limit = padded_body (MAX_BODY + 1);
  g_autoptr(GBytes) huge = padded_body (8 * MAX_BODY);
  g_autoptr(WgTestResponse) accepted = NULL;
  g_autoptr(WgTestResponse) with_length = NULL;
  g_autoptr(WgTestResponse) chunked = NULL;
  g_autoptr(WgTestResponse) continued = NULL;

  SKIP_WITHOUT_SERVER (fixture);
  /* At the limit the body is read and judged on its content. */
  accepted = send_body (fixture, at_limit, FALSE, FALSE);
  wg_test_assert_error (accepted, 401, "invalid-credentials", NULL);

  with_length = send_body (fixture, over_limit, FALSE, FALSE);
  wg_test_assert_error (with_length, 413, "payload-too-large", NULL);
  g_assert_true (soup_message_headers_header_contains (with_length->headers, "Connection", "close"));
  assert_still_serving (fixture);

  chunked = send_body (fixture, huge, TRUE, FALSE);
  wg_test_assert_error (chunked, 413, "payload-too-large", NULL);
  assert_still_serving (fixture);

  continued = send_body (fixture, huge, FALSE, TRUE);
  wg_test_assert_error (continued, 413, "payload-too-large", NULL);
  assert_still_serving (fixture);
}

static void
test_input_routing (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(WgTestResponse) unknown = NULL;
  g_autoptr(WgTestResponse) outside = NULL;
  g_autoptr(WgTestResponse) method = NULL;

  SKIP_WITHOUT_SERVER (fixture);
  unknown = get (fixture, "/api/v1/nothing", NULL);
  wg_test_assert_error (unknown, 404, "not-found", NULL);
  outside = get (fixture, "/", NULL);
  wg_test_assert_error (outside, 404, "not-found", NULL);
  method = wg_test_request (fixture->session, fixture->url, "PUT", "/api/v1/session", NULL,
                            "application/json", "{}");
  wg_test_assert_error (method, 405, "method-not-allowed", NULL);
  g_assert_true (soup_message_headers_header_contains (method->headers, "Allow", "POST"));
  g_assert_true (soup_message_headers_header_contains (method->headers, "Allow", "DELETE"));
}

static void
login_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  SoupMessage *message = soup_session_get_async_result_message (SOUP_SESSION (source), result);
  guint *status = user_data;
  g_autoptr(GBytes) body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, NULL);

  *status = body != NULL ? soup_message_get_status (message) : 1;
}

static gboolean
login_is_waiting_for_lock (Fixture *fixture)
{
  return admin_count (fixture, "SELECT count(*) FROM pg_stat_activity "
                               "WHERE usename = 'wangge_app' AND wait_event_type = 'Lock'") > 0;
}

/* SIGTERM while a sign-in waits for a table lock: no new connections, the
 * sign-in still completes, then the server exits 0. */
static void
test_input_graceful_shutdown (Fixture       *fixture,
                              gconstpointer  user_data)
{
  g_autoptr(PGconn) blocker = NULL;
  g_autoptr(PGresult) locked = NULL;
  g_autoptr(PGresult) released = NULL;
  g_autoptr(SoupMessage) message = NULL;
  g_autoptr(SoupSession) fresh = NULL;
  g_autoptr(WgTestResponse) refused = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;
  g_autoptr(GBytes) body = NULL;
  guint status = 0;
  gint64 deadline;

  SKIP_WITHOUT_SERVER (fixture);
  blocker = PQconnectdb (wg_test_server_get_admin_conninfo (fixture->server));
  locked = PQexec (blocker, "BEGIN; LOCK TABLE users IN ACCESS EXCLUSIVE MODE");
  g_assert_cmpint (PQresultStatus (locked), ==, PGRES_COMMAND_OK);

  uri = g_strconcat (fixture->url, "/api/v1/session", NULL);
  message = soup_message_new ("POST", uri);
  body = g_bytes_new_static (SIGN_IN_BODY, strlen (SIGN_IN_BODY));
  soup_message_set_request_body_from_bytes (message, "application/json", body);
  soup_session_send_and_read_async (fixture->session, message, G_PRIORITY_DEFAULT, NULL,
                                    login_done_cb, &status);
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (!login_is_waiting_for_lock (fixture) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (login_is_waiting_for_lock (fixture));

  wg_test_server_send_signal (fixture->server, SIGTERM);
  g_usleep (300 * 1000);
  g_assert_true (wg_test_server_is_running (fixture->server));
  fresh = soup_session_new_with_options ("timeout", 5, "proxy-resolver", NULL, NULL);
  refused = wg_test_try_request (fresh, fixture->url, "GET", "/api/v1/health", NULL);
  g_assert_null (refused);

  released = PQexec (blocker, "COMMIT");
  while (status == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (status, ==, 201);
  wg_test_server_stop_checked (fixture->server, &error);
  g_assert_no_error (error);
}

/* A client that hangs up while its sign-in runs: the server carries on,
 * and the request log says what it answered, not libsoup's 500. */
static void
test_input_hang_up (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketConnection) connection = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *request = NULL;
  g_autofree char *log = NULL;
  gint64 deadline;

  SKIP_WITHOUT_SERVER (fixture);
  connection = g_socket_client_connect_to_uri (client, fixture->url, 0, NULL, &error);
  g_assert_no_error (error);
  request = g_strdup_printf ("POST /api/v1/session HTTP/1.1\r\nHost: localhost\r\n"
                             "Content-Type: application/json\r\nContent-Length: %zu\r\n\r\n%s",
                             strlen (SIGN_IN_BODY), SIGN_IN_BODY);
  g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (connection)),
                             request, strlen (request), NULL, NULL, &error);
  g_assert_no_error (error);
  /* Password hashing takes tens of milliseconds: gone before the answer. */
  g_io_stream_close (G_IO_STREAM (connection), NULL, &error);
  g_assert_no_error (error);

  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  do
    {
      g_free (log);
      log = wg_test_server_read_log (fixture->server);
      g_usleep (20 * 1000);
    }
  while (strstr (log, "(aborted)") == NULL && g_get_monotonic_time () < deadline);
  g_assert_nonnull (strstr (log, "POST /api/v1/session 201 "));
  g_assert_null (strstr (log, "POST /api/v1/session 500 "));
  assert_still_serving (fixture);
}

void
wg_test_add_input_tests (void)
{
  WG_TEST_ADD ("/server/input/malformed-json", test_input_malformed_json);
  WG_TEST_ADD ("/server/input/invalid-fields", test_input_invalid_fields);
  WG_TEST_ADD ("/server/input/media-type", test_input_media_type);
  WG_TEST_ADD ("/server/input/too-large", test_input_too_large);
  WG_TEST_ADD ("/server/input/routing", test_input_routing);
  WG_TEST_ADD ("/server/input/graceful-shutdown", test_input_graceful_shutdown);
  WG_TEST_ADD ("/server/input/hang-up", test_input_hang_up);
}
