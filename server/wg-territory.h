/* wg-territory.h — loading the Dongcheng (110101) territory tree
 *
 * The real outline, streets and communities come from data/ (see
 * data/README.md); street, community and grid polygons are generated
 * deterministically by data/territory-dongcheng.sql and marked synthetic.
 */
#pragma once

#include <glib.h>
#include <libpq-fe.h>

G_BEGIN_DECLS

#define WG_TERRITORY_DISTRICT_CODE "110101"
#define WG_TERRITORY_STREETS       17
#define WG_TERRITORY_COMMUNITIES   169
#define WG_TERRITORY_GRIDS         589

typedef struct {
  int districts;
  int streets;
  int communities;
  int grids;
} WgTerritoryCounts;

/* --data-dir's default: WG_SOURCE_DIR/data from the build tree, else
 * WG_PKGDATADIR/data. */
char     *wg_territory_find_data_dir  (void);

/* Counts the regions of 110101 by level (as the owner: RLS does not apply). */
gboolean  wg_territory_get_counts     (PGconn             *conn,
                                       WgTerritoryCounts  *counts,
                                       GError            **error);
gboolean  wg_territory_counts_complete (const WgTerritoryCounts *counts);

/* Generates the territory from the files of @data_dir and writes it in one
 * transaction, replacing (upserting) regions of the same codes.  Regions of
 * 110101 that the new tree lacks are deleted, which fails while units still
 * refer to them. */
gboolean  wg_territory_load           (PGconn             *conn,
                                       const char         *data_dir,
                                       GError            **error);

G_END_DECLS
