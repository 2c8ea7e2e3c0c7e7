#define G_LOG_DOMAIN "wg-user"

#include "config.h"

#include "wg-error.h"
#include "wg-roles.h"
#include "wg-user.h"

struct _WgUser
{
  GObject parent_instance;

  gint64 id;
  char *username;
  char *display_name;
  GStrv roles;
  guint role_mask;
  char *scope;
  char *unit_code;
  char *unit_name;
};

G_DEFINE_FINAL_TYPE (WgUser, wg_user, G_TYPE_OBJECT)

static const char *
string_member (JsonObject *object,
               const char *field)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, field) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static GStrv
strv_member (JsonObject *object,
             const char *field)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonNode *node = json_object_get_member (object, field);
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (element) ||
          json_node_get_value_type (element) != G_TYPE_STRING)
        return NULL;
      g_strv_builder_add (builder, json_node_get_string (element));
    }
  return g_strv_builder_end (builder);
}

WgUser *
wg_user_new (gint64              id,
             const char         *username,
             const char         *display_name,
             const char * const *roles,
             const char         *scope,
             const char         *unit_code,
             const char         *unit_name)
{
  WgUser *self = g_object_new (WG_TYPE_USER, NULL);

  self->id = id;
  self->username = g_strdup (username);
  self->display_name = g_strdup (display_name);
  self->roles = g_strdupv ((char **) roles);
  self->scope = g_strdup (scope);
  self->unit_code = g_strdup (unit_code);
  self->unit_name = g_strdup (unit_name);
  /* Unknown role names from a newer server are ignored, not fatal. */
  for (guint i = 0; self->roles != NULL && self->roles[i] != NULL; i++)
    {
      WgRole role;

      if (wg_role_from_string (self->roles[i], &role))
        self->role_mask |= role;
    }
  return self;
}

WgUser *
wg_user_new_from_json (JsonObject  *object,
                       GError     **error)
{
  g_auto(GStrv) roles = NULL;
  JsonObject *unit = NULL;
  const char *username = string_member (object, "username");
  const char *scope = string_member (object, "scope");

  if (json_object_has_member (object, "unit") &&
      JSON_NODE_HOLDS_OBJECT (json_object_get_member (object, "unit")))
    unit = json_object_get_object_member (object, "unit");
  roles = strv_member (object, "roles");
  if (username == NULL || scope == NULL || roles == NULL ||
      !json_object_has_member (object, "id"))
    {
      g_set_error_literal (error, WG_ERROR, WG_ERROR_PROTOCOL,
                           "The server sent an incomplete user");
      return NULL;
    }
  return wg_user_new (json_object_get_int_member (object, "id"),
                      username,
                      string_member (object, "display_name"),
                      (const char * const *) roles,
                      scope,
                      string_member (unit, "code"),
                      string_member (unit, "name"));
}

JsonNode *
wg_user_to_json (WgUser *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, self->id);
  json_builder_set_member_name (builder, "username");
  json_builder_add_string_value (builder, self->username);
  json_builder_set_member_name (builder, "display_name");
  json_builder_add_string_value (builder, self->display_name);
  json_builder_set_member_name (builder, "roles");
  json_builder_begin_array (builder);
  for (guint i = 0; self->roles != NULL && self->roles[i] != NULL; i++)
    json_builder_add_string_value (builder, self->roles[i]);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "scope");
  json_builder_add_string_value (builder, self->scope);
  json_builder_set_member_name (builder, "unit");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "code");
  json_builder_add_string_value (builder, self->unit_code);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, self->unit_name);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static void
wg_user_finalize (GObject *object)
{
  WgUser *self = WG_USER (object);

  g_free (self->username);
  g_free (self->display_name);
  g_strfreev (self->roles);
  g_free (self->scope);
  g_free (self->unit_code);
  g_free (self->unit_name);

  G_OBJECT_CLASS (wg_user_parent_class)->finalize (object);
}

static void
wg_user_class_init (WgUserClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = wg_user_finalize;
}

static void
wg_user_init (WgUser *self)
{
}

gint64
wg_user_get_id (WgUser *self)
{
  g_return_val_if_fail (WG_IS_USER (self), 0);
  return self->id;
}

const char *
wg_user_get_username (WgUser *self)
{
  g_return_val_if_fail (WG_IS_USER (self), NULL);
  return self->username;
}

const char *
wg_user_get_display_name (WgUser *self)
{
  g_return_val_if_fail (WG_IS_USER (self), NULL);
  return self->display_name != NULL ? self->display_name : self->username;
}

const char * const *
wg_user_get_roles (WgUser *self)
{
  g_return_val_if_fail (WG_IS_USER (self), NULL);
  return (const char * const *) self->roles;
}

guint
wg_user_get_role_mask (WgUser *self)
{
  g_return_val_if_fail (WG_IS_USER (self), 0);
  return self->role_mask;
}

const char *
wg_user_get_scope (WgUser *self)
{
  g_return_val_if_fail (WG_IS_USER (self), NULL);
  return self->scope;
}

const char *
wg_user_get_unit_code (WgUser *self)
{
  g_return_val_if_fail (WG_IS_USER (self), NULL);
  return self->unit_code;
}

const char *
wg_user_get_unit_name (WgUser *self)
{
  g_return_val_if_fail (WG_IS_USER (self), NULL);
  return self->unit_name;
}
