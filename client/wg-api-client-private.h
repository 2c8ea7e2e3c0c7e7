/* wg-api-client-private.h — the transport of WgApiClient, shared by
 * wg-api-client.c (the object, sending, the generic request) and the files
 * that implement one resource each (wg-api-client-session.c,
 * wg-api-client-regions.c, wg-api-client-people.c, wg-api-client-records.c;
 * the generic resource call is in wg-api-client-call.c). */
#pragma once

#include "wg-api-client.h"

G_BEGIN_DECLS

/* The token and user of the current session (NULL, NULL: signed out). */
void      _wg_api_client_set_session       (WgApiClient          *self,
                                            const char           *token,
                                            WgUser               *user);

/* A task of a public call: @source_tag is its _async function. */
GTask    *_wg_api_client_task_new          (WgApiClient          *self,
                                            gpointer              source_tag,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
/* The pointer a task of @source_tag returned, after checking the tag. */
gpointer  _wg_api_client_propagate_pointer (WgApiClient          *self,
                                            GAsyncResult         *result,
                                            gpointer              source_tag,
                                            GError              **error);

/* One request, its whole answer as bytes; failures as in wg-api-client.h
 * (a 401 that ends the session has been signalled already). */
void      _wg_api_client_send_async        (WgApiClient          *self,
                                            const char           *method,
                                            const char           *path,
                                            JsonNode             *body,
                                            const char           *accept,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
/* The same with extra request headers: @headers is NULL or a
 * NULL-terminated list of name, value, name, value… (If-Match,
 * Idempotency-Key). */
void      _wg_api_client_send_with_headers_async (WgApiClient         *self,
                                                  const char          *method,
                                                  const char          *path,
                                                  JsonNode            *body,
                                                  const char          *accept,
                                                  const char * const  *headers,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
/* wg_api_client_request_async() with extra headers as above; finish it
 * with wg_api_client_request_finish(). */
void      _wg_api_client_request_with_headers_async (WgApiClient         *self,
                                                     const char          *method,
                                                     const char          *path,
                                                     JsonNode            *body,
                                                     const char * const  *headers,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
/* The same with a body of @content_type (a CSV file) instead of JSON;
 * finish it with _wg_api_client_send_finish(). */
void      _wg_api_client_send_bytes_async  (WgApiClient          *self,
                                            const char           *method,
                                            const char           *path,
                                            const char           *content_type,
                                            GBytes               *body,
                                            const char           *accept,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
GBytes   *_wg_api_client_send_finish       (WgApiClient          *self,
                                            GAsyncResult         *result,
                                            GError              **error);

/* NULL without error for an empty answer. */
JsonNode *_wg_api_client_parse             (GBytes               *bytes,
                                            GError              **error);

/* A resource call (wg-api-client-call.c): a JSON request whose answer
 * @read turns into the task's pointer (freed with @free_result). */
typedef gpointer (*WgApiAnswerReader) (JsonNode  *root,
                                       GError   **error);

typedef struct {
  WgApiAnswerReader read;
  GDestroyNotify    free_result;
} WgApiCall;

/* Answers TRUE (as a pointer) whatever the body: for 204 answers. */
extern const WgApiCall _wg_api_call_nothing;
/* Answers the JSON object of the answer (json_object_unref). */
extern const WgApiCall _wg_api_call_object;

void      _wg_api_client_call              (WgApiClient          *self,
                                            gpointer              source_tag,
                                            const WgApiCall      *call,
                                            const char           *method,
                                            const char           *path,
                                            JsonNode             *body,
                                            const char * const   *headers,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
/* Appends ?name=value or &name=value, escaped; nothing for NULL or "". */
void      _wg_api_client_add_parameter     (GString              *path,
                                            const char           *name,
                                            const char           *value);

G_END_DECLS
