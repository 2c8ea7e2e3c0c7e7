#define G_LOG_DOMAIN "wg-error"

#include "config.h"

#include <string.h>

#include "wg-error.h"

typedef struct {
  char *field;
} WgErrorPrivate;

static void
wg_error_private_init (WgErrorPrivate *priv)
{
  priv->field = NULL;
}

static void
wg_error_private_copy (const WgErrorPrivate *src,
                       WgErrorPrivate       *dest)
{
  dest->field = g_strdup (src->field);
}

static void
wg_error_private_clear (WgErrorPrivate *priv)
{
  g_clear_pointer (&priv->field, g_free);
}

G_DEFINE_EXTENDED_ERROR (WgError, wg_error)

static const struct {
  WgErrorCode code;
  const char *name;
  guint status;
} error_table[] = {
  { WG_ERROR_INTERNAL, "internal-error", 500 },
  { WG_ERROR_INVALID_INPUT, "invalid-input", 400 },
  { WG_ERROR_MALFORMED_JSON, "malformed-json", 400 },
  { WG_ERROR_UNAUTHENTICATED, "unauthenticated", 401 },
  { WG_ERROR_SESSION_EXPIRED, "session-expired", 401 },
  { WG_ERROR_INVALID_CREDENTIALS, "invalid-credentials", 401 },
  { WG_ERROR_ACCOUNT_DISABLED, "account-disabled", 403 },
  { WG_ERROR_FORBIDDEN, "forbidden", 403 },
  { WG_ERROR_NOT_FOUND, "not-found", 404 },
  { WG_ERROR_METHOD_NOT_ALLOWED, "method-not-allowed", 405 },
  { WG_ERROR_CONFLICT, "conflict", 409 },
  { WG_ERROR_PAYLOAD_TOO_LARGE, "payload-too-large", 413 },
  { WG_ERROR_UNSUPPORTED_MEDIA, "unsupported-media-type", 415 },
  { WG_ERROR_TOO_MANY_REQUESTS, "too-many-requests", 429 },
  { WG_ERROR_UNAVAILABLE, "database-unavailable", 503 },
  { WG_ERROR_SCHEMA_MISMATCH, "schema-mismatch", 503 },
  { WG_ERROR_UNREACHABLE, "server-unreachable", 0 },
  { WG_ERROR_PROTOCOL, "protocol-error", 502 },
  { WG_ERROR_PRECONDITION_REQUIRED, "precondition-required", 428 },
  { WG_ERROR_IMPORT_REJECTED, "import-rejected", 422 },
};

G_STATIC_ASSERT (G_N_ELEMENTS (error_table) == WG_ERROR_LAST + 1);

const char *
wg_error_code_to_string (WgErrorCode code)
{
  if ((guint) code > WG_ERROR_LAST)
    return "internal-error";
  return error_table[code].name;
}

gboolean
wg_error_code_from_string (const char  *name,
                           WgErrorCode *code)
{
  if (name == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (error_table); i++)
    {
      if (g_str_equal (error_table[i].name, name))
        {
          *code = error_table[i].code;
          return TRUE;
        }
    }
  return FALSE;
}

guint
wg_error_code_to_status (WgErrorCode code)
{
  if ((guint) code > WG_ERROR_LAST)
    return 500;
  return error_table[code].status;
}

/* SQLSTATE classes: https://www.postgresql.org/docs/15/errcodes-appendix.html */
WgErrorCode
wg_error_code_from_sqlstate (const char *sqlstate)
{
  if (sqlstate == NULL || strlen (sqlstate) != 5)
    return WG_ERROR_INTERNAL;

  if (g_str_equal (sqlstate, "23505"))  /* unique_violation */
    return WG_ERROR_CONFLICT;
  if (g_str_equal (sqlstate, "40001") || /* serialization_failure */
      g_str_equal (sqlstate, "40P01"))   /* deadlock_detected */
    return WG_ERROR_CONFLICT;
  if (g_str_equal (sqlstate, "42501"))  /* insufficient_privilege, RLS */
    return WG_ERROR_FORBIDDEN;
  if (g_str_has_prefix (sqlstate, "22") || /* data exception */
      g_str_has_prefix (sqlstate, "23"))   /* other integrity violations */
    return WG_ERROR_INVALID_INPUT;
  if (g_str_has_prefix (sqlstate, "08") || /* connection exception */
      g_str_has_prefix (sqlstate, "57"))   /* operator intervention: shutdown */
    return WG_ERROR_UNAVAILABLE;
  if (g_str_equal (sqlstate, "53300"))  /* too_many_connections */
    return WG_ERROR_UNAVAILABLE;
  return WG_ERROR_INTERNAL;
}

static void
set_error_valist (GError      **error,
                  WgErrorCode   code,
                  const char   *field,
                  const char   *format,
                  va_list       args) G_GNUC_PRINTF (4, 0);

static void
set_error_valist (GError      **error,
                  WgErrorCode   code,
                  const char   *field,
                  const char   *format,
                  va_list       args)
{
  g_autofree char *message = NULL;
  GError *new_error;

  if (error == NULL)
    return;
  message = g_strdup_vprintf (format, args);
  new_error = g_error_new_literal (WG_ERROR, code, message);
  if (field != NULL)
    wg_error_get_private (new_error)->field = g_strdup (field);
  g_propagate_error (error, new_error);
}

void
wg_set_field_error (GError     **error,
                    const char  *field,
                    const char  *format,
                    ...)
{
  va_list args;

  va_start (args, format);
  set_error_valist (error, WG_ERROR_INVALID_INPUT, field, format, args);
  va_end (args);
}

void
wg_set_error_with_field (GError     **error,
                         WgErrorCode  code,
                         const char  *field,
                         const char  *format,
                         ...)
{
  va_list args;

  va_start (args, format);
  set_error_valist (error, code, field, format, args);
  va_end (args);
}

const char *
wg_error_get_field (const GError *error)
{
  WgErrorPrivate *priv;

  if (error == NULL || error->domain != WG_ERROR)
    return NULL;
  priv = wg_error_get_private (error);
  return priv != NULL ? priv->field : NULL;
}

/* {"error": {"code": "...", "message": "...", "field": "..."}} */
JsonNode *
wg_error_to_json (const GError *error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  WgErrorCode code = WG_ERROR_INTERNAL;
  const char *message = "Internal error";
  const char *field = NULL;

  if (error != NULL && error->domain == WG_ERROR)
    {
      code = error->code;
      message = error->message;
      field = wg_error_get_field (error);
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "error");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "code");
  json_builder_add_string_value (builder, wg_error_code_to_string (code));
  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder, message);
  if (field != NULL)
    {
      json_builder_set_member_name (builder, "field");
      json_builder_add_string_value (builder, field);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static WgErrorCode
code_for_status (guint status)
{
  for (guint i = 0; i < G_N_ELEMENTS (error_table); i++)
    if (error_table[i].status == status)
      return error_table[i].code;
  return status >= 500 ? WG_ERROR_INTERNAL : WG_ERROR_PROTOCOL;
}

static JsonObject *
error_envelope (JsonNode *root)
{
  JsonObject *object;
  JsonNode *inner;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  object = json_node_get_object (root);
  inner = json_object_get_member (object, "error");
  if (inner == NULL || !JSON_NODE_HOLDS_OBJECT (inner))
    return NULL;
  return json_node_get_object (inner);
}

GError *
wg_error_from_json (JsonNode *root,
                    guint     http_status)
{
  JsonObject *inner = error_envelope (root);
  WgErrorCode code;
  const char *field;
  GError *error;

  if (inner == NULL)
    return g_error_new (WG_ERROR, code_for_status (http_status),
                        "HTTP status %u", http_status);

  if (!wg_error_code_from_string (json_object_get_string_member_with_default (inner, "code", NULL), &code))
    code = code_for_status (http_status);
  error = g_error_new_literal (WG_ERROR, code,
                               json_object_get_string_member_with_default (inner, "message", ""));
  field = json_object_get_string_member_with_default (inner, "field", NULL);
  if (field != NULL)
    wg_error_get_private (error)->field = g_strdup (field);
  return error;
}
