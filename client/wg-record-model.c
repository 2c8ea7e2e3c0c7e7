#define G_LOG_DOMAIN "wg-record-model"

#include "config.h"

#include "wg-error.h"
#include "wg-record-model.h"

struct _WgRecordModel
{
  WgPagedModel parent_instance;

  WgApiClient *client;
  const WgRecordKind *kind;
  char *region;
  char *q;
  GHashTable *filters;     /* field → value */
  char *from;
  char *to;
  gboolean mine;
};

G_DEFINE_FINAL_TYPE (WgRecordModel, wg_record_model, WG_TYPE_PAGED_MODEL)

static char *
wg_record_model_filter_value (const char *value)
{
  return value != NULL && *value != '\0' ? g_strdup (value) : NULL;
}

/* The items of a page answer; NULL with an error when it is not one. */
static GPtrArray *
wg_record_model_read_items (WgRecordModel  *self,
                            JsonObject     *page,
                            GError        **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  JsonNode *node = json_object_get_member (page, "items");
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error_literal (error, WG_ERROR, WG_ERROR_PROTOCOL, "A page has no items");
      return NULL;
    }
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      WgRecordItem *item;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          g_set_error_literal (error, WG_ERROR, WG_ERROR_PROTOCOL, "An item is not an object");
          return NULL;
        }
      item = wg_record_item_new (self->kind, json_node_get_object (element), error);
      if (item == NULL)
        return NULL;
      g_ptr_array_add (items, item);
    }
  return g_steal_pointer (&items);
}

/* WgPagedModel */

static void
wg_record_model_fetch_async (WgPagedModel        *model,
                             const char          *cursor,
                             guint                limit,
                             gboolean             total,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  WgRecordModel *self = WG_RECORD_MODEL (model);
  WgRecordQuery query = {
    .region = self->region, .q = self->q, .filters = self->filters,
    .from = self->from, .to = self->to, .mine = self->mine,
    .cursor = cursor, .limit = limit, .total = total,
  };

  wg_api_client_list_records_async (self->client, self->kind->name, &query, cancellable, callback, user_data);
}

static GPtrArray *
wg_record_model_fetch_finish (WgPagedModel  *model,
                              GAsyncResult  *result,
                              char         **next_cursor,
                              gint64        *total,
                              GError       **error)
{
  WgRecordModel *self = WG_RECORD_MODEL (model);
  g_autoptr(JsonObject) page = wg_api_client_list_records_finish (self->client, result, error);
  GPtrArray *items;
  JsonNode *total_node;

  if (page == NULL || (items = wg_record_model_read_items (self, page, error)) == NULL)
    return NULL;
  *next_cursor = g_strdup (json_object_get_string_member_with_default (page, "next_cursor", NULL));
  total_node = json_object_get_member (page, "total");
  *total = total_node != NULL && JSON_NODE_HOLDS_VALUE (total_node) ? json_node_get_int (total_node) : -1;
  return items;
}

static gint64
wg_record_model_get_item_id (WgPagedModel *model,
                             gpointer      item)
{
  return wg_record_item_get_id (item);
}

/* GObject */

static void
wg_record_model_dispose (GObject *object)
{
  WgRecordModel *self = WG_RECORD_MODEL (object);

  wg_paged_model_clear (WG_PAGED_MODEL (self));
  g_clear_object (&self->client);

  G_OBJECT_CLASS (wg_record_model_parent_class)->dispose (object);
}

static void
wg_record_model_finalize (GObject *object)
{
  WgRecordModel *self = WG_RECORD_MODEL (object);

  g_free (self->region);
  g_free (self->q);
  g_free (self->from);
  g_free (self->to);
  g_clear_pointer (&self->filters, g_hash_table_unref);

  G_OBJECT_CLASS (wg_record_model_parent_class)->finalize (object);
}

static void
wg_record_model_class_init (WgRecordModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  WgPagedModelClass *paged_class = WG_PAGED_MODEL_CLASS (klass);

  object_class->dispose = wg_record_model_dispose;
  object_class->finalize = wg_record_model_finalize;
  paged_class->fetch_async = wg_record_model_fetch_async;
  paged_class->fetch_finish = wg_record_model_fetch_finish;
  paged_class->get_item_id = wg_record_model_get_item_id;
}

static void
wg_record_model_init (WgRecordModel *self)
{
  self->filters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/* Public API */

WgRecordModel *
wg_record_model_new (WgApiClient        *client,
                     const WgRecordKind *kind)
{
  WgRecordModel *self;

  g_return_val_if_fail (WG_IS_API_CLIENT (client), NULL);
  g_return_val_if_fail (kind != NULL, NULL);

  self = g_object_new (WG_TYPE_RECORD_MODEL, "item-type", WG_TYPE_RECORD_ITEM, NULL);
  self->client = g_object_ref (client);
  self->kind = kind;
  return self;
}

const WgRecordKind *
wg_record_model_get_kind (WgRecordModel *self)
{
  g_return_val_if_fail (WG_IS_RECORD_MODEL (self), NULL);
  return self->kind;
}

void
wg_record_model_set_query (WgRecordModel       *self,
                           const WgRecordQuery *query)
{
  GHashTableIter iter;
  gpointer name, value;

  g_return_if_fail (WG_IS_RECORD_MODEL (self));
  g_return_if_fail (query != NULL);

  g_free (self->region);
  g_free (self->q);
  g_free (self->from);
  g_free (self->to);
  self->region = wg_record_model_filter_value (query->region);
  self->q = wg_record_model_filter_value (query->q);
  self->from = wg_record_model_filter_value (query->from);
  self->to = wg_record_model_filter_value (query->to);
  self->mine = query->mine;
  g_hash_table_remove_all (self->filters);
  if (query->filters != NULL)
    {
      g_hash_table_iter_init (&iter, query->filters);
      while (g_hash_table_iter_next (&iter, &name, &value))
        if (value != NULL && *(const char *) value != '\0')
          g_hash_table_insert (self->filters, g_strdup (name), g_strdup (value));
    }
  wg_paged_model_restart (WG_PAGED_MODEL (self));
}
