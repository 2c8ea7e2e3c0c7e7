#define G_LOG_DOMAIN "wg-api-client"

#include "config.h"

#include <string.h>

#include "wg-api-client-private.h"
#include "wg-error.h"

/* The call every resource file makes: a JSON request, then one function
 * that turns the answer into the result. */

static gpointer
wg_api_client_read_nothing (JsonNode  *root,
                            GError   **error)
{
  return GINT_TO_POINTER (TRUE);
}

static gpointer
wg_api_client_read_object (JsonNode  *root,
                           GError   **error)
{
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, WG_ERROR, WG_ERROR_PROTOCOL, "The answer is not an object");
      return NULL;
    }
  return json_object_ref (json_node_get_object (root));
}

const WgApiCall _wg_api_call_nothing = { wg_api_client_read_nothing, NULL };
const WgApiCall _wg_api_call_object = { wg_api_client_read_object, (GDestroyNotify) json_object_unref };

static void
wg_api_client_call_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  const WgApiCall *call = g_task_get_task_data (task);
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

void
_wg_api_client_call (WgApiClient         *self,
                     gpointer             source_tag,
                     const WgApiCall     *call,
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
                                             wg_api_client_call_cb, g_steal_pointer (&task));
}

void
_wg_api_client_add_parameter (GString    *path,
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
