/* test-server-people-private.h — helpers shared by the /people tests */
#pragma once

#include "test-server.h"

/* The first grid of 多福巷社区 (the community and grid demo accounts).
 *
 * The template database may hold seeded people: the tests' people have
 * rare names, birth years 1900-1909 (no seeded ID number can be theirs)
 * and the tests count only their own rows. */
#define GRID_1 "110101001001001"

char *
people_make_id_number (const char *birth,
                       guint sequence,
                       gboolean male);

WgTestResponse *
people_request (Fixture *fixture,
                const char *method,
                const char *path,
                const char *token,
                const char *body,
                const char * const *headers);

char *
people_admin_text (Fixture *fixture,
                   const char *sql);

char *
people_first_grid (Fixture *fixture,
                   const char *path);

char *
people_person_body (const char *name,
                    const char *grid,
                    const char *id_number,
                    const char *phone);

JsonObject *
people_create_person (Fixture *fixture,
                      const char *token,
                      const char *body,
                      JsonNode **root);

gint64
people_create_simple (Fixture *fixture,
                      const char *token,
                      const char *name,
                      const char *grid,
                      const char *id_number,
                      const char *phone);

void
people_assert_status (Fixture *fixture,
                      const char *method,
                      const char *path,
                      const char *token,
                      const char *body,
                      const char * const *headers,
                      guint status);

void
people_assert_field_error (Fixture *fixture,
                           const char *method,
                           const char *path,
                           const char *token,
                           const char *body,
                           const char * const *headers,
                           guint status,
                           const char *code,
                           const char *field);

GArray *
people_list_ids (Fixture *fixture,
                 const char *path,
                 const char *token);

gboolean
people_ids_contain (GArray *ids,
                    gint64 id);

char *
people_person_path (gint64 id,
                    const char *suffix);

void
test_people_reveal (Fixture *fixture,
                    gconstpointer data);

void
test_people_chain (Fixture *fixture,
                   gconstpointer data);

void
test_people_nothing_in_clear (Fixture *fixture,
                              gconstpointer data);

void
test_people_key_file_required (void);

