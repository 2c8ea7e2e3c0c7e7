/* wg-engine-people-private.h — shared by wg-engine-people*.c */
#pragma once

#include "wg-engine-people.h"
#include "wg-engine-private.h"
#include "wg-roles.h"

G_BEGIN_DECLS

/* The person as the API shows it, from person p (the ID number masked). */
#define WG_PERSON_JSON \
  "json_build_object('id', p.id, 'name', p.name, 'sex', p.sex, 'birth_date', p.birth_date," \
  " 'ethnicity', p.ethnicity, 'phone', p.phone, 'id_number', p.id_masked," \
  " 'residence_status', p.residence_status, 'origin_code', p.origin_code," \
  " 'nationality', p.nationality," \
  " 'grid', (SELECT json_build_object('code', g.code, 'name', g.name)" \
  "          FROM regions g WHERE g.path = p.path)," \
  " 'tags', coalesce((SELECT json_agg(json_build_object('tag', t.tag, 'from', t.from_date," \
  "                                                     'to', t.to_date) ORDER BY t.from_date, t.id)" \
  "                   FROM person_tag t WHERE t.person_id = p.id), '[]'::json)," \
  " 'household_id', (SELECT m.household_id FROM household_member m WHERE m.person_id = p.id)," \
  " 'version', p.version)"

/* One job of every people call; each uses the members it needs. */
typedef struct {
  WgEngineJob     base;
  WgProtect      *protect;     /* the engine's */
  gint64          id;
  gint64          version;
  WgPeopleQuery  *query;
  WgPersonInput  *input;
  char           *key;         /* Idempotency-Key */
  char           *reason;
  GBytes         *body;
  gboolean        replayed;
} PeopleJob;

PeopleJob *_wg_people_job_new      (WgEngine       *self,
                                    const char     *token);
void       _wg_people_run          (WgEngine       *self,
                                    PeopleJob      *job,
                                    WgDbJobFunc     func,
                                    gpointer        source_tag,
                                    GCancellable   *cancellable,
                                    GAsyncReadyCallback callback,
                                    gpointer        user_data);
/* Authenticates and checks that one of the user's roles has @permission. */
gboolean   _wg_people_authorize    (PGconn         *conn,
                                    PeopleJob      *job,
                                    WgPermission    permission,
                                    GError        **error);
/* job->body = the person @id as JSON; not-found when out of sight. */
gboolean   _wg_people_read_person  (PGconn         *conn,
                                    PeopleJob      *job,
                                    gint64          id,
                                    GError        **error);
/* Hex of @bytes, for decode($n, 'hex'). */
char      *_wg_people_hex          (const guint8   *bytes,
                                    gsize           length);
void       _wg_people_not_found    (GError        **error);
/* Runs @sql with the person @id as $1; a result without rows is not-found. */
PGresult  *_wg_people_select_person (PGconn        *conn,
                                    const char     *sql,
                                    gint64          id,
                                    GError        **error);
/* The ID number of a cipher read as encode(id_cipher, 'hex'). */
char      *_wg_people_decrypt_hex  (WgProtect      *protect,
                                    const char     *hex,
                                    GError        **error);

/* Inserts the person @input (parsed as a create) inside the caller's
 * authorized transaction, as POST /people does: the person checked as a
 * whole, the grid found in sight, the ID number encrypted and blind-indexed,
 * the tags.  A known ID number is 409 naming "id_number". */
gboolean   _wg_people_insert       (PGconn               *conn,
                                    WgProtect            *protect,
                                    const WgPersonInput  *input,
                                    gint64               *id,
                                    GError              **error);
/* Every person of the list's filters (paging aside) by id, at most
 * @max_rows + 1 (one more tells that there were more): one row each,
 * column 0 the person's JSON (the ID number masked).  A region filter
 * narrows the transaction's scope to the region. */
PGresult  *_wg_people_select_all   (PGconn               *conn,
                                    PeopleJob            *job,
                                    guint                 max_rows,
                                    GError              **error);

gboolean   _wg_people_create_job   (PGconn         *conn,
                                    gpointer        data,
                                    GError        **outcome,
                                    GError        **error);
gboolean   _wg_people_update_job   (PGconn         *conn,
                                    gpointer        data,
                                    GError        **outcome,
                                    GError        **error);
gboolean   _wg_people_delete_job   (PGconn         *conn,
                                    gpointer        data,
                                    GError        **outcome,
                                    GError        **error);

G_END_DECLS
