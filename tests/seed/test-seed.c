/* test-seed.c — the deterministic district generator (wg_seed_run)
 *
 * Seeds the demo scale twice with one seed into two copies of the template
 * database of tools/test and checks the data: the same rows from the same
 * seed, valid ID numbers that match sex and birth date, houses inside their
 * grids, the chain person → household → house → grid, counts, the import
 * rows of the audit log, and no ID number in clear in a dump.  Skipped with
 * a reason without the cluster (WG_TEST_PG_HOST/WG_TEST_PG_PORT).
 */
#define G_LOG_DOMAIN "test-seed"

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "wg-error.h"
#include "wg-protect.h"
#include "wg-seed.h"
#include "wg-seed-private.h"
#include "wg-test-db.h"
#include "wg-validate.h"

#define TEST_SEED 20261031

/* Both databases are seeded once and shared by the tests. */
typedef struct {
  char      *first;
  char      *second;
  PGconn    *conn;       /* the first database */
  WgProtect *protect;
  char      *key_dir;
  char      *skip;       /* why the tests skip, or NULL */
} TestSeedState;

static TestSeedState state;

/* Non-random columns of each table, ordered by a stable key.  The person's
 * cipher is left out (random nonce); its blind index is in. */
static const struct {
  const char *table;
  const char *columns;
  const char *order;
} compared[] = {
  { "person", "id, path, name, sex, birth_date, ethnicity, phone, id_blind, id_masked,"
              " residence_status, origin_code, nationality, created_at", "id" },
  { "person_tag", "person_id, path, tag, from_date, to_date", "person_id, tag" },
  { "house", "id, path, address, building, unit, room, point, use, floor_area", "id" },
  { "household", "id, path, house_id, kind", "id" },
  { "household_member", "person_id, household_id, path, relation", "person_id" },
  { "residence", "person_id, house_id, path, kind, from_date, to_date", "person_id" },
  { "land_parcel", "path, code, geom, use, area_m2, holder", "code" },
  { "component", "id, path, class_code, name, point, owner_unit, maintainer_unit, state", "id" },
  { "organization", "path, kind, name, credit_code, address, point, contact_name, contact_phone",
    "credit_code" },
  { "underground_space", "id, path, name, kind, address, point, area_m2, manager", "id" },
  { "grid_staff", "id, path, force, name, phone, user_id, from_date", "id" },
  { "users", "id, username, display_name, unit_code, roles, scope", "id" },
  { "diary_entry", "id, path, author_id, entry_date, households_visited, topics, body, follow_up,"
                   " created_at", "id" },
};

static gboolean
test_seed_skip (void)
{
  if (!wg_test_pg_available ())
    return TRUE;
  if (state.skip != NULL)
    {
      g_test_skip (state.skip);
      return TRUE;
    }
  return FALSE;
}

/* A copy of wangge_template with the records schema: from the template's
 * migrations, or 002-records.sql from the source tree when the template
 * predates it.  NULL (and state.skip) when neither has it. */
static char *
test_seed_create_database (const char *tag)
{
  g_autoptr(PGconn) admin = wg_test_connect ("postgres", "postgres");
  g_autofree char *name = g_strdup_printf ("wg_test_seed_%s_%d", tag, (int) getpid ());
  g_autofree char *drop = g_strdup_printf ("DROP DATABASE IF EXISTS %s WITH (FORCE)", name);
  g_autofree char *create = g_strdup_printf ("CREATE DATABASE %s TEMPLATE wangge_template", name);
  g_autoptr(PGconn) conn = NULL;

  wg_test_exec (admin, "SET client_min_messages = warning");
  wg_test_exec (admin, drop);
  wg_test_exec (admin, create);
  conn = wg_test_connect (name, "postgres");
  if (wg_test_query_int (conn, "SELECT (to_regclass('person') IS NULL)::int") == 1)
    {
      g_autofree char *path = g_build_filename (WG_SOURCE_DIR, "server", "sql", "002-records.sql", NULL);
      g_autofree char *sql = NULL;

      if (!g_file_get_contents (path, &sql, NULL, NULL))
        {
          state.skip = g_strdup ("the template has no records schema and server/sql/002-records.sql is missing");
          wg_test_db_drop (name);
          return NULL;
        }
      wg_test_exec (conn, "SET client_min_messages = warning");
      wg_test_exec (conn, sql);
    }
  return g_steal_pointer (&name);
}

static void
test_seed_into (const char *database)
{
  g_autoptr(PGconn) conn = wg_test_connect (database, "postgres");
  g_autofree char *data_dir = g_build_filename (WG_SOURCE_DIR, "data", NULL);
  g_autoptr(GError) error = NULL;

  wg_seed_run (conn, state.protect, data_dir, WG_SEED_SCALE_DEMO, TEST_SEED, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
}

static void
test_seed_set_up (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;

  if (g_getenv ("WG_TEST_PG_HOST") == NULL || g_getenv ("WG_TEST_PG_PORT") == NULL)
    return;
  state.key_dir = g_dir_make_tmp ("wg-test-seed-XXXXXX", &error);
  g_assert_no_error (error);
  key = g_build_filename (state.key_dir, "key", NULL);
  wg_protect_create_key_file (key, &error);
  g_assert_no_error (error);
  state.protect = wg_protect_new_from_file (key, &error);
  g_assert_no_error (error);
  g_unlink (key);
  state.first = test_seed_create_database ("a");
  if (state.first == NULL)
    return;
  state.second = test_seed_create_database ("b");
  test_seed_into (state.first);
  test_seed_into (state.second);
  state.conn = wg_test_connect (state.first, "postgres");
}

static void
test_seed_tear_down (void)
{
  g_clear_pointer (&state.conn, PQfinish);
  if (state.first != NULL)
    wg_test_db_drop (state.first);
  if (state.second != NULL)
    wg_test_db_drop (state.second);
  g_clear_pointer (&state.first, g_free);
  g_clear_pointer (&state.second, g_free);
  g_clear_pointer (&state.protect, wg_protect_free);
  if (state.key_dir != NULL)
    g_rmdir (state.key_dir);
  g_clear_pointer (&state.key_dir, g_free);
  g_clear_pointer (&state.skip, g_free);
}

/* ------------------------------------------------------------------ tests */

static void
test_seed_scale_names (void)
{
  g_autoptr(GError) error = NULL;
  WgSeedScale scale = WG_SEED_SCALE_DEMO;

  g_assert_true (wg_seed_scale_from_string ("full", &scale, &error));
  g_assert_cmpint (scale, ==, WG_SEED_SCALE_FULL);
  g_assert_true (wg_seed_scale_from_string ("demo", &scale, &error));
  g_assert_cmpint (scale, ==, WG_SEED_SCALE_DEMO);
  g_assert_false (wg_seed_scale_from_string ("huge", &scale, &error));
  g_assert_error (error, WG_ERROR, WG_ERROR_INVALID_INPUT);
  g_assert_cmpstr (wg_error_get_field (error), ==, "scale");
  g_assert_cmpstr (wg_seed_scale_to_string (WG_SEED_SCALE_FULL), ==, "full");
}

/* The generator's numbers are fixed forever: xoshiro256** seeded by
 * splitmix64, checked against an independent implementation. */
static void
test_seed_random_sequence (void)
{
  static const guint64 expected[] = {
    G_GUINT64_CONSTANT (12966619160104079557),
    G_GUINT64_CONSTANT (9600361134598540522),
    G_GUINT64_CONSTANT (10590380919521690900),
  };
  WgSeedRandom random;

  wg_seed_random_init (&random, 1, 0);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpuint (wg_seed_random_next (&random), ==, expected[i]);
  wg_seed_random_init (&random, 20261031, 3);
  g_assert_cmpuint (wg_seed_random_below (&random, 1000), ==, 810);
  g_assert_cmpint (wg_seed_random_int (&random, -5, 5), ==, 3);
  g_assert_true (wg_seed_random_double (&random) == 0.50170769842150886);
}

static char *
test_seed_table_digest (PGconn     *conn,
                        const char *table,
                        const char *columns,
                        const char *order)
{
  g_autofree char *sql = g_strdup_printf (
    "SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, E'\\n' ORDER BY %s)), '')"
    "  FROM (SELECT %s FROM %s) AS t", order, columns, table);

  return wg_test_query (conn, sql);
}

static void
test_seed_deterministic (void)
{
  g_autoptr(PGconn) second = NULL;

  if (test_seed_skip ())
    return;
  second = wg_test_connect (state.second, "postgres");
  for (guint i = 0; i < G_N_ELEMENTS (compared); i++)
    {
      g_autofree char *a = test_seed_table_digest (state.conn, compared[i].table, compared[i].columns,
                                                   compared[i].order);
      g_autofree char *b = test_seed_table_digest (second, compared[i].table, compared[i].columns,
                                                   compared[i].order);

      g_test_message ("%s %s", compared[i].table, a);
      g_assert_cmpstr (a, ==, b);
      g_assert_false (g_str_has_prefix (a, "0:"));
    }
  /* The nonces differ, so the ciphers do too. */
  g_assert_cmpint (wg_test_query_int (second, "SELECT count(*) FROM person WHERE id_cipher IS NOT NULL"), >, 0);
}

static void
test_seed_counts (void)
{
  gint64 grids;
  gint64 households;
  gint64 diary;

  if (test_seed_skip ())
    return;
  grids = wg_test_query_int (state.conn, "SELECT count(*) FROM regions WHERE level = 'grid'");
  g_assert_cmpint (wg_test_query_int (state.conn, "SELECT count(*) FROM person WHERE residence_status = 'registered'"), ==, 24000);
  g_assert_cmpint (wg_test_query_int (state.conn, "SELECT count(*) FROM person WHERE residence_status = 'floating'"), ==, 5500);
  g_assert_cmpint (wg_test_query_int (state.conn, "SELECT count(*) FROM person WHERE residence_status = 'foreign'"), ==, 200);
  households = wg_test_query_int (state.conn, "SELECT count(*) FROM household");
  /* 24,000 registered at ~2.6, 5,500 floating at ~2.1, 200 foreign at ~1.5. */
  g_assert_cmpint (households, >, 10000);
  g_assert_cmpint (households, <, 15000);
  g_assert_cmpint (wg_test_query_int (state.conn, "SELECT count(*) FROM house"), >, households);
  g_assert_cmpint (wg_test_query_int (state.conn, "SELECT count(*) FROM land_parcel"), >=, 1150);
  g_assert_cmpint (wg_test_query_int (state.conn, "SELECT count(*) FROM organization"), ==, 1500);
  g_assert_cmpint (wg_test_query_int (state.conn, "SELECT count(*) FROM component"), ==, 3000);
  g_assert_cmpint (wg_test_query_int (state.conn, "SELECT count(*) FROM underground_space"), ==, 600);
  g_assert_cmpint (wg_test_query_int (state.conn, "SELECT count(*) FROM grid_staff"), ==, 7 * grids);
  g_assert_cmpint (wg_test_query_int (state.conn,
    "SELECT count(DISTINCT path) FROM grid_staff WHERE force = 'assistant' AND user_id IS NOT NULL"), ==, grids);
  diary = wg_test_query_int (state.conn, "SELECT count(*) FROM diary_entry");
  g_assert_cmpint (diary, >, grids * 31 * 5);
  g_assert_cmpint (diary, <, grids * 31 * 7);
  /* Every grid has people; 多福巷社区 is the densest community. */
  g_assert_cmpint (wg_test_query_int (state.conn,
    "SELECT count(*) FROM regions r WHERE level = 'grid'"
    " AND NOT EXISTS (SELECT 1 FROM person p WHERE p.path = r.path)"), ==, 0);
  g_assert_cmpint (wg_test_query_int (state.conn,
    "SELECT count(*) FROM person WHERE path <@ '110101.001.001'"), >, 1000);
  /* The demo grid account writes its grid's diary. */
  g_assert_cmpint (wg_test_query_int (state.conn,
    "SELECT count(*) FROM diary_entry d JOIN users u ON u.id = d.author_id"
    " WHERE u.username = 'grid' AND d.path = u.scope"), >, 50);
  /* Names follow the surname frequencies: 王, 李 and 张 lead. */
  g_assert_cmpint (wg_test_query_int (state.conn,
    "SELECT count(*) FROM (SELECT left(name, 1) AS surname FROM person WHERE residence_status <> 'foreign'"
    " GROUP BY 1 ORDER BY count(*) DESC LIMIT 3) AS top WHERE surname IN ('王', '李', '张')"), ==, 3);
  /* Special groups near their shares. */
  g_assert_cmpfloat (wg_test_query_double (state.conn,
    "SELECT count(*)::float8 / (SELECT count(*) FROM person) FROM person_tag WHERE tag = 'elderly_alone'"), >, 0.015);
  g_assert_cmpfloat (wg_test_query_double (state.conn,
    "SELECT count(*)::float8 / (SELECT count(*) FROM person) FROM person_tag WHERE tag = 'disability'"), >, 0.01);
}

static void
test_seed_chain (void)
{
  if (test_seed_skip ())
    return;
  g_assert_cmpint (wg_test_query_int (state.conn,
    "SELECT count(*) FROM house h JOIN regions r ON r.path = h.path"
    " WHERE r.level = 'grid' AND ST_Covers(r.geom, h.point)"), ==,
                   wg_test_query_int (state.conn, "SELECT count(*) FROM house"));
  g_assert_cmpint (wg_test_query_int (state.conn,
    "SELECT count(*) FROM land_parcel l JOIN regions r ON r.path = l.path"
    " WHERE NOT ST_Covers(r.geom, l.geom)"), ==, 0);
  g_assert_cmpint (wg_test_query_int (state.conn,
    "SELECT count(*) FROM component c JOIN regions r ON r.path = c.path"
    " WHERE NOT ST_Covers(r.geom, c.point)"), ==, 0);
  g_assert_cmpint (wg_test_query_int (state.conn,
    "SELECT count(*) FROM person p WHERE NOT EXISTS"
    " (SELECT 1 FROM household_member m JOIN household h ON h.id = m.household_id"
    "   WHERE m.person_id = p.id AND h.path = p.path)"), ==, 0);
  g_assert_cmpint (wg_test_query_int (state.conn,
    "SELECT count(*) FROM household h LEFT JOIN house x ON x.id = h.house_id"
    " WHERE x.id IS NULL OR x.path <> h.path"), ==, 0);
  g_assert_cmpint (wg_test_query_int (state.conn,
    "SELECT count(*) FROM household h WHERE (SELECT count(*) FROM household_member m"
    " WHERE m.household_id = h.id AND m.relation = 'head') <> 1"), ==, 0);
  g_assert_cmpint (wg_test_query_int (state.conn,
    "SELECT count(*) FROM person p WHERE NOT EXISTS (SELECT 1 FROM residence r"
    " JOIN household_member m ON m.person_id = r.person_id"
    " JOIN household h ON h.id = m.household_id AND h.house_id = r.house_id"
    " WHERE r.person_id = p.id AND r.from_date >= p.birth_date)"), ==, 0);
  g_assert_cmpint (wg_test_query_int (state.conn,
    "SELECT count(*) FROM person_tag t JOIN person p ON p.id = t.person_id"
    " WHERE t.from_date < p.birth_date OR t.path <> p.path"), ==, 0);
  g_assert_cmpint (wg_test_query_int (state.conn,
    "SELECT count(*) FROM house WHERE address NOT LIKE '东城区%街道%号%'"), ==, 0);
}

/* COPY ran with triggers off, so no foreign key was checked: check them. */
static void
test_seed_references (void)
{
  static const char * const orphans[] = {
    "SELECT count(*) FROM users u WHERE NOT EXISTS (SELECT 1 FROM units n WHERE n.code = u.unit_code)",
    "SELECT count(*) FROM diary_entry d WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.id = d.author_id)",
    "SELECT count(*) FROM grid_staff s WHERE user_id IS NOT NULL"
    " AND NOT EXISTS (SELECT 1 FROM users u WHERE u.id = s.user_id)",
    "SELECT count(*) FROM residence r WHERE NOT EXISTS (SELECT 1 FROM house h WHERE h.id = r.house_id)"
    " OR NOT EXISTS (SELECT 1 FROM person p WHERE p.id = r.person_id)",
    "SELECT count(*) FROM person_tag t WHERE NOT EXISTS (SELECT 1 FROM person p WHERE p.id = t.person_id)",
    "SELECT count(*) FROM household_member m WHERE NOT EXISTS (SELECT 1 FROM person p WHERE p.id = m.person_id)",
    /* Every record's path is a grid in force. */
    "SELECT count(*) FROM (SELECT path FROM person UNION SELECT path FROM organization"
    " UNION SELECT path FROM diary_entry UNION SELECT path FROM underground_space) AS p"
    " WHERE NOT EXISTS (SELECT 1 FROM regions r WHERE r.path = p.path AND r.level = 'grid')",
  };

  if (test_seed_skip ())
    return;
  for (guint i = 0; i < G_N_ELEMENTS (orphans); i++)
    g_assert_cmpint (wg_test_query_int (state.conn, orphans[i]), ==, 0);
}

/* The identities moved past the given ids; one audit row per table with
 * its count, chained. */
static void
test_seed_audit (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) result = NULL;

  if (test_seed_skip ())
    return;
  result = wg_pg_exec (state.conn, "SELECT table_name, (changes ->> 'rows')::bigint FROM audit_log"
                                   " WHERE action = 'import' ORDER BY id", 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (PQntuples (result), ==, 13);
  for (int row = 0; row < PQntuples (result); row++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", PQgetvalue (result, row, 0));
      gint64 expected = g_ascii_strtoll (PQgetvalue (result, row, 1), NULL, 10);

      if (g_str_equal (PQgetvalue (result, row, 0), "users"))
        g_assert_cmpint (wg_test_query_int (state.conn, "SELECT count(*) FROM users WHERE username LIKE 'staff-%'"), ==, expected);
      else
        g_assert_cmpint (wg_test_query_int (state.conn, sql), ==, expected);
    }
  g_assert_cmpint (wg_test_query_int (state.conn,
    "SELECT count(*) FROM (SELECT prev_hash, lag(hash) OVER (ORDER BY id) AS previous FROM audit_log) AS a"
    " WHERE previous IS NOT NULL AND prev_hash <> previous"), ==, 0);
  g_assert_cmpint (wg_test_query_int (state.conn,
    "SELECT count(*) FROM audit_log WHERE action <> 'import'"), ==, 0);
  /* The indexes dropped for the load are all back, as they were. */
  {
    g_autoptr(PGconn) template = wg_test_connect ("wangge_template", "postgres");
    const char *sql = "SELECT count(*) || ':' || md5(string_agg(indexdef, ';' ORDER BY indexname))"
                      "  FROM pg_indexes WHERE schemaname = 'public'";
    g_autofree char *before = wg_test_query (template, sql);
    g_autofree char *after = wg_test_query (state.conn, sql);

    g_assert_cmpstr (after, ==, before);
  }
  /* The next row gets a fresh id. */
  wg_test_exec (state.conn, "BEGIN");
  g_assert_cmpint (wg_test_query_int (state.conn,
    "INSERT INTO house (path, address, use) VALUES ('110101.001.001.001', '测试', 'other') RETURNING id"), >,
                   wg_test_query_int (state.conn, "SELECT max(id) - 1 FROM house"));
  wg_test_exec (state.conn, "ROLLBACK");
}

static void
test_seed_check_person (PGresult   *result,
                        int         row,
                        const GDate *today,
                        GHashTable *numbers)
{
  g_autoptr(GError) error = NULL;
  g_autofree guchar *cipher = NULL;
  g_autofree char *number = NULL;
  g_autofree char *masked = NULL;
  g_autofree char *birth = NULL;
  guint8 blind[WG_BLIND_INDEX_BYTES];
  g_autoptr(GString) blind_hex = g_string_new ("\\x");
  WgIdNumberInfo info;
  size_t length;

  cipher = PQunescapeBytea ((const guchar *) PQgetvalue (result, row, 0), &length);
  number = wg_protect_decrypt_id (state.protect, cipher, length, &error);
  g_assert_no_error (error);
  wg_validate_id_number (number, "id_number", today, &info, &error);
  g_assert_no_error (error);
  g_assert_cmpint (info.male, ==, g_str_equal (PQgetvalue (result, row, 2), "male"));
  birth = g_strdup_printf ("%04u-%02u-%02u", info.year, info.month, info.day);
  g_assert_cmpstr (birth, ==, PQgetvalue (result, row, 3));
  g_assert_cmpstr (info.address_code, ==, PQgetvalue (result, row, 4));
  masked = wg_id_number_mask (number);
  g_assert_cmpstr (masked, ==, PQgetvalue (result, row, 5));
  wg_protect_blind_index (state.protect, number, blind);
  for (guint i = 0; i < sizeof blind; i++)
    g_string_append_printf (blind_hex, "%02x", blind[i]);
  g_assert_cmpstr (blind_hex->str, ==, PQgetvalue (result, row, 1));
  g_assert_false (g_hash_table_contains (numbers, number));
  g_hash_table_add (numbers, g_steal_pointer (&number));
}

/* Every number decrypts, is valid, matches the row and is unique.  The
 * numbers are returned for the dump test. */
static GHashTable *
test_seed_decrypt_all (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) result = wg_pg_exec (state.conn,
    "SELECT id_cipher, id_blind, sex, birth_date, origin_code, id_masked FROM person"
    " WHERE id_cipher IS NOT NULL ORDER BY id", 0, NULL, &error);
  GHashTable *numbers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GDate today;

  g_assert_no_error (error);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, WG_SEED_TODAY_DAY, WG_SEED_TODAY_MONTH, WG_SEED_TODAY_YEAR);
  for (int row = 0; row < PQntuples (result); row++)
    test_seed_check_person (result, row, &today, numbers);
  return numbers;
}

static void
test_seed_id_numbers (void)
{
  g_autoptr(GHashTable) numbers = NULL;

  if (test_seed_skip ())
    return;
  numbers = test_seed_decrypt_all ();
  g_assert_cmpint (g_hash_table_size (numbers), ==, 29500);
  /* Foreign residents have no Chinese number but a nationality. */
  g_assert_cmpint (wg_test_query_int (state.conn,
    "SELECT count(*) FROM person WHERE residence_status = 'foreign'"
    " AND (id_cipher IS NOT NULL OR nationality IS NULL OR origin_code IS NOT NULL)"), ==, 0);
  /* Old residents of the southern streets carry 崇文区's code. */
  g_assert_cmpint (wg_test_query_int (state.conn,
    "SELECT count(*) FROM person WHERE origin_code = '110103'"), >, 0);
  g_assert_cmpint (wg_test_query_int (state.conn,
    "SELECT count(*) FROM person WHERE origin_code = '110103' AND birth_date >= '2010-01-01'"), ==, 0);
  g_assert_cmpint (wg_test_query_int (state.conn,
    "SELECT count(*) FROM person WHERE phone IS NOT NULL AND phone !~ '^1[3-9][0-9]{9}$'"), ==, 0);
  /* Phones are stored as digits, as the API stores them. */
  g_assert_cmpint (wg_test_query_int (state.conn,
    "SELECT count(*) FROM organization WHERE contact_phone !~ '^[0-9]{11}$'"), ==, 0);
  g_assert_cmpint (wg_test_query_int (state.conn,
    "SELECT count(*) FROM grid_staff WHERE phone !~ '^[0-9]{11}$'"), ==, 0);
  g_assert_cmpint (wg_test_query_int (state.conn,
    "SELECT count(DISTINCT substr(origin_code, 1, 2)) FROM person WHERE residence_status = 'floating'"), >, 20);
}

static void
test_seed_credit_codes (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) result = NULL;

  if (test_seed_skip ())
    return;
  result = wg_pg_exec (state.conn, "SELECT credit_code FROM organization", 0, NULL, &error);
  g_assert_no_error (error);
  for (int row = 0; row < PQntuples (result); row++)
    {
      wg_validate_credit_code (PQgetvalue (result, row, 0), "credit_code", &error);
      g_assert_no_error (error);
    }
}

/* Every run of 18 digits (or 17 and X) in the dump is looked up among the
 * generated numbers. */
static guint
test_seed_find_numbers (const char *text,
                        GHashTable *numbers)
{
  guint found = 0;
  gsize run = 0;

  for (const char *c = text; *c != '\0'; c++)
    {
      run = g_ascii_isdigit (*c) || *c == 'X' ? run + 1 : 0;
      if (run >= 18)
        {
          g_autofree char *candidate = g_strndup (c - 17, 18);

          if (g_hash_table_contains (numbers, candidate))
            found++;
        }
    }
  return found;
}

static void
test_seed_no_clear_numbers (void)
{
  g_autoptr(GHashTable) numbers = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dump = NULL;
  g_autofree char *errors = NULL;
  int status = 0;
  const char *argv[] = { "pg_dump", "-h", g_getenv ("WG_TEST_PG_HOST"), "-p", g_getenv ("WG_TEST_PG_PORT"),
                         "-U", "postgres", "-d", state.first, NULL };

  if (test_seed_skip ())
    return;
  numbers = test_seed_decrypt_all ();
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &dump, &errors, &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (dump), >, 1000000);
  g_assert_nonnull (strstr (dump, "COPY public.person"));
  g_assert_cmpuint (test_seed_find_numbers (dump, numbers), ==, 0);
  /* The search itself works: a number put in the text is found. */
  {
    GHashTableIter iter;
    gpointer any;
    g_autofree char *planted = NULL;

    g_hash_table_iter_init (&iter, numbers);
    g_assert_true (g_hash_table_iter_next (&iter, &any, NULL));
    planted = g_strdup_printf ("x\t%s\n", (const char *) any);
    g_assert_cmpuint (test_seed_find_numbers (planted, numbers), ==, 1);
  }
}

static void
test_seed_refuses_second_run (void)
{
  g_autofree char *data_dir = g_build_filename (WG_SOURCE_DIR, "data", NULL);
  g_autoptr(GError) error = NULL;

  if (test_seed_skip ())
    return;
  g_assert_false (wg_seed_run (state.conn, state.protect, data_dir, WG_SEED_SCALE_DEMO, 1, NULL, NULL, NULL, &error));
  g_assert_error (error, WG_ERROR, WG_ERROR_CONFLICT);
  g_assert_cmpint (wg_test_query_int (state.conn, "SELECT count(*) FROM person"), ==, 29700);
}

/* A demo seeds "as of" the real day, so that its diary reaches today: no
 * date passes the given one, and the diary's last day is that one. */
static void
test_seed_as_of (void)
{
  g_autofree char *data_dir = g_build_filename (WG_SOURCE_DIR, "data", NULL);
  g_autofree char *database = NULL;
  g_autoptr(PGconn) conn = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) as_of = g_date_new_dmy (15, G_DATE_MARCH, 2027);

  if (test_seed_skip ())
    return;
  database = test_seed_create_database ("c");
  g_assert_nonnull (database);
  conn = wg_test_connect (database, "postgres");
  wg_seed_run (conn, state.protect, data_dir, WG_SEED_SCALE_DEMO, TEST_SEED, as_of, NULL, NULL,
               &error);
  g_assert_no_error (error);
  g_assert_cmpint (wg_test_query_int (conn, "SELECT (max(entry_date) = DATE '2027-03-15')::int"
                                            " FROM diary_entry"), ==, 1);
  g_assert_cmpint (wg_test_query_int (conn, "SELECT count(*) FROM person"
                                            " WHERE birth_date > DATE '2027-03-15'"), ==, 0);
  g_assert_cmpint (wg_test_query_int (conn, "SELECT count(*) FROM residence"
                                            " WHERE from_date > DATE '2027-03-15'"), ==, 0);
  g_assert_cmpint (wg_test_query_int (conn, "SELECT count(*) FROM person"), ==, 29700);
  g_clear_pointer (&conn, PQfinish);
  wg_test_db_drop (database);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/seed/scale-names", test_seed_scale_names);
  g_test_add_func ("/seed/random/fixed-sequence", test_seed_random_sequence);
  g_test_add_func ("/seed/demo/deterministic", test_seed_deterministic);
  g_test_add_func ("/seed/demo/counts", test_seed_counts);
  g_test_add_func ("/seed/demo/chain", test_seed_chain);
  g_test_add_func ("/seed/demo/references", test_seed_references);
  g_test_add_func ("/seed/demo/audit", test_seed_audit);
  g_test_add_func ("/seed/demo/id-numbers", test_seed_id_numbers);
  g_test_add_func ("/seed/demo/credit-codes", test_seed_credit_codes);
  g_test_add_func ("/seed/demo/no-clear-id-numbers", test_seed_no_clear_numbers);
  g_test_add_func ("/seed/demo/refuses-second-run", test_seed_refuses_second_run);
  g_test_add_func ("/seed/demo/as-of", test_seed_as_of);
  test_seed_set_up ();
  status = g_test_run ();
  test_seed_tear_down ();
  return status;
}
