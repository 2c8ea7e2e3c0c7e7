/* wg-record-model.h — the records of one kind and one filter, paged from
 * the server
 *
 * A WgPagedModel (wg-paged-model.h) of WgRecordItem over GET /{kind}
 * (wg-api-client-records.h): set a query, the first page comes with the
 * total, later pages as a view scrolls.
 */
#pragma once

#include "wg-api-client-records.h"
#include "wg-paged-model.h"
#include "wg-record-item.h"

G_BEGIN_DECLS

#define WG_TYPE_RECORD_MODEL (wg_record_model_get_type ())
G_DECLARE_FINAL_TYPE (WgRecordModel, wg_record_model, WG, RECORD_MODEL, WgPagedModel)

WgRecordModel      *wg_record_model_new       (WgApiClient         *client,
                                               const WgRecordKind  *kind);
const WgRecordKind *wg_record_model_get_kind  (WgRecordModel       *self);

/* Replaces the filters (copied; cursor, limit and total are the model's)
 * and reloads, also when they are the same. */
void                wg_record_model_set_query (WgRecordModel       *self,
                                               const WgRecordQuery *query);

G_END_DECLS
