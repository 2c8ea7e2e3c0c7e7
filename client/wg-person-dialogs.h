/* wg-person-dialogs.h — the questions the people records ask
 *
 * Revealing an ID number asks a reason (4 to 500 characters; the reveal
 * button stays off until then); deleting a person asks for confirmation.
 * Each calls @callback with the reason (or NULL for a deletion) only when
 * the user goes ahead; @owner is kept alive while the dialog is open.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef void (*WgPersonDialogCallback) (gpointer    owner,
                                        const char *reason);

GtkWidget *wg_person_ask_reveal_reason (GtkWidget              *parent,
                                        const char             *name,
                                        WgPersonDialogCallback  callback,
                                        gpointer                owner);
GtkWidget *wg_person_confirm_delete    (GtkWidget              *parent,
                                        const char             *name,
                                        WgPersonDialogCallback  callback,
                                        gpointer                owner);

G_END_DECLS
