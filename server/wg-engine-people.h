/* wg-engine-people.h — people: list and search, read, create, update,
 * delete, reveal of the ID number, the chain person → household → house →
 * grid
 *
 * Every call authenticates the token and runs in one transaction with the
 * user's scope set, so row-level security decides what exists; the role
 * decides what may be done (wg_roles_may).  Answers are JSON text built by
 * the database.  ID numbers are encrypted and blind-indexed here with the
 * engine's WgProtect and never leave it in clear but through reveal.
 */
#pragma once

#include "wg-engine.h"
#include "wg-person-input.h"
#include "wg-protect.h"

G_BEGIN_DECLS

/* Takes @protect; the people calls need it for ID numbers. */
void      wg_engine_set_protect          (WgEngine             *self,
                                          WgProtect            *protect);

/* {"items": […], "next_cursor": …, "total"?: N} */
void      wg_engine_people_list_async    (WgEngine             *self,
                                          const char           *token,
                                          const WgPeopleQuery  *query,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
/* The person; 404 when absent or outside the scope. */
void      wg_engine_person_get_async     (WgEngine             *self,
                                          const char           *token,
                                          gint64                id,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
/* @idempotency_key may be NULL; a key already used by this user gives the
 * person it created (see wg_engine_people_finish's @replayed). */
void      wg_engine_person_create_async  (WgEngine             *self,
                                          const char           *token,
                                          const WgPersonInput  *input,
                                          const char           *idempotency_key,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
/* @version: the If-Match of the request; stale is WG_ERROR_CONFLICT. */
void      wg_engine_person_update_async  (WgEngine             *self,
                                          const char           *token,
                                          gint64                id,
                                          gint64                version,
                                          const WgPersonInput  *patch,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
/* Answers an empty body. */
void      wg_engine_person_delete_async  (WgEngine             *self,
                                          const char           *token,
                                          gint64                id,
                                          gint64                version,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
/* {"id_number": "…"}; audited with @reason, never with the number. */
void      wg_engine_person_reveal_async  (WgEngine             *self,
                                          const char           *token,
                                          gint64                id,
                                          const char           *reason,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
/* {"person", "household", "house", "grid"} */
void      wg_engine_person_chain_async   (WgEngine             *self,
                                          const char           *token,
                                          gint64                id,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);

/* The answer of any of the calls above: the JSON body (empty for delete),
 * or NULL with @error.  @id is the person's id (for Location), @replayed
 * TRUE when an Idempotency-Key gave an earlier result. */
GBytes   *wg_engine_people_finish        (WgEngine             *self,
                                          GAsyncResult         *result,
                                          gint64               *user_id,
                                          gint64               *id,
                                          gboolean             *replayed,
                                          GError              **error);

G_END_DECLS
