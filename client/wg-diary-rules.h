/* wg-diary-rules.h — what the Diary page decides, without a display
 *
 * Checking the compose form field by field with the descriptor of the
 * kind "diary" (common/wg-record-kind.c, the same rules as the server),
 * who may do what with an entry, and how an entry reads in the list.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "wg-diary-entry.h"
#include "wg-record-kind.h"

G_BEGIN_DECLS

/* The kind "diary". */
const WgRecordKind *wg_diary_kind            (void);
/* The most characters of an entry's text (the descriptor's). */
guint               wg_diary_body_max_chars  (void);

/* Topics offered as toggles, English, translated with the context
 * "diary topic"; NULL-terminated. */
extern const char * const wg_diary_topic_suggestions[];
/* A topic suggestion's label in the user's language. */
const char *wg_diary_topic_label (const char *suggestion);

/* The compose form's values as typed. */
typedef struct {
  const char         *grid;                /* a grid's code, NULL when none chosen */
  const char         *date;                /* YYYY-MM-DD */
  int                 households_visited;
  const char * const *topics;
  const char         *body;
  gboolean            follow_up;
} WgDiaryDraft;

/* Checks every field (the date also not after @today, YYYY-MM-DD) and
 * answers the body of a POST or PATCH, or NULL when a field is wrong:
 * then @messages (wire field name → translated message, owned strings)
 * holds one message per wrong field. */
JsonObject *wg_diary_draft_validate (const WgDiaryDraft *draft,
                                     const char         *today,
                                     GHashTable         *messages);

/* Splits typed topics at commas, semicolons and 、 (either width),
 * trimmed, without empty or repeated ones. */
GStrv       wg_diary_split_topics   (const char         *text);

typedef enum {
  WG_DIARY_ACTION_WRITE = 1 << 0,    /* write a new entry */
  WG_DIARY_ACTION_EDIT = 1 << 1,     /* change the text and fields */
  WG_DIARY_ACTION_DELETE = 1 << 2,
  WG_DIARY_ACTION_FLAG = 1 << 3,     /* set or clear "needs follow-up" */
} WgDiaryActions;

/* What a user (@user_id, @role_mask) may do; with @entry, what with it:
 * only its author changes it (the server's kind->author_only). */
WgDiaryActions wg_diary_actions       (WgDiaryEntry  *entry,
                                       gint64         user_id,
                                       guint          role_mask);

/* Today in local time, YYYY-MM-DD. */
char       *wg_diary_today            (void);
/* @date as the list shows it: "Today", "Yesterday" or the date itself. */
char       *wg_diary_format_date      (const char         *date,
                                       const char         *today);
/* The text on one line, cut after about two lines of the list. */
char       *wg_diary_excerpt          (const char         *body);
/* Topics joined with the list separator of the language. */
char       *wg_diary_join_topics      (const char * const *topics);
/* "1,234 / 5,000": the characters typed and the most allowed. */
char       *wg_diary_counter_text     (guint               chars);

/* The wire name of the form's field that @error names, or NULL. */
const char *wg_diary_error_field      (const GError       *error);
/* A translated sentence for a failed request about an entry. */
char       *wg_diary_error_message    (const GError       *error);

G_END_DECLS
