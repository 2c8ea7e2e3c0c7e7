#define G_LOG_DOMAIN "wg-api-client"

#include "config.h"

#include <string.h>

#include "wg-api.h"
#include "wg-api-client-people.h"
#include "wg-api-client-private.h"
#include "wg-error.h"

/* /people: each call is a JSON request whose answer one function turns
 * into the result. */

typedef gpointer (*WgAnswerReader) (JsonNode  *root,
                                    GError   **error);

typedef struct {
  WgAnswerReader read;
  GDestroyNotify free_result;
} WgPeopleCall;

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
wg_api_client_read_nothing (JsonNode  *root,
                            GError   **error)
{
  return GINT_TO_POINTER (TRUE);
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

static const WgPeopleCall read_person = { wg_api_client_read_person, g_object_unref };
static const WgPeopleCall read_page = { wg_api_client_read_page, (GDestroyNotify) wg_person_page_free };
static const WgPeopleCall read_chain = { wg_api_client_read_chain, (GDestroyNotify) wg_person_chain_free };
static const WgPeopleCall read_nothing = { wg_api_client_read_nothing, NULL };
static const WgPeopleCall read_id_number = { wg_api_client_read_id_number, g_free };

static void
wg_api_client_people_cb (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  const WgPeopleCall *call = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  gpointer value;

  root = wg_api_client_request_finish (WG_API_CLIENT (source), result, &error);
  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  value = call->read (root, &error);
  if (value == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, value, call->free_result);
}

static void
wg_api_client_people_call (WgApiClient         *self,
                           gpointer             source_tag,
                           const WgPeopleCall  *call,
                           const char          *method,
                           const char          *path,
                           JsonNode            *body,
                           const char * const  *headers,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = _wg_api_client_task_new (self, source_tag, cancellable, callback, user_data);

  g_task_set_task_data (task, (gpointer) call, NULL);
  _wg_api_client_request_with_headers_async (self, method, path, body, headers, cancellable,
                                             wg_api_client_people_cb, g_steal_pointer (&task));
}

static char *
wg_api_client_person_path (gint64      id,
                           const char *suffix)
{
  return g_strdup_printf (WG_API_PEOPLE "/%" G_GINT64_FORMAT "%s", id, suffix != NULL ? suffix : "");
}

static void
wg_api_client_add_parameter (GString    *path,
                             const char *name,
                             const char *value)
{
  g_autofree char *escaped = NULL;

  if (value == NULL || *value == '\0')
    return;
  escaped = g_uri_escape_string (value, NULL, FALSE);
  g_string_append_c (path, strchr (path->str, '?') == NULL ? '?' : '&');
  g_string_append_printf (path, "%s=%s", name, escaped);
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
      wg_api_client_add_parameter (path, "region", query->region);
      wg_api_client_add_parameter (path, "status", query->status);
      wg_api_client_add_parameter (path, "tag", query->tag);
      wg_api_client_add_parameter (path, "q", query->q);
    }
  wg_api_client_add_parameter (path, "limit", limit_text);
  wg_api_client_add_parameter (path, "cursor", cursor);
  wg_api_client_add_parameter (path, "total", total ? "true" : NULL);
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
  wg_api_client_people_call (self, wg_api_client_list_people_async, &read_page, "GET", path, NULL, NULL,
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
  wg_api_client_people_call (self, wg_api_client_get_person_async, &read_person, "GET", path, NULL, NULL,
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
  wg_api_client_people_call (self, wg_api_client_create_person_async, &read_person, "POST", WG_API_PEOPLE,
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
  wg_api_client_people_call (self, wg_api_client_update_person_async, &read_person, "PATCH", path, body,
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
  wg_api_client_people_call (self, wg_api_client_delete_person_async, &read_nothing, "DELETE", path, NULL,
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
  wg_api_client_people_call (self, wg_api_client_reveal_id_number_async, &read_id_number, "POST", path,
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
  wg_api_client_people_call (self, wg_api_client_get_person_chain_async, &read_chain, "GET", path, NULL,
                             NULL, cancellable, callback, user_data);
}

WgPersonChain *
wg_api_client_get_person_chain_finish (WgApiClient   *self,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  return _wg_api_client_propagate_pointer (self, result, wg_api_client_get_person_chain_async, error);
}
