#define G_LOG_DOMAIN "wg-api-client"

#include "config.h"

#include "wg-api.h"
#include "wg-api-client-private.h"
#include "wg-error.h"
#include "wg-region.h"

/* GET /regions as GeoJSON: the whole territory in scope, parsed in a
 * worker thread (hundreds of polygons). */

static gboolean
wg_api_client_add_features (GListStore  *store,
                            JsonNode    *root,
                            GError     **error)
{
  JsonNode *features = NULL;
  JsonArray *array;

  if (root != NULL && JSON_NODE_HOLDS_OBJECT (root))
    features = json_object_get_member (json_node_get_object (root), "features");
  if (features == NULL || !JSON_NODE_HOLDS_ARRAY (features))
    {
      g_set_error_literal (error, WG_ERROR, WG_ERROR_PROTOCOL,
                           "The regions answer is not a FeatureCollection");
      return FALSE;
    }
  array = json_node_get_array (features);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *feature = json_array_get_element (array, i);
      g_autoptr(GError) local_error = NULL;
      g_autoptr(WgRegion) region = NULL;

      if (JSON_NODE_HOLDS_OBJECT (feature))
        region = wg_region_new_from_json (json_node_get_object (feature), &local_error);
      if (region == NULL)
        {
          /* One bad feature must not hide the whole territory. */
          g_warning ("Skipping region feature %u: %s", i,
                     local_error != NULL ? local_error->message : "not an object");
          continue;
        }
      g_list_store_append (store, region);
    }
  return TRUE;
}

static void
wg_api_client_regions_thread (GTask        *task,
                              gpointer      source_object,
                              gpointer      task_data,
                              GCancellable *cancellable)
{
  g_autoptr(GListStore) store = g_list_store_new (WG_TYPE_REGION);
  g_autoptr(JsonNode) root = NULL;
  GError *error = NULL;

  root = _wg_api_client_parse (task_data, &error);
  if (error == NULL)
    wg_api_client_add_features (store, root, &error);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_steal_pointer (&store), g_object_unref);
}

static void
wg_api_client_regions_cb (GObject      *source,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  bytes = _wg_api_client_send_finish (WG_API_CLIENT (source), result, &error);
  if (bytes == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_set_task_data (task, g_steal_pointer (&bytes), (GDestroyNotify) g_bytes_unref);
  g_task_run_in_thread (task, wg_api_client_regions_thread);
}

/* Public API */

void
wg_api_client_list_regions_geojson_async (WgApiClient         *self,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (WG_IS_API_CLIENT (self));

  task = _wg_api_client_task_new (self, wg_api_client_list_regions_geojson_async,
                                  cancellable, callback, user_data);
  _wg_api_client_send_async (self, "GET", WG_API_REGIONS "?format=geojson", NULL,
                            WG_MEDIA_GEOJSON, cancellable,
                            wg_api_client_regions_cb, g_steal_pointer (&task));
}

GListModel *
wg_api_client_list_regions_geojson_finish (WgApiClient   *self,
                                           GAsyncResult  *result,
                                           GError       **error)
{
  return _wg_api_client_propagate_pointer (self, result, wg_api_client_list_regions_geojson_async,
                                           error);
}
