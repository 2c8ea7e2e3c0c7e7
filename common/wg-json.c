#define G_LOG_DOMAIN "wg-json"

#include "config.h"

#include <string.h>

#include "wg-error.h"
#include "wg-json.h"

gboolean
wg_json_depth_ok (const char *data,
                  gsize       length,
                  guint       max_depth)
{
  gboolean in_string = FALSE;
  guint depth = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string && c == '\\')
        i++;
      else if (c == '"')
        in_string = !in_string;
      else if (!in_string && (c == '[' || c == '{') && ++depth > max_depth)
        return FALSE;
      else if (!in_string && (c == ']' || c == '}') && depth > 0)
        depth--;
    }
  return TRUE;
}

JsonNode *
wg_json_parse (const char  *data,
               gsize        length,
               GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;

  if (!wg_json_depth_ok (data, length, WG_JSON_MAX_DEPTH))
    {
      g_set_error (error, WG_ERROR, WG_ERROR_MALFORMED_JSON,
                   "The JSON nests more than %d levels deep", WG_JSON_MAX_DEPTH);
      return NULL;
    }
  if (!json_parser_load_from_data (parser, data, (gssize) length, &local_error))
    {
      g_set_error (error, WG_ERROR, WG_ERROR_MALFORMED_JSON,
                   "Not valid JSON: %s", local_error->message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      g_set_error_literal (error, WG_ERROR, WG_ERROR_MALFORMED_JSON, "Empty JSON document");
      return NULL;
    }
  return json_node_ref (root);
}

JsonNode *
wg_json_parse_object (const char  *data,
                      gssize       length,
                      GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;

  if (data == NULL || length == 0)
    {
      g_set_error_literal (error, WG_ERROR, WG_ERROR_MALFORMED_JSON,
                           "The request body is empty; a JSON object was expected");
      return NULL;
    }
  if (length < 0)
    length = (gssize) strlen (data);
  if (!g_utf8_validate (data, length, NULL))
    {
      g_set_error_literal (error, WG_ERROR, WG_ERROR_MALFORMED_JSON,
                           "The request body is not valid UTF-8");
      return NULL;
    }
  if (!wg_json_depth_ok (data, (gsize) length, WG_JSON_MAX_DEPTH))
    {
      g_set_error (error, WG_ERROR, WG_ERROR_MALFORMED_JSON,
                   "The request body nests JSON more than %d levels deep", WG_JSON_MAX_DEPTH);
      return NULL;
    }
  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      g_set_error (error, WG_ERROR, WG_ERROR_MALFORMED_JSON,
                   "The request body is not valid JSON: %s", local_error->message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, WG_ERROR, WG_ERROR_MALFORMED_JSON,
                           "The request body must be a JSON object");
      return NULL;
    }
  return json_node_ref (root);
}

static gboolean
check_string_node (JsonNode    *node,
                   const char  *field,
                   guint        max_chars,
                   const char **out,
                   GError     **error)
{
  const char *value;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      wg_set_field_error (error, field, "The field “%s” must be a string", field);
      return FALSE;
    }
  value = json_node_get_string (node);
  if (g_utf8_strlen (value, -1) > (glong) max_chars)
    {
      wg_set_field_error (error, field, "The field “%s” is longer than %u characters",
                          field, max_chars);
      return FALSE;
    }
  *out = value;
  return TRUE;
}

const char *
wg_json_require_string (JsonObject  *object,
                        const char  *field,
                        guint        max_chars,
                        GError     **error)
{
  JsonNode *node = json_object_get_member (object, field);
  const char *value = NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      wg_set_field_error (error, field, "The field “%s” is required", field);
      return NULL;
    }
  if (!check_string_node (node, field, max_chars, &value, error))
    return NULL;
  if (*value == '\0')
    {
      wg_set_field_error (error, field, "The field “%s” must not be empty", field);
      return NULL;
    }
  return value;
}

gboolean
wg_json_optional_string (JsonObject  *object,
                         const char  *field,
                         guint        max_chars,
                         const char  *fallback,
                         const char **out,
                         GError     **error)
{
  JsonNode *node = json_object_get_member (object, field);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      *out = fallback;
      return TRUE;
    }
  return check_string_node (node, field, max_chars, out, error);
}

gboolean
wg_json_require_int (JsonObject  *object,
                     const char  *field,
                     gint64       min,
                     gint64       max,
                     gint64      *out,
                     GError     **error)
{
  JsonNode *node = json_object_get_member (object, field);
  gint64 value;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      wg_set_field_error (error, field, "The field “%s” is required", field);
      return FALSE;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    {
      wg_set_field_error (error, field, "The field “%s” must be an integer", field);
      return FALSE;
    }
  value = json_node_get_int (node);
  if (value < min || value > max)
    {
      wg_set_field_error (error, field,
                          "The field “%s” must be between %" G_GINT64_FORMAT " and %" G_GINT64_FORMAT,
                          field, min, max);
      return FALSE;
    }
  *out = value;
  return TRUE;
}

gboolean
wg_json_optional_boolean (JsonObject  *object,
                          const char  *field,
                          gboolean     fallback,
                          gboolean    *out,
                          GError     **error)
{
  JsonNode *node = json_object_get_member (object, field);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      *out = fallback;
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    {
      wg_set_field_error (error, field, "The field “%s” must be true or false", field);
      return FALSE;
    }
  *out = json_node_get_boolean (node);
  return TRUE;
}

char *
wg_json_to_string (JsonNode *node,
                   gsize    *length)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_generator_set_root (generator, node);
  return json_generator_to_data (generator, length);
}
