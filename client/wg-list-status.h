/* wg-list-status.h — the state of a list paged from the server, shown
 *
 * Above a list: the number found (or "Searching…") and a spinner; in its
 * place: the list, an empty page, or an error page saying what failed.
 * The people and the record kinds' lists share it.
 */
#pragma once

#include <adwaita.h>

#include "wg-paged-model.h"

G_BEGIN_DECLS

/* @stack has the pages "list", "empty" and "error" (@error_page). */
typedef struct {
  GtkLabel      *count_label;
  GtkSpinner    *spinner;
  GtkStack      *stack;
  AdwStatusPage *error_page;
} WgListStatus;

/* Shows @model's state; @count_text (taken) is what the count label says
 * once the total is known, NULL before.  Answers the label's text. */
char *wg_list_status_show (const WgListStatus *status,
                           WgPagedModel       *model,
                           char               *count_text);

G_END_DECLS
