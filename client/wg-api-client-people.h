/* wg-api-client-people.h — /api/v1/people through WgApiClient
 *
 * Errors as in wg-api-client.h; a field error (400 invalid-input, 409
 * conflict on a duplicate ID number) names the field
 * (wg_error_get_field()).
 */
#pragma once

#include "wg-api-client.h"
#include "wg-person.h"

G_BEGIN_DECLS

#define WG_API_PEOPLE WG_API_PREFIX "/people"

/* The filters of GET /people; NULL or "" for none. */
typedef struct {
  const char *region;    /* code of a street, community or grid */
  const char *status;    /* "registered", "floating", "foreign" */
  const char *tag;
  const char *q;         /* name, phone prefix or ID number */
  const char *address;   /* where they live: 2 characters or more */
} WgPeopleQuery;

/* The path and query of one page, e.g. /api/v1/people?region=…&limit=50. */
char          *wg_api_client_people_path              (const WgPeopleQuery  *query,
                                                       const char           *cursor,
                                                       guint                 limit,
                                                       gboolean              total);

void           wg_api_client_list_people_async        (WgApiClient          *self,
                                                       const WgPeopleQuery  *query,
                                                       const char           *cursor,
                                                       guint                 limit,
                                                       gboolean              total,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
WgPersonPage  *wg_api_client_list_people_finish       (WgApiClient          *self,
                                                       GAsyncResult         *result,
                                                       GError              **error);

void           wg_api_client_get_person_async         (WgApiClient          *self,
                                                       gint64                id,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
WgPerson      *wg_api_client_get_person_finish        (WgApiClient          *self,
                                                       GAsyncResult         *result,
                                                       GError              **error);

/* POST /people.  @idempotency_key: one per form submission, the same on a
 * retry of it, so that a retry never creates the person twice. */
void           wg_api_client_create_person_async      (WgApiClient          *self,
                                                       JsonNode             *body,
                                                       const char           *idempotency_key,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
WgPerson      *wg_api_client_create_person_finish     (WgApiClient          *self,
                                                       GAsyncResult         *result,
                                                       GError              **error);

/* PATCH /people/{id} with If-Match: @version; a stale version fails with
 * WG_ERROR_CONFLICT. */
void           wg_api_client_update_person_async      (WgApiClient          *self,
                                                       gint64                id,
                                                       gint64                version,
                                                       JsonNode             *body,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
WgPerson      *wg_api_client_update_person_finish     (WgApiClient          *self,
                                                       GAsyncResult         *result,
                                                       GError              **error);

void           wg_api_client_delete_person_async      (WgApiClient          *self,
                                                       gint64                id,
                                                       gint64                version,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
gboolean       wg_api_client_delete_person_finish     (WgApiClient          *self,
                                                       GAsyncResult         *result,
                                                       GError              **error);

/* POST /people/{id}/reveal: the full ID number (audited with @reason). */
void           wg_api_client_reveal_id_number_async   (WgApiClient          *self,
                                                       gint64                id,
                                                       const char           *reason,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
char          *wg_api_client_reveal_id_number_finish  (WgApiClient          *self,
                                                       GAsyncResult         *result,
                                                       GError              **error);

void           wg_api_client_get_person_chain_async   (WgApiClient          *self,
                                                       gint64                id,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
WgPersonChain *wg_api_client_get_person_chain_finish  (WgApiClient          *self,
                                                       GAsyncResult         *result,
                                                       GError              **error);

G_END_DECLS
