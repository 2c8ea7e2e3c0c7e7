/* test-server-people-access.c — /people: reveal and its audit, the chain,
 * no ID number in clear in the database or the log, the key file */
#define G_LOG_DOMAIN "test-server"

#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <glib/gstdio.h>

#include "test-server-people-private.h"

static void
assert_audit_chain_intact (Fixture *fixture)
{
  g_assert_cmpint (admin_count (fixture,
                                "SELECT count(*) FROM audit_log WHERE hash <> sha256(prev_hash ||"
                                " convert_to(concat_ws('|', at, user_id, action, table_name, record_id,"
                                " path, changes, reason), 'UTF8'))"), ==, 0);
  g_assert_cmpint (admin_count (fixture,
                                "SELECT count(*) FROM audit_log a WHERE a.prev_hash <> '\\x00'::bytea"
                                " AND NOT EXISTS (SELECT 1 FROM audit_log b WHERE b.hash = a.prev_hash)"), ==, 0);
  g_assert_cmpint (admin_count (fixture,
                                "SELECT count(*) - count(DISTINCT prev_hash) FROM audit_log"), ==, 0);
  /* One line: in the order of seq, 1 to n, each row follows the one
   * before it (the first follows nothing). */
  g_assert_cmpint (admin_count (fixture,
                                "SELECT count(*) FROM (SELECT seq, prev_hash,"
                                " lag(hash, 1, '\\x00'::bytea) OVER (ORDER BY seq) AS previous,"
                                " row_number() OVER (ORDER BY seq) AS n FROM audit_log) AS a"
                                " WHERE prev_hash <> previous OR seq <> n"), ==, 0);
}

void
test_people_reveal (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autofree char *community = NULL;
  g_autofree char *grid = NULL;
  g_autofree char *number = people_make_id_number ("19041231", 2, TRUE);
  g_autofree char *reveal = NULL;
  g_autofree char *no_number = NULL;
  g_autofree char *row_sql = NULL;
  g_autoptr(WgTestResponse) response = NULL;
  gint64 id, foreigner;
  gint64 reveals, before;

  SKIP_WITHOUT_SERVER (fixture);
  community = sign_in (fixture, "community");
  grid = sign_in (fixture, "grid");
  id = people_create_simple (fixture, community, "吴八", GRID_1, number, NULL);
  foreigner = people_create_simple (fixture, community, "Anna", GRID_1, NULL, NULL);
  reveal = people_person_path (id, "/reveal");
  no_number = people_person_path (foreigner, "/reveal");
  before = admin_count (fixture, "SELECT count(*) FROM audit_log WHERE action = 'reveal'");

  people_assert_field_error (fixture, "POST", reveal, community, "{\"reason\": \"ab \"}", NULL, 400, "invalid-input", "reason");
  people_assert_field_error (fixture, "POST", reveal, community, "{}", NULL, 400, "invalid-input", "reason");
  people_assert_field_error (fixture, "POST", reveal, grid, "{\"reason\": \"home visit\"}", NULL, 403, "forbidden", NULL);
  people_assert_field_error (fixture, "POST", no_number, community, "{\"reason\": \"home visit\"}", NULL,
                      404, "not-found", "id_number");
  g_assert_cmpint (admin_count (fixture, "SELECT count(*) FROM audit_log WHERE action = 'reveal'"), ==, before);

  response = people_request (fixture, "POST", reveal, community, "{\"reason\": \"低保复核 home visit\"}", NULL);
  g_assert_cmpuint (response->status, ==, 200);
  g_assert_cmpstr (json_object_get_string_member (wg_test_response_object (response), "id_number"), ==, number);

  reveals = admin_count (fixture, "SELECT count(*) FROM audit_log WHERE action = 'reveal'");
  g_assert_cmpint (reveals, ==, before + 1);
  row_sql = g_strdup_printf ("SELECT count(*) FROM audit_log a JOIN users u ON u.id = a.user_id"
                             " WHERE a.action = 'reveal' AND a.table_name = 'person'"
                             " AND a.record_id = %" G_GINT64_FORMAT " AND u.username = 'community'"
                             " AND a.reason = '低保复核 home visit' AND a.path = '110101.001.001.001'"
                             " AND position('%s' in a::text) = 0", id, number);
  g_assert_cmpint (admin_count (fixture, row_sql), ==, 1);
  assert_audit_chain_intact (fixture);

  /* The server's role can add audit rows but never change them. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (wg_test_exec_sql (wg_test_server_get_app_conninfo (fixture->server),
                                      "UPDATE audit_log SET reason = 'x'", &error));
    g_clear_error (&error);
    g_assert_false (wg_test_exec_sql (wg_test_server_get_app_conninfo (fixture->server),
                                      "DELETE FROM audit_log", &error));
  }
  g_assert_cmpint (admin_count (fixture, "SELECT count(*) FROM audit_log WHERE action = 'reveal'"), ==, reveals);
}

void
test_people_chain (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autofree char *community = NULL;
  g_autofree char *street = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *chain = NULL;
  g_autofree char *alone_chain = NULL;
  g_autoptr(WgTestResponse) response = NULL;
  g_autoptr(WgTestResponse) alone = NULL;
  g_autoptr(WgTestResponse) seen_by_community = NULL;
  JsonObject *object;
  JsonObject *household;
  JsonObject *house;
  JsonObject *grid;
  JsonArray *members;
  JsonArray *point;
  gint64 head, child, single;

  SKIP_WITHOUT_SERVER (fixture);
  community = sign_in (fixture, "community");
  street = sign_in (fixture, "street");
  head = people_create_simple (fixture, community, "郑一", GRID_1, NULL, NULL);
  child = people_create_simple (fixture, community, "郑二", GRID_1, NULL, NULL);
  single = people_create_simple (fixture, community, "郑三", GRID_1, NULL, NULL);
  sql = g_strdup_printf ("WITH h AS (INSERT INTO house (path, address, building, unit, room, point, use)"
                         "  VALUES ('110101.001.001.001', '多福巷1号', '2', '1', '101',"
                         "          ST_SetSRID(ST_MakePoint(116.401234, 39.912345), 4326), 'residential')"
                         "  RETURNING id), "
                         "f AS (INSERT INTO household (path, house_id) SELECT '110101.001.001.001'::ltree, id FROM h"
                         "  RETURNING id) "
                         "INSERT INTO household_member (person_id, household_id, path, relation)"
                         " SELECT %" G_GINT64_FORMAT ", id, '110101.001.001.001'::ltree, 'head' FROM f UNION ALL"
                         " SELECT %" G_GINT64_FORMAT ", id, '110101.001.001.001'::ltree, 'child' FROM f",
                         head, child);
  admin_sql (fixture, sql);

  chain = people_person_path (child, "/chain");
  response = get (fixture, chain, street);
  g_assert_cmpuint (response->status, ==, 200);
  object = wg_test_response_object (response);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (object, "person"), "id"), ==, child);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (object, "person"), "household_id"), ==,
                   json_object_get_int_member (json_object_get_object_member (object, "household"), "id"));
  household = json_object_get_object_member (object, "household");
  g_assert_cmpstr (json_object_get_string_member (household, "kind"), ==, "family");
  members = json_object_get_array_member (household, "members");
  g_assert_cmpuint (json_array_get_length (members), ==, 2);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (members, 0), "id"), ==, head);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (members, 0), "relation"), ==, "head");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (members, 1), "name"), ==, "郑二");
  house = json_object_get_object_member (object, "house");
  g_assert_cmpstr (json_object_get_string_member (house, "address"), ==, "多福巷1号");
  g_assert_cmpstr (json_object_get_string_member (house, "room"), ==, "101");
  g_assert_cmpstr (json_object_get_string_member (house, "use"), ==, "residential");
  point = json_object_get_array_member (house, "point");
  g_assert_cmpfloat_with_epsilon (json_array_get_double_element (point, 0), 116.401234, 1e-9);
  g_assert_cmpfloat_with_epsilon (json_array_get_double_element (point, 1), 39.912345, 1e-9);
  grid = json_object_get_object_member (object, "grid");
  g_assert_cmpstr (json_object_get_string_member (grid, "code"), ==, GRID_1);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (grid, "community"), "code"), ==, "110101001001");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (grid, "community"), "name"), ==, "多福巷社区");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (grid, "street"), "code"), ==, "110101001");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (grid, "street"), "name"), ==, "东华门街道");

  /* The street above the community's scope is named too (wg_region_names). */
  seen_by_community = get (fixture, chain, community);
  g_assert_cmpuint (seen_by_community->status, ==, 200);
  grid = json_object_get_object_member (wg_test_response_object (seen_by_community), "grid");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (grid, "community"), "name"), ==, "多福巷社区");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (grid, "street"), "name"), ==, "东华门街道");

  /* Nobody's household: nulls. */
  alone_chain = people_person_path (single, "/chain");
  alone = get (fixture, alone_chain, community);
  g_assert_cmpuint (alone->status, ==, 200);
  g_assert_true (json_object_get_null_member (wg_test_response_object (alone), "household"));
  g_assert_true (json_object_get_null_member (wg_test_response_object (alone), "house"));
}

/* No ID number in clear: not in a dump of the database, not in the log;
 * no name or phone in the log either. */
void
test_people_nothing_in_clear (Fixture       *fixture,
                              gconstpointer  user_data)
{
  g_autofree char *token = NULL;
  g_autofree char *dump = NULL;
  g_autofree char *log = NULL;
  g_autofree char *database = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) numbers = g_ptr_array_new_with_free_func (g_free);
  int status = 0;

  SKIP_WITHOUT_SERVER (fixture);
  token = sign_in (fixture, "community");
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *birth = g_strdup_printf ("1908%02u%02u", i + 1, i + 10);
      char *number = people_make_id_number (birth, 40 + i, TRUE);
      g_autofree char *name = g_strdup_printf ("冯%u号", i);
      g_autofree char *phone = g_strdup_printf ("1350000%04u", i);
      gint64 id = people_create_simple (fixture, token, name, GRID_1, number, phone);
      g_autofree char *reveal = people_person_path (id, "/reveal");
      g_autofree char *path = people_person_path (id, "");
      g_autofree char *search = g_strdup_printf ("/api/v1/people?q=%s", number);

      g_ptr_array_add (numbers, number);
      people_assert_status (fixture, "POST", reveal, token, "{\"reason\": \"checking the form\"}", NULL, 200);
      people_assert_status (fixture, "GET", search, token, NULL, NULL, 200);
      people_assert_status (fixture, "PATCH", path, token, "{\"ethnicity\": \"回族\"}",
                     (const char *[]) { "If-Match", "1", NULL }, 200);
    }
  /* A duplicate, refused: its number must not reach the log either. */
  {
    g_autofree char *body = people_person_body ("冯重复", GRID_1, g_ptr_array_index (numbers, 0), NULL);

    people_assert_status (fixture, "POST", "/api/v1/people", token, body, NULL, 409);
  }

  database = people_admin_text (fixture, "SELECT current_database()");
  {
    const char *argv[] = { "pg_dump", "-h", g_getenv ("WG_TEST_PG_HOST"), "-p", g_getenv ("WG_TEST_PG_PORT"),
                           "-U", "postgres", "--data-only", database, NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                  &dump, NULL, &status, &error);
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }
  g_assert_nonnull (strstr (dump, "冯0号"));   /* the dump does hold the people */
  log = wg_test_server_read_log (fixture->server);
  g_assert_nonnull (strstr (log, "/api/v1/people"));
  for (guint i = 0; i < numbers->len; i++)
    {
      const char *number = g_ptr_array_index (numbers, i);
      g_autofree char *name = g_strdup_printf ("冯%u号", i);
      g_autofree char *phone = g_strdup_printf ("1350000%04u", i);

      g_assert_null (strstr (dump, number));
      g_assert_null (strstr (log, number));
      g_assert_null (strstr (log, name));
      g_assert_null (strstr (log, phone));
    }
}

/* The server refuses to start without a key file it may trust. */
void
test_people_key_file_required (void)
{
  const char *server = g_getenv ("WG_SERVER_BIN");
  g_autofree char *directory = NULL;
  g_autofree char *key = NULL;
  g_autofree char *config = NULL;
  g_autofree char *text = NULL;
  const char *missing_or_open[] = { "missing", "0644" };

  if (server == NULL)
    {
      g_test_skip ("needs WG_SERVER_BIN");
      return;
    }
  directory = g_dir_make_tmp ("wangge-key-XXXXXX", NULL);
  key = g_build_filename (directory, "id-number.key", NULL);
  config = g_build_filename (directory, "server.conf", NULL);
  text = g_strdup_printf ("[server]\nport=0\n[database]\nconninfo=host=/nonexistent dbname=x\n"
                          "[security]\nkey_file=%s\n", key);
  g_assert_true (g_file_set_contents (config, text, -1, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (missing_or_open); i++)
    {
      const char *argv[] = { server, "--config", config, NULL };
      g_autofree char *err = NULL;
      int status = 0;

      if (i == 1)
        {
          g_assert_true (g_file_set_contents (key, "0123456789abcdef0123456789abcdef"
                                                   "0123456789abcdef0123456789abcdef\n", -1, NULL));
          g_chmod (key, 0644);
        }
      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                                   NULL, &err, &status, NULL));
      g_test_message ("%s: %s", missing_or_open[i], err);
      g_assert_false (g_spawn_check_wait_status (status, NULL));
      g_assert_nonnull (strstr (err, "key file"));
    }
  g_remove (key);
  g_remove (config);
  g_rmdir (directory);
}

