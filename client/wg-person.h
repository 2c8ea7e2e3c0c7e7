/* wg-person.h — a person of the records as GET /people answers it
 *
 * The ID number is always the masked form (110101********1234); the full
 * number only ever comes from the reveal call and is never kept here.
 * Also the plain structures of a list page and of a person's chain
 * (household, house, grid), see /api/v1/people in the API notes.
 */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define WG_TYPE_PERSON (wg_person_get_type ())
G_DECLARE_FINAL_TYPE (WgPerson, wg_person, WG, PERSON, GObject)

WgPerson   *wg_person_new_from_json        (JsonObject  *object,
                                            GError     **error);

gint64      wg_person_get_id               (WgPerson    *self);
gint64      wg_person_get_version          (WgPerson    *self);
const char *wg_person_get_name             (WgPerson    *self);
/* "male" or "female" */
const char *wg_person_get_sex              (WgPerson    *self);
const char *wg_person_get_birth_date       (WgPerson    *self);
const char *wg_person_get_ethnicity        (WgPerson    *self);
const char *wg_person_get_phone            (WgPerson    *self);
/* masked, or NULL */
const char *wg_person_get_id_number        (WgPerson    *self);
/* "registered", "floating" or "foreign" */
const char *wg_person_get_residence_status (WgPerson    *self);
const char *wg_person_get_origin_code      (WgPerson    *self);
const char *wg_person_get_nationality      (WgPerson    *self);
const char *wg_person_get_grid_code        (WgPerson    *self);
const char *wg_person_get_grid_name        (WgPerson    *self);
gint64      wg_person_get_household_id     (WgPerson    *self);
/* The special-group tags ("elderly_alone", …) in force. */
const char * const *wg_person_get_tags     (WgPerson    *self);

/* One page of GET /people. */
typedef struct {
  GPtrArray *items;        /* WgPerson */
  char *next_cursor;       /* NULL on the last page */
  gint64 total;            /* -1 unless asked for */
} WgPersonPage;

WgPersonPage *wg_person_page_new_from_json (JsonNode    *root,
                                            GError     **error);
void          wg_person_page_free          (WgPersonPage *page);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WgPersonPage, wg_person_page_free)

typedef struct {
  gint64 id;
  char *name;
  char *relation;
} WgChainMember;

/* GET /people/{id}/chain: what the person is linked to. */
typedef struct {
  WgPerson *person;
  gint64 household_id;     /* 0: none */
  char *household_kind;
  GArray *members;         /* WgChainMember; empty without a household */
  gint64 house_id;         /* 0: none */
  char *house_address;
  char *grid_code;
  char *grid_name;
  char *community_name;
  char *street_name;
} WgPersonChain;

WgPersonChain *wg_person_chain_new_from_json (JsonNode     *root,
                                              GError      **error);
void           wg_person_chain_free          (WgPersonChain *chain);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WgPersonChain, wg_person_chain_free)

G_END_DECLS
