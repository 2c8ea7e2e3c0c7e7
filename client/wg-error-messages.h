/* wg-error-messages.h — what the user reads when something fails
 *
 * The server's messages are English and meant for logs; the client
 * translates by error code (and field), never by message text.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A translated sentence for @error, or NULL for G_IO_ERROR_CANCELLED,
 * which the user never needs to see. */
char       *wg_error_get_user_message  (const GError *error);

/* The translated label of an input field named in an error ("username"),
 * or NULL when the field is unknown to the client. */
const char *wg_error_get_field_label   (const char   *field);

/* TRUE when @error means the user has to sign in again. */
gboolean    wg_error_ends_session      (const GError *error);

G_END_DECLS
