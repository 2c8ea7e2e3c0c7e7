/* wg-error.h — the one error domain shared by client and server
 *
 * Each code has a stable wire name (DESIGN §7) and an HTTP status.  The
 * server turns every failure into one of these at its boundary; the client
 * turns the JSON envelope back into a GError with the same code.
 */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define WG_ERROR (wg_error_quark ())

typedef enum {
  WG_ERROR_INTERNAL,            /* "internal-error", 500 */
  WG_ERROR_INVALID_INPUT,       /* "invalid-input", 400, names a field */
  WG_ERROR_MALFORMED_JSON,      /* "malformed-json", 400 */
  WG_ERROR_UNAUTHENTICATED,     /* "unauthenticated", 401: no or unknown token */
  WG_ERROR_SESSION_EXPIRED,     /* "session-expired", 401 */
  WG_ERROR_INVALID_CREDENTIALS, /* "invalid-credentials", 401 */
  WG_ERROR_ACCOUNT_DISABLED,    /* "account-disabled", 403 */
  WG_ERROR_FORBIDDEN,           /* "forbidden", 403 */
  WG_ERROR_NOT_FOUND,           /* "not-found", 404 */
  WG_ERROR_METHOD_NOT_ALLOWED,  /* "method-not-allowed", 405 */
  WG_ERROR_CONFLICT,            /* "conflict", 409: stale version or duplicate */
  WG_ERROR_PAYLOAD_TOO_LARGE,   /* "payload-too-large", 413 */
  WG_ERROR_UNSUPPORTED_MEDIA,   /* "unsupported-media-type", 415 */
  WG_ERROR_TOO_MANY_REQUESTS,   /* "too-many-requests", 429 */
  WG_ERROR_UNAVAILABLE,         /* "database-unavailable", 503 */
  WG_ERROR_SCHEMA_MISMATCH,     /* "schema-mismatch", 503 */
  WG_ERROR_UNREACHABLE,         /* "server-unreachable": client side only */
  WG_ERROR_PROTOCOL,            /* "protocol-error": an answer we cannot read */
  WG_ERROR_PRECONDITION_REQUIRED, /* "precondition-required", 428: If-Match missing */
  WG_ERROR_IMPORT_REJECTED,     /* "import-rejected", 422: rows of an import were refused */
} WgErrorCode;

#define WG_ERROR_LAST WG_ERROR_IMPORT_REJECTED

GQuark        wg_error_quark              (void);
const char   *wg_error_code_to_string     (WgErrorCode  code);
gboolean      wg_error_code_from_string   (const char  *name,
                                           WgErrorCode *code);
guint         wg_error_code_to_status     (WgErrorCode  code);
WgErrorCode   wg_error_code_from_sqlstate (const char  *sqlstate);

/* WG_ERROR is an extended error domain: an error may carry the name of
 * the input field it is about ("id_number", "password"), which travels in
 * the JSON envelope so that the client can put the message on the field. */
void          wg_set_field_error          (GError     **error,
                                           const char  *field,
                                           const char  *format,
                                           ...) G_GNUC_PRINTF (3, 4);
/* The same for any code: a 409 about "id_number", a 404 about "region". */
void          wg_set_error_with_field     (GError     **error,
                                           WgErrorCode  code,
                                           const char  *field,
                                           const char  *format,
                                           ...) G_GNUC_PRINTF (4, 5);
const char   *wg_error_get_field          (const GError *error);

JsonNode     *wg_error_to_json            (const GError *error);
GError       *wg_error_from_json          (JsonNode    *root,
                                           guint        http_status);

G_END_DECLS
