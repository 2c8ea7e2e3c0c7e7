/* wg-api-client-summary.h — GET /api/v1/regions/{code}/summary through
 * WgApiClient: what a region holds, for the map's panel
 *
 * Errors as in wg-api-client.h: 404 not-found for a region outside the
 * scope, 403 forbidden for a role without the records permission.
 */
#pragma once

#include "wg-api-client.h"

G_BEGIN_DECLS

/* The counts of a summary, in the order the panel shows them. */
typedef enum {
  WG_SUMMARY_PEOPLE,
  WG_SUMMARY_REGISTERED,
  WG_SUMMARY_FLOATING,
  WG_SUMMARY_FOREIGN,
  WG_SUMMARY_HOUSEHOLDS,
  WG_SUMMARY_HOUSES,
  WG_SUMMARY_LAND_PARCELS,
  WG_SUMMARY_COMPONENTS,
  WG_SUMMARY_ORGANIZATIONS,
  WG_SUMMARY_UNDERGROUND_SPACES,
  WG_SUMMARY_DIARY_ENTRIES_30D,
  WG_SUMMARY_FOLLOW_UPS,
  WG_SUMMARY_N_COUNTS,
} WgSummaryCount;

typedef struct {
  char   *tag;      /* "elderly_alone", … */
  gint64  people;
} WgSummaryGroup;

typedef struct {
  gint64  id;
  char   *force;    /* "manager", … */
  char   *name;
  char   *phone;    /* digits, or NULL */
} WgSummaryStaff;

typedef struct {
  char      *code;
  char      *name;
  char      *level;                         /* "grid", "community", … */
  char      *community_name;                /* a grid's community, else NULL */
  char      *street_name;                   /* a grid's or community's street, else NULL */
  gint64     counts[WG_SUMMARY_N_COUNTS];
  GPtrArray *special_groups;                /* WgSummaryGroup, every tag, in the server's order */
  GPtrArray *staff;                         /* WgSummaryStaff; empty but for a grid */
} WgRegionSummary;

#define WG_TYPE_REGION_SUMMARY (wg_region_summary_get_type ())
GType            wg_region_summary_get_type      (void) G_GNUC_CONST;

/* The wire name of a count ("land_parcels"). */
const char      *wg_summary_count_name           (WgSummaryCount    count);
/* Reads the answer's object; a missing or mistyped member is
 * WG_ERROR_PROTOCOL naming it. */
WgRegionSummary *wg_region_summary_new_from_json (JsonObject       *object,
                                                  GError          **error);
WgRegionSummary *wg_region_summary_copy          (const WgRegionSummary *summary);
void             wg_region_summary_free          (WgRegionSummary  *summary);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WgRegionSummary, wg_region_summary_free)

void             wg_api_client_get_region_summary_async  (WgApiClient          *self,
                                                          const char           *code,
                                                          GCancellable         *cancellable,
                                                          GAsyncReadyCallback   callback,
                                                          gpointer              user_data);
WgRegionSummary *wg_api_client_get_region_summary_finish (WgApiClient          *self,
                                                          GAsyncResult         *result,
                                                          GError              **error);

G_END_DECLS
