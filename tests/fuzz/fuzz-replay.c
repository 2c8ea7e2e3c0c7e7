/* fuzz-replay.c — replays a fuzz target's corpus without libFuzzer
 *
 * Linked with each target in the normal build: the unit suite runs every
 * corpus, so each input that once crashed stays a regression test.
 */
#define G_LOG_DOMAIN "fuzz-replay"

#include "config.h"

#include <glib.h>

#include "fuzz-replay.h"

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
