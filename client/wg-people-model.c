#define G_LOG_DOMAIN "wg-people-model"

#include "config.h"

#include "wg-people-model.h"

struct _WgPeopleModel
{
  GObject parent_instance;

  WgApiClient *client;
  GPtrArray *items;            /* WgPerson */
  char *region;
  char *status;
  char *tag;
  char *q;
  char *next_cursor;
  gint64 total;
  gboolean complete;           /* the last page has arrived */
  gboolean started;            /* a query has been set */
  GCancellable *cancellable;   /* of the page on its way, NULL when idle */
  GError *error;
  guint load_source;
};

static void wg_people_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (WgPeopleModel, wg_people_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, wg_people_model_list_model_init))

enum {
  PROP_0,
  PROP_TOTAL,
  PROP_LOADING,
  PROP_COMPLETE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
wg_people_model_set_total (WgPeopleModel *self,
                           gint64         total)
{
  if (self->total == total)
    return;
  self->total = total;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOTAL]);
}

static void
wg_people_model_set_complete (WgPeopleModel *self,
                              gboolean       complete)
{
  if (self->complete == complete)
    return;
  self->complete = complete;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLETE]);
}

/* Stops what is on its way without notifying. */
static void
wg_people_model_cancel (WgPeopleModel *self)
{
  g_clear_handle_id (&self->load_source, g_source_remove);
  if (self->cancellable != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
    }
}

static void
wg_people_model_empty (WgPeopleModel *self)
{
  guint removed = self->items->len;
  gboolean was_loading = self->cancellable != NULL;

  wg_people_model_cancel (self);
  g_ptr_array_set_size (self->items, 0);
  g_clear_pointer (&self->next_cursor, g_free);
  g_clear_error (&self->error);
  wg_people_model_set_total (self, -1);
  wg_people_model_set_complete (self, FALSE);
  if (removed > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, 0);
  if (was_loading)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
wg_people_model_append (WgPeopleModel *self,
                        WgPersonPage  *page)
{
  guint position = self->items->len;

  for (guint i = 0; i < page->items->len; i++)
    g_ptr_array_add (self->items, g_object_ref (g_ptr_array_index (page->items, i)));
  g_free (self->next_cursor);
  self->next_cursor = g_steal_pointer (&page->next_cursor);
  if (page->total >= 0)
    wg_people_model_set_total (self, page->total);
  wg_people_model_set_complete (self, self->next_cursor == NULL);
  if (page->items->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), position, 0, page->items->len);
}

static void
wg_people_model_page_cb (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(WgPeopleModel) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(WgPersonPage) page = NULL;

  page = wg_api_client_list_people_finish (WG_API_CLIENT (source), result, &error);
  /* Cancelled: a new query or a clear took over and notified already. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);
  if (page == NULL)
    {
      /* not the message: its URL may hold the searched ID number */
      g_debug ("A page of people failed: %s %d", g_quark_to_string (error->domain), error->code);
      g_clear_error (&self->error);
      self->error = g_steal_pointer (&error);
    }
  else
    wg_people_model_append (self, page);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
wg_people_model_fetch (WgPeopleModel *self)
{
  WgPeopleQuery query = { self->region, self->status, self->tag, self->q };
  gboolean first = self->next_cursor == NULL;

  g_clear_error (&self->error);
  self->cancellable = g_cancellable_new ();
  wg_api_client_list_people_async (self->client, &query, self->next_cursor,
                                   WG_PEOPLE_MODEL_PAGE_SIZE, first,
                                   self->cancellable, wg_people_model_page_cb, g_object_ref (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static gboolean
wg_people_model_load_idle_cb (gpointer user_data)
{
  WgPeopleModel *self = user_data;

  self->load_source = 0;
  wg_people_model_load_more (self);
  return G_SOURCE_REMOVE;
}

/* GListModel */

static GType
wg_people_model_get_item_type (GListModel *list)
{
  return WG_TYPE_PERSON;
}

static guint
wg_people_model_get_n_items (GListModel *list)
{
  return WG_PEOPLE_MODEL (list)->items->len;
}

static gpointer
wg_people_model_get_item (GListModel *list,
                          guint       position)
{
  WgPeopleModel *self = WG_PEOPLE_MODEL (list);

  if (position >= self->items->len)
    return NULL;
  /* A view that shows rows near the end wants the next page; not from
   * inside get_item, which views call while they lay out. */
  if (position + WG_PEOPLE_MODEL_PREFETCH >= self->items->len &&
      !self->complete && self->cancellable == NULL && self->error == NULL &&
      self->load_source == 0)
    self->load_source = g_idle_add (wg_people_model_load_idle_cb, self);
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
wg_people_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = wg_people_model_get_item_type;
  iface->get_n_items = wg_people_model_get_n_items;
  iface->get_item = wg_people_model_get_item;
}

/* GObject */

static void
wg_people_model_dispose (GObject *object)
{
  WgPeopleModel *self = WG_PEOPLE_MODEL (object);

  wg_people_model_cancel (self);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (wg_people_model_parent_class)->dispose (object);
}

static void
wg_people_model_finalize (GObject *object)
{
  WgPeopleModel *self = WG_PEOPLE_MODEL (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_free (self->region);
  g_free (self->status);
  g_free (self->tag);
  g_free (self->q);
  g_free (self->next_cursor);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (wg_people_model_parent_class)->finalize (object);
}

static void
wg_people_model_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  WgPeopleModel *self = WG_PEOPLE_MODEL (object);

  switch (prop_id)
    {
    case PROP_TOTAL:
      g_value_set_int64 (value, self->total);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, wg_people_model_get_loading (self));
      break;
    case PROP_COMPLETE:
      g_value_set_boolean (value, self->complete);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wg_people_model_class_init (WgPeopleModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = wg_people_model_dispose;
  object_class->finalize = wg_people_model_finalize;
  object_class->get_property = wg_people_model_get_property;

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
wg_people_model_init (WgPeopleModel *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->total = -1;
}

/* Public API */

WgPeopleModel *
wg_people_model_new (WgApiClient *client)
{
  WgPeopleModel *self;

  g_return_val_if_fail (WG_IS_API_CLIENT (client), NULL);

  self = g_object_new (WG_TYPE_PEOPLE_MODEL, NULL);
  self->client = g_object_ref (client);
  return self;
}

static char *
wg_people_model_filter_value (const char *value)
{
  return value != NULL && *value != '\0' ? g_strdup (value) : NULL;
}

void
wg_people_model_set_query (WgPeopleModel       *self,
                           const WgPeopleQuery *query)
{
  g_return_if_fail (WG_IS_PEOPLE_MODEL (self));
  g_return_if_fail (query != NULL);

  g_free (self->region);
  g_free (self->status);
  g_free (self->tag);
  g_free (self->q);
  self->region = wg_people_model_filter_value (query->region);
  self->status = wg_people_model_filter_value (query->status);
  self->tag = wg_people_model_filter_value (query->tag);
  self->q = wg_people_model_filter_value (query->q);
  self->started = TRUE;
  wg_people_model_reload (self);
}

void
wg_people_model_reload (WgPeopleModel *self)
{
  g_return_if_fail (WG_IS_PEOPLE_MODEL (self));

  wg_people_model_empty (self);
  if (self->started)
    wg_people_model_fetch (self);
}

void
wg_people_model_clear (WgPeopleModel *self)
{
  g_return_if_fail (WG_IS_PEOPLE_MODEL (self));

  self->started = FALSE;
  wg_people_model_empty (self);
}

void
wg_people_model_load_more (WgPeopleModel *self)
{
  g_return_if_fail (WG_IS_PEOPLE_MODEL (self));

  if (!self->started || self->complete || self->cancellable != NULL)
    return;
  /* Without a cursor only the first page can be asked for. */
  if (self->next_cursor == NULL && self->items->len > 0)
    return;
  wg_people_model_fetch (self);
}

gint64
wg_people_model_get_total (WgPeopleModel *self)
{
  g_return_val_if_fail (WG_IS_PEOPLE_MODEL (self), -1);
  return self->total;
}

gboolean
wg_people_model_get_loading (WgPeopleModel *self)
{
  g_return_val_if_fail (WG_IS_PEOPLE_MODEL (self), FALSE);
  return self->cancellable != NULL;
}

gboolean
wg_people_model_get_complete (WgPeopleModel *self)
{
  g_return_val_if_fail (WG_IS_PEOPLE_MODEL (self), FALSE);
  return self->complete;
}

const GError *
wg_people_model_get_error (WgPeopleModel *self)
{
  g_return_val_if_fail (WG_IS_PEOPLE_MODEL (self), NULL);
  return self->error;
}

gint
wg_people_model_find (WgPeopleModel *self,
                      gint64         id)
{
  g_return_val_if_fail (WG_IS_PEOPLE_MODEL (self), -1);

  for (guint i = 0; i < self->items->len; i++)
    if (wg_person_get_id (g_ptr_array_index (self->items, i)) == id)
      return (gint) i;
  return -1;
}

void
wg_people_model_update_person (WgPeopleModel *self,
                               gint64         id,
                               WgPerson      *person)
{
  gint position;

  g_return_if_fail (WG_IS_PEOPLE_MODEL (self));

  position = wg_people_model_find (self, id);
  if (position < 0)
    return;
  if (person != NULL)
    {
      g_object_unref (g_ptr_array_index (self->items, position));
      g_ptr_array_index (self->items, position) = g_object_ref (person);
      g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
      return;
    }
  g_ptr_array_remove_index (self->items, position);
  if (self->total > 0)
    wg_people_model_set_total (self, self->total - 1);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
}
