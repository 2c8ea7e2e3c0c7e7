/* fuzz-json.c — untrusted JSON through every common/ parser
 *
 * Built as a libFuzzer target with -Dfuzzing (clang), and otherwise as a
 * program that replays the corpus: the unit suite runs it on every build, so
 * each input that once crashed stays a regression test.
 */
#define G_LOG_DOMAIN "fuzz-json"

#include "config.h"

#include <stdint.h>

#include "wg-error.h"
#include "wg-json.h"
#include "wg-region.h"
#include "wg-user.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(WgRegion) region = NULL;
  g_autoptr(WgUser) user = NULL;
  g_autoptr(GError) envelope = NULL;
  JsonObject *object;

  if (size > G_MAXSSIZE)
    return 0;
  root = wg_json_parse_object ((const char *) data, (gssize) size, &error);
  if (root == NULL)
    {
      g_assert_nonnull (error);
      return 0;
    }
  object = json_node_get_object (root);
  region = wg_region_new_from_json (object, NULL);
  user = wg_user_new_from_json (object, NULL);
  envelope = wg_error_from_json (root, 400);
  g_assert_nonnull (envelope);
  (void) wg_json_require_string (object, "name", 100, NULL);
  return 0;
}

#ifndef WG_FUZZING
int
main (int   argc,
      char *argv[])
{
  guint replayed = 0;

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GDir) dir = g_dir_open (argv[i], 0, NULL);
      const char *name;

      if (dir == NULL)
        {
          g_printerr ("cannot open corpus %s\n", argv[i]);
          return 1;
        }
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (argv[i], name, NULL);
          g_autofree char *contents = NULL;
          gsize length = 0;

          if (!g_file_get_contents (path, &contents, &length, NULL))
            return 1;
          LLVMFuzzerTestOneInput ((const uint8_t *) contents, length);
          replayed++;
        }
    }
  g_print ("replayed %u inputs\n", replayed);
  return replayed > 0 ? 0 : 1;
}
#endif
