#define G_LOG_DOMAIN "wg-api-client"

#include "config.h"

#include "wg-api.h"
#include "wg-api-client-csv.h"
#include "wg-api-client-private.h"
#include "wg-error.h"

#define WG_MEDIA_CSV "text/csv"

static char *
export_path (const char *kind_name,
             GHashTable *filters)
{
  g_autoptr(GString) path = g_string_new (NULL);
  g_autoptr(GList) names = NULL;

  g_string_printf (path, WG_API_PREFIX "/%s/export", kind_name);
  if (filters == NULL)
    return g_string_free (g_steal_pointer (&path), FALSE);
  /* Sorted: the same filters, the same URL. */
  names = g_list_sort (g_hash_table_get_keys (filters), (GCompareFunc) g_strcmp0);
  for (GList *l = names; l != NULL; l = l->next)
    _wg_api_client_add_parameter (path, l->data, g_hash_table_lookup (filters, l->data));
  return g_string_free (g_steal_pointer (&path), FALSE);
}

static void
wg_api_client_export_csv_cb (GObject      *source,
                             GAsyncResult *result,
                             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  GBytes *bytes = _wg_api_client_send_finish (WG_API_CLIENT (source), result, &error);

  if (bytes == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, bytes, (GDestroyNotify) g_bytes_unref);
}

void
wg_api_client_export_csv_async (WgApiClient         *self,
                                const char          *kind_name,
                                GHashTable          *filters,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autofree char *path = NULL;
  GTask *task;

  g_return_if_fail (WG_IS_API_CLIENT (self));
  g_return_if_fail (kind_name != NULL);

  task = _wg_api_client_task_new (self, wg_api_client_export_csv_async, cancellable, callback,
                                  user_data);
  path = export_path (kind_name, filters);
  _wg_api_client_send_async (self, "GET", path, NULL, WG_MEDIA_CSV, cancellable,
                             wg_api_client_export_csv_cb, task);
}

GBytes *
wg_api_client_export_csv_finish (WgApiClient   *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return _wg_api_client_propagate_pointer (self, result, wg_api_client_export_csv_async, error);
}

static void
wg_api_client_import_csv_cb (GObject      *source,
                             GAsyncResult *result,
                             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = _wg_api_client_send_finish (WG_API_CLIENT (source), result, &error);
  g_autoptr(JsonNode) root = NULL;

  if (bytes != NULL)
    root = _wg_api_client_parse (bytes, &error);
  if (root != NULL && !JSON_NODE_HOLDS_OBJECT (root))
    g_set_error_literal (&error, WG_ERROR, WG_ERROR_PROTOCOL, "The answer is not an object");
  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else if (root == NULL)
    g_task_return_new_error (task, WG_ERROR, WG_ERROR_PROTOCOL, "The answer is empty");
  else
    g_task_return_pointer (task, json_object_ref (json_node_get_object (root)),
                           (GDestroyNotify) json_object_unref);
}

void
wg_api_client_import_csv_async (WgApiClient         *self,
                                const char          *kind_name,
                                GBytes              *csv,
                                gboolean             dry_run,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autofree char *path = NULL;
  GTask *task;

  g_return_if_fail (WG_IS_API_CLIENT (self));
  g_return_if_fail (kind_name != NULL);
  g_return_if_fail (csv != NULL);

  task = _wg_api_client_task_new (self, wg_api_client_import_csv_async, cancellable, callback,
                                  user_data);
  path = g_strdup_printf (WG_API_PREFIX "/%s/import?dry_run=%s", kind_name,
                          dry_run ? "true" : "false");
  _wg_api_client_send_bytes_async (self, "POST", path, WG_MEDIA_CSV, csv, WG_MEDIA_JSON,
                                   cancellable, wg_api_client_import_csv_cb, task);
}

JsonObject *
wg_api_client_import_csv_finish (WgApiClient   *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return _wg_api_client_propagate_pointer (self, result, wg_api_client_import_csv_async, error);
}
