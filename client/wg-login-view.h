/* wg-login-view.h — server address, user name, password, sign in
 *
 * Signs in through the WgApiClient it is given; on success remembers the
 * server address and user name in GSettings and emits ::signed-in.
 */
#pragma once

#include <gtk/gtk.h>

#include "wg-api-client.h"

G_BEGIN_DECLS

#define WG_TYPE_LOGIN_VIEW (wg_login_view_get_type ())
G_DECLARE_FINAL_TYPE (WgLoginView, wg_login_view, WG, LOGIN_VIEW, GtkWidget)

GtkWidget   *wg_login_view_new             (WgApiClient  *client);
/* Fills the server address and user name (NULL keeps a field as it is). */
void         wg_login_view_fill            (WgLoginView  *self,
                                            const char   *server,
                                            const char   *username);
/* Fills the fields (NULL keeps a field as it is) and signs in. */
void         wg_login_view_sign_in         (WgLoginView  *self,
                                            const char   *server,
                                            const char   *username,
                                            const char   *password);
/* Shows why the user is back here (e.g. the session expired). */
void         wg_login_view_show_error      (WgLoginView  *self,
                                            const GError *error);
/* Clears the password and any message, and focuses the first empty field. */
void         wg_login_view_reset           (WgLoginView  *self);
/* The message shown, or NULL; for tests. */
const char  *wg_login_view_get_error_text  (WgLoginView  *self);
gboolean     wg_login_view_get_busy        (WgLoginView  *self);

G_END_DECLS
