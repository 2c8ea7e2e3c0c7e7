/* wg-import-rules.h — the decisions of the import dialog and the export,
 * without widgets
 *
 * @kind_name is "people" or a record kind's wire name.  Plain functions:
 * tests call them without a display.
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The translated label of @field of @kind_name; @field itself when the
 * kind has no such field; NULL for NULL. */
const char *wg_import_field_label      (const char  *kind_name,
                                        const char  *field);
/* The translated message of one refused row of a report: @entry is
 * {"row", "field", "code", "message"}, @cell the text of the refused cell
 * in the file (NULL when unknown). */
char       *wg_import_problem_message  (const char  *kind_name,
                                        JsonObject  *entry,
                                        const char  *cell);
/* The text of the cell of @field in data row @row (1-based) of @rows (as
 * wg_csv_read() gives them), or NULL. */
const char *wg_import_cell             (GPtrArray   *rows,
                                        guint        row,
                                        const char  *field);
/* "120 rows checked: every one can be imported." and the like. */
char       *wg_import_report_summary   (JsonObject  *report);
/* Whether the report of a dry run allows the import: rows and none
 * refused. */
gboolean    wg_import_report_is_clean  (JsonObject  *report);
/* A file to fill in: the header of every field an import reads (UTF-8
 * with a byte-order mark, as spreadsheets expect). */
GBytes     *wg_import_template         (const char  *kind_name);
/* The file name a template proposes: "<kind label>-template.csv". */
char       *wg_import_template_name    (const char  *kind_name);
/* The file name an export proposes: "<kind label>-<YYYY-MM-DD>.csv". */
char       *wg_export_file_name        (const char  *kind_name,
                                        GDateTime   *now);

G_END_DECLS
