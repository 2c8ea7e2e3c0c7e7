/* wg-test-http.h — small synchronous HTTP helpers for the server tests */
#pragma once

#include <libsoup/soup.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct {
  guint               status;
  JsonNode           *json;       /* NULL when the body is empty or not JSON */
  GBytes             *body;
  SoupMessageHeaders *headers;    /* response headers */
} WgTestResponse;

void            wg_test_response_free (WgTestResponse *response);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WgTestResponse, wg_test_response_free)

/* Sends one request; @content_type and @body may be NULL.  A transport
 * failure is a test failure. */
WgTestResponse *wg_test_request      (SoupSession  *session,
                                      const char   *base_url,
                                      const char   *method,
                                      const char   *path,
                                      const char   *token,
                                      const char   *content_type,
                                      const char   *body);
/* The same with more request headers: @headers is name, value, …, NULL. */
WgTestResponse *wg_test_request_with_headers (SoupSession        *session,
                                              const char         *base_url,
                                              const char         *method,
                                              const char         *path,
                                              const char         *token,
                                              const char         *content_type,
                                              const char         *body,
                                              const char * const *headers);
/* Like wg_test_request, but returns NULL (and no failure) when the server
 * cannot be reached. */
WgTestResponse *wg_test_try_request  (SoupSession  *session,
                                      const char   *base_url,
                                      const char   *method,
                                      const char   *path,
                                      const char   *token);
/* POST /session as @username with @password; returns the token or NULL. */
char           *wg_test_sign_in      (SoupSession  *session,
                                      const char   *base_url,
                                      const char   *username,
                                      const char   *password);
/* Asserts the error envelope: status, code and (when non-NULL) field. */
void            wg_test_assert_error (WgTestResponse *response,
                                      guint           status,
                                      const char     *code,
                                      const char     *field);
JsonObject     *wg_test_response_object (WgTestResponse *response);

G_END_DECLS
