#define G_LOG_DOMAIN "test-common"

#include "config.h"

#include "wg-error.h"
#include "wg-json.h"
#include "wg-region.h"
#include "wg-roles.h"
#include "wg-user.h"

static JsonObject *
parse_object (const char *text,
              JsonNode  **root_out)
{
  g_autoptr(GError) error = NULL;
  JsonNode *root = wg_json_parse_object (text, -1, &error);

  g_assert_no_error (error);
  *root_out = root;
  return json_node_get_object (root);
}

static void
test_error_codes_round_trip (void)
{
  for (WgErrorCode code = 0; code <= WG_ERROR_LAST; code++)
    {
      WgErrorCode parsed = WG_ERROR_INTERNAL;

      g_assert_true (wg_error_code_from_string (wg_error_code_to_string (code), &parsed));
      g_assert_cmpint (parsed, ==, code);
    }
  g_assert_false (wg_error_code_from_string ("no-such-code", &(WgErrorCode) { 0 }));
  g_assert_cmpuint (wg_error_code_to_status (WG_ERROR_INVALID_CREDENTIALS), ==, 401);
  g_assert_cmpuint (wg_error_code_to_status (WG_ERROR_PAYLOAD_TOO_LARGE), ==, 413);
  g_assert_cmpuint (wg_error_code_to_status (WG_ERROR_UNAVAILABLE), ==, 503);
  g_assert_cmpuint (wg_error_code_to_status (WG_ERROR_CONFLICT), ==, 409);
  g_assert_cmpstr (wg_error_code_to_string (WG_ERROR_SESSION_EXPIRED), ==, "session-expired");
}

static void
test_error_sqlstate (void)
{
  g_assert_cmpint (wg_error_code_from_sqlstate ("23505"), ==, WG_ERROR_CONFLICT);
  g_assert_cmpint (wg_error_code_from_sqlstate ("40001"), ==, WG_ERROR_CONFLICT);
  g_assert_cmpint (wg_error_code_from_sqlstate ("42501"), ==, WG_ERROR_FORBIDDEN);
  g_assert_cmpint (wg_error_code_from_sqlstate ("22P02"), ==, WG_ERROR_INVALID_INPUT);
  g_assert_cmpint (wg_error_code_from_sqlstate ("23514"), ==, WG_ERROR_INVALID_INPUT);
  g_assert_cmpint (wg_error_code_from_sqlstate ("08006"), ==, WG_ERROR_UNAVAILABLE);
  g_assert_cmpint (wg_error_code_from_sqlstate ("57P01"), ==, WG_ERROR_UNAVAILABLE);
  g_assert_cmpint (wg_error_code_from_sqlstate ("42P01"), ==, WG_ERROR_INTERNAL);
  g_assert_cmpint (wg_error_code_from_sqlstate (NULL), ==, WG_ERROR_INTERNAL);
  g_assert_cmpint (wg_error_code_from_sqlstate ("bad"), ==, WG_ERROR_INTERNAL);
}

static void
test_error_json_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) copy = NULL;
  g_autoptr(GError) back = NULL;
  g_autoptr(JsonNode) json = NULL;
  g_autofree char *text = NULL;

  wg_set_field_error (&error, "password", "The field “%s” is required", "password");
  g_assert_error (error, WG_ERROR, WG_ERROR_INVALID_INPUT);
  g_assert_cmpstr (wg_error_get_field (error), ==, "password");

  copy = g_error_copy (error);
  g_assert_cmpstr (wg_error_get_field (copy), ==, "password");

  json = wg_error_to_json (error);
  text = wg_json_to_string (json, NULL);
  g_assert_nonnull (strstr (text, "\"code\":\"invalid-input\""));
  g_assert_nonnull (strstr (text, "\"field\":\"password\""));

  back = wg_error_from_json (json, 400);
  g_assert_error (back, WG_ERROR, WG_ERROR_INVALID_INPUT);
  g_assert_cmpstr (back->message, ==, error->message);
  g_assert_cmpstr (wg_error_get_field (back), ==, "password");
}

static void
test_error_json_fallback (void)
{
  g_autoptr(GError) from_status = wg_error_from_json (NULL, 503);
  g_autoptr(GError) from_odd = NULL;
  g_autoptr(JsonNode) odd = json_from_string ("{\"error\": 3}", NULL);
  g_autoptr(GError) not_wg = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "secret detail");
  g_autoptr(JsonNode) hidden = wg_error_to_json (not_wg);
  g_autofree char *hidden_text = wg_json_to_string (hidden, NULL);

  g_assert_error (from_status, WG_ERROR, WG_ERROR_UNAVAILABLE);
  from_odd = wg_error_from_json (odd, 404);
  g_assert_error (from_odd, WG_ERROR, WG_ERROR_NOT_FOUND);
  /* Foreign errors never leak their text to clients. */
  g_assert_null (strstr (hidden_text, "secret"));
  g_assert_nonnull (strstr (hidden_text, "internal-error"));
}

static void
test_json_parse (void)
{
  static const struct {
    const char *text;
    WgErrorCode code;
  } bad[] = {
    { "", WG_ERROR_MALFORMED_JSON },
    { "{", WG_ERROR_MALFORMED_JSON },
    { "[1, 2]", WG_ERROR_MALFORMED_JSON },
    { "\"text\"", WG_ERROR_MALFORMED_JSON },
    { "{\"a\": }", WG_ERROR_MALFORMED_JSON },
    { "\xff\xfe{}", WG_ERROR_MALFORMED_JSON },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) root = wg_json_parse_object (bad[i].text, -1, &error);

      g_assert_null (root);
      g_assert_error (error, WG_ERROR, (gint) bad[i].code);
    }
}

static void
test_json_depth (void)
{
  g_autoptr(GString) deep = g_string_new (NULL);
  g_autoptr(GString) at_limit = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) any = NULL;
  const char *quoted = "{\"a\": \"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\\\"[[[[\"}";

  /* A million brackets overflowed json-glib's recursive parser. */
  g_string_append (deep, "{\"a\": ");
  for (guint i = 0; i < 1000000; i++)
    g_string_append_c (deep, '[');
  g_assert_false (wg_json_depth_ok (deep->str, deep->len, WG_JSON_MAX_DEPTH));
  g_assert_null (wg_json_parse_object (deep->str, (gssize) deep->len, &error));
  g_assert_error (error, WG_ERROR, WG_ERROR_MALFORMED_JSON);
  g_clear_error (&error);
  g_assert_null (wg_json_parse (deep->str, deep->len, &error));
  g_assert_error (error, WG_ERROR, WG_ERROR_MALFORMED_JSON);
  g_clear_error (&error);

  /* Exactly the limit is fine; brackets inside strings do not count. */
  g_string_append_c (at_limit, '{');
  g_string_append (at_limit, "\"a\": ");
  for (guint i = 1; i < WG_JSON_MAX_DEPTH; i++)
    g_string_append_c (at_limit, '[');
  for (guint i = 1; i < WG_JSON_MAX_DEPTH; i++)
    g_string_append_c (at_limit, ']');
  g_string_append_c (at_limit, '}');
  root = wg_json_parse_object (at_limit->str, (gssize) at_limit->len, &error);
  g_assert_no_error (error);
  g_assert_true (wg_json_depth_ok (quoted, strlen (quoted), 2));
  any = wg_json_parse ("[1, 2]", 6, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (any));
}

static void
test_json_accessors (void)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object = parse_object ("{\"name\": \"多福巷\", \"n\": 5, \"s\": 7, \"empty\": \"\","
                                     " \"flag\": true, \"nothing\": null}", &root);
  g_autoptr(GError) error = NULL;
  const char *value = NULL;
  gint64 number = 0;
  gboolean flag = FALSE;

  g_assert_cmpstr (wg_json_require_string (object, "name", 3, &error), ==, "多福巷");
  g_assert_no_error (error);

  g_assert_null (wg_json_require_string (object, "name", 2, &error));
  g_assert_cmpstr (wg_error_get_field (error), ==, "name");
  g_clear_error (&error);

  g_assert_null (wg_json_require_string (object, "n", 10, &error));
  g_assert_cmpstr (wg_error_get_field (error), ==, "n");
  g_clear_error (&error);

  g_assert_null (wg_json_require_string (object, "missing", 10, &error));
  g_assert_cmpstr (wg_error_get_field (error), ==, "missing");
  g_clear_error (&error);

  g_assert_null (wg_json_require_string (object, "empty", 10, &error));
  g_assert_cmpstr (wg_error_get_field (error), ==, "empty");
  g_clear_error (&error);

  g_assert_true (wg_json_optional_string (object, "nothing", 10, "fallback", &value, &error));
  g_assert_cmpstr (value, ==, "fallback");

  g_assert_true (wg_json_require_int (object, "n", 1, 10, &number, &error));
  g_assert_cmpint (number, ==, 5);
  g_assert_false (wg_json_require_int (object, "s", 1, 6, &number, &error));
  g_assert_cmpstr (wg_error_get_field (error), ==, "s");
  g_clear_error (&error);
  g_assert_false (wg_json_require_int (object, "name", 1, 6, &number, &error));
  g_assert_cmpstr (wg_error_get_field (error), ==, "name");
  g_clear_error (&error);

  g_assert_true (wg_json_optional_boolean (object, "flag", FALSE, &flag, &error));
  g_assert_true (flag);
  g_assert_false (wg_json_optional_boolean (object, "n", FALSE, &flag, &error));
  g_assert_cmpstr (wg_error_get_field (error), ==, "n");
}

static void
test_region_from_feature (void)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object = parse_object (
    "{\"type\": \"Feature\", \"id\": \"110101001001001\","
    " \"geometry\": {\"type\": \"MultiPolygon\", \"coordinates\": [[[[116.4, 39.9], [116.41, 39.9], [116.41, 39.91], [116.4, 39.9]]]]},"
    " \"properties\": {\"code\": \"110101001001001\", \"name\": \"多福巷社区第1网格\", \"level\": \"grid\","
    " \"parent\": \"110101001001\", \"grid_type\": \"residential\", \"grid_grade\": \"key\", \"synthetic\": true}}",
    &root);
  g_autoptr(GError) error = NULL;
  g_autoptr(WgRegion) region = wg_region_new_from_json (object, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (wg_region_get_code (region), ==, "110101001001001");
  g_assert_cmpstr (wg_region_get_name (region), ==, "多福巷社区第1网格");
  g_assert_cmpint (wg_region_get_level (region), ==, WG_REGION_LEVEL_GRID);
  g_assert_cmpstr (wg_region_get_parent_code (region), ==, "110101001001");
  g_assert_cmpint (wg_region_get_grid_type (region), ==, WG_GRID_TYPE_RESIDENTIAL);
  g_assert_cmpint (wg_region_get_grid_grade (region), ==, WG_GRID_GRADE_KEY);
  g_assert_true (wg_region_get_synthetic (region));
  g_assert_nonnull (wg_region_get_geometry (region));
}

static void
test_region_rejects (void)
{
  static const char * const bad[] = {
    "{\"code\": \"1101\", \"name\": \"x\", \"level\": \"district\"}",
    "{\"code\": \"110101001\", \"name\": \"x\", \"level\": \"grid\"}",
    "{\"code\": \"110101\", \"name\": \"\", \"level\": \"district\"}",
    "{\"code\": \"110101\", \"name\": \"x\", \"level\": \"county\"}",
    "{\"code\": \"110101001001001\", \"name\": \"x\", \"level\": \"grid\", \"grid_type\": \"residential\"}",
    "{\"code\": \"11010a\", \"name\": \"x\", \"level\": \"district\"}",
    "{\"properties\": 5}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(JsonNode) root = NULL;
      JsonObject *object = parse_object (bad[i], &root);
      g_autoptr(GError) error = NULL;
      g_autoptr(WgRegion) region = wg_region_new_from_json (object, &error);

      g_assert_null (region);
      g_assert_error (error, WG_ERROR, WG_ERROR_INVALID_INPUT);
      g_assert_nonnull (wg_error_get_field (error));
    }
}

static void
test_region_enums (void)
{
  WgGridGrade grade;
  WgGridType type;
  WgRegionLevel level;

  g_assert_true (wg_grid_grade_from_string ("comprehensive", &grade));
  g_assert_cmpint (grade, ==, WG_GRID_GRADE_COMPREHENSIVE);
  g_assert_false (wg_grid_grade_from_string (NULL, &grade));
  g_assert_true (wg_grid_type_from_string ("crowded", &type));
  g_assert_cmpstr (wg_grid_type_to_string (type), ==, "crowded");
  g_assert_null (wg_grid_type_to_string (WG_GRID_TYPE_NONE));
  g_assert_true (wg_region_level_from_string ("community", &level));
  g_assert_true (wg_region_code_is_valid ("110101001001", level));
  g_assert_false (wg_region_code_is_valid ("110101001", level));
}

static void
test_roles_pages (void)
{
  const char *street_roles[] = { "street", NULL };
  const char *bad_roles[] = { "leader", "janitor", NULL };
  g_autoptr(GError) error = NULL;
  guint mask = 0;

  g_assert_true (wg_roles_from_strv (street_roles, &mask, &error));
  g_assert_true (wg_roles_may_use_page (mask, WG_PAGE_MAP));
  g_assert_true (wg_roles_may_use_page (mask, WG_PAGE_DIARY));
  g_assert_false (wg_roles_may_use_page (mask, WG_PAGE_ADMINISTRATION));

  g_assert_false (wg_roles_from_strv (bad_roles, &mask, &error));
  g_assert_cmpstr (wg_error_get_field (error), ==, "roles");

  /* Separation of duties: the auditor keeps the audit trail, not cases. */
  g_assert_true (wg_roles_may_use_page (WG_ROLE_AUDITOR, WG_PAGE_ADMINISTRATION));
  g_assert_false (wg_roles_may_use_page (WG_ROLE_AUDITOR, WG_PAGE_CASES));
  g_assert_false (wg_roles_may_use_page (WG_ROLE_ADMIN, WG_PAGE_CASES));
  g_assert_true (wg_roles_may_use_page (WG_ROLE_DEPARTMENT, WG_PAGE_TASKS));
  g_assert_false (wg_roles_may_use_page (WG_ROLE_DEPARTMENT, WG_PAGE_RECORDS));
  g_assert_true (wg_roles_may_use_page (WG_ROLE_LEADER, WG_PAGE_DASHBOARD));

  for (WgPage page = 0; page <= WG_PAGE_LAST; page++)
    g_assert_nonnull (wg_page_to_string (page));
  g_assert_null (wg_page_to_string (WG_PAGE_LAST + 1));
}

static void
test_roles_permissions (void)
{
  const guint readers = WG_ROLE_ADMIN | WG_ROLE_DISPATCHER | WG_ROLE_STREET |
                        WG_ROLE_COMMUNITY | WG_ROLE_GRID;
  const guint writers = WG_ROLE_ADMIN | WG_ROLE_STREET | WG_ROLE_COMMUNITY | WG_ROLE_GRID;
  const guint revealers = WG_ROLE_ADMIN | WG_ROLE_STREET | WG_ROLE_COMMUNITY;

  /* Each role alone, against the table of the people API. */
  for (guint bit = 0; bit < 8; bit++)
    {
      guint role = 1u << bit;

      g_assert_cmpint (wg_roles_may (role, WG_PERMISSION_RECORDS_READ), ==, (readers & role) != 0);
      g_assert_cmpint (wg_roles_may (role, WG_PERMISSION_RECORDS_WRITE), ==, (writers & role) != 0);
      g_assert_cmpint (wg_roles_may (role, WG_PERMISSION_REVEAL_ID_NUMBER), ==,
                       (revealers & role) != 0);
    }
  /* One role that has it is enough; none, or an unknown permission, is not. */
  g_assert_true (wg_roles_may (WG_ROLE_LEADER | WG_ROLE_GRID, WG_PERMISSION_RECORDS_WRITE));
  g_assert_false (wg_roles_may (WG_ROLE_GRID, WG_PERMISSION_REVEAL_ID_NUMBER));
  g_assert_false (wg_roles_may (WG_ROLE_DISPATCHER, WG_PERMISSION_RECORDS_WRITE));
  g_assert_false (wg_roles_may (0, WG_PERMISSION_RECORDS_READ));
  g_assert_false (wg_roles_may (WG_ROLE_ADMIN, WG_PERMISSION_LAST + 1));
}

static void
test_error_precondition_required (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) parsed = NULL;
  g_autoptr(JsonNode) json = NULL;

  g_assert_cmpuint (wg_error_code_to_status (WG_ERROR_PRECONDITION_REQUIRED), ==, 428);
  g_assert_cmpstr (wg_error_code_to_string (WG_ERROR_PRECONDITION_REQUIRED), ==,
                   "precondition-required");
  /* A field on a code other than invalid-input travels too. */
  wg_set_error_with_field (&error, WG_ERROR_CONFLICT, "id_number", "Already %s", "there");
  g_assert_error (error, WG_ERROR, WG_ERROR_CONFLICT);
  g_assert_cmpstr (error->message, ==, "Already there");
  json = wg_error_to_json (error);
  parsed = wg_error_from_json (json, 409);
  g_assert_error (parsed, WG_ERROR, WG_ERROR_CONFLICT);
  g_assert_cmpstr (wg_error_get_field (parsed), ==, "id_number");
}

static void
test_user_round_trip (void)
{
  const char *roles[] = { "community", "future-role", NULL };
  g_autoptr(WgUser) user = wg_user_new (7, "community", "李娜", roles, "110101.001.001",
                                        "110101001001-gzz", "多福巷社区工作站");
  g_autoptr(JsonNode) json = wg_user_to_json (user);
  g_autoptr(GError) error = NULL;
  g_autoptr(WgUser) back = wg_user_new_from_json (json_node_get_object (json), &error);

  g_assert_no_error (error);
  g_assert_cmpint (wg_user_get_id (back), ==, 7);
  g_assert_cmpstr (wg_user_get_display_name (back), ==, "李娜");
  g_assert_cmpstr (wg_user_get_scope (back), ==, "110101.001.001");
  g_assert_cmpstr (wg_user_get_unit_name (back), ==, "多福巷社区工作站");
  /* An unknown role from a newer server is kept but grants nothing. */
  g_assert_cmpuint (g_strv_length ((char **) wg_user_get_roles (back)), ==, 2);
  g_assert_cmpuint (wg_user_get_role_mask (back), ==, WG_ROLE_COMMUNITY);
}

static void
test_user_incomplete (void)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object = parse_object ("{\"id\": 1, \"username\": \"x\", \"roles\": [1]}", &root);
  g_autoptr(GError) error = NULL;
  g_autoptr(WgUser) user = wg_user_new_from_json (object, &error);

  g_assert_null (user);
  g_assert_error (error, WG_ERROR, WG_ERROR_PROTOCOL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/common/error/codes-round-trip", test_error_codes_round_trip);
  g_test_add_func ("/common/error/sqlstate", test_error_sqlstate);
  g_test_add_func ("/common/error/json-round-trip", test_error_json_round_trip);
  g_test_add_func ("/common/error/json-fallback", test_error_json_fallback);
  g_test_add_func ("/common/json/parse-rejects", test_json_parse);
  g_test_add_func ("/common/json/accessors-name-the-field", test_json_accessors);
  g_test_add_func ("/common/json/depth", test_json_depth);
  g_test_add_func ("/common/region/from-feature", test_region_from_feature);
  g_test_add_func ("/common/region/rejects", test_region_rejects);
  g_test_add_func ("/common/region/enums", test_region_enums);
  g_test_add_func ("/common/roles/pages", test_roles_pages);
  g_test_add_func ("/common/roles/permissions", test_roles_permissions);
  g_test_add_func ("/common/error/precondition-required", test_error_precondition_required);
  g_test_add_func ("/common/user/round-trip", test_user_round_trip);
  g_test_add_func ("/common/user/incomplete", test_user_incomplete);

  return g_test_run ();
}
