/* wg-engine-records.h — the records of every kind but people
 * (common/wg-record-kind.h): list and map layer, read, create, update,
 * delete, the chains house → households → members and household →
 * members → house, and household members and house residents
 *
 * The SQL is built from the kinds' descriptors: column names come only
 * from the static tables, every value is a parameter.  Every call
 * authenticates the token and runs in one transaction with the user's
 * scope set, so row-level security decides what exists; the kind's
 * permissions (kind->read, kind->write) decide what may be done.
 */
#pragma once

#include "wg-engine.h"
#include "wg-record-kind.h"

G_BEGIN_DECLS

#define WG_RECORDS_GEOJSON_DEFAULT_LIMIT 500
#define WG_RECORDS_GEOJSON_MAX_LIMIT     2000

/* The filters of GET /{kind}, already validated. */
typedef struct {
  const WgRecordKind  *kind;
  char                *region;      /* region code, NULL: the whole scope */
  char                *q;           /* search text (kind->search), stripped */
  char               **filters;     /* kind->n_fields entries: each FILTER field's value or NULL */
  char                *from_date;   /* dated kinds (kind->date_field): YYYY-MM-DD or NULL */
  char                *to_date;
  gboolean             mine;        /* author_only kinds: the caller's records only */
  gint64               after_id;    /* decoded cursor, 0 for the first page */
  char                *after_date;  /* dated kinds: the date of the cursor's record */
  guint                limit;
  gboolean             total;
  gboolean             geojson;     /* a FeatureCollection (kinds with geometry) */
  gboolean             has_bbox;
  double               bbox[4];     /* min lon, min lat, max lon, max lat */
} WgRecordQuery;

void           wg_record_query_free   (WgRecordQuery       *query);
WgRecordQuery *wg_record_query_copy   (const WgRecordQuery *query);
/* Reads region, q, the kind's filters, from, to, mine, limit, cursor,
 * total, format and bbox; a bad value is WG_ERROR_INVALID_INPUT naming the
 * parameter.  @prefer_geojson: the Accept header asked for GeoJSON. */
WgRecordQuery *wg_record_query_parse  (const WgRecordKind  *kind,
                                       GHashTable          *params,
                                       gboolean             prefer_geojson,
                                       GError             **error);
/* The opaque cursor after a record (@date for dated kinds, else NULL). */
char          *wg_record_cursor_encode (gint64              id,
                                        const char         *date);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WgRecordQuery, wg_record_query_free)

/* {"items": […], "next_cursor": …, "total"?: N}, or with query->geojson a
 * FeatureCollection with "truncated". */
void      wg_engine_records_list_async   (WgEngine             *self,
                                          const char           *token,
                                          const WgRecordQuery  *query,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
/* The record; 404 when absent or outside the scope. */
void      wg_engine_record_get_async     (WgEngine             *self,
                                          const char           *token,
                                          const WgRecordKind   *kind,
                                          gint64                id,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
/* @input: from wg_record_input_parse (@kind, body, FALSE).
 * @idempotency_key may be NULL; a key already used by this user gives the
 * record it created (see wg_engine_records_finish's @replayed). */
void      wg_engine_record_create_async  (WgEngine             *self,
                                          const char           *token,
                                          const WgRecordKind   *kind,
                                          JsonObject           *input,
                                          const char           *idempotency_key,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
/* @patch: from wg_record_input_parse (@kind, body, TRUE); @version: the
 * If-Match of the request (stale is WG_ERROR_CONFLICT). */
void      wg_engine_record_update_async  (WgEngine             *self,
                                          const char           *token,
                                          const WgRecordKind   *kind,
                                          gint64                id,
                                          gint64                version,
                                          JsonObject           *patch,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
/* Answers an empty body. */
void      wg_engine_record_delete_async  (WgEngine             *self,
                                          const char           *token,
                                          const WgRecordKind   *kind,
                                          gint64                id,
                                          gint64                version,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
/* Houses: {"house", "households", "residents", "grid"}; households:
 * {"household", "members", "house", "grid"}.  Other kinds have no chain. */
void      wg_engine_record_chain_async   (WgEngine             *self,
                                          const char           *token,
                                          const WgRecordKind   *kind,
                                          gint64                id,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
/* @body {"person_id", "relation"} (households) or {"person_id", "kind",
 * "from_date", "to_date"?} (houses); answers the chain of the household or
 * house @id. */
void      wg_engine_record_link_async    (WgEngine             *self,
                                          const char           *token,
                                          const WgRecordKind   *kind,
                                          gint64                id,
                                          JsonObject           *body,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
/* Removes the member @link_id (a person id) of household @id, or the
 * residence @link_id of house @id; answers an empty body. */
void      wg_engine_record_unlink_async  (WgEngine             *self,
                                          const char           *token,
                                          const WgRecordKind   *kind,
                                          gint64                id,
                                          gint64                link_id,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);

/* The answer of any of the calls above: the JSON body (empty for the
 * deletions), or NULL with @error.  @id is the record's id (for Location),
 * @replayed TRUE when an Idempotency-Key gave an earlier result. */
GBytes   *wg_engine_records_finish       (WgEngine             *self,
                                          GAsyncResult         *result,
                                          gint64               *user_id,
                                          gint64               *id,
                                          gboolean             *replayed,
                                          GError              **error);

G_END_DECLS
