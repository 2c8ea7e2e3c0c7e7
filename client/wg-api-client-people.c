#define G_LOG_DOMAIN "wg-api-client"

#include "config.h"

#include <string.h>

#include "wg-api.h"
#include "wg-api-client-people.h"
#include "wg-api-client-private.h"
#include "wg-error.h"

/* /people: each call is a JSON request whose answer one function turns
 * into the result. */

static gpointer
wg_api_client_read_person (JsonNode  *root,
                           GError   **error)
{
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, WG_ERROR, WG_ERROR_PROTOCOL, "The person answer is not an object");
      return NULL;
    }
  return wg_person_new_from_json (json_node_get_object (root), error);
}

static gpointer
wg_api_client_read_page (JsonNode  *root,
                         GError   **error)
{
  return wg_person_page_new_from_json (root, error);
}

static gpointer
wg_api_client_read_chain (JsonNode  *root,
                          GError   **error)
{
  return wg_person_chain_new_from_json (root, error);
}

static gpointer
wg_api_client_read_id_number (JsonNode  *root,
                              GError   **error)
{
  const char *number = NULL;

  if (root != NULL && JSON_NODE_HOLDS_OBJECT (root))
    number = json_object_get_string_member_with_default (json_node_get_object (root), "id_number", NULL);
  if (number == NULL)
    {
      g_set_error_literal (error, WG_ERROR, WG_ERROR_PROTOCOL, "The reveal answer has no ID number");
      return NULL;
    }
  return g_strdup (number);
}

static const WgApiCall read_person = { wg_api_client_read_person, g_object_unref };
static const WgApiCall read_page = { wg_api_client_read_page, (GDestroyNotify) wg_person_page_free };
static const WgApiCall read_chain = { wg_api_client_read_chain, (GDestroyNotify) wg_person_chain_free };
static const WgApiCall read_id_number = { wg_api_client_read_id_number, g_free };

static char *
wg_api_client_person_path (gint64      id,
                           const char *suffix)
{
  return g_strdup_printf (WG_API_PEOPLE "/%" G_GINT64_FORMAT "%s", id, suffix != NULL ? suffix : "");
}

/* Public API */

char *
wg_api_client_people_path (const WgPeopleQuery *query,
                           const char          *cursor,
                           guint                limit,
                           gboolean             total)
{
  GString *path = g_string_new (WG_API_PEOPLE);
  g_autofree char *limit_text = limit > 0 ? g_strdup_printf ("%u", limit) : NULL;

  if (query != NULL)
    {
      _wg_api_client_add_parameter (path, "region", query->region);
      _wg_api_client_add_parameter (path, "status", query->status);
      _wg_api_client_add_parameter (path, "tag", query->tag);
      _wg_api_client_add_parameter (path, "q", query->q);
      _wg_api_client_add_parameter (path, "address", query->address);
    }
  _wg_api_client_add_parameter (path, "limit", limit_text);
  _wg_api_client_add_parameter (path, "cursor", cursor);
  _wg_api_client_add_parameter (path, "total", total ? "true" : NULL);
  return g_string_free (path, FALSE);
}

void
wg_api_client_list_people_async (WgApiClient         *self,
                                 const WgPeopleQuery *query,
                                 const char          *cursor,
                                 guint                limit,
                                 gboolean             total,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (WG_IS_API_CLIENT (self));

  path = wg_api_client_people_path (query, cursor, limit, total);
  _wg_api_client_call (self, wg_api_client_list_people_async, &read_page, "GET", path, NULL, NULL,
                             cancellable, callback, user_data);
}

WgPersonPage *
wg_api_client_list_people_finish (WgApiClient   *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return _wg_api_client_propagate_pointer (self, result, wg_api_client_list_people_async, error);
}

void
wg_api_client_get_person_async (WgApiClient         *self,
                                gint64               id,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autofree char *path = wg_api_client_person_path (id, NULL);

  g_return_if_fail (WG_IS_API_CLIENT (self));
  _wg_api_client_call (self, wg_api_client_get_person_async, &read_person, "GET", path, NULL, NULL,
                             cancellable, callback, user_data);
}

WgPerson *
wg_api_client_get_person_finish (WgApiClient   *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return _wg_api_client_propagate_pointer (self, result, wg_api_client_get_person_async, error);
}

void
wg_api_client_create_person_async (WgApiClient         *self,
                                   JsonNode            *body,
                                   const char          *idempotency_key,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  const char *headers[] = { "Idempotency-Key", idempotency_key, NULL };

  g_return_if_fail (WG_IS_API_CLIENT (self));
  g_return_if_fail (body != NULL);
  _wg_api_client_call (self, wg_api_client_create_person_async, &read_person, "POST", WG_API_PEOPLE,
                             body, idempotency_key != NULL ? headers : NULL,
                             cancellable, callback, user_data);
}

WgPerson *
wg_api_client_create_person_finish (WgApiClient   *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return _wg_api_client_propagate_pointer (self, result, wg_api_client_create_person_async, error);
}

void
wg_api_client_update_person_async (WgApiClient         *self,
                                   gint64               id,
                                   gint64               version,
                                   JsonNode            *body,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autofree char *path = wg_api_client_person_path (id, NULL);
  g_autofree char *if_match = g_strdup_printf ("%" G_GINT64_FORMAT, version);
  const char *headers[] = { "If-Match", if_match, NULL };

  g_return_if_fail (WG_IS_API_CLIENT (self));
  g_return_if_fail (body != NULL);
  _wg_api_client_call (self, wg_api_client_update_person_async, &read_person, "PATCH", path, body,
                             headers, cancellable, callback, user_data);
}

WgPerson *
wg_api_client_update_person_finish (WgApiClient   *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return _wg_api_client_propagate_pointer (self, result, wg_api_client_update_person_async, error);
}

void
wg_api_client_delete_person_async (WgApiClient         *self,
                                   gint64               id,
                                   gint64               version,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autofree char *path = wg_api_client_person_path (id, NULL);
  g_autofree char *if_match = g_strdup_printf ("%" G_GINT64_FORMAT, version);
  const char *headers[] = { "If-Match", if_match, NULL };

  g_return_if_fail (WG_IS_API_CLIENT (self));
  _wg_api_client_call (self, wg_api_client_delete_person_async, &_wg_api_call_nothing, "DELETE", path, NULL,
                             headers, cancellable, callback, user_data);
}

gboolean
wg_api_client_delete_person_finish (WgApiClient   *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return _wg_api_client_propagate_pointer (self, result, wg_api_client_delete_person_async, error) != NULL;
}

void
wg_api_client_reveal_id_number_async (WgApiClient         *self,
                                      gint64               id,
                                      const char          *reason,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autofree char *path = wg_api_client_person_path (id, "/reveal");
  g_autoptr(JsonNode) body = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonObject) object = json_object_new ();

  g_return_if_fail (WG_IS_API_CLIENT (self));
  json_object_set_string_member (object, "reason", reason);
  json_node_set_object (body, object);
  _wg_api_client_call (self, wg_api_client_reveal_id_number_async, &read_id_number, "POST", path,
                             body, NULL, cancellable, callback, user_data);
}

char *
wg_api_client_reveal_id_number_finish (WgApiClient   *self,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  return _wg_api_client_propagate_pointer (self, result, wg_api_client_reveal_id_number_async, error);
}

void
wg_api_client_get_person_chain_async (WgApiClient         *self,
                                      gint64               id,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autofree char *path = wg_api_client_person_path (id, "/chain");

  g_return_if_fail (WG_IS_API_CLIENT (self));
  _wg_api_client_call (self, wg_api_client_get_person_chain_async, &read_chain, "GET", path, NULL,
                             NULL, cancellable, callback, user_data);
}

WgPersonChain *
wg_api_client_get_person_chain_finish (WgApiClient   *self,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  return _wg_api_client_propagate_pointer (self, result, wg_api_client_get_person_chain_async, error);
}
