/* wg-diary-entry.h — one entry of the sentiment diary (民情日志)
 *
 * An immutable snapshot of a record of the kind "diary" as the server sent
 * it (/tmp/records-api.md): the grid, the date, the author, households
 * visited, topics, the text and the follow-up flag, with the id and
 * version an update needs.  Lists hold WgRecordItem (WgRecordModel); an
 * entry reads one, and gives one back to replace a row after an edit.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "wg-record-item.h"

G_BEGIN_DECLS

#define WG_TYPE_DIARY_ENTRY (wg_diary_entry_get_type ())
G_DECLARE_FINAL_TYPE (WgDiaryEntry, wg_diary_entry, WG, DIARY_ENTRY, GObject)

WgDiaryEntry       *wg_diary_entry_new_from_json          (JsonObject    *object,
                                                           GError       **error);
WgDiaryEntry       *wg_diary_entry_new_from_item          (WgRecordItem  *item,
                                                           GError       **error);
/* A new item of the kind "diary" holding the entry's record. */
WgRecordItem       *wg_diary_entry_dup_item               (WgDiaryEntry  *self);

gint64              wg_diary_entry_get_id                 (WgDiaryEntry  *self);
gint64              wg_diary_entry_get_version            (WgDiaryEntry  *self);
const char         *wg_diary_entry_get_grid_code          (WgDiaryEntry  *self);
/* The grid's name, or its code when the server sent none. */
const char         *wg_diary_entry_get_grid_name          (WgDiaryEntry  *self);
const char         *wg_diary_entry_get_date               (WgDiaryEntry  *self);
const char         *wg_diary_entry_get_author             (WgDiaryEntry  *self);
gint64              wg_diary_entry_get_author_id          (WgDiaryEntry  *self);
/* -1 when not recorded. */
gint                wg_diary_entry_get_households_visited (WgDiaryEntry  *self);
const char * const *wg_diary_entry_get_topics             (WgDiaryEntry  *self);
const char         *wg_diary_entry_get_body               (WgDiaryEntry  *self);
gboolean            wg_diary_entry_get_follow_up          (WgDiaryEntry  *self);
const char         *wg_diary_entry_get_updated_at         (WgDiaryEntry  *self);

G_END_DECLS
