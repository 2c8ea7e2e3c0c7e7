/* wg-import-problem.h — one refused row of an import's report, as the
 * import dialog's table shows it */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define WG_TYPE_IMPORT_PROBLEM (wg_import_problem_get_type ())
G_DECLARE_FINAL_TYPE (WgImportProblem, wg_import_problem, WG, IMPORT_PROBLEM, GObject)

/* @field: the field's label as shown (translated), or NULL for the row as
 * a whole. */
WgImportProblem *wg_import_problem_new         (guint            row,
                                                const char      *field,
                                                const char      *message);
guint            wg_import_problem_get_row     (WgImportProblem *self);
const char      *wg_import_problem_get_field   (WgImportProblem *self);
const char      *wg_import_problem_get_message (WgImportProblem *self);

G_END_DECLS
