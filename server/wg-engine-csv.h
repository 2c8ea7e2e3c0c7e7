/* wg-engine-csv.h — records in and out as CSV files
 *
 * Export: every record of a list's filters (at most WG_CSV_EXPORT_MAX_ROWS)
 * as CSV with a header of wire names, people's ID numbers masked.
 *
 * Import: a CSV file whose header names fields by their wire names; each
 * row goes through the same checks as a create through the API
 * (wg_record_input_parse, or wg_person_input_parse and _check) and is
 * inserted in one transaction, each row under its own savepoint so that a
 * database refusal (a duplicate, a grid out of sight) is that row's error
 * and the others are still checked.  A dry run, or any refused row, rolls
 * everything back; only a clean real import is committed.
 *
 * Both are audited with one audit_log row (action 'export' or 'import'):
 * the kind, the row count and the filters, never an ID number.  Kinds are
 * those of wg_record_kinds(); a NULL kind is people.
 */
#pragma once

#include "wg-engine.h"
#include "wg-engine-records.h"
#include "wg-person-input.h"
#include "wg-record-kind.h"

G_BEGIN_DECLS

#define WG_CSV_EXPORT_MAX_ROWS   100000
#define WG_CSV_IMPORT_MAX_BYTES  (8 * 1024 * 1024)

/* Columns an import accepts and skips: what an export writes besides the
 * fields (and read-only fields), so that an exported file can be edited
 * and imported as new records. */
gboolean  wg_csv_column_is_skipped      (const WgRecordKind   *kind,
                                         const char           *name);

/* @filters: the query parameters to record in the audit row (a JSON
 * object, ID numbers already masked).  One of @records_query (a kind) or
 * @people_query (@kind NULL) is used. */
void      wg_engine_csv_export_async    (WgEngine             *self,
                                         const char           *token,
                                         const WgRecordKind   *kind,
                                         const WgRecordQuery  *records_query,
                                         const WgPeopleQuery  *people_query,
                                         JsonObject           *filters,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
/* The CSV text (UTF-8 with a byte-order mark); @truncated is TRUE when
 * more records matched than were written. */
GBytes   *wg_engine_csv_export_finish   (WgEngine             *self,
                                         GAsyncResult         *result,
                                         gint64               *user_id,
                                         gboolean             *truncated,
                                         GError              **error);

void      wg_engine_csv_import_async    (WgEngine             *self,
                                         const char           *token,
                                         const WgRecordKind   *kind,
                                         GBytes               *csv,
                                         gboolean              dry_run,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
/* The report {"dry_run", "rows", "accepted", "rejected": [{"row", "field",
 * "code", "message"}], "imported"}; @rejected is TRUE when a row was
 * refused.  NULL with @error when the file as a whole was refused (its
 * header, its syntax) or the call failed (403, 401). */
JsonNode *wg_engine_csv_import_finish   (WgEngine             *self,
                                         GAsyncResult         *result,
                                         gint64               *user_id,
                                         gboolean             *rejected,
                                         GError              **error);

G_END_DECLS
