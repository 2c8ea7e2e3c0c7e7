#define G_LOG_DOMAIN "wg-api-client"

#include "config.h"

#include "wg-api.h"
#include "wg-api-client-diary.h"
#include "wg-api-client-private.h"
#include "wg-error.h"
#include "wg-region.h"

/* GET /regions?level=grid, one page after the other until next_cursor is
 * null; the task's data is the store being filled. */

static void wg_api_client_grids_fetch (GTask      *task,
                                       const char *cursor);

/* Appends the page's grids; answers its next_cursor (NULL: the last). */
static gboolean
wg_api_client_grids_append (GListStore  *store,
                            JsonNode    *root,
                            char       **next_cursor,
                            GError     **error)
{
  JsonObject *object = root != NULL && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  JsonNode *items = object != NULL ? json_object_get_member (object, "items") : NULL;
  JsonArray *array;

  if (items == NULL || !JSON_NODE_HOLDS_ARRAY (items))
    {
      g_set_error_literal (error, WG_ERROR, WG_ERROR_PROTOCOL, "The regions answer has no items");
      return FALSE;
    }
  array = json_node_get_array (items);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);
      g_autoptr(GError) local_error = NULL;
      g_autoptr(WgRegion) region = NULL;

      if (JSON_NODE_HOLDS_OBJECT (item))
        region = wg_region_new_from_json (json_node_get_object (item), &local_error);
      if (region == NULL)
        {
          g_warning ("Skipping grid %u: %s", i, local_error != NULL ? local_error->message : "not an object");
          continue;
        }
      g_list_store_append (store, region);
    }
  *next_cursor = g_strdup (json_object_get_string_member_with_default (object, "next_cursor", NULL));
  return TRUE;
}

static void
wg_api_client_grids_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *next_cursor = NULL;
  GListStore *store = g_task_get_task_data (task);

  root = wg_api_client_request_finish (WG_API_CLIENT (source), result, &error);
  if (error == NULL)
    wg_api_client_grids_append (store, root, &next_cursor, &error);
  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (next_cursor != NULL)
    {
      wg_api_client_grids_fetch (g_steal_pointer (&task), next_cursor);
      return;
    }
  g_task_return_pointer (task, g_object_ref (store), g_object_unref);
}

static void
wg_api_client_grids_fetch (GTask      *task,
                           const char *cursor)
{
  g_autoptr(GString) path = g_string_new (WG_API_REGIONS "?level=grid");

  g_string_append_printf (path, "&limit=%d", WG_API_CLIENT_GRIDS_PAGE);
  if (cursor != NULL)
    {
      g_autofree char *escaped = g_uri_escape_string (cursor, NULL, FALSE);

      g_string_append_printf (path, "&cursor=%s", escaped);
    }
  wg_api_client_request_async (g_task_get_source_object (task), "GET", path->str, NULL,
                               g_task_get_cancellable (task), wg_api_client_grids_cb, task);
}

/* Public API */

void
wg_api_client_list_grids_async (WgApiClient         *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (WG_IS_API_CLIENT (self));

  task = _wg_api_client_task_new (self, wg_api_client_list_grids_async, cancellable, callback, user_data);
  g_task_set_task_data (task, g_list_store_new (WG_TYPE_REGION), g_object_unref);
  wg_api_client_grids_fetch (task, NULL);
}

GListModel *
wg_api_client_list_grids_finish (WgApiClient   *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return _wg_api_client_propagate_pointer (self, result, wg_api_client_list_grids_async, error);
}
