#define G_LOG_DOMAIN "wg-diary-entry"

#include "config.h"

#include "wg-diary-entry.h"
#include "wg-error.h"

struct _WgDiaryEntry
{
  GObject parent_instance;

  gint64 id;
  gint64 version;
  gint64 author_id;
  gint households_visited;
  gboolean follow_up;
  char *grid_code;
  char *grid_name;
  char *date;
  char *author;
  char *body;
  char *updated_at;
  GStrv topics;
  JsonObject *object;          /* the record as sent */
};

G_DEFINE_FINAL_TYPE (WgDiaryEntry, wg_diary_entry, G_TYPE_OBJECT)

/* Members of an answer: a missing optional one is NULL or 0; a required
 * one missing or of the wrong type is the server breaking the contract. */

static const char *
wg_diary_entry_string (JsonObject *object,
                       const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
wg_diary_entry_int (JsonObject *object,
                    const char *member,
                    gint64     *out)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;
  *out = json_node_get_int (node);
  return TRUE;
}

static GStrv
wg_diary_entry_read_topics (JsonObject *object)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonNode *node = json_object_get_member (object, "topics");
  JsonArray *array;

  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      array = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *item = json_array_get_element (array, i);

          if (JSON_NODE_HOLDS_VALUE (item) && json_node_get_value_type (item) == G_TYPE_STRING)
            g_strv_builder_add (builder, json_node_get_string (item));
        }
    }
  return g_strv_builder_end (builder);
}

static void
wg_diary_entry_read_grid (WgDiaryEntry *self,
                          JsonObject   *object)
{
  JsonNode *node = json_object_get_member (object, "grid");

  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    {
      self->grid_code = g_strdup (wg_diary_entry_string (json_node_get_object (node), "code"));
      self->grid_name = g_strdup (wg_diary_entry_string (json_node_get_object (node), "name"));
    }
  else
    self->grid_code = g_strdup (wg_diary_entry_string (object, "grid"));
}

static void
wg_diary_entry_finalize (GObject *object)
{
  WgDiaryEntry *self = WG_DIARY_ENTRY (object);

  g_free (self->grid_code);
  g_free (self->grid_name);
  g_free (self->date);
  g_free (self->author);
  g_free (self->body);
  g_free (self->updated_at);
  g_strfreev (self->topics);
  g_clear_pointer (&self->object, json_object_unref);

  G_OBJECT_CLASS (wg_diary_entry_parent_class)->finalize (object);
}

static void
wg_diary_entry_class_init (WgDiaryEntryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = wg_diary_entry_finalize;
}

static void
wg_diary_entry_init (WgDiaryEntry *self)
{
  self->households_visited = -1;
}

WgDiaryEntry *
wg_diary_entry_new_from_json (JsonObject  *object,
                              GError     **error)
{
  g_autoptr(WgDiaryEntry) self = g_object_new (WG_TYPE_DIARY_ENTRY, NULL);
  gint64 visited;
  JsonNode *follow_up;

  g_return_val_if_fail (object != NULL, NULL);

  if (!wg_diary_entry_int (object, "id", &self->id) ||
      !wg_diary_entry_int (object, "version", &self->version) ||
      wg_diary_entry_string (object, "entry_date") == NULL ||
      wg_diary_entry_string (object, "body") == NULL)
    {
      g_set_error_literal (error, WG_ERROR, WG_ERROR_PROTOCOL,
                           "A diary entry lacks its id, version, date or text");
      return NULL;
    }
  wg_diary_entry_int (object, "author_id", &self->author_id);
  if (wg_diary_entry_int (object, "households_visited", &visited))
    self->households_visited = (gint) CLAMP (visited, 0, G_MAXINT);
  follow_up = json_object_get_member (object, "follow_up");
  self->follow_up = follow_up != NULL && JSON_NODE_HOLDS_VALUE (follow_up) &&
                    json_node_get_value_type (follow_up) == G_TYPE_BOOLEAN &&
                    json_node_get_boolean (follow_up);
  wg_diary_entry_read_grid (self, object);
  self->date = g_strdup (wg_diary_entry_string (object, "entry_date"));
  self->author = g_strdup (wg_diary_entry_string (object, "author"));
  self->body = g_strdup (wg_diary_entry_string (object, "body"));
  self->updated_at = g_strdup (wg_diary_entry_string (object, "updated_at"));
  self->topics = wg_diary_entry_read_topics (object);
  self->object = json_object_ref (object);
  return g_steal_pointer (&self);
}

WgDiaryEntry *
wg_diary_entry_new_from_item (WgRecordItem  *item,
                              GError       **error)
{
  g_return_val_if_fail (WG_IS_RECORD_ITEM (item), NULL);
  return wg_diary_entry_new_from_json (wg_record_item_get_object (item), error);
}

WgRecordItem *
wg_diary_entry_dup_item (WgDiaryEntry *self)
{
  g_return_val_if_fail (WG_IS_DIARY_ENTRY (self), NULL);
  return wg_record_item_new (wg_record_kind_lookup ("diary"), self->object, NULL);
}

gint64
wg_diary_entry_get_id (WgDiaryEntry *self)
{
  g_return_val_if_fail (WG_IS_DIARY_ENTRY (self), 0);
  return self->id;
}

gint64
wg_diary_entry_get_version (WgDiaryEntry *self)
{
  g_return_val_if_fail (WG_IS_DIARY_ENTRY (self), 0);
  return self->version;
}

const char *
wg_diary_entry_get_grid_code (WgDiaryEntry *self)
{
  g_return_val_if_fail (WG_IS_DIARY_ENTRY (self), NULL);
  return self->grid_code;
}

const char *
wg_diary_entry_get_grid_name (WgDiaryEntry *self)
{
  g_return_val_if_fail (WG_IS_DIARY_ENTRY (self), NULL);
  return self->grid_name != NULL ? self->grid_name : self->grid_code;
}

const char *
wg_diary_entry_get_date (WgDiaryEntry *self)
{
  g_return_val_if_fail (WG_IS_DIARY_ENTRY (self), NULL);
  return self->date;
}

const char *
wg_diary_entry_get_author (WgDiaryEntry *self)
{
  g_return_val_if_fail (WG_IS_DIARY_ENTRY (self), NULL);
  return self->author;
}

gint64
wg_diary_entry_get_author_id (WgDiaryEntry *self)
{
  g_return_val_if_fail (WG_IS_DIARY_ENTRY (self), 0);
  return self->author_id;
}

gint
wg_diary_entry_get_households_visited (WgDiaryEntry *self)
{
  g_return_val_if_fail (WG_IS_DIARY_ENTRY (self), -1);
  return self->households_visited;
}

const char * const *
wg_diary_entry_get_topics (WgDiaryEntry *self)
{
  g_return_val_if_fail (WG_IS_DIARY_ENTRY (self), NULL);
  return (const char * const *) self->topics;
}

const char *
wg_diary_entry_get_body (WgDiaryEntry *self)
{
  g_return_val_if_fail (WG_IS_DIARY_ENTRY (self), NULL);
  return self->body;
}

gboolean
wg_diary_entry_get_follow_up (WgDiaryEntry *self)
{
  g_return_val_if_fail (WG_IS_DIARY_ENTRY (self), FALSE);
  return self->follow_up;
}

const char *
wg_diary_entry_get_updated_at (WgDiaryEntry *self)
{
  g_return_val_if_fail (WG_IS_DIARY_ENTRY (self), NULL);
  return self->updated_at;
}
