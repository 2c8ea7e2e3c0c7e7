/* wg-diary-topics.h — the topics of a diary entry, as chips
 *
 * Common topics (wg_diary_topic_suggestions) are toggles; other topics
 * are typed in the entry below, split at commas, semicolons or 、, and
 * appear as toggles too (turning one off removes it).  ::changed is
 * emitted when the list changes by the user's hand.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define WG_TYPE_DIARY_TOPICS (wg_diary_topics_get_type ())
G_DECLARE_FINAL_TYPE (WgDiaryTopics, wg_diary_topics, WG, DIARY_TOPICS, GtkWidget)

GtkWidget          *wg_diary_topics_new        (void);
/* The topics in the order they were chosen; NULL-terminated. */
const char * const *wg_diary_topics_get_topics (WgDiaryTopics      *self);
void                wg_diary_topics_set_topics (WgDiaryTopics      *self,
                                                const char * const *topics);
/* Adds the topics of @text as if typed and entered. */
void                wg_diary_topics_add_text   (WgDiaryTopics      *self,
                                                const char         *text);

G_END_DECLS
