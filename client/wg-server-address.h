/* wg-server-address.h — what the user types as the server address */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Trims @text, adds "http://" when no scheme is given and drops trailing
 * slashes.  Fails with an invalid-input error on field "server" for an
 * empty text, another scheme than http/https, or no host. */
char *wg_server_address_normalize (const char  *text,
                                   GError     **error);

G_END_DECLS
