/* wg-records-export.h — save the records of a list as a CSV file
 *
 * Asks where to save (proposing "<label>-<date>.csv"), downloads every
 * record the list's @filters match (the server's export: at most 100,000,
 * ID numbers masked) and writes the file; the outcome is a toast on
 * @parent's AdwToastOverlay, or a message dialog when it has none.
 */
#pragma once

#include <gtk/gtk.h>

#include "wg-api-client.h"

G_BEGIN_DECLS

/* @kind_name: "people" or a record kind's wire name; @filters: the list's
 * query parameters (region, q, …), or NULL. */
void wg_records_export (GtkWindow   *parent,
                        WgApiClient *client,
                        const char  *kind_name,
                        GHashTable  *filters);

G_END_DECLS
