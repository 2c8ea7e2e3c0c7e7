#define G_LOG_DOMAIN "wg-common"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "wg-error.h"
#include "wg-json.h"
#include "wg-record-kind.h"
#include "wg-region.h"
#include "wg-validate.h"

/* Each value may come as its JSON type or as text (a CSV cell, a form
 * field): "12.5" for a number, "116.41,39.91" for a point, "a;b" for a
 * list.  Either way it leaves as its JSON type. */

#define MAX_LIST_ITEMS 10
#define MAX_POLYGON_POSITIONS 20000

static JsonNode *
string_node (const char *value)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  json_node_set_string (node, value);
  return node;
}

static JsonNode *
double_node (double value)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  json_node_set_double (node, value);
  return node;
}

static JsonNode *
int_node (gint64 value)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  json_node_set_int (node, value);
  return node;
}

static JsonNode *
boolean_node (gboolean value)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  json_node_set_boolean (node, value);
  return node;
}

static gboolean
is_string (JsonNode *value)
{
  return JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING;
}

static gboolean
is_number (JsonNode *value)
{
  GType type;

  if (!JSON_NODE_HOLDS_VALUE (value))
    return FALSE;
  type = json_node_get_value_type (value);
  return type == G_TYPE_INT64 || type == G_TYPE_DOUBLE;
}

/* The value of a number node or of text holding one; FALSE otherwise. */
static gboolean
number_value (JsonNode *value,
              double   *out)
{
  g_autofree char *text = NULL;
  char *end = NULL;

  if (is_number (value))
    {
      *out = json_node_get_double (value);
      return isfinite (*out);
    }
  if (!is_string (value))
    return FALSE;
  text = g_strstrip (g_strdup (json_node_get_string (value)));
  /* Decimal notation only: g_ascii_strtod would also read "0x1A", "inf". */
  if (*text == '\0' || text[strspn (text, "0123456789+-.eE")] != '\0')
    return FALSE;
  *out = g_ascii_strtod (text, &end);
  return *end == '\0' && isfinite (*out);
}

/* A string field's text, trimmed; NULL (with an error) when not a string. */
static char *
text_value (const WgFieldSpec  *field,
            JsonNode           *value,
            GError            **error)
{
  if (!is_string (value))
    {
      wg_set_field_error (error, field->name, "“%s” must be text", field->name);
      return NULL;
    }
  return g_strstrip (g_strdup (json_node_get_string (value)));
}

static gboolean
check_length (const WgFieldSpec  *field,
              const char         *text,
              GError            **error)
{
  glong length = g_utf8_strlen (text, -1);

  if (field->max_chars == 0 || length <= (glong) field->max_chars)
    return TRUE;
  wg_set_field_error (error, field->name, "“%s” has at most %u characters", field->name,
                      field->max_chars);
  return FALSE;
}

/* -------------------------------------------------------- field types */

static JsonNode *
parse_text (const WgFieldSpec  *field,
            JsonNode           *value,
            GError            **error)
{
  g_autofree char *text = text_value (field, value, error);

  if (text == NULL || !check_length (field, text, error))
    return NULL;
  return string_node (text);
}

static JsonNode *
parse_choice (const WgFieldSpec  *field,
              JsonNode           *value,
              GError            **error)
{
  g_autofree char *text = text_value (field, value, error);

  if (text == NULL)
    return NULL;
  if (wg_field_choice_label (field, text) == NULL)
    {
      g_autoptr(GString) names = g_string_new (NULL);

      for (const WgChoice *choice = field->choices; choice->value != NULL; choice++)
        g_string_append_printf (names, "%s%s", names->len > 0 ? ", " : "", choice->value);
      wg_set_field_error (error, field->name, "“%s” is one of %s", field->name, names->str);
      return NULL;
    }
  return string_node (text);
}

static JsonNode *
parse_decimal (const WgFieldSpec  *field,
               JsonNode           *value,
               GError            **error)
{
  double number;

  if (!number_value (value, &number))
    {
      wg_set_field_error (error, field->name, "“%s” must be a number", field->name);
      return NULL;
    }
  if (number <= field->min || number >= field->max)
    {
      wg_set_field_error (error, field->name, "“%s” must be more than %g and less than %g",
                          field->name, field->min, field->max);
      return NULL;
    }
  if (fabs (number * 100 - round (number * 100)) > 1e-6 * fmax (1, fabs (number)))
    {
      wg_set_field_error (error, field->name, "“%s” has at most two decimals", field->name);
      return NULL;
    }
  return double_node (round (number * 100) / 100);
}

static JsonNode *
parse_integer (const WgFieldSpec  *field,
               JsonNode           *value,
               GError            **error)
{
  double number;

  if (!number_value (value, &number) || number != floor (number))
    {
      wg_set_field_error (error, field->name, "“%s” must be a whole number", field->name);
      return NULL;
    }
  if (number < field->min || number > field->max)
    {
      wg_set_field_error (error, field->name, "“%s” is between %g and %g", field->name,
                          field->min, field->max);
      return NULL;
    }
  return int_node ((gint64) number);
}

static JsonNode *
parse_boolean (const WgFieldSpec  *field,
               JsonNode           *value,
               GError            **error)
{
  static const char * const yes[] = { "true", "yes", "1", "是", NULL };
  static const char * const no[] = { "false", "no", "0", "否", NULL };
  g_autofree char *text = NULL;

  if (JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_BOOLEAN)
    return boolean_node (json_node_get_boolean (value));
  if (is_string (value))
    {
      text = g_strstrip (g_ascii_strdown (json_node_get_string (value), -1));
      if (g_strv_contains (yes, text))
        return boolean_node (TRUE);
      if (g_strv_contains (no, text))
        return boolean_node (FALSE);
    }
  wg_set_field_error (error, field->name, "“%s” must be true or false", field->name);
  return NULL;
}

/* "2026/3/7", as spreadsheets show dates in China, as "2026-03-07"; other
 * text unchanged (wg_validate_date judges it). */
static char *
iso_date (const char *text)
{
  guint year;
  guint month;
  guint day;
  char end;

  if (strchr (text, '/') == NULL ||
      sscanf (text, "%4u/%2u/%2u%c", &year, &month, &day, &end) != 3)
    return g_strdup (text);
  return g_strdup_printf ("%04u-%02u-%02u", year, month, day);
}

static JsonNode *
parse_date (const WgFieldSpec  *field,
            JsonNode           *value,
            GError            **error)
{
  g_autofree char *text = text_value (field, value, error);
  g_autofree char *date = text != NULL ? iso_date (text) : NULL;

  if (date == NULL || !wg_validate_date (date, field->name, NULL, error))
    return NULL;
  return string_node (date);
}

static JsonNode *
parse_phone (const WgFieldSpec  *field,
             JsonNode           *value,
             GError            **error)
{
  g_autofree char *text = text_value (field, value, error);
  g_autofree char *digits = text != NULL ? wg_normalize_phone (text, field->name, error) : NULL;

  return digits != NULL ? string_node (digits) : NULL;
}

static JsonNode *
parse_credit_code (const WgFieldSpec  *field,
                   JsonNode           *value,
                   GError            **error)
{
  g_autofree char *text = text_value (field, value, error);
  g_autofree char *upper = text != NULL ? g_ascii_strup (text, -1) : NULL;

  if (upper == NULL || !wg_validate_credit_code (upper, field->name, error))
    return NULL;
  return string_node (upper);
}

static JsonNode *
parse_class_code (const WgFieldSpec  *field,
                  JsonNode           *value,
                  GError            **error)
{
  g_autofree char *text = text_value (field, value, error);

  if (text == NULL)
    return NULL;
  if (strlen (text) != 4 || text[0] != '0' || text[1] < '1' || text[1] > '6' ||
      !g_ascii_isdigit (text[2]) || !g_ascii_isdigit (text[3]) ||
      (text[2] == '0' && text[3] == '0'))
    {
      wg_set_field_error (error, field->name,
                          "A class code has four digits, 0101 to 0699 (01 public facilities … "
                          "06 other facilities)");
      return NULL;
    }
  return string_node (text);
}

/* @text with the full-width comma and semicolon (typed with a Chinese
 * input method) as ASCII ones.  g_strsplit_set() splits on bytes: given
 * "，" it would cut Chinese characters that share its continuation bytes. */
static char *
ascii_separators (const char *text)
{
  g_autoptr(GString) result = g_string_new (text);

  g_string_replace (result, "，", ",", 0);
  g_string_replace (result, "；", ";", 0);
  return g_string_free (g_steal_pointer (&result), FALSE);
}

/* [lon, lat] from an array of two numbers or "lon,lat"; FALSE when out of
 * WGS-84's range or not a position. */
static gboolean
position_value (JsonNode *value,
                double   *lon,
                double   *lat)
{
  if (JSON_NODE_HOLDS_ARRAY (value))
    {
      JsonArray *array = json_node_get_array (value);

      if (json_array_get_length (array) != 2 ||
          !is_number (json_array_get_element (array, 0)) ||
          !is_number (json_array_get_element (array, 1)))
        return FALSE;
      *lon = json_array_get_double_element (array, 0);
      *lat = json_array_get_double_element (array, 1);
    }
  else if (is_string (value))
    {
      g_autofree char *text = ascii_separators (json_node_get_string (value));
      g_auto(GStrv) parts = g_strsplit (text, ",", 3);
      char *end_lon = NULL;
      char *end_lat = NULL;

      if (g_strv_length (parts) != 2)
        return FALSE;
      *lon = g_ascii_strtod (g_strstrip (parts[0]), &end_lon);
      *lat = g_ascii_strtod (g_strstrip (parts[1]), &end_lat);
      if (*parts[0] == '\0' || *parts[1] == '\0' || *end_lon != '\0' || *end_lat != '\0')
        return FALSE;
    }
  else
    return FALSE;
  return isfinite (*lon) && isfinite (*lat) && fabs (*lon) <= 180 && fabs (*lat) <= 90;
}

static JsonNode *
position_node (double lon,
               double lat)
{
  JsonArray *array = json_array_sized_new (2);
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  json_array_add_double_element (array, round (lon * 1e7) / 1e7);
  json_array_add_double_element (array, round (lat * 1e7) / 1e7);
  json_node_take_array (node, array);
  return node;
}

static JsonNode *
parse_point (const WgFieldSpec  *field,
             JsonNode           *value,
             GError            **error)
{
  double lon;
  double lat;

  if (!position_value (value, &lon, &lat))
    {
      wg_set_field_error (error, field->name,
                          "“%s” is a longitude and a latitude in degrees (WGS-84)", field->name);
      return NULL;
    }
  return position_node (lon, lat);
}

/* One ring: at least four positions, the last the first. */
static JsonArray *
parse_ring (JsonNode *value,
            guint    *positions)
{
  g_autoptr(JsonArray) ring = json_array_new ();
  JsonArray *input;
  guint length;

  if (!JSON_NODE_HOLDS_ARRAY (value))
    return NULL;
  input = json_node_get_array (value);
  length = json_array_get_length (input);
  *positions += length;
  if (length < 4 || *positions > MAX_POLYGON_POSITIONS)
    return NULL;
  for (guint i = 0; i < length; i++)
    {
      double lon;
      double lat;

      if (!position_value (json_array_get_element (input, i), &lon, &lat))
        return NULL;
      json_array_add_element (ring, position_node (lon, lat));
    }
  if (!json_node_equal (json_array_get_element (ring, 0), json_array_get_element (ring, length - 1)))
    return NULL;
  return g_steal_pointer (&ring);
}

/* A polygon's rings (an array of rings). */
static JsonArray *
parse_rings (JsonNode *value,
             guint    *positions)
{
  g_autoptr(JsonArray) rings = json_array_new ();
  JsonArray *input;

  if (!JSON_NODE_HOLDS_ARRAY (value) || json_array_get_length (json_node_get_array (value)) == 0)
    return NULL;
  input = json_node_get_array (value);
  for (guint i = 0; i < json_array_get_length (input); i++)
    {
      JsonArray *ring = parse_ring (json_array_get_element (input, i), positions);

      if (ring == NULL)
        return NULL;
      json_array_add_array_element (rings, ring);
    }
  return g_steal_pointer (&rings);
}

/* The polygons of a Polygon (one) or a MultiPolygon (its members). */
static JsonArray *
parse_polygons (JsonObject *geometry)
{
  g_autoptr(JsonArray) polygons = json_array_new ();
  JsonNode *type_node = json_object_get_member (geometry, "type");
  JsonNode *coordinates = json_object_get_member (geometry, "coordinates");
  const char *type;
  guint positions = 0;
  JsonArray *rings;

  /* "type" may be anything a client sends: only a string is looked at. */
  if (type_node == NULL || !is_string (type_node) || coordinates == NULL)
    return NULL;
  type = json_node_get_string (type_node);
  if (g_str_equal (type, "Polygon"))
    {
      if ((rings = parse_rings (coordinates, &positions)) == NULL)
        return NULL;
      json_array_add_array_element (polygons, rings);
      return g_steal_pointer (&polygons);
    }
  if (!g_str_equal (type, "MultiPolygon") || !JSON_NODE_HOLDS_ARRAY (coordinates) ||
      json_array_get_length (json_node_get_array (coordinates)) == 0)
    return NULL;
  for (guint i = 0; i < json_array_get_length (json_node_get_array (coordinates)); i++)
    {
      rings = parse_rings (json_array_get_element (json_node_get_array (coordinates), i),
                           &positions);
      if (rings == NULL)
        return NULL;
      json_array_add_array_element (polygons, rings);
    }
  return g_steal_pointer (&polygons);
}

static JsonNode *
parse_polygon (const WgFieldSpec  *field,
               JsonNode           *value,
               GError            **error)
{
  g_autoptr(JsonNode) parsed = NULL;
  g_autoptr(JsonObject) geometry = NULL;
  JsonArray *polygons = NULL;
  JsonNode *node;

  /* Text (a CSV cell) is parsed with the nesting guard: a cell of ten
   * thousand '[' would otherwise recurse that deep. */
  if (is_string (value))
    parsed = wg_json_parse (json_node_get_string (value), strlen (json_node_get_string (value)),
                            NULL);
  if (parsed != NULL)
    value = parsed;
  if (JSON_NODE_HOLDS_OBJECT (value))
    polygons = parse_polygons (json_node_get_object (value));
  if (polygons == NULL)
    {
      wg_set_field_error (error, field->name,
                          "“%s” is a GeoJSON Polygon or MultiPolygon in WGS-84: closed rings of "
                          "at least four positions, at most %d in all", field->name,
                          MAX_POLYGON_POSITIONS);
      return NULL;
    }
  geometry = json_object_new ();
  json_object_set_string_member (geometry, "type", "MultiPolygon");
  json_object_set_array_member (geometry, "coordinates", polygons);
  node = json_node_new (JSON_NODE_OBJECT);
  json_node_set_object (node, geometry);
  return node;
}

static JsonNode *
parse_grid (const WgFieldSpec  *field,
            JsonNode           *value,
            GError            **error)
{
  g_autofree char *text = text_value (field, value, error);

  if (text == NULL)
    return NULL;
  if (!wg_region_code_is_valid (text, WG_REGION_LEVEL_GRID))
    {
      wg_set_field_error (error, field->name, "A grid's code has 15 digits");
      return NULL;
    }
  return string_node (text);
}

static JsonNode *
parse_reference (const WgFieldSpec  *field,
                 JsonNode           *value,
                 GError            **error)
{
  double number;

  if (!number_value (value, &number) || number != floor (number) || number < 1 ||
      number > 9007199254740991.0)
    {
      wg_set_field_error (error, field->name, "“%s” is the id of a record", field->name);
      return NULL;
    }
  return int_node ((gint64) number);
}

static gboolean
add_list_item (const WgFieldSpec  *field,
               JsonArray          *items,
               const char         *item,
               GError            **error)
{
  g_autofree char *text = g_strstrip (g_strdup (item));

  if (*text == '\0')
    return TRUE;
  if (!check_length (field, text, error))
    return FALSE;
  /* A repeated item is dropped before counting: it adds nothing. */
  for (guint i = 0; i < json_array_get_length (items); i++)
    if (g_str_equal (json_array_get_string_element (items, i), text))
      return TRUE;
  if (json_array_get_length (items) >= MAX_LIST_ITEMS)
    {
      wg_set_field_error (error, field->name, "“%s” has at most %d items", field->name,
                          MAX_LIST_ITEMS);
      return FALSE;
    }
  json_array_add_string_element (items, text);
  return TRUE;
}

static JsonNode *
parse_text_list (const WgFieldSpec  *field,
                 JsonNode           *value,
                 GError            **error)
{
  g_autoptr(JsonArray) items = json_array_new ();
  JsonNode *node;

  if (is_string (value))
    {
      g_autofree char *text = ascii_separators (json_node_get_string (value));
      g_auto(GStrv) parts = g_strsplit_set (text, ";,", -1);

      for (guint i = 0; parts[i] != NULL; i++)
        if (!add_list_item (field, items, parts[i], error))
          return NULL;
    }
  else if (JSON_NODE_HOLDS_ARRAY (value))
    {
      JsonArray *input = json_node_get_array (value);

      for (guint i = 0; i < json_array_get_length (input); i++)
        {
          JsonNode *item = json_array_get_element (input, i);

          if (!is_string (item))
            {
              wg_set_field_error (error, field->name, "“%s” is a list of text", field->name);
              return NULL;
            }
          if (!add_list_item (field, items, json_node_get_string (item), error))
            return NULL;
        }
    }
  else
    {
      wg_set_field_error (error, field->name, "“%s” is a list of text", field->name);
      return NULL;
    }
  node = json_node_new (JSON_NODE_ARRAY);
  json_node_take_array (node, g_steal_pointer (&items));
  return node;
}

typedef JsonNode *(*FieldParser) (const WgFieldSpec *, JsonNode *, GError **);

static const FieldParser parsers[] = {
  [WG_FIELD_TEXT] = parse_text,
  [WG_FIELD_CHOICE] = parse_choice,
  [WG_FIELD_DECIMAL] = parse_decimal,
  [WG_FIELD_INTEGER] = parse_integer,
  [WG_FIELD_DATE] = parse_date,
  [WG_FIELD_BOOLEAN] = parse_boolean,
  [WG_FIELD_PHONE] = parse_phone,
  [WG_FIELD_CREDIT_CODE] = parse_credit_code,
  [WG_FIELD_CLASS_CODE] = parse_class_code,
  [WG_FIELD_POINT] = parse_point,
  [WG_FIELD_POLYGON] = parse_polygon,
  [WG_FIELD_GRID] = parse_grid,
  [WG_FIELD_REFERENCE] = parse_reference,
  [WG_FIELD_TEXT_LIST] = parse_text_list,
};

G_STATIC_ASSERT (G_N_ELEMENTS (parsers) == WG_FIELD_TEXT_LIST + 1);

/* Null, or text of only blanks (an empty CSV cell or form field). */
static gboolean
is_empty (JsonNode *value)
{
  g_autofree char *text = NULL;

  if (JSON_NODE_HOLDS_NULL (value))
    return TRUE;
  if (!is_string (value))
    return FALSE;
  text = g_strstrip (g_strdup (json_node_get_string (value)));
  return *text == '\0';
}

JsonNode *
wg_record_field_parse (const WgFieldSpec  *field,
                       JsonNode           *value,
                       GError            **error)
{
  g_return_val_if_fail (field != NULL, NULL);
  g_return_val_if_fail (value != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (is_empty (value))
    {
      if (field->flags & WG_FIELD_REQUIRED)
        {
          wg_set_field_error (error, field->name, "“%s” is required", field->name);
          return NULL;
        }
      return json_node_new (JSON_NODE_NULL);
    }
  return parsers[field->type] (field, value, error);
}

JsonObject *
wg_record_input_parse (const WgRecordKind  *kind,
                       JsonObject          *body,
                       gboolean             patch,
                       GError             **error)
{
  g_autoptr(JsonObject) input = json_object_new ();
  g_autoptr(GList) members = NULL;

  g_return_val_if_fail (kind != NULL, NULL);
  g_return_val_if_fail (body != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  members = json_object_get_members (body);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const WgFieldSpec *field = wg_record_kind_field (kind, l->data);

      if (field == NULL || (field->flags & WG_FIELD_READ_ONLY))
        {
          wg_set_field_error (error, l->data, field == NULL ? "There is no field “%s”"
                                                            : "“%s” is set by the server",
                              (const char *) l->data);
          return NULL;
        }
    }
  for (guint i = 0; i < kind->n_fields; i++)
    {
      const WgFieldSpec *field = &kind->fields[i];
      JsonNode *value = json_object_get_member (body, field->name);
      JsonNode *parsed;

      if (field->flags & WG_FIELD_READ_ONLY)
        continue;
      if (value == NULL)
        {
          if (!patch && (field->flags & WG_FIELD_REQUIRED))
            {
              wg_set_field_error (error, field->name, "“%s” is required", field->name);
              return NULL;
            }
          continue;
        }
      if ((parsed = wg_record_field_parse (field, value, error)) == NULL)
        return NULL;
      json_object_set_member (input, field->name, parsed);
    }
  if (patch && json_object_get_size (input) == 0)
    {
      g_set_error_literal (error, WG_ERROR, WG_ERROR_INVALID_INPUT, "The update changes nothing");
      return NULL;
    }
  return g_steal_pointer (&input);
}
