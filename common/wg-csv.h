/* wg-csv.h — comma-separated values (RFC 4180) read and written
 *
 * The import and export of records.  The reader takes a whole file held in
 * memory (an import is at most a few MiB): quoted fields with doubled
 * quotes and line breaks inside, CRLF or LF line ends, a UTF-8 byte-order
 * mark skipped (spreadsheets write one).  It refuses what it cannot read
 * faithfully rather than guess: text that is not UTF-8, a quote where none
 * may be, and files past the limits below.  Its errors are
 * WG_ERROR_INVALID_INPUT and name the row (the header is row 0, the first
 * data row is row 1, as in an import's report) and the column (from 1).
 *
 * The writer quotes a field only when it must, ends rows with CRLF, and
 * may start with a byte-order mark so that spreadsheets read UTF-8.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define WG_CSV_MAX_ROWS        20000   /* data rows, the header not counted */
#define WG_CSV_MAX_COLUMNS     64
#define WG_CSV_MAX_FIELD_BYTES 10000

/* Every row of @data, the header first, each a NULL-terminated array of
 * its fields (a GStrv).  An empty line is a row without fields (an empty
 * array), kept so that row numbers stay those of the file; the line end
 * after the last row is optional. */
GPtrArray *wg_csv_read                (const char   *data,
                                       gsize         length,
                                       GError      **error);

typedef struct _WgCsvWriter WgCsvWriter;

WgCsvWriter *wg_csv_writer_new        (gboolean      byte_order_mark);
void         wg_csv_writer_free       (WgCsvWriter  *writer);
/* Adds one field to the current row; NULL is an empty field. */
void         wg_csv_writer_add_field  (WgCsvWriter  *writer,
                                       const char   *value);
/* Ends the current row (CRLF). */
void         wg_csv_writer_end_row    (WgCsvWriter  *writer);
/* Adds a whole row of @fields (NULL-terminated) and ends it. */
void         wg_csv_writer_add_row    (WgCsvWriter  *writer,
                                       const char * const *fields);
/* How many rows were ended so far. */
guint        wg_csv_writer_get_n_rows (WgCsvWriter  *writer);
/* The text written so far; frees @writer. */
GBytes      *wg_csv_writer_free_to_bytes (WgCsvWriter *writer);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WgCsvWriter, wg_csv_writer_free)

G_END_DECLS
