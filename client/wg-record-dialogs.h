/* wg-record-dialogs.h — the questions the record pages ask
 *
 * Deleting a record or removing a link asks for confirmation; adding a
 * household member or a house resident asks for the person (searched by
 * name, phone or ID number) and the relation, or the kind of residence and
 * since when.  Each calls its callback only when the user goes ahead;
 * @owner is kept alive while the dialog is open.
 */
#pragma once

#include <gtk/gtk.h>

#include "wg-api-client.h"

G_BEGIN_DECLS

typedef void (*WgRecordConfirmCallback) (gpointer owner);

/* Person @person_id with @value: a relation (member) or a residence kind
 * (resident); @from_date only for a resident. */
typedef void (*WgRecordPersonCallback)  (gpointer    owner,
                                         gint64      person_id,
                                         const char *value,
                                         const char *from_date);

GtkWidget *wg_record_confirm          (GtkWidget               *parent,
                                       const char              *heading,
                                       const char              *body,
                                       const char              *go_label,
                                       WgRecordConfirmCallback  callback,
                                       gpointer                 owner);

/* @resident: FALSE asks a household member's relation, TRUE a house
 * resident's kind and start date. */
GtkWidget *wg_record_ask_person       (GtkWidget               *parent,
                                       WgApiClient             *client,
                                       gboolean                 resident,
                                       WgRecordPersonCallback   callback,
                                       gpointer                 owner);

G_END_DECLS
