#define G_LOG_DOMAIN "wg-fake-people-server"

#include "config.h"

#include <string.h>
#include <json-glib/json-glib.h>

#include "wg-api.h"
#include "wg-error.h"
#include "wg-fake-people-server.h"
#include "wg-validate.h"

#define FAKE_TOKEN "fake-token"

typedef struct {
  gint64 id;
  gint64 version;
  gint64 household;
  char *name;
  char *sex;
  char *birth_date;
  char *phone;
  char *id_number;
  char *status;
  char *grid;
  char *nationality;
  gboolean deleted;
} FakePerson;

static const char * const surnames[] = { "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴" };
static const char * const given_names[] = { "伟", "芳", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋",
                                             "艳", "杰", "娟", "涛", "明", "超", "秀兰", "霞", "平", "刚" };
static const char * const grids[] = { WG_FAKE_GRID_1, WG_FAKE_GRID_2, "110101001001003" };
static const char * const relations[] = { "head", "spouse", "child" };

static void
fake_person_free (gpointer data)
{
  FakePerson *person = data;

  g_free (person->name);
  g_free (person->sex);
  g_free (person->birth_date);
  g_free (person->phone);
  g_free (person->id_number);
  g_free (person->status);
  g_free (person->grid);
  g_free (person->nationality);
  g_free (person);
}

static char *
fake_id_number (const char *birth,
                gint64      id,
                gboolean    male)
{
  char first17[18];
  char check;

  g_snprintf (first17, sizeof first17, "110101%c%c%c%c%c%c%c%c%02u%u",
              birth[0], birth[1], birth[2], birth[3], birth[5], birth[6], birth[8], birth[9],
              (guint) (id % 100), male ? 1u : 2u);
  check = wg_id_number_check_char (first17);
  return g_strdup_printf ("%s%c", first17, check);
}

static FakePerson *
fake_person_new (gint64 id)
{
  FakePerson *person = g_new0 (FakePerson, 1);
  gboolean male = id % 2 == 1;

  person->id = id;
  person->version = 1;
  person->household = (id - 1) / 3 + 1;
  person->name = g_strconcat (surnames[id % G_N_ELEMENTS (surnames)],
                              given_names[(id / 7) % G_N_ELEMENTS (given_names)], NULL);
  person->sex = g_strdup (male ? "male" : "female");
  person->birth_date = g_strdup_printf ("%04d-%02d-%02d", 1940 + (int) (id % 60),
                                        1 + (int) (id % 12), 1 + (int) (id % 28));
  person->phone = g_strdup_printf ("138%08" G_GINT64_FORMAT, 10000000 + id);
  person->status = g_strdup (id % 23 == 0 ? "foreign" : id % 5 == 0 ? "floating" : "registered");
  if (id % 23 == 0)
    person->nationality = g_strdup ("KOR");
  else
    person->id_number = fake_id_number (person->birth_date, id, male);
  person->grid = g_strdup (grids[person->household % G_N_ELEMENTS (grids)]);
  return person;
}

static FakePerson *
fake_find (WgFakePeopleServer *self,
           gint64              id)
{
  FakePerson *person;

  if (id < 1 || id > (gint64) self->people->len)
    return NULL;
  person = g_ptr_array_index (self->people, id - 1);
  return person->deleted ? NULL : person;
}

/* Answers */

static void
fake_reply (SoupServerMessage *message,
            guint              status,
            JsonNode          *root)
{
  g_autofree char *body = root != NULL ? json_to_string (root, FALSE) : NULL;

  soup_server_message_set_status (message, status, NULL);
  if (body != NULL)
    soup_server_message_set_response (message, WG_MEDIA_JSON, SOUP_MEMORY_COPY, body, strlen (body));
}

static void
fake_reply_error (SoupServerMessage *message,
                  WgErrorCode        code,
                  const char        *field)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;

  if (field != NULL)
    wg_set_field_error (&error, field, "fake: %s", field);
  else
    error = g_error_new (WG_ERROR, code, "fake");
  error->code = code;
  root = wg_error_to_json (error);
  fake_reply (message, wg_error_code_to_status (code), root);
}

static const char *
fake_grid_name (const char *code)
{
  if (g_strcmp0 (code, WG_FAKE_GRID_1) == 0)
    return "多福巷社区第1网格";
  if (g_strcmp0 (code, WG_FAKE_GRID_2) == 0)
    return "多福巷社区第2网格";
  return "多福巷社区第3网格";
}

static void
fake_add_string (JsonBuilder *builder,
                 const char  *name,
                 const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
fake_build_person (JsonBuilder *builder,
                   FakePerson  *person)
{
  g_autofree char *masked = person->id_number != NULL ? wg_id_number_mask (person->id_number) : NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, person->id);
  fake_add_string (builder, "name", person->name);
  fake_add_string (builder, "sex", person->sex);
  fake_add_string (builder, "birth_date", person->birth_date);
  fake_add_string (builder, "ethnicity", g_strcmp0 (person->status, "foreign") == 0 ? NULL : "汉族");
  fake_add_string (builder, "phone", person->phone);
  fake_add_string (builder, "id_number", masked);
  fake_add_string (builder, "residence_status", person->status);
  fake_add_string (builder, "origin_code", g_strcmp0 (person->status, "floating") == 0 ? "130102" : "110101");
  fake_add_string (builder, "nationality", person->nationality);
  json_builder_set_member_name (builder, "grid");
  json_builder_begin_object (builder);
  fake_add_string (builder, "code", person->grid);
  fake_add_string (builder, "name", fake_grid_name (person->grid));
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "tags");
  json_builder_begin_array (builder);
  if (person->id % 11 == 0)
    {
      json_builder_begin_object (builder);
      fake_add_string (builder, "tag", "elderly_alone");
      fake_add_string (builder, "from", "2020-01-01");
      fake_add_string (builder, "to", NULL);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "household_id");
  json_builder_add_int_value (builder, person->household);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, person->version);
  json_builder_end_object (builder);
}

static JsonNode *
fake_person_json (FakePerson *person)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  fake_build_person (builder, person);
  return json_builder_get_root (builder);
}

/* Session and regions */

static const char *
fake_bearer (SoupServerMessage *message)
{
  const char *value = soup_message_headers_get_one (soup_server_message_get_request_headers (message),
                                                    "Authorization");

  return value != NULL && g_str_has_prefix (value, "Bearer ") ? value + 7 : NULL;
}

static JsonNode *
fake_user_json (WgFakePeopleServer *self)
{
  g_autofree char *text = g_strdup_printf ("{\"id\":3,\"username\":\"%s\",\"display_name\":\"陈静\","
                                           "\"roles\":[\"%s\"],\"scope\":\"110101.001\","
                                           "\"unit\":{\"code\":\"110101001\",\"name\":\"东华门街道办事处\"}}",
                                           self->roles, self->roles);

  return json_from_string (text, NULL);
}

static void
fake_session_cb (SoupServer        *server,
                 SoupServerMessage *message,
                 const char        *path,
                 GHashTable        *query,
                 gpointer           user_data)
{
  WgFakePeopleServer *self = user_data;
  const char *method = soup_server_message_get_method (message);
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);

  if (g_str_equal (method, "DELETE"))
    {
      fake_reply (message, SOUP_STATUS_NO_CONTENT, NULL);
      return;
    }
  json_object_set_member (object, "user", fake_user_json (self));
  json_object_set_string_member (object, "expires_at", "2030-01-01T00:00:00Z");
  if (g_str_equal (method, "POST"))
    json_object_set_string_member (object, "token", FAKE_TOKEN);
  json_node_set_object (root, object);
  fake_reply (message, g_str_equal (method, "POST") ? SOUP_STATUS_CREATED : SOUP_STATUS_OK, root);
}

static void
fake_feature (GString    *out,
              const char *code,
              const char *name,
              const char *level,
              const char *parent,
              double      west,
              double      south,
              double      size)
{
  g_string_append_printf (out,
                          "%s{\"type\":\"Feature\",\"id\":\"%s\",\"geometry\":{\"type\":\"MultiPolygon\","
                          "\"coordinates\":[[[[%.4f,%.4f],[%.4f,%.4f],[%.4f,%.4f],[%.4f,%.4f],[%.4f,%.4f]]]]},"
                          "\"properties\":{\"code\":\"%s\",\"name\":\"%s\",\"level\":\"%s\",\"parent\":\"%s\","
                          "\"grid_type\":%s,\"grid_grade\":%s,\"synthetic\":true}}",
                          out->len > 40 ? "," : "", code,
                          west, south, west + size, south, west + size, south + size, west, south + size,
                          west, south, code, name, level, parent,
                          g_str_equal (level, "grid") ? "\"residential\"" : "null",
                          g_str_equal (level, "grid") ? "\"routine\"" : "null");
}

static void
fake_regions_cb (SoupServer        *server,
                 SoupServerMessage *message,
                 const char        *path,
                 GHashTable        *query,
                 gpointer           user_data)
{
  g_autoptr(GString) out = g_string_new ("{\"type\":\"FeatureCollection\",\"features\":[");

  fake_feature (out, WG_FAKE_STREET, "东华门街道", "street", "110101", 116.400, 39.910, 0.020);
  fake_feature (out, WG_FAKE_COMMUNITY, "多福巷社区", "community", WG_FAKE_STREET, 116.405, 39.915, 0.010);
  fake_feature (out, WG_FAKE_GRID_1, "多福巷社区第1网格", "grid", WG_FAKE_COMMUNITY, 116.405, 39.915, 0.005);
  fake_feature (out, WG_FAKE_GRID_2, "多福巷社区第2网格", "grid", WG_FAKE_COMMUNITY, 116.410, 39.915, 0.005);
  fake_feature (out, "110101001001003", "多福巷社区第3网格", "grid", WG_FAKE_COMMUNITY, 116.405, 39.920, 0.005);
  g_string_append (out, "]}");
  soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (message, WG_MEDIA_GEOJSON, SOUP_MEMORY_COPY, out->str, out->len);
}

/* People */

static gboolean
fake_matches (FakePerson *person,
              GHashTable *query)
{
  const char *region = query != NULL ? g_hash_table_lookup (query, "region") : NULL;
  const char *status = query != NULL ? g_hash_table_lookup (query, "status") : NULL;
  const char *q = query != NULL ? g_hash_table_lookup (query, "q") : NULL;
  const char *tag = query != NULL ? g_hash_table_lookup (query, "tag") : NULL;

  if (person->deleted)
    return FALSE;
  /* the fake's only special group: every eleventh person lives alone */
  if (tag != NULL && (g_strcmp0 (tag, "elderly_alone") != 0 || person->id % 11 != 0))
    return FALSE;
  if (region != NULL && !g_str_has_prefix (person->grid, region))
    return FALSE;
  if (status != NULL && g_strcmp0 (person->status, status) != 0)
    return FALSE;
  if (q != NULL && strstr (person->name, q) == NULL && !g_str_has_prefix (person->phone, q) &&
      g_strcmp0 (person->id_number, q) != 0)
    return FALSE;
  return TRUE;
}

static void
fake_list (WgFakePeopleServer *self,
           SoupServerMessage  *message,
           GHashTable         *query)
{
  const char *cursor = query != NULL ? g_hash_table_lookup (query, "cursor") : NULL;
  const char *limit_text = query != NULL ? g_hash_table_lookup (query, "limit") : NULL;
  guint limit = limit_text != NULL ? (guint) g_ascii_strtoull (limit_text, NULL, 10) : 50;
  gint64 after = cursor != NULL ? g_ascii_strtoll (cursor, NULL, 10) : 0;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  gint64 total = 0;
  gint64 last = 0;
  guint n = 0;
  gboolean more = FALSE;

  self->n_list_requests++;
  g_free (self->last_list_query);
  self->last_list_query = g_strdup (g_uri_get_query (soup_server_message_get_uri (message)));
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->people->len; i++)
    {
      FakePerson *person = g_ptr_array_index (self->people, i);

      if (!fake_matches (person, query))
        continue;
      total++;
      if (person->id <= after)
        continue;
      if (n == limit)
        {
          more = TRUE;
          continue;
        }
      fake_build_person (builder, person);
      last = person->id;
      n++;
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "next_cursor");
  if (more)
    {
      g_autofree char *next = g_strdup_printf ("%" G_GINT64_FORMAT, last);

      json_builder_add_string_value (builder, next);
    }
  else
    json_builder_add_null_value (builder);
  if (query != NULL && g_strcmp0 (g_hash_table_lookup (query, "total"), "true") == 0)
    {
      json_builder_set_member_name (builder, "total");
      json_builder_add_int_value (builder, total);
    }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  fake_reply (message, SOUP_STATUS_OK, root);
}

static JsonObject *
fake_body (SoupServerMessage *message)
{
  SoupMessageBody *body = soup_server_message_get_request_body (message);
  g_autoptr(JsonNode) root = NULL;

  if (body->data == NULL)
    return NULL;
  root = json_from_string (body->data, NULL);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  return json_object_ref (json_node_get_object (root));
}

static void
fake_apply (FakePerson *person,
            JsonObject *body)
{
  static const struct { const char *member; gsize offset; } fields[] = {
    { "name", G_STRUCT_OFFSET (FakePerson, name) },
    { "sex", G_STRUCT_OFFSET (FakePerson, sex) },
    { "birth_date", G_STRUCT_OFFSET (FakePerson, birth_date) },
    { "phone", G_STRUCT_OFFSET (FakePerson, phone) },
    { "id_number", G_STRUCT_OFFSET (FakePerson, id_number) },
    { "residence_status", G_STRUCT_OFFSET (FakePerson, status) },
    { "grid", G_STRUCT_OFFSET (FakePerson, grid) },
    { "nationality", G_STRUCT_OFFSET (FakePerson, nationality) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      char **slot = G_STRUCT_MEMBER_P (person, fields[i].offset);
      JsonNode *node = json_object_get_member (body, fields[i].member);

      if (node == NULL)
        continue;
      g_free (*slot);
      *slot = JSON_NODE_HOLDS_NULL (node) ? NULL : g_strdup (json_node_get_string (node));
    }
}

static gboolean
fake_duplicate (WgFakePeopleServer *self,
                JsonObject         *body,
                gint64              except)
{
  const char *number = json_object_get_string_member_with_default (body, "id_number", NULL);

  for (guint i = 0; number != NULL && i < self->people->len; i++)
    {
      FakePerson *person = g_ptr_array_index (self->people, i);

      if (!person->deleted && person->id != except && g_strcmp0 (person->id_number, number) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
fake_create (WgFakePeopleServer *self,
             SoupServerMessage  *message)
{
  g_autoptr(JsonObject) body = fake_body (message);
  const char *key = soup_message_headers_get_one (soup_server_message_get_request_headers (message),
                                                  "Idempotency-Key");
  FakePerson *person;
  g_autoptr(JsonNode) root = NULL;

  if (key != NULL && g_hash_table_contains (self->idempotency, key))
    {
      person = fake_find (self, GPOINTER_TO_SIZE (g_hash_table_lookup (self->idempotency, key)));
      root = fake_person_json (person);
      fake_reply (message, SOUP_STATUS_OK, root);
      return;
    }
  if (body == NULL || !json_object_has_member (body, "name") || !json_object_has_member (body, "grid"))
    {
      fake_reply_error (message, WG_ERROR_INVALID_INPUT, body == NULL ? NULL : "name");
      return;
    }
  if (fake_duplicate (self, body, 0))
    {
      fake_reply_error (message, WG_ERROR_CONFLICT, "id_number");
      return;
    }
  person = fake_person_new (self->people->len + 1);
  g_clear_pointer (&person->id_number, g_free);
  g_clear_pointer (&person->phone, g_free);
  fake_apply (person, body);
  g_ptr_array_add (self->people, person);
  self->n_creates++;
  if (key != NULL)
    g_hash_table_insert (self->idempotency, g_strdup (key), GSIZE_TO_POINTER ((gsize) person->id));
  root = fake_person_json (person);
  fake_reply (message, SOUP_STATUS_CREATED, root);
}

static gboolean
fake_check_version (WgFakePeopleServer *self,
                    SoupServerMessage  *message,
                    FakePerson         *person)
{
  const char *if_match = soup_message_headers_get_one (soup_server_message_get_request_headers (message),
                                                       "If-Match");

  g_free (self->last_if_match);
  self->last_if_match = g_strdup (if_match);
  if (if_match == NULL)
    {
      fake_reply_error (message, WG_ERROR_INVALID_INPUT, "If-Match");
      soup_server_message_set_status (message, 428, NULL);
      return FALSE;
    }
  if (g_ascii_strtoll (if_match, NULL, 10) != person->version)
    {
      fake_reply_error (message, WG_ERROR_CONFLICT, NULL);
      return FALSE;
    }
  return TRUE;
}

static void
fake_update (WgFakePeopleServer *self,
             SoupServerMessage  *message,
             FakePerson         *person)
{
  g_autoptr(JsonObject) body = fake_body (message);
  const char *number = body != NULL ? json_object_get_string_member_with_default (body, "id_number", NULL) : NULL;
  g_autoptr(JsonNode) root = NULL;

  if (!fake_check_version (self, message, person))
    return;
  if (body == NULL)
    {
      fake_reply_error (message, WG_ERROR_MALFORMED_JSON, NULL);
      return;
    }
  if (number != NULL && !wg_validate_id_number (number, "id_number", NULL, NULL, NULL))
    {
      fake_reply_error (message, WG_ERROR_INVALID_INPUT, "id_number");
      return;
    }
  if (fake_duplicate (self, body, person->id))
    {
      fake_reply_error (message, WG_ERROR_CONFLICT, "id_number");
      return;
    }
  fake_apply (person, body);
  person->version++;
  root = fake_person_json (person);
  fake_reply (message, SOUP_STATUS_OK, root);
}

static void
fake_reveal (WgFakePeopleServer *self,
             SoupServerMessage  *message,
             FakePerson         *person)
{
  g_autoptr(JsonObject) body = fake_body (message);
  const char *reason = body != NULL ? json_object_get_string_member_with_default (body, "reason", NULL) : NULL;
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);

  if (reason == NULL || g_utf8_strlen (reason, -1) < 4)
    {
      fake_reply_error (message, WG_ERROR_INVALID_INPUT, "reason");
      return;
    }
  if (g_strcmp0 (self->roles, "grid") == 0)
    {
      fake_reply_error (message, WG_ERROR_FORBIDDEN, NULL);
      return;
    }
  g_free (self->last_reason);
  self->last_reason = g_strdup (reason);
  json_object_set_string_member (object, "id_number", person->id_number);
  json_node_set_object (root, object);
  fake_reply (message, SOUP_STATUS_OK, root);
}

static void
fake_build_members (WgFakePeopleServer *self,
                    JsonBuilder        *builder,
                    FakePerson         *person)
{
  json_builder_begin_array (builder);
  for (gint64 id = (person->household - 1) * 3 + 1; id <= person->household * 3; id++)
    {
      FakePerson *member = fake_find (self, id);

      if (member == NULL)
        continue;
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, member->id);
      fake_add_string (builder, "name", member->name);
      fake_add_string (builder, "relation", relations[(id - 1) % 3]);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
fake_chain (WgFakePeopleServer *self,
            SoupServerMessage  *message,
            FakePerson         *person)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *address = g_strdup_printf ("东城区多福巷%" G_GINT64_FORMAT "号院2号楼1单元%" G_GINT64_FORMAT "室",
                                              person->household % 40 + 1, 100 + person->household % 9);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "person");
  fake_build_person (builder, person);
  json_builder_set_member_name (builder, "household");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, person->household);
  fake_add_string (builder, "kind", "family");
  json_builder_set_member_name (builder, "members");
  fake_build_members (self, builder, person);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "house");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, person->household);
  fake_add_string (builder, "address", address);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "grid");
  json_builder_begin_object (builder);
  fake_add_string (builder, "code", person->grid);
  fake_add_string (builder, "name", fake_grid_name (person->grid));
  json_builder_set_member_name (builder, "community");
  json_builder_begin_object (builder);
  fake_add_string (builder, "code", WG_FAKE_COMMUNITY);
  fake_add_string (builder, "name", "多福巷社区");
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "street");
  json_builder_begin_object (builder);
  fake_add_string (builder, "code", WG_FAKE_STREET);
  fake_add_string (builder, "name", "东华门街道");
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  fake_reply (message, SOUP_STATUS_OK, root);
}

static void
fake_one (WgFakePeopleServer *self,
          SoupServerMessage  *message,
          const char         *rest)
{
  const char *method = soup_server_message_get_method (message);
  char *end = NULL;
  gint64 id = g_ascii_strtoll (rest, &end, 10);
  FakePerson *person = fake_find (self, id);
  g_autoptr(JsonNode) root = NULL;

  if (person == NULL)
    fake_reply_error (message, WG_ERROR_NOT_FOUND, NULL);
  else if (g_str_equal (end, "/chain"))
    fake_chain (self, message, person);
  else if (g_str_equal (end, "/reveal") && g_str_equal (method, "POST"))
    fake_reveal (self, message, person);
  else if (*end != '\0')
    fake_reply_error (message, WG_ERROR_NOT_FOUND, NULL);
  else if (g_str_equal (method, "PATCH"))
    fake_update (self, message, person);
  else if (g_str_equal (method, "DELETE"))
    {
      if (!fake_check_version (self, message, person))
        return;
      person->deleted = TRUE;
      fake_reply (message, SOUP_STATUS_NO_CONTENT, NULL);
    }
  else
    {
      root = fake_person_json (person);
      fake_reply (message, SOUP_STATUS_OK, root);
    }
}

static void
fake_people_cb (SoupServer        *server,
                SoupServerMessage *message,
                const char        *path,
                GHashTable        *query,
                gpointer           user_data)
{
  WgFakePeopleServer *self = user_data;
  const char *rest = path + strlen ("/api/v1/people");

  if (g_strcmp0 (fake_bearer (message), FAKE_TOKEN) != 0)
    fake_reply_error (message, WG_ERROR_UNAUTHENTICATED, NULL);
  else if (*rest == '\0' && g_str_equal (soup_server_message_get_method (message), "POST"))
    fake_create (self, message);
  else if (*rest == '\0')
    fake_list (self, message, query);
  else
    fake_one (self, message, rest + 1);
}

/* Public */

WgFakePeopleServer *
wg_fake_people_server_new (guint n_people)
{
  WgFakePeopleServer *self = g_new0 (WgFakePeopleServer, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GSList) uris = NULL;

  self->people = g_ptr_array_new_with_free_func (fake_person_free);
  for (guint i = 1; i <= n_people; i++)
    g_ptr_array_add (self->people, fake_person_new (i));
  self->idempotency = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->roles = g_strdup ("street");
  self->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (self->server, "/api/v1/session", fake_session_cb, self, NULL);
  soup_server_add_handler (self->server, "/api/v1/regions", fake_regions_cb, self, NULL);
  soup_server_add_handler (self->server, "/api/v1/people", fake_people_cb, self, NULL);
  soup_server_listen_local (self->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (self->server);
  self->url = g_uri_to_string (uris->data);
  g_slist_free_full (g_steal_pointer (&uris), (GDestroyNotify) g_uri_unref);
  return self;
}

void
wg_fake_people_server_free (WgFakePeopleServer *self)
{
  if (self == NULL)
    return;
  while (g_main_context_iteration (NULL, FALSE))
    ;
  soup_server_disconnect (self->server);
  g_clear_object (&self->server);
  g_ptr_array_unref (self->people);
  g_hash_table_unref (self->idempotency);
  g_free (self->url);
  g_free (self->last_if_match);
  g_free (self->last_reason);
  g_free (self->last_list_query);
  g_free (self->roles);
  g_free (self);
}

const char *
wg_fake_people_server_id_number (WgFakePeopleServer *self,
                                 gint64              id)
{
  FakePerson *person = fake_find (self, id);

  return person != NULL ? person->id_number : NULL;
}

void
wg_fake_people_server_touch (WgFakePeopleServer *self,
                             gint64              id)
{
  FakePerson *person = fake_find (self, id);

  if (person != NULL)
    person->version++;
}

void
wg_fake_people_server_remove (WgFakePeopleServer *self,
                              gint64              id)
{
  FakePerson *person = fake_find (self, id);

  if (person != NULL)
    person->deleted = TRUE;
}
