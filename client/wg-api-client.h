/* wg-api-client.h — the client side of the HTTP contract (DESIGN §7)
 *
 * One SoupSession per client.  Every call is an async/finish pair; failures
 * come back as WG_ERROR (the server's JSON envelope, or
 * WG_ERROR_UNREACHABLE when no answer arrived); G_IO_ERROR_CANCELLED passes
 * through.  When any call is answered 401 "session-expired" (or
 * "unauthenticated" while a token is held) the token is dropped and
 * ::session-expired is emitted with the error.
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "wg-user.h"

G_BEGIN_DECLS

#define WG_TYPE_API_CLIENT (wg_api_client_get_type ())
G_DECLARE_FINAL_TYPE (WgApiClient, wg_api_client, WG, API_CLIENT, GObject)

WgApiClient *wg_api_client_new                    (const char           *base_url);

const char  *wg_api_client_get_base_url           (WgApiClient          *self);
void         wg_api_client_set_base_url           (WgApiClient          *self,
                                                   const char           *base_url);
const char  *wg_api_client_get_token              (WgApiClient          *self);
WgUser      *wg_api_client_get_user               (WgApiClient          *self);

/* Any method and path under base-url; @body may be NULL.  The result is
 * the parsed JSON answer, or NULL without error for an empty answer (204). */
void         wg_api_client_request_async          (WgApiClient          *self,
                                                   const char           *method,
                                                   const char           *path,
                                                   JsonNode             *body,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
JsonNode    *wg_api_client_request_finish         (WgApiClient          *self,
                                                   GAsyncResult         *result,
                                                   GError              **error);

/* POST /session; on success the token and user are set. */
void         wg_api_client_login_async            (WgApiClient          *self,
                                                   const char           *username,
                                                   const char           *password,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
WgUser      *wg_api_client_login_finish           (WgApiClient          *self,
                                                   GAsyncResult         *result,
                                                   GError              **error);

/* DELETE /session; token and user are dropped whatever the answer. */
void         wg_api_client_logout_async           (WgApiClient          *self,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
gboolean     wg_api_client_logout_finish          (WgApiClient          *self,
                                                   GAsyncResult         *result,
                                                   GError              **error);

/* GET /session: the user of the current token. */
void         wg_api_client_get_session_async      (WgApiClient          *self,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
WgUser      *wg_api_client_get_session_finish     (WgApiClient          *self,
                                                   GAsyncResult         *result,
                                                   GError              **error);

/* GET /regions?format=geojson: a GListModel of WgRegion (with geometry),
 * parsed in a worker thread. */
void         wg_api_client_list_regions_geojson_async  (WgApiClient          *self,
                                                        GCancellable         *cancellable,
                                                        GAsyncReadyCallback   callback,
                                                        gpointer              user_data);
GListModel  *wg_api_client_list_regions_geojson_finish (WgApiClient          *self,
                                                        GAsyncResult         *result,
                                                        GError              **error);

G_END_DECLS
