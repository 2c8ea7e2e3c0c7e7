/* fuzz-json.c — untrusted JSON through every common/ parser
 *
 * Built as a libFuzzer target with -Dfuzzing (clang), and otherwise as a
 * program that replays the corpus (fuzz-replay.c): the unit suite runs it on
 * every build, so each input that once crashed stays a regression test.
 */
#define G_LOG_DOMAIN "fuzz-json"

#include "config.h"

#include <stdint.h>

#include "wg-error.h"
#include "wg-json.h"
#include "wg-record-kind.h"
#include "wg-region.h"
#include "wg-user.h"

#include "fuzz-replay.h"

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
  /* A record body of every kind, as a create and as an update. */
  for (const WgRecordKind * const *kind = wg_record_kinds (); *kind != NULL; kind++)
    for (guint patch = 0; patch < 2; patch++)
      {
        g_autoptr(GError) invalid = NULL;
        g_autoptr(JsonObject) input = wg_record_input_parse (*kind, object, patch, &invalid);

        g_assert_true ((input == NULL) != (invalid == NULL));
      }
  return 0;
}
