/* wg-engine-records-private.h — shared by wg-engine-records*.c, and the
 * functions other engine files (CSV import and export) call inside a
 * transaction they have already authenticated and authorized */
#pragma once

#include "wg-engine-private.h"
#include "wg-engine-records.h"

G_BEGIN_DECLS

/* One job of every records call; each uses the members it needs. */
typedef struct {
  WgEngineJob          base;
  const WgRecordKind  *kind;
  gint64               id;        /* the record (chains: the house or household) */
  gint64               link_id;   /* a member's person id, a residence id */
  gint64               version;
  WgRecordQuery       *query;
  JsonObject          *input;
  char                *key;       /* Idempotency-Key */
  GBytes              *body;
  gboolean             replayed;
} RecordsJob;

/* ------------------------------------------------ for other engine files */

/* Authenticates @job's token and checks that one of the user's roles has
 * @permission (kind->read or kind->write); forbidden names the kind. */
gboolean   _wg_records_authorize    (PGconn               *conn,
                                     WgEngineJob          *job,
                                     const WgRecordKind   *kind,
                                     WgPermission          permission,
                                     GError              **error);
/* Inserts one record of @kind from @input (already through
 * wg_record_input_parse (kind, …, FALSE)): the grid from "grid", else the
 * house (households), the polygon's point on surface (land), the point.
 * @author_id is the author of kinds with one (diary), else ignored.
 * Unique violations are 409 naming the field.  Audited by the triggers. */
gboolean   _wg_records_insert       (PGconn               *conn,
                                     const WgRecordKind   *kind,
                                     JsonObject           *input,
                                     gint64                author_id,
                                     gint64               *id,
                                     GError              **error);
/* Every record of the list's filters (its paging members ignored), in the
 * list's order, at most @max_rows: one row per record, column 0 its JSON
 * text (as GET /{kind}/{id} answers it).  A region or grid filter narrows the
 * transaction's scope to it (a read-only transaction only). */
PGresult  *_wg_records_select_all   (PGconn               *conn,
                                     const WgRecordKind   *kind,
                                     const WgRecordQuery  *query,
                                     guint                 max_rows,
                                     GError              **error);

/* ------------------------------------------ within wg-engine-records*.c */

RecordsJob *_wg_records_job_new     (WgEngine             *self,
                                     const char           *token,
                                     const WgRecordKind   *kind);
void        _wg_records_run         (WgEngine             *self,
                                     RecordsJob           *job,
                                     WgDbJobFunc           func,
                                     gpointer              source_tag,
                                     GCancellable         *cancellable,
                                     GAsyncReadyCallback   callback,
                                     gpointer              user_data);
void        _wg_records_not_found   (const WgRecordKind   *kind,
                                     GError              **error);
/* job->body = the record @id of job->kind as JSON; not-found when out of
 * sight. */
gboolean    _wg_records_read        (PGconn               *conn,
                                     RecordsJob           *job,
                                     gint64                id,
                                     GError              **error);

/* SQL from the descriptors (wg-engine-records-sql.c).  @params holds the
 * text of each $n (NULL for SQL NULL); appending a value adds "$n::cast". */
const char *_wg_records_column      (const WgFieldSpec    *field);
const WgFieldSpec *_wg_records_geometry_field (const WgRecordKind *kind);
void        _wg_records_add_param   (GString              *sql,
                                     GPtrArray            *params,
                                     const char           *value,
                                     const char           *cast);
/* json_build_object(…) of the record r of @kind; without @skip (a field's
 * name, or NULL).  Its FROM clause provides the record's grid as g.grid:
 * "FROM <table> r" WG_RECORDS_GRID_JOIN for one record, or for many
 * "WITH " WG_RECORDS_GRIDS "… FROM <table> r" WG_RECORDS_GRIDS_JOIN, which
 * reads the grids once (under RLS the regions' index cannot serve a
 * condition on the record's path, so a lookup per record reads them all
 * each time). */
#define WG_RECORDS_GRID_JOIN \
  " LEFT JOIN LATERAL (SELECT json_build_object('code', x.code, 'name', x.name) AS grid" \
  " FROM regions x WHERE x.path = r.path) g ON TRUE"
#define WG_RECORDS_GRIDS \
  "grids AS MATERIALIZED (SELECT jsonb_object_agg(path::text, jsonb_build_object('code', code, 'name', name))" \
  " AS by_path FROM regions WHERE level = 'grid')"
#define WG_RECORDS_GRIDS_JOIN \
  " CROSS JOIN grids CROSS JOIN LATERAL (SELECT grids.by_path -> r.path::text AS grid) g"
void        _wg_records_append_json (GString              *sql,
                                     const WgRecordKind   *kind,
                                     const char           *skip);
/* "(SELECT <record json> FROM <table> r WHERE r.id = <id_sql>)" */
void        _wg_records_append_json_of (GString           *sql,
                                     const WgRecordKind   *kind,
                                     const char           *id_sql);
/* The SQL expression of @value for @field ("DEFAULT" for null). */
void        _wg_records_append_value (GString             *sql,
                                     GPtrArray            *params,
                                     const WgFieldSpec    *field,
                                     JsonNode             *value);
/* The filters of @query over record r as one boolean expression; the
 * grid aside (_wg_records_narrow), and the scope, which RLS applies, only
 * restated for the planner when @scope (the path _wg_records_narrow gives,
 * or NULL) is a community's or a grid's. */
void        _wg_records_append_filter (GString            *sql,
                                     GPtrArray            *params,
                                     const WgRecordQuery  *query,
                                     const char           *scope);
/* " ORDER BY …" of the kind's lists: id, or date and id descending. */
void        _wg_records_append_order (GString             *sql,
                                     const WgRecordKind   *kind);
/* Runs @sql with @params (a GPtrArray of char*). */
PGresult   *_wg_records_exec        (PGconn               *conn,
                                     GString              *sql,
                                     GPtrArray            *params,
                                     GError              **error);
/* The scope narrowed to the query's region, then to its grid filter, for
 * the rest of the transaction (a read-only one); not-found naming "region"
 * or "grid" when it is unknown or outside the scope.  *@scope: the scope's
 * path after it. */
gboolean    _wg_records_narrow      (PGconn               *conn,
                                     const WgRecordQuery  *query,
                                     char                **scope,
                                     GError              **error);

/* Grid resolution and writes (wg-engine-records-write.c). */
gboolean    _wg_records_create_job  (PGconn *conn, gpointer data, GError **outcome, GError **error);
gboolean    _wg_records_update_job  (PGconn *conn, gpointer data, GError **outcome, GError **error);
gboolean    _wg_records_delete_job  (PGconn *conn, gpointer data, GError **outcome, GError **error);
/* Chains and links (wg-engine-records-chain.c). */
gboolean    _wg_records_chain_job   (PGconn *conn, gpointer data, GError **outcome, GError **error);
gboolean    _wg_records_link_job    (PGconn *conn, gpointer data, GError **outcome, GError **error);
gboolean    _wg_records_unlink_job  (PGconn *conn, gpointer data, GError **outcome, GError **error);

G_END_DECLS
