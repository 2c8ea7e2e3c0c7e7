/* wg-map-grid-panel.h — what the map knows about the selected region and
 * what it holds
 *
 * For a grid: code, name, community, street, type and grade, and whether
 * its boundary is synthetic; for a community, street or district the
 * lines that apply.  With an API client the panel also asks the server for
 * the region's summary (GET /regions/{code}/summary) and shows its counts,
 * the special groups that have people, and a grid's staff, with a loading
 * and an error state (Retry).  The close button activates
 * "map-page.close-panel". */
#pragma once

#include <gtk/gtk.h>

#include "wg-api-client.h"
#include "wg-api-client-summary.h"
#include "wg-map-scene.h"

G_BEGIN_DECLS

typedef enum {
  WG_MAP_SUMMARY_NONE,      /* no client, or nothing shown */
  WG_MAP_SUMMARY_LOADING,
  WG_MAP_SUMMARY_ERROR,
  WG_MAP_SUMMARY_SHOWN,
} WgMapSummaryState;

#define WG_TYPE_MAP_GRID_PANEL (wg_map_grid_panel_get_type ())
G_DECLARE_FINAL_TYPE (WgMapGridPanel, wg_map_grid_panel, WG, MAP_GRID_PANEL, GtkWidget)

GtkWidget  *wg_map_grid_panel_new       (void);
/* The client the summaries come from; NULL: none are asked for. */
void        wg_map_grid_panel_set_client (WgMapGridPanel  *self,
                                          WgApiClient     *client);
/* @region: a region of any level; @community, @street: its ancestors, or
 * NULL when not in scope (or not above it).  Asks for its summary. */
void        wg_map_grid_panel_set_region (WgMapGridPanel   *self,
                                          const WgMapShape *region,
                                          const WgMapShape *community,
                                          const WgMapShape *street);
/* The code shown, "" when none. */
const char *wg_map_grid_panel_get_code  (WgMapGridPanel   *self);

/* For tests: where the summary stands (the "summary-state" property
 * notifies), the summary shown, and the text shown for one count. */
WgMapSummaryState      wg_map_grid_panel_get_summary_state (WgMapGridPanel *self);
const WgRegionSummary *wg_map_grid_panel_get_summary       (WgMapGridPanel *self);
const char            *wg_map_grid_panel_get_count_text    (WgMapGridPanel *self,
                                                            WgSummaryCount  count);

G_END_DECLS
