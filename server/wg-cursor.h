/* wg-cursor.h — the opaque cursors of the API's lists, and their pages
 *
 * A cursor is the keyset position of a page's last row (a region's code, a
 * record's id, a date and an id) as text in URL-safe base64 without
 * padding: opaque to clients, and checked again when it comes back.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char   *wg_cursor_encode    (const char *text);
/* The text of @cursor, at most @max_chars long; NULL when @cursor is not a
 * cursor or holds more. */
char   *wg_cursor_decode    (const char *cursor,
                             gsize       max_chars);
/* {"items":@items,"next_cursor":"@cursor" or null[,"total":@total]};
 * @items is a JSON array's text, @cursor and @total may be NULL. */
GBytes *wg_cursor_page_body (const char *items,
                             const char *cursor,
                             const char *total);

G_END_DECLS
