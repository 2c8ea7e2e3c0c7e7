/* wg-json.h — typed JSON accessors that fail with an error naming the field */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* How deep JSON may nest: json-glib's parser recurses once per level, so a
 * body of a million '[' would overflow the stack.  Real documents (GeoJSON
 * included) stay under ten. */
#define WG_JSON_MAX_DEPTH 32

/* TRUE when @data never nests arrays and objects deeper than @max_depth
 * (brackets inside strings do not count). */
gboolean    wg_json_depth_ok             (const char  *data,
                                          gsize        length,
                                          guint        max_depth);

/* Parses any JSON document (a server's answer), refusing one that nests
 * deeper than WG_JSON_MAX_DEPTH; errors are WG_ERROR_MALFORMED_JSON. */
JsonNode   *wg_json_parse                (const char  *data,
                                          gsize        length,
                                          GError     **error);

/* Parses a request body that must be one JSON object.  Malformed text gives
 * WG_ERROR_MALFORMED_JSON, anything else than an object WG_ERROR_INVALID_INPUT. */
JsonNode   *wg_json_parse_object         (const char  *data,
                                          gssize       length,
                                          GError     **error);

/* A required string of 1..max_chars characters (UTF-8 characters, not bytes). */
const char *wg_json_require_string       (JsonObject  *object,
                                          const char  *field,
                                          guint        max_chars,
                                          GError     **error);
/* An optional string: absent or null gives @fallback without error. */
gboolean    wg_json_optional_string      (JsonObject  *object,
                                          const char  *field,
                                          guint        max_chars,
                                          const char  *fallback,
                                          const char **out,
                                          GError     **error);
gboolean    wg_json_require_int          (JsonObject  *object,
                                          const char  *field,
                                          gint64       min,
                                          gint64       max,
                                          gint64      *out,
                                          GError     **error);
gboolean    wg_json_optional_boolean     (JsonObject  *object,
                                          const char  *field,
                                          gboolean     fallback,
                                          gboolean    *out,
                                          GError     **error);

char       *wg_json_to_string            (JsonNode    *node,
                                          gsize       *length);

G_END_DECLS
