#define G_LOG_DOMAIN "wg-api-client"

#include "config.h"

#include <string.h>

#include "wg-api.h"
#include "wg-api-client-private.h"
#include "wg-api-client-records.h"

/* /{kind}: every answer is the JSON object as it came. */

static char *
wg_api_client_record_path (const char *kind,
                           gint64      id,
                           const char *suffix)
{
  return g_strdup_printf (WG_API_PREFIX "/%s/%" G_GINT64_FORMAT "%s", kind, id, suffix != NULL ? suffix : "");
}

static char *
wg_api_client_version_text (gint64 version)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, version);
}

static int
wg_api_client_compare_names (gconstpointer a,
                             gconstpointer b,
                             gpointer      user_data)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

/* In the order of the names, so that a query has one path. */
static void
wg_api_client_add_filters (GString    *path,
                           GHashTable *filters)
{
  g_autofree gpointer *names = NULL;
  guint n = 0;

  if (filters == NULL)
    return;
  names = g_hash_table_get_keys_as_array (filters, &n);
  g_qsort_with_data (names, n, sizeof (gpointer), wg_api_client_compare_names, NULL);
  for (guint i = 0; i < n; i++)
    _wg_api_client_add_parameter (path, names[i], g_hash_table_lookup (filters, names[i]));
}

static JsonNode *
wg_api_client_object_node (JsonObject *object)
{
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_node_set_object (node, object);
  return node;
}

/* Public API */

char *
wg_api_client_records_path (const char *kind,
                            const char *suffix)
{
  g_return_val_if_fail (kind != NULL, NULL);

  return g_strdup_printf (WG_API_PREFIX "/%s%s", kind, suffix != NULL ? suffix : "");
}

char *
wg_api_client_records_query_path (const char          *kind,
                                  const char          *suffix,
                                  const WgRecordQuery *query)
{
  g_autofree char *base = wg_api_client_records_path (kind, suffix);
  GString *path = g_string_new (base);
  g_autofree char *limit = NULL;

  if (query == NULL)
    return g_string_free (path, FALSE);
  limit = query->limit > 0 ? g_strdup_printf ("%u", query->limit) : NULL;
  _wg_api_client_add_parameter (path, "region", query->region);
  _wg_api_client_add_parameter (path, "q", query->q);
  wg_api_client_add_filters (path, query->filters);
  _wg_api_client_add_parameter (path, "from", query->from);
  _wg_api_client_add_parameter (path, "to", query->to);
  _wg_api_client_add_parameter (path, "mine", query->mine ? "true" : NULL);
  _wg_api_client_add_parameter (path, "limit", limit);
  _wg_api_client_add_parameter (path, "cursor", query->cursor);
  _wg_api_client_add_parameter (path, "total", query->total ? "true" : NULL);
  return g_string_free (path, FALSE);
}

void
wg_api_client_list_records_async (WgApiClient         *self,
                                  const char          *kind,
                                  const WgRecordQuery *query,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (WG_IS_API_CLIENT (self));
  g_return_if_fail (kind != NULL);

  path = wg_api_client_records_query_path (kind, NULL, query);
  _wg_api_client_call (self, wg_api_client_list_records_async, &_wg_api_call_object, "GET", path, NULL, NULL,
                       cancellable, callback, user_data);
}

JsonObject *
wg_api_client_list_records_finish (WgApiClient   *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  return _wg_api_client_propagate_pointer (self, result, wg_api_client_list_records_async, error);
}

void
wg_api_client_get_record_async (WgApiClient         *self,
                                const char          *kind,
                                gint64               id,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (WG_IS_API_CLIENT (self));
  g_return_if_fail (kind != NULL);

  path = wg_api_client_record_path (kind, id, NULL);
  _wg_api_client_call (self, wg_api_client_get_record_async, &_wg_api_call_object, "GET", path, NULL, NULL,
                       cancellable, callback, user_data);
}

JsonObject *
wg_api_client_get_record_finish (WgApiClient   *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return _wg_api_client_propagate_pointer (self, result, wg_api_client_get_record_async, error);
}

void
wg_api_client_create_record_async (WgApiClient         *self,
                                   const char          *kind,
                                   JsonObject          *body,
                                   const char          *idempotency_key,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  const char *headers[] = { "Idempotency-Key", idempotency_key, NULL };
  g_autofree char *path = NULL;
  g_autoptr(JsonNode) node = NULL;

  g_return_if_fail (WG_IS_API_CLIENT (self));
  g_return_if_fail (kind != NULL);
  g_return_if_fail (body != NULL);

  path = wg_api_client_records_path (kind, NULL);
  node = wg_api_client_object_node (body);
  _wg_api_client_call (self, wg_api_client_create_record_async, &_wg_api_call_object, "POST", path, node,
                       idempotency_key != NULL ? headers : NULL, cancellable, callback, user_data);
}

JsonObject *
wg_api_client_create_record_finish (WgApiClient   *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return _wg_api_client_propagate_pointer (self, result, wg_api_client_create_record_async, error);
}

void
wg_api_client_update_record_async (WgApiClient         *self,
                                   const char          *kind,
                                   gint64               id,
                                   gint64               version,
                                   JsonObject          *body,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autofree char *if_match = wg_api_client_version_text (version);
  const char *headers[] = { "If-Match", if_match, NULL };
  g_autofree char *path = NULL;
  g_autoptr(JsonNode) node = NULL;

  g_return_if_fail (WG_IS_API_CLIENT (self));
  g_return_if_fail (kind != NULL);
  g_return_if_fail (body != NULL);

  path = wg_api_client_record_path (kind, id, NULL);
  node = wg_api_client_object_node (body);
  _wg_api_client_call (self, wg_api_client_update_record_async, &_wg_api_call_object, "PATCH", path, node,
                       headers, cancellable, callback, user_data);
}

JsonObject *
wg_api_client_update_record_finish (WgApiClient   *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return _wg_api_client_propagate_pointer (self, result, wg_api_client_update_record_async, error);
}

void
wg_api_client_delete_record_async (WgApiClient         *self,
                                   const char          *kind,
                                   gint64               id,
                                   gint64               version,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autofree char *if_match = wg_api_client_version_text (version);
  const char *headers[] = { "If-Match", if_match, NULL };
  g_autofree char *path = NULL;

  g_return_if_fail (WG_IS_API_CLIENT (self));
  g_return_if_fail (kind != NULL);

  path = wg_api_client_record_path (kind, id, NULL);
  _wg_api_client_call (self, wg_api_client_delete_record_async, &_wg_api_call_nothing, "DELETE", path, NULL,
                       headers, cancellable, callback, user_data);
}

gboolean
wg_api_client_delete_record_finish (WgApiClient   *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return _wg_api_client_propagate_pointer (self, result, wg_api_client_delete_record_async, error) != NULL;
}

void
wg_api_client_get_record_chain_async (WgApiClient         *self,
                                      const char          *kind,
                                      gint64               id,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (WG_IS_API_CLIENT (self));
  g_return_if_fail (kind != NULL);

  path = wg_api_client_record_path (kind, id, "/chain");
  _wg_api_client_call (self, wg_api_client_get_record_chain_async, &_wg_api_call_object, "GET", path, NULL,
                       NULL, cancellable, callback, user_data);
}

JsonObject *
wg_api_client_get_record_chain_finish (WgApiClient   *self,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  return _wg_api_client_propagate_pointer (self, result, wg_api_client_get_record_chain_async, error);
}

void
wg_api_client_add_household_member_async (WgApiClient         *self,
                                          gint64               household_id,
                                          gint64               person_id,
                                          const char          *relation,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  g_autofree char *path = wg_api_client_record_path ("households", household_id, "/members");
  g_autoptr(JsonObject) body = json_object_new ();
  g_autoptr(JsonNode) node = NULL;

  g_return_if_fail (WG_IS_API_CLIENT (self));
  g_return_if_fail (relation != NULL);

  json_object_set_int_member (body, "person_id", person_id);
  json_object_set_string_member (body, "relation", relation);
  node = wg_api_client_object_node (body);
  _wg_api_client_call (self, wg_api_client_add_household_member_async, &_wg_api_call_object, "POST", path,
                       node, NULL, cancellable, callback, user_data);
}

JsonObject *
wg_api_client_add_household_member_finish (WgApiClient   *self,
                                           GAsyncResult  *result,
                                           GError       **error)
{
  return _wg_api_client_propagate_pointer (self, result, wg_api_client_add_household_member_async, error);
}

void
wg_api_client_remove_household_member_async (WgApiClient         *self,
                                             gint64               household_id,
                                             gint64               person_id,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data)
{
  g_autofree char *suffix = g_strdup_printf ("/members/%" G_GINT64_FORMAT, person_id);
  g_autofree char *path = wg_api_client_record_path ("households", household_id, suffix);

  g_return_if_fail (WG_IS_API_CLIENT (self));
  _wg_api_client_call (self, wg_api_client_remove_household_member_async, &_wg_api_call_nothing, "DELETE",
                       path, NULL, NULL, cancellable, callback, user_data);
}

gboolean
wg_api_client_remove_household_member_finish (WgApiClient   *self,
                                              GAsyncResult  *result,
                                              GError       **error)
{
  return _wg_api_client_propagate_pointer (self, result, wg_api_client_remove_household_member_async,
                                           error) != NULL;
}

void
wg_api_client_add_house_resident_async (WgApiClient         *self,
                                        gint64               house_id,
                                        gint64               person_id,
                                        const char          *kind,
                                        const char          *from_date,
                                        const char          *to_date,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_autofree char *path = wg_api_client_record_path ("houses", house_id, "/residents");
  g_autoptr(JsonObject) body = json_object_new ();
  g_autoptr(JsonNode) node = NULL;

  g_return_if_fail (WG_IS_API_CLIENT (self));
  g_return_if_fail (kind != NULL);

  json_object_set_int_member (body, "person_id", person_id);
  json_object_set_string_member (body, "kind", kind);
  if (from_date != NULL)
    json_object_set_string_member (body, "from_date", from_date);
  if (to_date != NULL)
    json_object_set_string_member (body, "to_date", to_date);
  node = wg_api_client_object_node (body);
  _wg_api_client_call (self, wg_api_client_add_house_resident_async, &_wg_api_call_object, "POST", path,
                       node, NULL, cancellable, callback, user_data);
}

JsonObject *
wg_api_client_add_house_resident_finish (WgApiClient   *self,
                                         GAsyncResult  *result,
                                         GError       **error)
{
  return _wg_api_client_propagate_pointer (self, result, wg_api_client_add_house_resident_async, error);
}

void
wg_api_client_remove_house_resident_async (WgApiClient         *self,
                                           gint64               house_id,
                                           gint64               residence_id,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  g_autofree char *suffix = g_strdup_printf ("/residents/%" G_GINT64_FORMAT, residence_id);
  g_autofree char *path = wg_api_client_record_path ("houses", house_id, suffix);

  g_return_if_fail (WG_IS_API_CLIENT (self));
  _wg_api_client_call (self, wg_api_client_remove_house_resident_async, &_wg_api_call_nothing, "DELETE",
                       path, NULL, NULL, cancellable, callback, user_data);
}

gboolean
wg_api_client_remove_house_resident_finish (WgApiClient   *self,
                                            GAsyncResult  *result,
                                            GError       **error)
{
  return _wg_api_client_propagate_pointer (self, result, wg_api_client_remove_house_resident_async,
                                           error) != NULL;
}
