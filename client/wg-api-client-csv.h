/* wg-api-client-csv.h — CSV export and import of records (people or a
 * record kind: @kind_name is "people" or a kind's wire name) */
#pragma once

#include "wg-api-client.h"

G_BEGIN_DECLS

/* GET /{kind}/export with @filters (query parameters; NULL: none): the
 * CSV file as the server wrote it (UTF-8 with a byte-order mark). */
void        wg_api_client_export_csv_async  (WgApiClient          *self,
                                             const char           *kind_name,
                                             GHashTable           *filters,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
GBytes     *wg_api_client_export_csv_finish (WgApiClient          *self,
                                             GAsyncResult         *result,
                                             GError              **error);

/* POST /{kind}/import?dry_run=…: the report {"dry_run", "rows",
 * "accepted", "rejected": [{"row", "field", "code", "message"}],
 * "imported"}.  A real import with refused rows fails with
 * WG_ERROR_IMPORT_REJECTED (nothing was written). */
void        wg_api_client_import_csv_async  (WgApiClient          *self,
                                             const char           *kind_name,
                                             GBytes               *csv,
                                             gboolean              dry_run,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
JsonObject *wg_api_client_import_csv_finish (WgApiClient          *self,
                                             GAsyncResult         *result,
                                             GError              **error);

G_END_DECLS
