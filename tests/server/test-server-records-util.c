/* test-server-records-util.c — the per-kind cases and the helpers of the
 * records tests */
#define G_LOG_DOMAIN "test-server"

#include "config.h"

#include <string.h>

#include "test-server-records-private.h"
#include "wg-validate.h"

/* Every kind but people, each with a body the community account may
 * create in GRID_1: the grid given, or found from the point or outline. */
const RecordCase record_cases[] = {
  { "households", "{\"kind\": \"family\", \"grid\": \"" GRID_1 "\"}", "kind", "collective" },
  { "houses", "{\"address\": \"测试胡同%s号\", \"use\": \"residential\", \"floor_area\": 55.5,"
              " \"point\": " POINT_1 "}", "room", "101" },
  { "land-parcels", "{\"code\": \"TEST-%s\", \"use\": \"green\", \"area_m2\": 120,"
                    " \"geometry\": " OUTLINE_1 "}", "holder", "东城园林" },
  { "components", "{\"name\": \"测试井盖%s\", \"class_code\": \"0101\", \"state\": \"normal\","
                  " \"point\": " POINT_1 "}", "state", "damaged" },
  { "organizations", "{\"name\": \"测试%s科技有限公司\", \"kind\": \"enterprise\","
                     " \"grid\": \"" GRID_1 "\", \"contact_phone\": \"010-6512 3456\"}",
    "address", "多福巷9号" },
  { "underground-spaces", "{\"name\": \"测试人防%s\", \"kind\": \"civil_defence\","
                          " \"grid\": \"" GRID_1 "\"}", "manager", "街道办" },
  { "grid-staff", "{\"name\": \"测试%s\", \"force\": \"manager\", \"grid\": \"" GRID_1 "\","
                  " \"phone\": \"13812345678\"}", "to_date", "2030-01-01" },
  { "diary", "{\"grid\": \"" GRID_1 "\", \"entry_date\": \"2026-01-05\", \"body\": \"走访%s\","
             " \"topics\": [\"停车\"]}", "body", "改过" },
};

const guint n_record_cases = G_N_ELEMENTS (record_cases);

char *
records_credit_code (guint sequence)
{
  g_autofree char *first17 = g_strdup_printf ("911101019%08u", sequence);

  return g_strdup_printf ("%s%c", first17, wg_credit_code_check_char (first17));
}

char *
records_path (const char *kind,
              gint64      id,
              const char *suffix)
{
  if (id == 0)
    return g_strdup_printf ("/api/v1/%s%s", kind, suffix);
  return g_strdup_printf ("/api/v1/%s/%" G_GINT64_FORMAT "%s", kind, id, suffix);
}

JsonNode *
records_create (Fixture    *fixture,
                const char *token,
                const char *kind,
                const char *body)
{
  g_autofree char *path = records_path (kind, 0, "");
  g_autoptr(WgTestResponse) response = people_request (fixture, "POST", path, token, body, NULL);

  if (response->status != 201)
    g_error ("POST %s %s: %u %.*s", path, body, response->status,
             (int) g_bytes_get_size (response->body),
             (const char *) g_bytes_get_data (response->body, NULL));
  return json_node_ref (response->json);
}

gint64
records_create_id (Fixture    *fixture,
                   const char *token,
                   const char *kind,
                   const char *body)
{
  g_autoptr(JsonNode) record = records_create (fixture, token, kind, body);

  return records_member_int (record, "id");
}

char *
records_case_body (const RecordCase *record_case,
                   const char       *word)
{
  g_auto(GStrv) parts = g_strsplit (record_case->create, "%s", -1);

  return g_strjoinv (word, parts);
}

JsonNode *
records_get_ok (Fixture    *fixture,
                const char *path,
                const char *token)
{
  g_autoptr(WgTestResponse) response = get (fixture, path, token);

  if (response->status != 200)
    g_error ("GET %s: %u %.*s", path, response->status,
             (int) g_bytes_get_size (response->body),
             (const char *) g_bytes_get_data (response->body, NULL));
  return json_node_ref (response->json);
}

gint64
records_member_int (JsonNode   *root,
                    const char *member)
{
  return json_object_get_int_member (json_node_get_object (root), member);
}

const char *
records_member_string (JsonNode   *root,
                       const char *member)
{
  return json_object_get_string_member (json_node_get_object (root), member);
}

void
records_place_in_grid (Fixture    *fixture,
                       JsonObject *object,
                       const char *grid)
{
  g_autofree char *sql = g_strdup_printf ("SELECT json_build_object('point', json_build_array("
                                          "round(ST_X(p)::numeric, 6), round(ST_Y(p)::numeric, 6)),"
                                          " 'geometry', ST_AsGeoJSON(ST_Buffer(p, 0.00005, 1), 6)::json)"
                                          " FROM (SELECT ST_PointOnSurface(geom) AS p FROM regions"
                                          " WHERE code = '%s') s", grid);
  g_autofree char *text = people_admin_text (fixture, sql);
  g_autoptr(JsonNode) place = json_from_string (text, NULL);

  json_object_set_string_member (object, "grid", grid);
  for (guint i = 0; i < 2; i++)
    {
      const char *member = i == 0 ? "point" : "geometry";

      if (json_object_has_member (object, member))
        json_object_set_member (object, member,
                                json_node_copy (json_object_get_member (json_node_get_object (place),
                                                                        member)));
    }
}
