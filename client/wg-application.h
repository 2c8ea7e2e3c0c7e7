/* wg-application.h — the Wangge client application (org.wangge.Wangge)
 *
 * wangge [--server URL] [--username NAME] [--screenshot FILE] [--window-size WxH]
 * With a user name and WANGGE_PASSWORD in the environment it signs in by
 * itself (the password never goes on the command line).  --screenshot signs
 * in, waits until the map is drawn, saves the window as PNG and quits.
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define WG_TYPE_APPLICATION (wg_application_get_type ())
G_DECLARE_FINAL_TYPE (WgApplication, wg_application, WG, APPLICATION, AdwApplication)

WgApplication *wg_application_new              (void);
/* Non-zero when --screenshot did not get a drawn map in time. */
int            wg_application_get_exit_status  (WgApplication *self);

/* Binds the gettext domain; WANGGE_LOCALEDIR overrides the installed
 * locale folder to run from the build tree. */
void           wg_i18n_init                    (void);

G_END_DECLS
