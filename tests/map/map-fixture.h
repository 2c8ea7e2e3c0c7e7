/* map-fixture.h — what both map tests read: the regions of a GeoJSON
 * FeatureCollection, and a sort order for timings. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A GListModel of WgRegion from @path, or from the fixture
 * (fixture-regions.geojson in G_TEST_DIST) when @path is NULL. */
GListModel *map_fixture_load_regions (const char    *path);

/* For g_array_sort of doubles. */
int         map_fixture_compare_doubles (gconstpointer a,
                                         gconstpointer b);

G_END_DECLS
