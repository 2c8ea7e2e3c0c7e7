#define G_LOG_DOMAIN "map-fixture"

#include "config.h"

#include <json-glib/json-glib.h>

#include "map-fixture.h"
#include "wg-region.h"

GListModel *
map_fixture_load_regions (const char *path)
{
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixture-regions.geojson", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  GListStore *store = g_list_store_new (WG_TYPE_REGION);
  JsonArray *features;

  json_parser_load_from_file (parser, path != NULL ? path : fixture, &error);
  g_assert_no_error (error);
  features = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "features");
  for (guint i = 0; i < json_array_get_length (features); i++)
    {
      g_autoptr(WgRegion) region = wg_region_new_from_json (json_array_get_object_element (features, i), &error);

      g_assert_no_error (error);
      g_list_store_append (store, region);
    }
  return G_LIST_MODEL (store);
}

int
map_fixture_compare_doubles (gconstpointer a,
                             gconstpointer b)
{
  double da = *(const double *) a, db = *(const double *) b;

  return (da > db) - (da < db);
}
