/* wg-diary-date-button.h — a date chosen on a calendar in a popover
 *
 * Shows the date as YYYY-MM-DD, or its placeholder when none is set; the
 * popover has a calendar, "Today" and, when empty is allowed, "Clear".
 * The Diary page uses it for the entry's date and the list's from/to.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define WG_TYPE_DIARY_DATE_BUTTON (wg_diary_date_button_get_type ())
G_DECLARE_FINAL_TYPE (WgDiaryDateButton, wg_diary_date_button, WG, DIARY_DATE_BUTTON, GtkWidget)

GtkWidget  *wg_diary_date_button_new             (void);
/* YYYY-MM-DD, or NULL when none is chosen. */
const char *wg_diary_date_button_get_date        (WgDiaryDateButton *self);
/* @date: YYYY-MM-DD or NULL (not a date: NULL). */
void        wg_diary_date_button_set_date        (WgDiaryDateButton *self,
                                                  const char        *date);
void        wg_diary_date_button_set_placeholder (WgDiaryDateButton *self,
                                                  const char        *placeholder);
void        wg_diary_date_button_set_allow_empty (WgDiaryDateButton *self,
                                                  gboolean           allow_empty);

G_END_DECLS
