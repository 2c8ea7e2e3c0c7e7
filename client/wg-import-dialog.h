/* wg-import-dialog.h — import records from a CSV file
 *
 * The user chooses a file (or drops one on the dialog); the dialog has the server check every row (a
 * dry run) and shows what it refused in a table (row, field, problem);
 * only when nothing is refused may the user import, in one transaction.
 * Emits ::imported with the number of records written.
 */
#pragma once

#include <adwaita.h>

#include "wg-api-client.h"

G_BEGIN_DECLS

#define WG_TYPE_IMPORT_DIALOG (wg_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (WgImportDialog, wg_import_dialog, WG, IMPORT_DIALOG, AdwWindow)

/* @kind_name: "people" or a record kind's wire name; @kind_label: its
 * translated label, for the title. */
GtkWidget *wg_import_dialog_new       (GtkWindow    *parent,
                                       WgApiClient  *client,
                                       const char   *kind_name,
                                       const char   *kind_label);

/* Checks @csv as if chosen from a file called @file_name (tests). */
void       wg_import_dialog_check     (WgImportDialog *self,
                                       const char     *file_name,
                                       GBytes         *csv);

/* What the dialog shows: "choose", "busy", "report" or "result". */
const char *wg_import_dialog_get_page     (WgImportDialog *self);
/* The refused rows of the last check (WgImportProblem). */
GListModel *wg_import_dialog_get_problems (WgImportDialog *self);

G_END_DECLS
