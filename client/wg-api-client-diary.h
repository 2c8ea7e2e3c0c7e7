/* wg-api-client-diary.h — what the Diary page asks besides the generic
 * record calls of wg-api-client-records.h
 *
 * The grids of the user's scope for the grid choice: GET
 * /regions?level=grid, every page of it.
 */
#pragma once

#include "wg-api-client.h"

G_BEGIN_DECLS

/* Rows asked per page of grids (the server's maximum). */
#define WG_API_CLIENT_GRIDS_PAGE 500

/* A GListModel of WgRegion (no geometry), in the server's order. */
void        wg_api_client_list_grids_async  (WgApiClient          *self,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
GListModel *wg_api_client_list_grids_finish (WgApiClient          *self,
                                             GAsyncResult         *result,
                                             GError              **error);

G_END_DECLS
