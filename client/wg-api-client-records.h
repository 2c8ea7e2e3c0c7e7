/* wg-api-client-records.h — /api/v1/{kind} through WgApiClient
 *
 * The record kinds of common/wg-record-kind.h (households, houses, land
 * parcels, components, organizations, underground spaces, grid staff,
 * diary) share one set of calls, named by the kind's wire name
 * (kind->name).  Records and answers come back as the server's JSON
 * objects (/tmp/records-api.md); errors as in wg-api-client.h, a field
 * error (400 invalid-input, 404 grid, 409 on a unique field) naming the
 * field (wg_error_get_field()).
 */
#pragma once

#include "wg-api-client.h"

G_BEGIN_DECLS

/* The filters and the page of GET /{kind}; NULL, "" or 0 for none. */
typedef struct {
  const char *region;      /* a street, community or grid code */
  const char *q;           /* kind->search */
  GHashTable *filters;     /* FILTER field name → value (char * → char *) */
  const char *from;        /* kind->date_field ≥ YYYY-MM-DD */
  const char *to;          /* kind->date_field ≤ YYYY-MM-DD */
  gboolean    mine;        /* diary: the caller's own entries */
  const char *cursor;      /* next_cursor of the page before */
  guint       limit;       /* rows per page (server default 50, max 500) */
  gboolean    total;       /* ask for the number of matches */
} WgRecordQuery;

/* /api/v1/{kind}[/suffix]: the path of the kind's list, or with @suffix
 * ("/export"), of another resource of it. */
char       *wg_api_client_records_path              (const char           *kind,
                                                     const char           *suffix);
/* The path and query of one list page: the filters in the order of their
 * names, e.g. /api/v1/houses?region=…&use=residential&limit=100. */
char       *wg_api_client_records_query_path        (const char           *kind,
                                                     const char           *suffix,
                                                     const WgRecordQuery  *query);

/* GET /{kind}?…: {"items": [record…], "next_cursor": "…"|null, "total"?: N} */
void        wg_api_client_list_records_async        (WgApiClient          *self,
                                                     const char           *kind,
                                                     const WgRecordQuery  *query,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
JsonObject *wg_api_client_list_records_finish       (WgApiClient          *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);

/* GET /{kind}/{id}: the record. */
void        wg_api_client_get_record_async          (WgApiClient          *self,
                                                     const char           *kind,
                                                     gint64                id,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
JsonObject *wg_api_client_get_record_finish         (WgApiClient          *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);

/* POST /{kind}: the new record.  @idempotency_key: one per form
 * submission, the same on a retry of it (NULL: none). */
void        wg_api_client_create_record_async       (WgApiClient          *self,
                                                     const char           *kind,
                                                     JsonObject           *body,
                                                     const char           *idempotency_key,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
JsonObject *wg_api_client_create_record_finish      (WgApiClient          *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);

/* PATCH /{kind}/{id} with If-Match: @version; the record as saved.  A
 * stale version fails with WG_ERROR_CONFLICT (no field). */
void        wg_api_client_update_record_async       (WgApiClient          *self,
                                                     const char           *kind,
                                                     gint64                id,
                                                     gint64                version,
                                                     JsonObject           *body,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
JsonObject *wg_api_client_update_record_finish      (WgApiClient          *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);

/* DELETE /{kind}/{id} with If-Match: @version. */
void        wg_api_client_delete_record_async       (WgApiClient          *self,
                                                     const char           *kind,
                                                     gint64                id,
                                                     gint64                version,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
gboolean    wg_api_client_delete_record_finish      (WgApiClient          *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);

/* GET /{kind}/{id}/chain (houses, households): the chain object. */
void        wg_api_client_get_record_chain_async    (WgApiClient          *self,
                                                     const char           *kind,
                                                     gint64                id,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
JsonObject *wg_api_client_get_record_chain_finish   (WgApiClient          *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);

/* POST /households/{id}/members {"person_id", "relation"}: the
 * household's chain. */
void        wg_api_client_add_household_member_async     (WgApiClient          *self,
                                                          gint64                household_id,
                                                          gint64                person_id,
                                                          const char           *relation,
                                                          GCancellable         *cancellable,
                                                          GAsyncReadyCallback   callback,
                                                          gpointer              user_data);
JsonObject *wg_api_client_add_household_member_finish    (WgApiClient          *self,
                                                          GAsyncResult         *result,
                                                          GError              **error);

/* DELETE /households/{id}/members/{person_id} */
void        wg_api_client_remove_household_member_async  (WgApiClient          *self,
                                                          gint64                household_id,
                                                          gint64                person_id,
                                                          GCancellable         *cancellable,
                                                          GAsyncReadyCallback   callback,
                                                          gpointer              user_data);
gboolean    wg_api_client_remove_household_member_finish (WgApiClient          *self,
                                                          GAsyncResult         *result,
                                                          GError              **error);

/* POST /houses/{id}/residents {"person_id", "kind" (owner|tenant|resident),
 * "from_date", "to_date"?} (@to_date NULL: open): the house's chain. */
void        wg_api_client_add_house_resident_async       (WgApiClient          *self,
                                                          gint64                house_id,
                                                          gint64                person_id,
                                                          const char           *kind,
                                                          const char           *from_date,
                                                          const char           *to_date,
                                                          GCancellable         *cancellable,
                                                          GAsyncReadyCallback   callback,
                                                          gpointer              user_data);
JsonObject *wg_api_client_add_house_resident_finish      (WgApiClient          *self,
                                                          GAsyncResult         *result,
                                                          GError              **error);

/* DELETE /houses/{id}/residents/{residence_id} */
void        wg_api_client_remove_house_resident_async    (WgApiClient          *self,
                                                          gint64                house_id,
                                                          gint64                residence_id,
                                                          GCancellable         *cancellable,
                                                          GAsyncReadyCallback   callback,
                                                          gpointer              user_data);
gboolean    wg_api_client_remove_house_resident_finish   (WgApiClient          *self,
                                                          GAsyncResult         *result,
                                                          GError              **error);

G_END_DECLS
