#define G_LOG_DOMAIN "wg-api-client"

#include "config.h"

#include "wg-api.h"
#include "wg-api-client-private.h"
#include "wg-error.h"

/* POST, GET and DELETE /session: signing in and out. */

static WgUser *
wg_api_client_user_from_answer (JsonNode    *root,
                                const char **token,
                                GError     **error)
{
  JsonObject *object;
  JsonNode *user;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, WG_ERROR, WG_ERROR_PROTOCOL,
                           "The session answer is not an object");
      return NULL;
    }
  object = json_node_get_object (root);
  user = json_object_get_member (object, "user");
  if (user == NULL || !JSON_NODE_HOLDS_OBJECT (user))
    {
      g_set_error_literal (error, WG_ERROR, WG_ERROR_PROTOCOL,
                           "The session answer has no user");
      return NULL;
    }
  if (token != NULL)
    {
      *token = json_object_get_string_member_with_default (object, "token", NULL);
      if (*token == NULL || **token == '\0')
        {
          g_set_error_literal (error, WG_ERROR, WG_ERROR_PROTOCOL,
                               "The session answer has no token");
          return NULL;
        }
    }
  return wg_user_new_from_json (json_node_get_object (user), error);
}

/* Sign-in and GET /session answer alike; only a sign-in brings a token. */
static void
wg_api_client_session_cb (GObject      *source,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  WgApiClient *self = WG_API_CLIENT (source);
  gboolean sign_in = g_task_get_source_tag (task) == wg_api_client_login_async;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(WgUser) user = NULL;
  const char *token = NULL;

  root = wg_api_client_request_finish (self, result, &error);
  if (error == NULL)
    user = wg_api_client_user_from_answer (root, sign_in ? &token : NULL, &error);
  if (user == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  /* A GET /session answered after a sign-out does not sign in again. */
  if (sign_in || wg_api_client_get_token (self) != NULL)
    _wg_api_client_set_session (self, sign_in ? token : wg_api_client_get_token (self), user);
  g_task_return_pointer (task, g_steal_pointer (&user), g_object_unref);
}

static void
wg_api_client_logout_cb (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;

  root = wg_api_client_request_finish (WG_API_CLIENT (source), result, &error);
  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/* Public API */

void
wg_api_client_login_async (WgApiClient         *self,
                           const char          *username,
                           const char          *password,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;

  g_return_if_fail (WG_IS_API_CLIENT (self));

  task = _wg_api_client_task_new (self, wg_api_client_login_async, cancellable, callback, user_data);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "username");
  json_builder_add_string_value (builder, username != NULL ? username : "");
  json_builder_set_member_name (builder, "password");
  json_builder_add_string_value (builder, password != NULL ? password : "");
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  /* A new sign-in replaces whatever session was there. */
  _wg_api_client_set_session (self, NULL, NULL);
  wg_api_client_request_async (self, "POST", WG_API_SESSION, body, cancellable,
                               wg_api_client_session_cb, g_steal_pointer (&task));
}

WgUser *
wg_api_client_login_finish (WgApiClient   *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  return _wg_api_client_propagate_pointer (self, result, wg_api_client_login_async, error);
}

void
wg_api_client_logout_async (WgApiClient         *self,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (WG_IS_API_CLIENT (self));

  task = _wg_api_client_task_new (self, wg_api_client_logout_async, cancellable, callback, user_data);
  if (wg_api_client_get_token (self) == NULL)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  /* The message carries the token; forget it locally right away so that a
   * slow or failed answer never leaves the client half signed in. */
  wg_api_client_request_async (self, "DELETE", WG_API_SESSION, NULL, cancellable,
                               wg_api_client_logout_cb, g_steal_pointer (&task));
  _wg_api_client_set_session (self, NULL, NULL);
}

gboolean
wg_api_client_logout_finish (WgApiClient   *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == wg_api_client_logout_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
wg_api_client_get_session_async (WgApiClient         *self,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (WG_IS_API_CLIENT (self));

  task = _wg_api_client_task_new (self, wg_api_client_get_session_async, cancellable, callback, user_data);
  wg_api_client_request_async (self, "GET", WG_API_SESSION, NULL, cancellable,
                               wg_api_client_session_cb, g_steal_pointer (&task));
}

WgUser *
wg_api_client_get_session_finish (WgApiClient   *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return _wg_api_client_propagate_pointer (self, result, wg_api_client_get_session_async, error);
}
