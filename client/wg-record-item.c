#define G_LOG_DOMAIN "wg-record-item"

#include "config.h"

#include "wg-error.h"
#include "wg-record-item.h"
#include "wg-record-rules.h"

struct _WgRecordItem
{
  GObject parent_instance;

  const WgRecordKind *kind;
  JsonObject *object;
  gint64 id;
  gint64 version;
};

G_DEFINE_FINAL_TYPE (WgRecordItem, wg_record_item, G_TYPE_OBJECT)

static const char *
wg_record_item_grid_member (WgRecordItem *self,
                            const char   *member)
{
  JsonNode *grid = json_object_get_member (self->object, "grid");

  if (grid == NULL || !JSON_NODE_HOLDS_OBJECT (grid))
    return NULL;
  return json_object_get_string_member_with_default (json_node_get_object (grid), member, NULL);
}

static void
wg_record_item_finalize (GObject *object)
{
  WgRecordItem *self = WG_RECORD_ITEM (object);

  g_clear_pointer (&self->object, json_object_unref);

  G_OBJECT_CLASS (wg_record_item_parent_class)->finalize (object);
}

static void
wg_record_item_class_init (WgRecordItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = wg_record_item_finalize;
}

static void
wg_record_item_init (WgRecordItem *self)
{
}

/* Public API */

WgRecordItem *
wg_record_item_new (const WgRecordKind  *kind,
                    JsonObject          *object,
                    GError             **error)
{
  WgRecordItem *self;
  JsonNode *id;

  g_return_val_if_fail (kind != NULL, NULL);
  g_return_val_if_fail (object != NULL, NULL);

  id = json_object_get_member (object, "id");
  if (id == NULL || json_node_get_value_type (id) != G_TYPE_INT64)
    {
      g_set_error (error, WG_ERROR, WG_ERROR_PROTOCOL, "A record of %s has no id", kind->name);
      return NULL;
    }
  self = g_object_new (WG_TYPE_RECORD_ITEM, NULL);
  self->kind = kind;
  self->object = json_object_ref (object);
  self->id = json_node_get_int (id);
  self->version = json_object_get_int_member_with_default (object, "version", 0);
  return self;
}

const WgRecordKind *
wg_record_item_get_kind (WgRecordItem *self)
{
  g_return_val_if_fail (WG_IS_RECORD_ITEM (self), NULL);
  return self->kind;
}

JsonObject *
wg_record_item_get_object (WgRecordItem *self)
{
  g_return_val_if_fail (WG_IS_RECORD_ITEM (self), NULL);
  return self->object;
}

gint64
wg_record_item_get_id (WgRecordItem *self)
{
  g_return_val_if_fail (WG_IS_RECORD_ITEM (self), 0);
  return self->id;
}

gint64
wg_record_item_get_version (WgRecordItem *self)
{
  g_return_val_if_fail (WG_IS_RECORD_ITEM (self), 0);
  return self->version;
}

JsonNode *
wg_record_item_get_value (WgRecordItem *self,
                          const char   *name)
{
  g_return_val_if_fail (WG_IS_RECORD_ITEM (self), NULL);
  return json_object_get_member (self->object, name);
}

const char *
wg_record_item_get_grid_code (WgRecordItem *self)
{
  g_return_val_if_fail (WG_IS_RECORD_ITEM (self), NULL);
  return wg_record_item_grid_member (self, "code");
}

const char *
wg_record_item_get_grid_name (WgRecordItem *self)
{
  g_return_val_if_fail (WG_IS_RECORD_ITEM (self), NULL);
  return wg_record_item_grid_member (self, "name");
}

char *
wg_record_item_dup_title (WgRecordItem *self)
{
  const WgFieldSpec *title;
  g_autofree char *text = NULL;

  g_return_val_if_fail (WG_IS_RECORD_ITEM (self), NULL);

  title = wg_record_kind_title (self->kind);
  text = wg_record_format_value (title, json_object_get_member (self->object, title->name));
  if (text != NULL && *text != '\0')
    return g_steal_pointer (&text);
  return g_strdup_printf ("#%" G_GINT64_FORMAT, self->id);
}
