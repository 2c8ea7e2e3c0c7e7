#define G_LOG_DOMAIN "wg-region"

#include "config.h"

#include <string.h>

#include "wg-error.h"
#include "wg-region.h"

struct _WgRegion
{
  GObject parent_instance;

  char *code;
  char *name;
  char *parent_code;
  WgRegionLevel level;
  WgGridType grid_type;
  WgGridGrade grid_grade;
  gboolean synthetic;
  JsonNode *geometry;
};

G_DEFINE_FINAL_TYPE (WgRegion, wg_region, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CODE,
  PROP_NAME,
  PROP_LEVEL,
  PROP_PARENT_CODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const level_names[] = { "district", "street", "community", "grid" };
static const char * const type_names[] = { NULL, "residential", "commercial", "institutional", "crowded" };
static const char * const grade_names[] = { NULL, "routine", "general", "key", "comprehensive" };
static const guint level_code_lengths[] = { 6, 9, 12, 15 };

static gboolean
lookup_name (const char * const *names,
             guint               n_names,
             const char         *name,
             guint              *out)
{
  if (name == NULL)
    return FALSE;
  for (guint i = 0; i < n_names; i++)
    {
      if (names[i] != NULL && g_str_equal (names[i], name))
        {
          *out = i;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
wg_region_level_to_string (WgRegionLevel level)
{
  return (guint) level < G_N_ELEMENTS (level_names) ? level_names[level] : NULL;
}

gboolean
wg_region_level_from_string (const char    *name,
                             WgRegionLevel *level)
{
  guint value;

  if (!lookup_name (level_names, G_N_ELEMENTS (level_names), name, &value))
    return FALSE;
  *level = value;
  return TRUE;
}

const char *
wg_grid_type_to_string (WgGridType type)
{
  return (guint) type < G_N_ELEMENTS (type_names) ? type_names[type] : NULL;
}

gboolean
wg_grid_type_from_string (const char *name,
                          WgGridType *type)
{
  guint value;

  if (!lookup_name (type_names, G_N_ELEMENTS (type_names), name, &value))
    return FALSE;
  *type = value;
  return TRUE;
}

const char *
wg_grid_grade_to_string (WgGridGrade grade)
{
  return (guint) grade < G_N_ELEMENTS (grade_names) ? grade_names[grade] : NULL;
}

gboolean
wg_grid_grade_from_string (const char  *name,
                           WgGridGrade *grade)
{
  guint value;

  if (!lookup_name (grade_names, G_N_ELEMENTS (grade_names), name, &value))
    return FALSE;
  *grade = value;
  return TRUE;
}

gboolean
wg_region_code_is_valid (const char    *code,
                         WgRegionLevel  level)
{
  if (code == NULL || (guint) level >= G_N_ELEMENTS (level_code_lengths))
    return FALSE;
  if (strlen (code) != level_code_lengths[level])
    return FALSE;
  for (const char *p = code; *p; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

static const char *
string_member (JsonObject *object,
               const char *field)
{
  JsonNode *node = json_object_get_member (object, field);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
parse_grid_attributes (WgRegion   *self,
                       JsonObject *properties_object,
                       GError    **error)
{
  const char *type = string_member (properties_object, "grid_type");
  const char *grade = string_member (properties_object, "grid_grade");

  if (self->level != WG_REGION_LEVEL_GRID)
    return TRUE;
  if (!wg_grid_type_from_string (type, &self->grid_type))
    {
      wg_set_field_error (error, "grid_type", "Grid %s has no valid type", self->code);
      return FALSE;
    }
  if (!wg_grid_grade_from_string (grade, &self->grid_grade))
    {
      wg_set_field_error (error, "grid_grade", "Grid %s has no valid grade", self->code);
      return FALSE;
    }
  return TRUE;
}

WgRegion *
wg_region_new_from_json (JsonObject  *object,
                         GError     **error)
{
  g_autoptr(WgRegion) self = NULL;
  JsonObject *props = object;
  JsonNode *geometry = NULL;
  const char *code;
  const char *name;

  g_return_val_if_fail (object != NULL, NULL);

  if (json_object_has_member (object, "properties"))
    {
      JsonNode *node = json_object_get_member (object, "properties");

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          wg_set_field_error (error, "properties", "A feature's properties must be an object");
          return NULL;
        }
      props = json_node_get_object (node);
      geometry = json_object_get_member (object, "geometry");
    }

  self = g_object_new (WG_TYPE_REGION, NULL);
  code = string_member (props, "code");
  name = string_member (props, "name");
  if (!wg_region_level_from_string (string_member (props, "level"), &self->level))
    {
      wg_set_field_error (error, "level", "A region has no valid level");
      return NULL;
    }
  if (!wg_region_code_is_valid (code, self->level))
    {
      wg_set_field_error (error, "code", "A region has no valid code");
      return NULL;
    }
  if (name == NULL || *name == '\0')
    {
      wg_set_field_error (error, "name", "Region %s has no name", code);
      return NULL;
    }
  self->code = g_strdup (code);
  self->name = g_strdup (name);
  self->parent_code = g_strdup (string_member (props, "parent"));
  self->synthetic = json_object_get_boolean_member_with_default (props, "synthetic", FALSE);
  if (!parse_grid_attributes (self, props, error))
    return NULL;
  if (geometry != NULL && JSON_NODE_HOLDS_OBJECT (geometry))
    self->geometry = json_node_ref (geometry);

  return g_steal_pointer (&self);
}

static void
wg_region_finalize (GObject *object)
{
  WgRegion *self = WG_REGION (object);

  g_free (self->code);
  g_free (self->name);
  g_free (self->parent_code);
  g_clear_pointer (&self->geometry, json_node_unref);

  G_OBJECT_CLASS (wg_region_parent_class)->finalize (object);
}

static void
wg_region_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  WgRegion *self = WG_REGION (object);

  switch (prop_id)
    {
    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_LEVEL:
      g_value_set_uint (value, self->level);
      break;
    case PROP_PARENT_CODE:
      g_value_set_string (value, self->parent_code);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wg_region_class_init (WgRegionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = wg_region_finalize;
  object_class->get_property = wg_region_get_property;

  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LEVEL] =
    g_param_spec_uint ("level", NULL, NULL, 0, WG_REGION_LEVEL_GRID, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PARENT_CODE] =
    g_param_spec_string ("parent-code", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
wg_region_init (WgRegion *self)
{
}

const char *
wg_region_get_code (WgRegion *self)
{
  g_return_val_if_fail (WG_IS_REGION (self), NULL);
  return self->code;
}

const char *
wg_region_get_name (WgRegion *self)
{
  g_return_val_if_fail (WG_IS_REGION (self), NULL);
  return self->name;
}

WgRegionLevel
wg_region_get_level (WgRegion *self)
{
  g_return_val_if_fail (WG_IS_REGION (self), 0);
  return self->level;
}

const char *
wg_region_get_parent_code (WgRegion *self)
{
  g_return_val_if_fail (WG_IS_REGION (self), NULL);
  return self->parent_code;
}

WgGridType
wg_region_get_grid_type (WgRegion *self)
{
  g_return_val_if_fail (WG_IS_REGION (self), WG_GRID_TYPE_NONE);
  return self->grid_type;
}

WgGridGrade
wg_region_get_grid_grade (WgRegion *self)
{
  g_return_val_if_fail (WG_IS_REGION (self), WG_GRID_GRADE_NONE);
  return self->grid_grade;
}

gboolean
wg_region_get_synthetic (WgRegion *self)
{
  g_return_val_if_fail (WG_IS_REGION (self), FALSE);
  return self->synthetic;
}

JsonNode *
wg_region_get_geometry (WgRegion *self)
{
  g_return_val_if_fail (WG_IS_REGION (self), NULL);
  return self->geometry;
}
