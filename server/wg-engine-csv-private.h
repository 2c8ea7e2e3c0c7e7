/* wg-engine-csv-private.h — shared by wg-engine-csv*.c */
#pragma once

#include "wg-engine-csv.h"
#include "wg-engine-people-private.h"
#include "wg-engine-records-private.h"

G_BEGIN_DECLS

/* One job of an export or an import.  It starts with a PeopleJob (which
 * starts with the WgEngineJob) so that people's own helpers serve it. */
typedef struct {
  PeopleJob            people;          /* people.query: the people filters */
  const WgRecordKind  *kind;            /* NULL: people */
  WgRecordQuery       *records_query;
  JsonObject          *filters;         /* for the audit row */
  GBytes              *csv;             /* import: the file; export: the answer */
  gboolean             dry_run;
  gboolean             truncated;
  gboolean             rejected;
  JsonNode            *report;
} CsvJob;

CsvJob   *_wg_csv_job_new        (WgEngine            *self,
                                  const char          *token,
                                  const WgRecordKind  *kind);
void      _wg_csv_run            (WgEngine            *self,
                                  CsvJob              *job,
                                  WgDbJobFunc          func,
                                  gpointer             source_tag,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data);
/* Authenticates and checks the kind's (or people's) read or write
 * permission. */
gboolean  _wg_csv_authorize      (PGconn              *conn,
                                  CsvJob              *job,
                                  gboolean             write,
                                  GError             **error);
/* The table of the kind, "person" for people. */
const char *_wg_csv_table        (CsvJob              *job);
/* One audit row: @action ('import', 'export') on the job's table, in the
 * user's scope, with @changes. */
gboolean  _wg_csv_audit          (PGconn              *conn,
                                  CsvJob              *job,
                                  const char          *action,
                                  JsonObject          *changes,
                                  GError             **error);
/* The export's columns: id, the fields, created_at and updated_at (people:
 * the person's members), as static strings. */
GPtrArray *_wg_csv_columns       (const WgRecordKind  *kind);

gboolean  _wg_csv_export_job     (PGconn              *conn,
                                  gpointer             data,
                                  GError             **outcome,
                                  GError             **error);

G_END_DECLS
