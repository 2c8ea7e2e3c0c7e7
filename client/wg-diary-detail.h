/* wg-diary-detail.h — one diary entry shown whole
 *
 * Everyone who may read the diary sees the entry; its author may edit it
 * (::edit asks the page for the form), delete it and set or clear "needs
 * follow-up" here (PATCH with If-Match; a stale version offers to
 * reload).  Others see the flag read-only.  A flagged entry says that it
 * awaits follow-up.
 */
#pragma once

#include <gtk/gtk.h>

#include "wg-api-client.h"
#include "wg-diary-entry.h"
#include "wg-diary-rules.h"

G_BEGIN_DECLS

#define WG_TYPE_DIARY_DETAIL (wg_diary_detail_get_type ())
G_DECLARE_FINAL_TYPE (WgDiaryDetail, wg_diary_detail, WG, DIARY_DETAIL, GtkWidget)

/* Signals: ::edit (WgDiaryEntry *), ::changed (WgDiaryEntry *: as the
 * server now has it), ::deleted (gint64 id), ::back. */
GtkWidget      *wg_diary_detail_new             (void);
void            wg_diary_detail_set_session     (WgDiaryDetail *self,
                                                 WgApiClient   *client,
                                                 WgUser        *user);
void            wg_diary_detail_set_show_back   (WgDiaryDetail *self,
                                                 gboolean       show_back);
/* @entry NULL: nothing selected. */
void            wg_diary_detail_show_entry      (WgDiaryDetail *self,
                                                 WgDiaryEntry  *entry);
WgDiaryEntry   *wg_diary_detail_get_entry       (WgDiaryDetail *self);
/* What the user may do with the entry shown. */
WgDiaryActions  wg_diary_detail_get_actions     (WgDiaryDetail *self);
gboolean        wg_diary_detail_get_busy        (WgDiaryDetail *self);
const char     *wg_diary_detail_get_banner_text (WgDiaryDetail *self);
/* As the author's switch does: saves the flag. */
void            wg_diary_detail_set_follow_up   (WgDiaryDetail *self,
                                                 gboolean       follow_up);
/* Deletes the entry without asking (the delete action asks first). */
void            wg_diary_detail_delete          (WgDiaryDetail *self);

G_END_DECLS
