#define G_LOG_DOMAIN "wg-people-model"

#include "config.h"

#include "wg-people-model.h"

struct _WgPeopleModel
{
  WgPagedModel parent_instance;

  WgApiClient *client;
  char *region;
  char *status;
  char *tag;
  char *q;
  char *address;
};

G_DEFINE_FINAL_TYPE (WgPeopleModel, wg_people_model, WG_TYPE_PAGED_MODEL)

/* WgPagedModel */

static void
wg_people_model_fetch_async (WgPagedModel        *model,
                             const char          *cursor,
                             guint                limit,
                             gboolean             total,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  WgPeopleModel *self = WG_PEOPLE_MODEL (model);
  WgPeopleQuery query = { self->region, self->status, self->tag, self->q, self->address };

  wg_api_client_list_people_async (self->client, &query, cursor, limit, total, cancellable, callback, user_data);
}

static GPtrArray *
wg_people_model_fetch_finish (WgPagedModel  *model,
                              GAsyncResult  *result,
                              char         **next_cursor,
                              gint64        *total,
                              GError       **error)
{
  WgPeopleModel *self = WG_PEOPLE_MODEL (model);
  g_autoptr(WgPersonPage) page = wg_api_client_list_people_finish (self->client, result, error);

  if (page == NULL)
    return NULL;
  *next_cursor = g_steal_pointer (&page->next_cursor);
  *total = page->total;
  return g_ptr_array_ref (page->items);
}

static gint64
wg_people_model_get_item_id (WgPagedModel *model,
                             gpointer      item)
{
  return wg_person_get_id (item);
}

/* GObject */

static void
wg_people_model_dispose (GObject *object)
{
  WgPeopleModel *self = WG_PEOPLE_MODEL (object);

  wg_paged_model_clear (WG_PAGED_MODEL (self));
  g_clear_object (&self->client);

  G_OBJECT_CLASS (wg_people_model_parent_class)->dispose (object);
}

static void
wg_people_model_finalize (GObject *object)
{
  WgPeopleModel *self = WG_PEOPLE_MODEL (object);

  g_free (self->region);
  g_free (self->status);
  g_free (self->tag);
  g_free (self->q);
  g_free (self->address);

  G_OBJECT_CLASS (wg_people_model_parent_class)->finalize (object);
}

static void
wg_people_model_class_init (WgPeopleModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  WgPagedModelClass *paged_class = WG_PAGED_MODEL_CLASS (klass);

  object_class->dispose = wg_people_model_dispose;
  object_class->finalize = wg_people_model_finalize;
  paged_class->fetch_async = wg_people_model_fetch_async;
  paged_class->fetch_finish = wg_people_model_fetch_finish;
  paged_class->get_item_id = wg_people_model_get_item_id;
}

static void
wg_people_model_init (WgPeopleModel *self)
{
}

/* Public API */

WgPeopleModel *
wg_people_model_new (WgApiClient *client)
{
  WgPeopleModel *self;

  g_return_val_if_fail (WG_IS_API_CLIENT (client), NULL);

  self = g_object_new (WG_TYPE_PEOPLE_MODEL, "item-type", WG_TYPE_PERSON, NULL);
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
  g_free (self->address);
  self->region = wg_people_model_filter_value (query->region);
  self->status = wg_people_model_filter_value (query->status);
  self->tag = wg_people_model_filter_value (query->tag);
  self->q = wg_people_model_filter_value (query->q);
  self->address = wg_people_model_filter_value (query->address);
  wg_paged_model_restart (WG_PAGED_MODEL (self));
}

void
wg_people_model_reload (WgPeopleModel *self)
{
  wg_paged_model_reload (WG_PAGED_MODEL (self));
}

void
wg_people_model_clear (WgPeopleModel *self)
{
  wg_paged_model_clear (WG_PAGED_MODEL (self));
}

void
wg_people_model_load_more (WgPeopleModel *self)
{
  wg_paged_model_load_more (WG_PAGED_MODEL (self));
}

gint64
wg_people_model_get_total (WgPeopleModel *self)
{
  return wg_paged_model_get_total (WG_PAGED_MODEL (self));
}

gboolean
wg_people_model_get_loading (WgPeopleModel *self)
{
  return wg_paged_model_get_loading (WG_PAGED_MODEL (self));
}

gboolean
wg_people_model_get_complete (WgPeopleModel *self)
{
  return wg_paged_model_get_complete (WG_PAGED_MODEL (self));
}

const GError *
wg_people_model_get_error (WgPeopleModel *self)
{
  return wg_paged_model_get_error (WG_PAGED_MODEL (self));
}

gint
wg_people_model_find (WgPeopleModel *self,
                      gint64         id)
{
  return wg_paged_model_find (WG_PAGED_MODEL (self), id);
}

void
wg_people_model_update_person (WgPeopleModel *self,
                               gint64         id,
                               WgPerson      *person)
{
  wg_paged_model_replace (WG_PAGED_MODEL (self), id, person);
}
