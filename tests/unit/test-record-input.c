#define G_LOG_DOMAIN "test-record-input"

#include "config.h"

#include <string.h>

#include "wg-error.h"
#include "wg-record-kind.h"
#include "wg-validate.h"

/* ------------------------------------------------------------ helpers */

static const WgFieldSpec *
field_of (const char *kind_name,
          const char *field_name)
{
  const WgRecordKind *kind = wg_record_kind_lookup (kind_name);
  const WgFieldSpec *field;

  g_assert_nonnull (kind);
  field = wg_record_kind_field (kind, field_name);
  g_assert_nonnull (field);
  return field;
}

/* @json: the value as JSON text ("\"12.5\"" is the text 12.5). */
static JsonNode *
parse_value (const char  *kind_name,
             const char  *field_name,
             const char  *json,
             GError     **error)
{
  g_autoptr(JsonNode) value = json_from_string (json, NULL);

  g_assert_nonnull (value);
  return wg_record_field_parse (field_of (kind_name, field_name), value, error);
}

static void
assert_accepted (const char *kind_name,
                 const char *field_name,
                 const char *json,
                 const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) parsed = parse_value (kind_name, field_name, json, &error);
  g_autoptr(JsonNode) wanted = json_from_string (expected, NULL);
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (parsed);
  g_assert_nonnull (wanted);
  text = json_to_string (parsed, FALSE);
  /* Compared as JSON: 99.99 prints as 99.989999999999995. */
  if (!json_node_equal (parsed, wanted))
    g_error ("%s.%s: %s gave %s, expected %s", kind_name, field_name, json, text, expected);
}

static void
assert_refused (const char *kind_name,
                const char *field_name,
                const char *json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) parsed = parse_value (kind_name, field_name, json, &error);

  if (parsed != NULL)
    g_error ("%s.%s: %s was accepted", kind_name, field_name, json);
  g_assert_error (error, WG_ERROR, WG_ERROR_INVALID_INPUT);
  g_assert_cmpstr (wg_error_get_field (error), ==, field_name);
}

static JsonObject *
object_from (const char *json)
{
  g_autoptr(JsonNode) node = json_from_string (json, NULL);

  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  return json_object_ref (json_node_get_object (node));
}

static JsonObject *
parse_body (const char  *kind_name,
            const char  *json,
            gboolean     patch,
            GError     **error)
{
  g_autoptr(JsonObject) body = object_from (json);

  return wg_record_input_parse (wg_record_kind_lookup (kind_name), body, patch, error);
}

static void
assert_body_refused (const char *kind_name,
                     const char *json,
                     gboolean    patch,
                     const char *field)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) input = parse_body (kind_name, json, patch, &error);

  g_assert_null (input);
  g_assert_error (error, WG_ERROR, WG_ERROR_INVALID_INPUT);
  g_assert_cmpstr (wg_error_get_field (error), ==, field);
}

static char *
valid_credit_code (void)
{
  const char *first17 = "91110101MA01ABCD2";

  return g_strdup_printf ("%s%c", first17, wg_credit_code_check_char (first17));
}

/* --------------------------------------------------------- field types */

static void
test_record_input_text (void)
{
  assert_accepted ("components", "name", "\"  井盖  \"", "\"井盖\"");
  assert_accepted ("components", "name", "\"是\"", "\"是\"");
  assert_accepted ("houses", "building", "\"3\"", "\"3\"");
}

static void
test_record_input_text_length (void)
{
  g_autoptr(GString) hundred = g_string_new ("\"");
  g_autoptr(GString) more = NULL;

  for (guint i = 0; i < 100; i++)
    g_string_append (hundred, "井");
  more = g_string_new (hundred->str);
  g_string_append (hundred, "\"");
  g_string_append (more, "井\"");
  assert_accepted ("components", "name", hundred->str, hundred->str);
  assert_refused ("components", "name", more->str);   /* 101 characters, not bytes */
  assert_refused ("components", "name", "12");
  assert_refused ("components", "name", "[\"a\"]");
}

static void
test_record_input_choice (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) parsed = NULL;

  assert_accepted ("houses", "use", "\"residential\"", "\"residential\"");
  assert_accepted ("houses", "use", "\" office \"", "\"office\"");
  assert_refused ("houses", "use", "\"Residential\"");
  assert_refused ("houses", "use", "\"住宅\"");
  parsed = parse_value ("houses", "use", "\"castle\"", &error);
  g_assert_null (parsed);
  /* The message lists the choices. */
  g_assert_nonnull (strstr (error->message, "residential, commercial"));
}

static void
test_record_input_decimal (void)
{
  assert_accepted ("houses", "floor_area", "12.5", "12.5");
  assert_accepted ("houses", "floor_area", "\"12.5\"", "12.5");
  assert_accepted ("houses", "floor_area", "\" 80 \"", "80.0");
  assert_accepted ("houses", "floor_area", "99.99", "99.99");
  assert_refused ("houses", "floor_area", "12.345");       /* three decimals */
  assert_refused ("houses", "floor_area", "0");            /* min is exclusive */
  assert_refused ("houses", "floor_area", "-3");
  assert_refused ("houses", "floor_area", "1000000");      /* max is exclusive */
  assert_refused ("houses", "floor_area", "\"12,5\"");
  assert_refused ("houses", "floor_area", "\"0x1A\"");
  assert_refused ("houses", "floor_area", "\"inf\"");
  assert_refused ("houses", "floor_area", "\"nan\"");
  assert_refused ("houses", "floor_area", "\"twelve\"");
  assert_refused ("houses", "floor_area", "true");
}

static void
test_record_input_integer (void)
{
  assert_accepted ("diary", "households_visited", "12", "12");
  assert_accepted ("diary", "households_visited", "\"12\"", "12");
  assert_accepted ("diary", "households_visited", "0", "0");
  assert_accepted ("diary", "households_visited", "500", "500");
  assert_refused ("diary", "households_visited", "501");
  assert_refused ("diary", "households_visited", "-1");
  assert_refused ("diary", "households_visited", "2.5");
  assert_refused ("diary", "households_visited", "\"2.5\"");
  assert_refused ("diary", "households_visited", "\"a dozen\"");
}

static void
test_record_input_date (void)
{
  assert_accepted ("grid-staff", "from_date", "\"2026-11-20\"", "\"2026-11-20\"");
  /* As spreadsheets show dates in China. */
  assert_accepted ("grid-staff", "from_date", "\"2026/3/7\"", "\"2026-03-07\"");
  assert_refused ("grid-staff", "from_date", "\"2026-02-30\"");
  assert_refused ("grid-staff", "from_date", "\"20261120\"");
  assert_refused ("grid-staff", "from_date", "\"2026/13/1\"");
  assert_refused ("grid-staff", "from_date", "\"2026/1/1 8:00\"");
  assert_refused ("grid-staff", "from_date", "20261120");
}

static void
test_record_input_boolean (void)
{
  assert_accepted ("diary", "follow_up", "true", "true");
  assert_accepted ("diary", "follow_up", "false", "false");
  assert_accepted ("diary", "follow_up", "\"是\"", "true");
  assert_accepted ("diary", "follow_up", "\"否\"", "false");
  assert_accepted ("diary", "follow_up", "\"YES\"", "true");
  assert_accepted ("diary", "follow_up", "\"0\"", "false");
  assert_refused ("diary", "follow_up", "\"maybe\"");
  assert_refused ("diary", "follow_up", "1");
}

static void
test_record_input_phone (void)
{
  assert_accepted ("organizations", "contact_phone", "\"010-6512 3456\"", "\"01065123456\"");
  assert_accepted ("organizations", "contact_phone", "\"+86 138 0013 8000\"", "\"13800138000\"");
  assert_refused ("organizations", "contact_phone", "\"12345\"");
  assert_refused ("organizations", "contact_phone", "\"call me\"");
  assert_refused ("organizations", "contact_phone", "13800138000");
}

static void
test_record_input_credit_code (void)
{
  g_autofree char *code = valid_credit_code ();
  g_autofree char *lower = g_ascii_strdown (code, -1);
  g_autofree char *lower_json = g_strdup_printf ("\"%s\"", lower);
  g_autofree char *expected = g_strdup_printf ("\"%s\"", code);
  g_autofree char *wrong = g_strdup_printf ("\"%.17s%c\"", code, code[17] == '0' ? '1' : '0');

  assert_accepted ("organizations", "credit_code", lower_json, expected);
  assert_refused ("organizations", "credit_code", wrong);
  assert_refused ("organizations", "credit_code", "\"91110101\"");
}

static void
test_record_input_class_code (void)
{
  assert_accepted ("components", "class_code", "\"0101\"", "\"0101\"");
  assert_accepted ("components", "class_code", "\"0699\"", "\"0699\"");
  assert_refused ("components", "class_code", "\"0701\"");
  assert_refused ("components", "class_code", "\"0100\"");
  assert_refused ("components", "class_code", "\"01\"");
  assert_refused ("components", "class_code", "\"1010\"");
  assert_refused ("components", "class_code", "101");
}

static void
test_record_input_point (void)
{
  assert_accepted ("houses", "point", "[116.41, 39.91]", "[116.41,39.91]");
  assert_accepted ("houses", "point", "\"116.41,39.91\"", "[116.41,39.91]");
  assert_accepted ("houses", "point", "\" 116.41 ， 39.91 \"", "[116.41,39.91]");
  /* Rounded to 7 decimals (about a centimetre). */
  assert_accepted ("houses", "point", "[116.123456789, 39.987654321]", "[116.1234568,39.9876543]");
  assert_refused ("houses", "point", "[116.41]");
  assert_refused ("houses", "point", "[181, 39.9]");
  assert_refused ("houses", "point", "[116.4, 91]");
  assert_refused ("houses", "point", "\"116.41\"");
  assert_refused ("houses", "point", "\"116.41,39.91,5\"");
  assert_refused ("houses", "point", "\"east,north\"");
  assert_refused ("houses", "point", "[\"116.41\", \"39.91\"]");
}

#define SQUARE "[[116.4,39.9],[116.41,39.9],[116.41,39.91],[116.4,39.9]]"

static void
test_record_input_polygon (void)
{
  g_autoptr(GString) deep = g_string_new ("\"");

  assert_accepted ("land-parcels", "geometry",
                   "{\"type\":\"Polygon\",\"coordinates\":[" SQUARE "]}",
                   "{\"type\":\"MultiPolygon\",\"coordinates\":[[" SQUARE "]]}");
  assert_accepted ("land-parcels", "geometry",
                   "{\"type\":\"MultiPolygon\",\"coordinates\":[[" SQUARE "],[" SQUARE "]]}",
                   "{\"type\":\"MultiPolygon\",\"coordinates\":[[" SQUARE "],[" SQUARE "]]}");
  /* As a CSV cell: the GeoJSON as text. */
  assert_accepted ("land-parcels", "geometry",
                   "\"{\\\"type\\\":\\\"Polygon\\\",\\\"coordinates\\\":[" SQUARE "]}\"",
                   "{\"type\":\"MultiPolygon\",\"coordinates\":[[" SQUARE "]]}");
  /* Not closed, too few positions, another type, out of range. */
  assert_refused ("land-parcels", "geometry",
                  "{\"type\":\"Polygon\",\"coordinates\":[[[116.4,39.9],[116.41,39.9],"
                  "[116.41,39.91],[116.4,39.95]]]}");
  assert_refused ("land-parcels", "geometry",
                  "{\"type\":\"Polygon\",\"coordinates\":[[[116.4,39.9],[116.41,39.9],[116.4,39.9]]]}");
  assert_refused ("land-parcels", "geometry", "{\"type\":\"Point\",\"coordinates\":[116.4,39.9]}");
  assert_refused ("land-parcels", "geometry",
                  "{\"type\":\"Polygon\",\"coordinates\":[[[200,39.9],[116.41,39.9],"
                  "[116.41,39.91],[200,39.9]]]}");
  assert_refused ("land-parcels", "geometry", "{\"type\":\"Polygon\",\"coordinates\":[]}");
  assert_refused ("land-parcels", "geometry", "\"not json\"");
  /* Text nested deeper than the JSON guard allows is refused, not recursed. */
  for (guint i = 0; i < 5000; i++)
    g_string_append_c (deep, '[');
  g_string_append_c (deep, '"');
  assert_refused ("land-parcels", "geometry", deep->str);
}

static void
test_record_input_grid (void)
{
  assert_accepted ("diary", "grid", "\"110101001001001\"", "\"110101001001001\"");
  assert_refused ("diary", "grid", "\"110101001001\"");   /* a community */
  assert_refused ("diary", "grid", "\"11010100100100A\"");
  assert_refused ("diary", "grid", "110101001001001");
}

static void
test_record_input_reference (void)
{
  assert_accepted ("households", "house_id", "12", "12");
  assert_accepted ("households", "house_id", "\"12\"", "12");
  assert_refused ("households", "house_id", "0");
  assert_refused ("households", "house_id", "1.5");
  assert_refused ("households", "house_id", "\"house 12\"");
}

static void
test_record_input_text_list (void)
{
  assert_accepted ("diary", "topics", "[\"安全\",\"卫生\"]", "[\"安全\",\"卫生\"]");
  assert_accepted ("diary", "topics", "\"a;b\"", "[\"a\",\"b\"]");
  assert_accepted ("diary", "topics", "\"安全；卫生, 安全 ,\"", "[\"安全\",\"卫生\"]");
  assert_refused ("diary", "topics", "\"1;2;3;4;5;6;7;8;9;10;11\"");
  assert_refused ("diary", "topics", "[\"a\", 2]");
  assert_refused ("diary", "topics", "\"一二三四五六七八九十一二三四五六七八九十一\"");
  assert_refused ("diary", "topics", "{}");
}

static void
test_record_input_empty_values (void)
{
  /* Null and blank text clear an optional field and are refused for a
   * required one. */
  assert_accepted ("houses", "floor_area", "null", "null");
  assert_accepted ("houses", "floor_area", "\"  \"", "null");
  assert_refused ("houses", "address", "null");
  assert_refused ("houses", "address", "\" \"");
}

/* --------------------------------------------------------- whole body */

static void
test_record_input_create (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) input =
    parse_body ("organizations",
                "{\"name\":\"东城某公司\",\"kind\":\"enterprise\",\"contact_phone\":\"010-65123456\","
                "\"point\":\"116.5,39.75\",\"grid\":\"110101001001001\"}", FALSE, &error);
  g_autofree char *text = NULL;
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

  g_assert_no_error (error);
  json_node_set_object (node, input);
  text = json_to_string (node, FALSE);
  /* Exactly the members given, normalised, in the descriptor's order. */
  g_assert_cmpstr (text, ==,
                   "{\"name\":\"东城某公司\",\"kind\":\"enterprise\",\"contact_phone\":\"01065123456\","
                   "\"point\":[116.5,39.75],\"grid\":\"110101001001001\"}");
}

static void
test_record_input_required (void)
{
  assert_body_refused ("organizations", "{\"name\":\"x\"}", FALSE, "kind");
  assert_body_refused ("organizations", "{\"kind\":\"other\"}", FALSE, "name");
  assert_body_refused ("components",
                       "{\"name\":\"井盖\",\"class_code\":\"0101\",\"state\":\"normal\"}",
                       FALSE, "point");
  /* A patch may leave them out, but not clear them. */
  assert_body_refused ("organizations", "{\"name\":null}", TRUE, "name");
  assert_body_refused ("organizations", "{\"name\":\"\"}", TRUE, "name");
}

static void
test_record_input_patch (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) input =
    parse_body ("organizations", "{\"address\":null,\"kind\":\"other\"}", TRUE, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (json_object_get_size (input), ==, 2);
  g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (input, "address")));
  g_assert_cmpstr (json_object_get_string_member (input, "kind"), ==, "other");
}

static void
test_record_input_unknown_and_read_only (void)
{
  assert_body_refused ("organizations", "{\"name\":\"x\",\"kind\":\"other\",\"colour\":\"red\"}",
                       FALSE, "colour");
  assert_body_refused ("households", "{\"kind\":\"family\",\"head_name\":\"张三\"}", FALSE,
                       "head_name");
  assert_body_refused ("households", "{\"member_count\":3}", TRUE, "member_count");
  assert_body_refused ("diary", "{\"author\":\"me\"}", TRUE, "author");
}

static void
test_record_input_empty_update (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) input = parse_body ("houses", "{}", TRUE, &error);

  g_assert_null (input);
  g_assert_error (error, WG_ERROR, WG_ERROR_INVALID_INPUT);
}

static void
test_record_input_every_kind (void)
{
  const WgRecordKind * const *kinds = wg_record_kinds ();

  /* Each kind has one title, and its required fields are refused when
   * missing from a create. */
  for (guint i = 0; kinds[i] != NULL; i++)
    {
      g_autoptr(JsonObject) empty = json_object_new ();
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonObject) input = NULL;
      gboolean any_required = FALSE;

      g_assert_nonnull (wg_record_kind_title (kinds[i]));
      g_assert_true (wg_record_kind_lookup (kinds[i]->name) == kinds[i]);
      for (guint j = 0; j < kinds[i]->n_fields; j++)
        any_required |= (kinds[i]->fields[j].flags & WG_FIELD_REQUIRED) != 0 &&
                        (kinds[i]->fields[j].flags & WG_FIELD_READ_ONLY) == 0;
      input = wg_record_input_parse (kinds[i], empty, FALSE, &error);
      g_assert_true ((input == NULL) == any_required);
      if (any_required)
        g_assert_nonnull (wg_error_get_field (error));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/record-input/text", test_record_input_text);
  g_test_add_func ("/record-input/text-length", test_record_input_text_length);
  g_test_add_func ("/record-input/choice", test_record_input_choice);
  g_test_add_func ("/record-input/decimal", test_record_input_decimal);
  g_test_add_func ("/record-input/integer", test_record_input_integer);
  g_test_add_func ("/record-input/date", test_record_input_date);
  g_test_add_func ("/record-input/boolean", test_record_input_boolean);
  g_test_add_func ("/record-input/phone", test_record_input_phone);
  g_test_add_func ("/record-input/credit-code", test_record_input_credit_code);
  g_test_add_func ("/record-input/class-code", test_record_input_class_code);
  g_test_add_func ("/record-input/point", test_record_input_point);
  g_test_add_func ("/record-input/polygon", test_record_input_polygon);
  g_test_add_func ("/record-input/grid", test_record_input_grid);
  g_test_add_func ("/record-input/reference", test_record_input_reference);
  g_test_add_func ("/record-input/text-list", test_record_input_text_list);
  g_test_add_func ("/record-input/empty-values", test_record_input_empty_values);
  g_test_add_func ("/record-input/create", test_record_input_create);
  g_test_add_func ("/record-input/required", test_record_input_required);
  g_test_add_func ("/record-input/patch", test_record_input_patch);
  g_test_add_func ("/record-input/unknown-and-read-only", test_record_input_unknown_and_read_only);
  g_test_add_func ("/record-input/empty-update", test_record_input_empty_update);
  g_test_add_func ("/record-input/every-kind", test_record_input_every_kind);

  return g_test_run ();
}
