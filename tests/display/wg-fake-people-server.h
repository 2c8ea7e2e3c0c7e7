/* wg-fake-people-server.h — an in-process SoupServer that plays the
 * people API (/tmp/people-api.md) with generated people, for the client's
 * tests that must not wait for the real server: session, regions (one
 * street, one community, three grids, as GeoJSON), people list with keyset
 * cursor and total, get, create (Idempotency-Key), update (If-Match, 409,
 * 428), delete, reveal and chain.  It records what the client sent. */
#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

typedef struct {
  SoupServer *server;
  char *url;
  GPtrArray *people;          /* FakePerson, by id */
  GHashTable *idempotency;    /* key → id */
  guint n_list_requests;
  guint n_creates;
  char *last_if_match;
  char *last_reason;
  char *last_list_query;      /* the query string of the last list */
  char *roles;                /* of the user that signs in: "street" */
} WgFakePeopleServer;

#define WG_FAKE_GRID_1 "110101001001001"
#define WG_FAKE_GRID_2 "110101001001002"
#define WG_FAKE_COMMUNITY "110101001001"
#define WG_FAKE_STREET "110101001"

WgFakePeopleServer *wg_fake_people_server_new   (guint               n_people);
void                wg_fake_people_server_free  (WgFakePeopleServer *self);
/* The full ID number of person @id (for checks of reveal). */
const char         *wg_fake_people_server_id_number (WgFakePeopleServer *self,
                                                     gint64              id);
/* Changes a person behind the client's back (version + 1). */
void                wg_fake_people_server_touch (WgFakePeopleServer *self,
                                                 gint64              id);
/* Deletes a person behind the client's back. */
void                wg_fake_people_server_remove (WgFakePeopleServer *self,
                                                  gint64              id);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WgFakePeopleServer, wg_fake_people_server_free)

G_END_DECLS
