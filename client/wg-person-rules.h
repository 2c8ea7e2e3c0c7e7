/* wg-person-rules.h — the decisions of the people records, without widgets
 *
 * What the labels say, what a role may do, which form values are
 * acceptable and with which message, what body a form sends, and on which
 * field a server error belongs.  Plain functions: tests call them without a
 * display.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "wg-person.h"

G_BEGIN_DECLS

/* Translated labels of wire values; unknown values come back as given. */
const char *wg_person_sex_label        (const char *sex);
const char *wg_person_status_label     (const char *residence_status);
const char *wg_person_relation_label   (const char *relation);
const char *wg_person_tag_label        (const char *tag);

/* The wire values, in the order the form's drop-downs show them. */
extern const char * const wg_person_sexes[];
extern const char * const wg_person_statuses[];
/* A household member's relations to the head, head first. */
extern const char * const wg_person_relations[];
/* The special groups (person_tag.tag), in the filter's order. */
extern const char * const wg_person_tags[];
#define WG_PERSON_N_SEXES    2
#define WG_PERSON_N_STATUSES 3

typedef enum {
  WG_PERSON_PERMISSION_READ,
  WG_PERSON_PERMISSION_WRITE,
  WG_PERSON_PERMISSION_REVEAL_ID_NUMBER,
} WgPersonPermission;

/* wg_roles_may() for the people records (read: admin, dispatcher, street,
 * community, grid; write: admin, street, community, grid; reveal: admin,
 * street, community).  The server decides; the client only hides what
 * would fail. */
gboolean    wg_person_may              (guint               role_mask,
                                        WgPersonPermission  permission);

/* What the detail pane allows right now. */
typedef struct {
  guint role_mask;
  gboolean has_person;       /* an existing person is shown (not a new one) */
  gboolean has_id_number;    /* that person has a (masked) ID number */
  gboolean editing_new;      /* the form holds a new person */
  gboolean changed;          /* the form differs from what was loaded */
  gboolean busy;             /* a request is under way */
} WgPersonFormState;

typedef enum {
  WG_PERSON_ACTION_EDIT = 1 << 0,    /* fields are editable */
  WG_PERSON_ACTION_SAVE = 1 << 1,
  WG_PERSON_ACTION_DELETE = 1 << 2,
  WG_PERSON_ACTION_REVEAL = 1 << 3,
  WG_PERSON_ACTION_NEW = 1 << 4,
  WG_PERSON_ACTION_RELOAD = 1 << 5,
} WgPersonActions;

WgPersonActions wg_person_form_actions (const WgPersonFormState *state);

/* The form's values as typed (trimmed by the caller or not; empty strings
 * mean "none").  id_number is the number typed; leave it empty to keep the
 * one on record. */
typedef struct {
  const char *name;
  const char *sex;
  const char *birth_date;
  const char *ethnicity;
  const char *phone;
  const char *id_number;
  const char *residence_status;
  const char *origin_code;
  const char *nationality;
  const char *grid;
} WgPersonDraft;

/* Fills @messages (field name → translated message) with every problem of
 * @draft; @is_new: a new person (some fields are required then); @today may
 * be NULL.  Returns TRUE when there is none. */
gboolean    wg_person_draft_validate   (const WgPersonDraft *draft,
                                        gboolean             is_new,
                                        const GDate         *today,
                                        GHashTable          *messages);

/* The body of POST /people (@original NULL) or of PATCH /people/{id}: only
 * what differs from @original, null for an optional field cleared.  Returns
 * NULL for a PATCH with nothing to change. */
JsonNode   *wg_person_draft_to_json    (const WgPersonDraft *draft,
                                        WgPerson            *original);

/* The form field a server error is about ("id_number"), or NULL when it
 * belongs to no field of the form and goes to the page instead. */
const char *wg_person_error_field      (const GError        *error);
/* The translated message for @error shown on its field or on the page. */
char       *wg_person_error_message    (const GError        *error);

/* A reveal needs a reason of 4 to 500 characters (spaces around do not
 * count). */
gboolean    wg_person_reveal_reason_ok (const char          *reason);

/* How long a revealed ID number stays visible. */
#define WG_PERSON_REVEAL_SECONDS 30

G_END_DECLS
