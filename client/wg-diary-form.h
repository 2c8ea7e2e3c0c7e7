/* wg-diary-form.h — writing or editing a diary entry
 *
 * A new entry starts today, in the grid given (or the user's only grid);
 * each field is checked as the server will check it (wg-diary-rules.h) and
 * a wrong one is marked with its message.  Saving a new entry sends one
 * Idempotency-Key per submission, so that a retry after no answer never
 * creates two; an edit sends If-Match, and a stale version offers to
 * reload.
 */
#pragma once

#include <gtk/gtk.h>

#include "wg-api-client.h"
#include "wg-diary-entry.h"

G_BEGIN_DECLS

#define WG_TYPE_DIARY_FORM (wg_diary_form_get_type ())
G_DECLARE_FINAL_TYPE (WgDiaryForm, wg_diary_form, WG, DIARY_FORM, GtkWidget)

/* Signals: ::saved (WgDiaryEntry *entry, gboolean created),
 * ::cancelled, ::back (the back button of the folded layout). */
GtkWidget    *wg_diary_form_new               (void);
void          wg_diary_form_set_session       (WgDiaryForm  *self,
                                               WgApiClient  *client,
                                               WgUser       *user);
/* The grids one may write about: a GListModel of WgRegion. */
void          wg_diary_form_set_grids         (WgDiaryForm  *self,
                                               GListModel   *grids);
void          wg_diary_form_set_show_back     (WgDiaryForm  *self,
                                               gboolean      show_back);

/* An empty entry for today in @grid (NULL: the only grid, if one). */
void          wg_diary_form_show_new          (WgDiaryForm  *self,
                                               const char   *grid);
void          wg_diary_form_show_edit         (WgDiaryForm  *self,
                                               WgDiaryEntry *entry);
void          wg_diary_form_save              (WgDiaryForm  *self);
/* A message above the form (NULL: none), e.g. that the grids are missing. */
void          wg_diary_form_show_message      (WgDiaryForm  *self,
                                               const char   *message);

gboolean      wg_diary_form_get_busy          (WgDiaryForm  *self);
/* TRUE while a new entry has been typed into and neither saved nor
 * cancelled: the page shows it again instead of an empty one. */
gboolean      wg_diary_form_has_draft         (WgDiaryForm  *self);
/* The entry being edited; NULL for a new one. */
WgDiaryEntry *wg_diary_form_get_entry         (WgDiaryForm  *self);
/* The message shown on a field (wire name), or NULL. */
const char   *wg_diary_form_get_field_message (WgDiaryForm  *self,
                                               const char   *field);
const char   *wg_diary_form_get_banner_text   (WgDiaryForm  *self);
/* The grid chosen (its code) and the date, NULL when none. */
const char   *wg_diary_form_get_grid          (WgDiaryForm  *self);
const char   *wg_diary_form_get_date          (WgDiaryForm  *self);
/* As if typed: "grid" (a code), "entry_date", "households_visited",
 * "topics" (added as typed), "body", "follow_up" ("true"/"false"). */
void          wg_diary_form_set_field_text    (WgDiaryForm  *self,
                                               const char   *field,
                                               const char   *text);

G_END_DECLS
