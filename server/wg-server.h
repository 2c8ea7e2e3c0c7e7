/* wg-server.h — the HTTP side of wangge-server: listening, routing, request
 * body limits, the request log and graceful shutdown */
#pragma once

#include <gio/gio.h>

#include "wg-config.h"
#include "wg-engine.h"

G_BEGIN_DECLS

#define WG_TYPE_SERVER (wg_server_get_type ())
G_DECLARE_FINAL_TYPE (WgServer, wg_server, WG, SERVER, GObject)

WgServer *wg_server_new              (const WgConfig  *config,
                                      WgEngine        *engine);
/* Listens on the configured address and port (port 0: any free one). */
gboolean  wg_server_listen           (WgServer        *self,
                                      GError         **error);
guint     wg_server_get_port         (WgServer        *self);
/* Stops accepting connections; requests under way go on, and their
 * connections close once answered. */
void      wg_server_stop_accepting   (WgServer        *self);
/* Requests started and not yet answered. */
guint     wg_server_get_in_flight    (WgServer        *self);
/* Closes every remaining connection. */
void      wg_server_disconnect       (WgServer        *self);

G_END_DECLS
