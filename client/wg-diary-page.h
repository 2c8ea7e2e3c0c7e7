/* wg-diary-page.h — the Diary page (民情日志)
 *
 * The entries of the user's grids, newest first, filtered by grid, date
 * range, "only mine" and "only follow-up" (a WgRecordModel of the kind
 * "diary", newest first as the server sends it); the entry
 * chosen shown whole (wg-diary-detail.h); writing today's entry or editing
 * one's own (wg-diary-form.h).  The grids come from GET
 * /regions?level=grid.  List and detail side by side, one at a time when
 * narrow (AdwLeaflet).
 */
#pragma once

#include <gtk/gtk.h>

#include "wg-api-client.h"
#include "wg-diary-detail.h"
#include "wg-diary-form.h"
#include "wg-record-model.h"

G_BEGIN_DECLS

#define WG_TYPE_DIARY_PAGE (wg_diary_page_get_type ())
G_DECLARE_FINAL_TYPE (WgDiaryPage, wg_diary_page, WG, DIARY_PAGE, GtkWidget)

GtkWidget     *wg_diary_page_new            (WgApiClient *client,
                                             WgUser      *user);

WgRecordModel *wg_diary_page_get_model      (WgDiaryPage *self);
WgDiaryDetail *wg_diary_page_get_detail     (WgDiaryPage *self);
WgDiaryForm   *wg_diary_page_get_form       (WgDiaryPage *self);
/* The grids in the user's scope (WgRegion), NULL until loaded. */
GListModel    *wg_diary_page_get_grids      (WgDiaryPage *self);
const char    *wg_diary_page_get_count_text (WgDiaryPage *self);
/* "list", "empty" or "error". */
const char    *wg_diary_page_get_list_state (WgDiaryPage *self);
/* TRUE when the form, not the entry, is in the right pane. */
gboolean       wg_diary_page_get_writing    (WgDiaryPage *self);

/* What the filters and buttons do. */
void           wg_diary_page_write          (WgDiaryPage *self);
void           wg_diary_page_open_position  (WgDiaryPage *self,
                                             guint        position);
/* @grid NULL: all of my grids; FALSE when it is not one of them. */
gboolean       wg_diary_page_set_grid       (WgDiaryPage *self,
                                             const char  *grid);
void           wg_diary_page_set_dates      (WgDiaryPage *self,
                                             const char  *from,
                                             const char  *to);
void           wg_diary_page_set_only_mine  (WgDiaryPage *self,
                                             gboolean     mine);
void           wg_diary_page_set_only_follow_up (WgDiaryPage *self,
                                                 gboolean     follow_up);

G_END_DECLS
