/* wg-engine-summary.h — the summary of one region for the map's panel
 *
 * GET /api/v1/regions/{code}/summary: how many people (by residence
 * status), households, houses, land parcels, components, organizations and
 * underground spaces the region holds, its diary entries of the last 30
 * days and those awaiting follow-up, its people in each special group, and
 * for a grid its current staff.  Everything is counted under row-level
 * security in one transaction, with the scope narrowed to the region.
 */
#pragma once

#include "wg-engine.h"

G_BEGIN_DECLS

/* {"region", "counts", "special_groups", "staff"} as JSON text; not-found
 * when @code is no current region inside the user's scope, forbidden for
 * a role without WG_PERMISSION_RECORDS_READ. */
void      wg_engine_region_summary_async  (WgEngine             *self,
                                           const char           *token,
                                           const char           *code,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
GBytes   *wg_engine_region_summary_finish (WgEngine             *self,
                                           GAsyncResult         *result,
                                           gint64               *user_id,
                                           GError              **error);

G_END_DECLS
