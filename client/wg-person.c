#define G_LOG_DOMAIN "wg-person"

#include "config.h"

#include "wg-error.h"
#include "wg-person.h"
#include "wg-person-rules.h"

struct _WgPerson
{
  GObject parent_instance;

  gint64 id;
  gint64 version;
  gint64 household_id;
  char *name;
  char *sex;
  char *birth_date;
  char *ethnicity;
  char *phone;
  char *id_number;
  char *residence_status;
  char *origin_code;
  char *nationality;
  char *grid_code;
  char *grid_name;
  GStrv tags;
};

G_DEFINE_FINAL_TYPE (WgPerson, wg_person, G_TYPE_OBJECT)

/* Read-only properties, for the list's cells to bind. */
enum {
  PROP_0,
  PROP_NAME,
  PROP_SEX_LABEL,
  PROP_BIRTH_DATE,
  PROP_ID_NUMBER,
  PROP_PHONE,
  PROP_STATUS_LABEL,
  PROP_GRID_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers: members of an answer; a wrong type is a protocol error. */

static gboolean
wg_person_read_string (JsonObject  *object,
                       const char  *member,
                       gboolean     required,
                       char       **out,
                       GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (!required)
        return TRUE;
    }
  else if (json_node_get_value_type (node) == G_TYPE_STRING)
    {
      *out = g_strdup (json_node_get_string (node));
      return TRUE;
    }
  g_set_error (error, WG_ERROR, WG_ERROR_PROTOCOL,
               "The person's “%s” is missing or not a string", member);
  return FALSE;
}

static gint64
wg_person_read_int (JsonObject *object,
                    const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_INT64)
    return 0;
  return json_node_get_int (node);
}

static JsonObject *
wg_person_read_object (JsonObject *object,
                       const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static void
wg_person_read_tags (WgPerson   *self,
                     JsonObject *object)
{
  JsonNode *node = json_object_get_member (object, "tags");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          JsonObject *tag = JSON_NODE_HOLDS_OBJECT (element) ? json_node_get_object (element) : NULL;
          const char *name = tag != NULL ? json_object_get_string_member_with_default (tag, "tag", NULL)
                                         : NULL;
          JsonNode *to = tag != NULL ? json_object_get_member (tag, "to") : NULL;

          /* a tag with an end date is history */
          if (name != NULL && (to == NULL || JSON_NODE_HOLDS_NULL (to)))
            g_strv_builder_add (builder, name);
        }
    }
  self->tags = g_strv_builder_end (builder);
}

static gboolean
wg_person_read_grid (WgPerson    *self,
                     JsonObject  *object,
                     GError     **error)
{
  JsonObject *grid = wg_person_read_object (object, "grid");

  if (grid == NULL)
    {
      g_set_error_literal (error, WG_ERROR, WG_ERROR_PROTOCOL, "The person has no grid");
      return FALSE;
    }
  return wg_person_read_string (grid, "code", TRUE, &self->grid_code, error) &&
         wg_person_read_string (grid, "name", FALSE, &self->grid_name, error);
}

/* GObject */

static void
wg_person_finalize (GObject *object)
{
  WgPerson *self = WG_PERSON (object);

  g_free (self->name);
  g_free (self->sex);
  g_free (self->birth_date);
  g_free (self->ethnicity);
  g_free (self->phone);
  g_free (self->id_number);
  g_free (self->residence_status);
  g_free (self->origin_code);
  g_free (self->nationality);
  g_free (self->grid_code);
  g_free (self->grid_name);
  g_strfreev (self->tags);

  G_OBJECT_CLASS (wg_person_parent_class)->finalize (object);
}

static void
wg_person_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  WgPerson *self = WG_PERSON (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_SEX_LABEL:
      g_value_set_string (value, wg_person_sex_label (self->sex));
      break;
    case PROP_BIRTH_DATE:
      g_value_set_string (value, self->birth_date);
      break;
    case PROP_ID_NUMBER:
      g_value_set_string (value, self->id_number);
      break;
    case PROP_PHONE:
      g_value_set_string (value, self->phone);
      break;
    case PROP_STATUS_LABEL:
      g_value_set_string (value, wg_person_status_label (self->residence_status));
      break;
    case PROP_GRID_NAME:
      g_value_set_string (value, self->grid_name != NULL ? self->grid_name : self->grid_code);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
wg_person_string_property (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
}

static void
wg_person_class_init (WgPersonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = wg_person_finalize;
  object_class->get_property = wg_person_get_property;

  properties[PROP_NAME] = wg_person_string_property ("name");
  properties[PROP_SEX_LABEL] = wg_person_string_property ("sex-label");
  properties[PROP_BIRTH_DATE] = wg_person_string_property ("birth-date");
  properties[PROP_ID_NUMBER] = wg_person_string_property ("id-number");
  properties[PROP_PHONE] = wg_person_string_property ("phone");
  properties[PROP_STATUS_LABEL] = wg_person_string_property ("status-label");
  properties[PROP_GRID_NAME] = wg_person_string_property ("grid-name");
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
wg_person_init (WgPerson *self)
{
}

/* Public API */

WgPerson *
wg_person_new_from_json (JsonObject  *object,
                         GError     **error)
{
  g_autoptr(WgPerson) self = g_object_new (WG_TYPE_PERSON, NULL);

  g_return_val_if_fail (object != NULL, NULL);

  self->id = wg_person_read_int (object, "id");
  self->version = wg_person_read_int (object, "version");
  self->household_id = wg_person_read_int (object, "household_id");
  if (self->id <= 0)
    {
      g_set_error_literal (error, WG_ERROR, WG_ERROR_PROTOCOL, "The person has no id");
      return NULL;
    }
  if (!wg_person_read_string (object, "name", TRUE, &self->name, error) ||
      !wg_person_read_string (object, "sex", TRUE, &self->sex, error) ||
      !wg_person_read_string (object, "birth_date", TRUE, &self->birth_date, error) ||
      !wg_person_read_string (object, "ethnicity", FALSE, &self->ethnicity, error) ||
      !wg_person_read_string (object, "phone", FALSE, &self->phone, error) ||
      !wg_person_read_string (object, "id_number", FALSE, &self->id_number, error) ||
      !wg_person_read_string (object, "residence_status", TRUE, &self->residence_status, error) ||
      !wg_person_read_string (object, "origin_code", FALSE, &self->origin_code, error) ||
      !wg_person_read_string (object, "nationality", FALSE, &self->nationality, error) ||
      !wg_person_read_grid (self, object, error))
    return NULL;
  wg_person_read_tags (self, object);
  return g_steal_pointer (&self);
}

gint64
wg_person_get_id (WgPerson *self)
{
  g_return_val_if_fail (WG_IS_PERSON (self), 0);
  return self->id;
}

gint64
wg_person_get_version (WgPerson *self)
{
  g_return_val_if_fail (WG_IS_PERSON (self), 0);
  return self->version;
}

const char *
wg_person_get_name (WgPerson *self)
{
  g_return_val_if_fail (WG_IS_PERSON (self), NULL);
  return self->name;
}

const char *
wg_person_get_sex (WgPerson *self)
{
  g_return_val_if_fail (WG_IS_PERSON (self), NULL);
  return self->sex;
}

const char *
wg_person_get_birth_date (WgPerson *self)
{
  g_return_val_if_fail (WG_IS_PERSON (self), NULL);
  return self->birth_date;
}

const char *
wg_person_get_ethnicity (WgPerson *self)
{
  g_return_val_if_fail (WG_IS_PERSON (self), NULL);
  return self->ethnicity;
}

const char *
wg_person_get_phone (WgPerson *self)
{
  g_return_val_if_fail (WG_IS_PERSON (self), NULL);
  return self->phone;
}

const char *
wg_person_get_id_number (WgPerson *self)
{
  g_return_val_if_fail (WG_IS_PERSON (self), NULL);
  return self->id_number;
}

const char *
wg_person_get_residence_status (WgPerson *self)
{
  g_return_val_if_fail (WG_IS_PERSON (self), NULL);
  return self->residence_status;
}

const char *
wg_person_get_origin_code (WgPerson *self)
{
  g_return_val_if_fail (WG_IS_PERSON (self), NULL);
  return self->origin_code;
}

const char *
wg_person_get_nationality (WgPerson *self)
{
  g_return_val_if_fail (WG_IS_PERSON (self), NULL);
  return self->nationality;
}

const char *
wg_person_get_grid_code (WgPerson *self)
{
  g_return_val_if_fail (WG_IS_PERSON (self), NULL);
  return self->grid_code;
}

const char *
wg_person_get_grid_name (WgPerson *self)
{
  g_return_val_if_fail (WG_IS_PERSON (self), NULL);
  return self->grid_name;
}

gint64
wg_person_get_household_id (WgPerson *self)
{
  g_return_val_if_fail (WG_IS_PERSON (self), 0);
  return self->household_id;
}

const char * const *
wg_person_get_tags (WgPerson *self)
{
  g_return_val_if_fail (WG_IS_PERSON (self), NULL);
  return (const char * const *) self->tags;
}

/* Pages */

static gboolean
wg_person_page_read_items (WgPersonPage  *page,
                           JsonArray     *items,
                           GError       **error)
{
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonNode *element = json_array_get_element (items, i);
      WgPerson *person;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          g_set_error (error, WG_ERROR, WG_ERROR_PROTOCOL, "Item %u of the people is not an object", i);
          return FALSE;
        }
      person = wg_person_new_from_json (json_node_get_object (element), error);
      if (person == NULL)
        return FALSE;
      g_ptr_array_add (page->items, person);
    }
  return TRUE;
}

WgPersonPage *
wg_person_page_new_from_json (JsonNode  *root,
                              GError   **error)
{
  g_autoptr(WgPersonPage) page = g_new0 (WgPersonPage, 1);
  JsonObject *object;
  JsonNode *items;
  JsonNode *total;

  page->items = g_ptr_array_new_with_free_func (g_object_unref);
  page->total = -1;
  object = root != NULL && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  items = object != NULL ? json_object_get_member (object, "items") : NULL;
  if (items == NULL || !JSON_NODE_HOLDS_ARRAY (items))
    {
      g_set_error_literal (error, WG_ERROR, WG_ERROR_PROTOCOL, "The people answer has no items");
      return NULL;
    }
  if (!wg_person_page_read_items (page, json_node_get_array (items), error))
    return NULL;
  page->next_cursor = g_strdup (json_object_get_string_member_with_default (object, "next_cursor", NULL));
  total = json_object_get_member (object, "total");
  if (total != NULL && json_node_get_value_type (total) == G_TYPE_INT64)
    page->total = json_node_get_int (total);
  return g_steal_pointer (&page);
}

void
wg_person_page_free (WgPersonPage *page)
{
  if (page == NULL)
    return;
  g_clear_pointer (&page->items, g_ptr_array_unref);
  g_free (page->next_cursor);
  g_free (page);
}

/* Chain */

static void
wg_chain_member_clear (gpointer data)
{
  WgChainMember *member = data;

  g_clear_pointer (&member->name, g_free);
  g_clear_pointer (&member->relation, g_free);
}

static void
wg_person_chain_read_household (WgPersonChain *chain,
                                JsonObject    *household)
{
  JsonNode *members = json_object_get_member (household, "members");

  chain->household_id = wg_person_read_int (household, "id");
  chain->household_kind = g_strdup (json_object_get_string_member_with_default (household, "kind", NULL));
  if (members == NULL || !JSON_NODE_HOLDS_ARRAY (members))
    return;
  for (guint i = 0; i < json_array_get_length (json_node_get_array (members)); i++)
    {
      JsonNode *element = json_array_get_element (json_node_get_array (members), i);
      JsonObject *member_object;
      WgChainMember member = { 0 };

      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;
      member_object = json_node_get_object (element);
      member.id = wg_person_read_int (member_object, "id");
      member.name = g_strdup (json_object_get_string_member_with_default (member_object, "name", ""));
      member.relation = g_strdup (json_object_get_string_member_with_default (member_object, "relation", NULL));
      g_array_append_val (chain->members, member);
    }
}

static void
wg_person_chain_read_grid (WgPersonChain *chain,
                           JsonObject    *grid)
{
  JsonObject *community = wg_person_read_object (grid, "community");
  JsonObject *street = wg_person_read_object (grid, "street");

  chain->grid_code = g_strdup (json_object_get_string_member_with_default (grid, "code", NULL));
  chain->grid_name = g_strdup (json_object_get_string_member_with_default (grid, "name", NULL));
  if (community != NULL)
    chain->community_name = g_strdup (json_object_get_string_member_with_default (community, "name", NULL));
  if (street != NULL)
    chain->street_name = g_strdup (json_object_get_string_member_with_default (street, "name", NULL));
}

WgPersonChain *
wg_person_chain_new_from_json (JsonNode  *root,
                               GError   **error)
{
  g_autoptr(WgPersonChain) chain = g_new0 (WgPersonChain, 1);
  JsonObject *object = root != NULL && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  JsonObject *person = object != NULL ? wg_person_read_object (object, "person") : NULL;
  JsonObject *household;
  JsonObject *house;
  JsonObject *grid;

  chain->members = g_array_new (FALSE, TRUE, sizeof (WgChainMember));
  g_array_set_clear_func (chain->members, wg_chain_member_clear);
  if (person == NULL)
    {
      g_set_error_literal (error, WG_ERROR, WG_ERROR_PROTOCOL, "The chain answer has no person");
      return NULL;
    }
  chain->person = wg_person_new_from_json (person, error);
  if (chain->person == NULL)
    return NULL;
  if ((household = wg_person_read_object (object, "household")) != NULL)
    wg_person_chain_read_household (chain, household);
  if ((house = wg_person_read_object (object, "house")) != NULL)
    {
      chain->house_id = wg_person_read_int (house, "id");
      chain->house_address = g_strdup (json_object_get_string_member_with_default (house, "address", NULL));
    }
  if ((grid = wg_person_read_object (object, "grid")) != NULL)
    wg_person_chain_read_grid (chain, grid);
  return g_steal_pointer (&chain);
}

void
wg_person_chain_free (WgPersonChain *chain)
{
  if (chain == NULL)
    return;
  g_clear_object (&chain->person);
  g_clear_pointer (&chain->members, g_array_unref);
  g_free (chain->household_kind);
  g_free (chain->house_address);
  g_free (chain->grid_code);
  g_free (chain->grid_name);
  g_free (chain->community_name);
  g_free (chain->street_name);
  g_free (chain);
}
