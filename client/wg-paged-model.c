#define G_LOG_DOMAIN "wg-paged-model"

#include "config.h"

#include "wg-paged-model.h"

typedef struct
{
  GType item_type;
  GPtrArray *items;
  char *next_cursor;
  gint64 total;
  gboolean complete;           /* the last page has arrived */
  gboolean started;            /* a query has been set */
  GCancellable *cancellable;   /* of the page on its way, NULL when idle */
  GError *error;
  guint load_source;
} WgPagedModelPrivate;

static void wg_paged_model_list_model_init (GListModelInterface *iface);

G_DEFINE_ABSTRACT_TYPE_WITH_CODE (WgPagedModel, wg_paged_model, G_TYPE_OBJECT,
                                  G_ADD_PRIVATE (WgPagedModel)
                                  G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, wg_paged_model_list_model_init))

enum {
  PROP_0,
  PROP_ITEM_TYPE,
  PROP_TOTAL,
  PROP_LOADING,
  PROP_COMPLETE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
wg_paged_model_set_total (WgPagedModel *self,
                          gint64        total)
{
  WgPagedModelPrivate *priv = wg_paged_model_get_instance_private (self);

  if (priv->total == total)
    return;
  priv->total = total;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOTAL]);
}

static void
wg_paged_model_set_complete (WgPagedModel *self,
                             gboolean      complete)
{
  WgPagedModelPrivate *priv = wg_paged_model_get_instance_private (self);

  if (priv->complete == complete)
    return;
  priv->complete = complete;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLETE]);
}

/* Stops what is on its way without notifying. */
static void
wg_paged_model_cancel (WgPagedModel *self)
{
  WgPagedModelPrivate *priv = wg_paged_model_get_instance_private (self);

  g_clear_handle_id (&priv->load_source, g_source_remove);
  if (priv->cancellable != NULL)
    {
      g_cancellable_cancel (priv->cancellable);
      g_clear_object (&priv->cancellable);
    }
}

static void
wg_paged_model_empty (WgPagedModel *self)
{
  WgPagedModelPrivate *priv = wg_paged_model_get_instance_private (self);
  guint removed = priv->items->len;
  gboolean was_loading = priv->cancellable != NULL;

  wg_paged_model_cancel (self);
  g_ptr_array_set_size (priv->items, 0);
  g_clear_pointer (&priv->next_cursor, g_free);
  g_clear_error (&priv->error);
  wg_paged_model_set_total (self, -1);
  wg_paged_model_set_complete (self, FALSE);
  if (removed > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, 0);
  if (was_loading)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
wg_paged_model_append (WgPagedModel *self,
                       GPtrArray    *items,
                       char         *next_cursor,
                       gint64        total)
{
  WgPagedModelPrivate *priv = wg_paged_model_get_instance_private (self);
  guint position = priv->items->len;

  for (guint i = 0; i < items->len; i++)
    g_ptr_array_add (priv->items, g_object_ref (g_ptr_array_index (items, i)));
  g_free (priv->next_cursor);
  priv->next_cursor = next_cursor;
  if (total >= 0)
    wg_paged_model_set_total (self, total);
  wg_paged_model_set_complete (self, priv->next_cursor == NULL);
  if (items->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), position, 0, items->len);
}

static void
wg_paged_model_page_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(WgPagedModel) self = user_data;
  WgPagedModelPrivate *priv = wg_paged_model_get_instance_private (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  char *next_cursor = NULL;
  gint64 total = -1;

  items = WG_PAGED_MODEL_GET_CLASS (self)->fetch_finish (self, result, &next_cursor, &total, &error);
  /* Cancelled: a new query or a clear took over and notified already. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&priv->cancellable);
  if (items == NULL)
    {
      /* not the message: its URL may hold a searched ID number */
      g_debug ("A page failed: %s %d", g_quark_to_string (error->domain), error->code);
      g_clear_error (&priv->error);
      priv->error = g_steal_pointer (&error);
    }
  else
    wg_paged_model_append (self, items, next_cursor, total);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
wg_paged_model_fetch (WgPagedModel *self)
{
  WgPagedModelPrivate *priv = wg_paged_model_get_instance_private (self);

  g_clear_error (&priv->error);
  priv->cancellable = g_cancellable_new ();
  WG_PAGED_MODEL_GET_CLASS (self)->fetch_async (self, priv->next_cursor, WG_PAGED_MODEL_PAGE_SIZE,
                                                priv->next_cursor == NULL, priv->cancellable,
                                                wg_paged_model_page_cb, g_object_ref (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static gboolean
wg_paged_model_load_idle_cb (gpointer user_data)
{
  WgPagedModel *self = user_data;
  WgPagedModelPrivate *priv = wg_paged_model_get_instance_private (self);

  priv->load_source = 0;
  wg_paged_model_load_more (self);
  return G_SOURCE_REMOVE;
}

/* GListModel */

static GType
wg_paged_model_get_item_type (GListModel *list)
{
  WgPagedModelPrivate *priv = wg_paged_model_get_instance_private (WG_PAGED_MODEL (list));

  return priv->item_type;
}

static guint
wg_paged_model_get_n_items (GListModel *list)
{
  WgPagedModelPrivate *priv = wg_paged_model_get_instance_private (WG_PAGED_MODEL (list));

  return priv->items->len;
}

static gpointer
wg_paged_model_get_item (GListModel *list,
                         guint       position)
{
  WgPagedModel *self = WG_PAGED_MODEL (list);
  WgPagedModelPrivate *priv = wg_paged_model_get_instance_private (self);

  if (position >= priv->items->len)
    return NULL;
  /* A view that shows rows near the end wants the next page; not from
   * inside get_item, which views call while they lay out. */
  if (position + WG_PAGED_MODEL_PREFETCH >= priv->items->len &&
      !priv->complete && priv->cancellable == NULL && priv->error == NULL &&
      priv->load_source == 0)
    priv->load_source = g_idle_add (wg_paged_model_load_idle_cb, self);
  return g_object_ref (g_ptr_array_index (priv->items, position));
}

static void
wg_paged_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = wg_paged_model_get_item_type;
  iface->get_n_items = wg_paged_model_get_n_items;
  iface->get_item = wg_paged_model_get_item;
}

/* GObject */

static void
wg_paged_model_dispose (GObject *object)
{
  wg_paged_model_cancel (WG_PAGED_MODEL (object));

  G_OBJECT_CLASS (wg_paged_model_parent_class)->dispose (object);
}

static void
wg_paged_model_finalize (GObject *object)
{
  WgPagedModelPrivate *priv = wg_paged_model_get_instance_private (WG_PAGED_MODEL (object));

  g_clear_pointer (&priv->items, g_ptr_array_unref);
  g_free (priv->next_cursor);
  g_clear_error (&priv->error);

  G_OBJECT_CLASS (wg_paged_model_parent_class)->finalize (object);
}

static void
wg_paged_model_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  WgPagedModel *self = WG_PAGED_MODEL (object);
  WgPagedModelPrivate *priv = wg_paged_model_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_ITEM_TYPE:
      g_value_set_gtype (value, priv->item_type);
      break;
    case PROP_TOTAL:
      g_value_set_int64 (value, priv->total);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, priv->cancellable != NULL);
      break;
    case PROP_COMPLETE:
      g_value_set_boolean (value, priv->complete);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wg_paged_model_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  WgPagedModelPrivate *priv = wg_paged_model_get_instance_private (WG_PAGED_MODEL (object));

  switch (prop_id)
    {
    case PROP_ITEM_TYPE:
      priv->item_type = g_value_get_gtype (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wg_paged_model_class_init (WgPagedModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = wg_paged_model_dispose;
  object_class->finalize = wg_paged_model_finalize;
  object_class->get_property = wg_paged_model_get_property;
  object_class->set_property = wg_paged_model_set_property;

  properties[PROP_ITEM_TYPE] =
    g_param_spec_gtype ("item-type", NULL, NULL, G_TYPE_OBJECT,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TOTAL] =
    g_param_spec_int64 ("total", NULL, NULL, -1, G_MAXINT64, -1,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_COMPLETE] =
    g_param_spec_boolean ("complete", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
wg_paged_model_init (WgPagedModel *self)
{
  WgPagedModelPrivate *priv = wg_paged_model_get_instance_private (self);

  priv->item_type = G_TYPE_OBJECT;
  priv->items = g_ptr_array_new_with_free_func (g_object_unref);
  priv->total = -1;
}

/* Public API */

void
wg_paged_model_restart (WgPagedModel *self)
{
  WgPagedModelPrivate *priv = wg_paged_model_get_instance_private (self);

  g_return_if_fail (WG_IS_PAGED_MODEL (self));

  priv->started = TRUE;
  wg_paged_model_reload (self);
}

void
wg_paged_model_reload (WgPagedModel *self)
{
  WgPagedModelPrivate *priv = wg_paged_model_get_instance_private (self);

  g_return_if_fail (WG_IS_PAGED_MODEL (self));

  wg_paged_model_empty (self);
  if (priv->started)
    wg_paged_model_fetch (self);
}

void
wg_paged_model_clear (WgPagedModel *self)
{
  WgPagedModelPrivate *priv = wg_paged_model_get_instance_private (self);

  g_return_if_fail (WG_IS_PAGED_MODEL (self));

  priv->started = FALSE;
  wg_paged_model_empty (self);
}

void
wg_paged_model_load_more (WgPagedModel *self)
{
  WgPagedModelPrivate *priv = wg_paged_model_get_instance_private (self);

  g_return_if_fail (WG_IS_PAGED_MODEL (self));

  if (!priv->started || priv->complete || priv->cancellable != NULL)
    return;
  /* Without a cursor only the first page can be asked for. */
  if (priv->next_cursor == NULL && priv->items->len > 0)
    return;
  wg_paged_model_fetch (self);
}

gint64
wg_paged_model_get_total (WgPagedModel *self)
{
  WgPagedModelPrivate *priv = wg_paged_model_get_instance_private (self);

  g_return_val_if_fail (WG_IS_PAGED_MODEL (self), -1);
  return priv->total;
}

gboolean
wg_paged_model_get_loading (WgPagedModel *self)
{
  WgPagedModelPrivate *priv = wg_paged_model_get_instance_private (self);

  g_return_val_if_fail (WG_IS_PAGED_MODEL (self), FALSE);
  return priv->cancellable != NULL;
}

gboolean
wg_paged_model_get_complete (WgPagedModel *self)
{
  WgPagedModelPrivate *priv = wg_paged_model_get_instance_private (self);

  g_return_val_if_fail (WG_IS_PAGED_MODEL (self), FALSE);
  return priv->complete;
}

const GError *
wg_paged_model_get_error (WgPagedModel *self)
{
  WgPagedModelPrivate *priv = wg_paged_model_get_instance_private (self);

  g_return_val_if_fail (WG_IS_PAGED_MODEL (self), NULL);
  return priv->error;
}

gint
wg_paged_model_find (WgPagedModel *self,
                     gint64        id)
{
  WgPagedModelPrivate *priv = wg_paged_model_get_instance_private (self);

  g_return_val_if_fail (WG_IS_PAGED_MODEL (self), -1);

  for (guint i = 0; i < priv->items->len; i++)
    if (WG_PAGED_MODEL_GET_CLASS (self)->get_item_id (self, g_ptr_array_index (priv->items, i)) == id)
      return (gint) i;
  return -1;
}

void
wg_paged_model_replace (WgPagedModel *self,
                        gint64        id,
                        gpointer      item)
{
  WgPagedModelPrivate *priv = wg_paged_model_get_instance_private (self);
  gint position;

  g_return_if_fail (WG_IS_PAGED_MODEL (self));

  position = wg_paged_model_find (self, id);
  if (position < 0)
    return;
  if (item != NULL)
    {
      g_object_unref (g_ptr_array_index (priv->items, position));
      g_ptr_array_index (priv->items, position) = g_object_ref (item);
      g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
      return;
    }
  g_ptr_array_remove_index (priv->items, position);
  if (priv->total > 0)
    wg_paged_model_set_total (self, priv->total - 1);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
}
