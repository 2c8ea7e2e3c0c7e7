/* wg-diary-row.h — one entry in the Diary list
 *
 * Date and grid, the author, households visited and topics, two lines of
 * the text, and a flag when it needs follow-up.  The list's builder
 * factory binds :item to the list item (a WgRecordItem of the diary).
 */
#pragma once

#include <gtk/gtk.h>

#include "wg-diary-entry.h"

G_BEGIN_DECLS

#define WG_TYPE_DIARY_ROW (wg_diary_row_get_type ())
G_DECLARE_FINAL_TYPE (WgDiaryRow, wg_diary_row, WG, DIARY_ROW, GtkWidget)

/* The entry shown, NULL when none or unreadable. */
WgDiaryEntry *wg_diary_row_get_entry (WgDiaryRow   *self);
void          wg_diary_row_set_item  (WgDiaryRow   *self,
                                      WgRecordItem *item);

G_END_DECLS
