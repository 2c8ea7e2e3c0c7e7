#define G_LOG_DOMAIN "test-protect"

#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <glib/gstdio.h>

#include "wg-error.h"
#include "wg-protect.h"

typedef struct {
  char *dir;
  char *key_path;
  WgProtect *protect;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("wangge-protect-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->key_path = g_build_filename (fixture->dir, "wangge.key", NULL);
  g_assert_true (wg_protect_create_key_file (fixture->key_path, &error));
  g_assert_no_error (error);
  fixture->protect = wg_protect_new_from_file (fixture->key_path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->protect);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_pointer (&fixture->protect, wg_protect_free);
  g_unlink (fixture->key_path);
  g_rmdir (fixture->dir);
  g_free (fixture->key_path);
  g_free (fixture->dir);
}

static gboolean
contains_bytes (const guint8 *haystack,
                gsize         length,
                const char   *needle)
{
  gsize needle_length = strlen (needle);

  for (gsize i = 0; i + needle_length <= length; i++)
    if (memcmp (haystack + i, needle, needle_length) == 0)
      return TRUE;
  return FALSE;
}

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GBytes) first = wg_protect_encrypt_id (fixture->protect, "11010519491231002x");
  g_autoptr(GBytes) second = wg_protect_encrypt_id (fixture->protect, "11010519491231002X");
  g_autoptr(GError) error = NULL;
  g_autofree char *plain = NULL;
  gsize length = 0;
  const guint8 *bytes = g_bytes_get_data (first, &length);

  /* Random nonces: the same number never encrypts the same way twice. */
  g_assert_false (g_bytes_equal (first, second));
  g_assert_false (contains_bytes (bytes, length, "19491231"));
  plain = wg_protect_decrypt_id (fixture->protect, bytes, length, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (plain, ==, "11010519491231002X");
}

static void
test_tampered (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GBytes) sealed = wg_protect_encrypt_id (fixture->protect, "440524188001010014");
  g_autofree guint8 *copy = g_memdup2 (g_bytes_get_data (sealed, NULL), g_bytes_get_size (sealed));
  g_autoptr(GError) error = NULL;
  g_autofree char *plain = NULL;

  copy[g_bytes_get_size (sealed) - 1] ^= 1;
  plain = wg_protect_decrypt_id (fixture->protect, copy, g_bytes_get_size (sealed), &error);
  g_assert_null (plain);
  g_assert_error (error, WG_ERROR, WG_ERROR_INTERNAL);
  g_clear_error (&error);
  g_assert_null (wg_protect_decrypt_id (fixture->protect, copy, 5, &error));
  g_assert_error (error, WG_ERROR, WG_ERROR_INTERNAL);
}

static void
test_blind_index (Fixture       *fixture,
                  gconstpointer  data)
{
  guint8 a[WG_BLIND_INDEX_BYTES];
  guint8 b[WG_BLIND_INDEX_BYTES];
  guint8 c[WG_BLIND_INDEX_BYTES];

  wg_protect_blind_index (fixture->protect, "11010519491231002x", a);
  wg_protect_blind_index (fixture->protect, " 11010519491231002X", b);
  wg_protect_blind_index (fixture->protect, "440524188001010014", c);
  g_assert_cmpmem (a, sizeof a, b, sizeof b);
  g_assert_true (memcmp (a, c, sizeof a) != 0);
}

static void
test_other_key (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *other_path = g_build_filename (fixture->dir, "other.key", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(WgProtect) other = NULL;
  g_autoptr(GBytes) sealed = wg_protect_encrypt_id (fixture->protect, "513101198201130014");
  guint8 mine[WG_BLIND_INDEX_BYTES];
  guint8 theirs[WG_BLIND_INDEX_BYTES];

  g_assert_true (wg_protect_create_key_file (other_path, &error));
  other = wg_protect_new_from_file (other_path, &error);
  g_assert_no_error (error);
  g_assert_null (wg_protect_decrypt_id (other, g_bytes_get_data (sealed, NULL),
                                        g_bytes_get_size (sealed), &error));
  g_assert_error (error, WG_ERROR, WG_ERROR_INTERNAL);
  /* The blind index is keyed: without the key it cannot be recomputed. */
  wg_protect_blind_index (fixture->protect, "513101198201130014", mine);
  wg_protect_blind_index (other, "513101198201130014", theirs);
  g_assert_true (memcmp (mine, theirs, sizeof mine) != 0);
  g_unlink (other_path);
}

static void
test_key_file_rules (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *bad_path = g_build_filename (fixture->dir, "bad.key", NULL);
  g_autoptr(GError) error = NULL;
  GStatBuf info;

  g_assert_cmpint (g_stat (fixture->key_path, &info), ==, 0);
  g_assert_cmpuint (info.st_mode & 0777, ==, 0600);

  /* Never overwrites an existing key: that would lose every number. */
  g_assert_false (wg_protect_create_key_file (fixture->key_path, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (bad_path, "not hex\n", -1, &error));
  g_chmod (bad_path, 0600);
  g_assert_null (wg_protect_new_from_file (bad_path, &error));
  g_assert_error (error, WG_ERROR, WG_ERROR_INTERNAL);
  g_clear_error (&error);

  g_chmod (fixture->key_path, 0644);
  g_assert_null (wg_protect_new_from_file (fixture->key_path, &error));
  g_assert_error (error, WG_ERROR, WG_ERROR_INTERNAL);
  g_unlink (bad_path);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/protect/round-trip", Fixture, NULL, fixture_set_up, test_round_trip, fixture_tear_down);
  g_test_add ("/protect/tampered", Fixture, NULL, fixture_set_up, test_tampered, fixture_tear_down);
  g_test_add ("/protect/blind-index", Fixture, NULL, fixture_set_up, test_blind_index, fixture_tear_down);
  g_test_add ("/protect/other-key", Fixture, NULL, fixture_set_up, test_other_key, fixture_tear_down);
  g_test_add ("/protect/key-file-rules", Fixture, NULL, fixture_set_up, test_key_file_rules, fixture_tear_down);

  return g_test_run ();
}
