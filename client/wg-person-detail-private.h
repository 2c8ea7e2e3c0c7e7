/* wg-person-detail-private.h — WgPersonDetail, shared by wg-person-detail.c
 * (the widget, requests, actions) and wg-person-detail-form.c (reading,
 * filling and marking the form's fields). */
#pragma once

#include <adwaita.h>

#include "wg-person-chain-group.h"
#include "wg-person-detail.h"
#include "wg-person-rules.h"

G_BEGIN_DECLS

typedef enum {
  FIELD_NAME,
  FIELD_SEX,
  FIELD_BIRTH_DATE,
  FIELD_ETHNICITY,
  FIELD_PHONE,
  FIELD_RESIDENCE_STATUS,
  FIELD_ORIGIN_CODE,
  FIELD_NATIONALITY,
  FIELD_GRID,
  FIELD_ID_NUMBER,
  N_FIELDS
} Field;

/* The wire names of the fields, by Field. */
extern const char * const _wg_person_detail_field_names[N_FIELDS];

struct _WgPersonDetail
{
  GtkWidget parent_instance;

  WgApiClient *client;
  guint role_mask;
  GCancellable *cancellable;     /* of the request on its way */
  WgPerson *person;              /* as loaded; NULL for a new one */
  gboolean editing_new;
  gboolean changed;
  gboolean tried_save;           /* validate as the user types from now on */
  gboolean filling;
  char *idempotency_key;         /* of the new person's submission */
  char *revealed;                /* the full ID number while shown */
  guint reveal_source;
  GPtrArray *grid_codes;         /* parallel to the grid drop-down */
  GtkStringList *grid_names;

  GtkWidget *box;
  GtkWidget *back_button;
  GtkWidget *actions_box;
  GtkSpinner *spinner;
  GtkStack *stack;
  AdwStatusPage *empty_page;
  GtkScrolledWindow *scrolled;
  GtkLabel *title_label;
  GtkLabel *subtitle_label;
  GtkRevealer *banner;
  GtkLabel *banner_label;
  GtkWidget *banner_button;
  AdwPreferencesGroup *id_group;
  WgPersonChainGroup *chain_group;
  AdwActionRow *id_number_row;
  AdwActionRow *tags_row;
  GtkWidget *id_number_entry;
  GtkWidget *rows[N_FIELDS];
  GtkWidget *message_rows[N_FIELDS];
  GtkLabel *messages[N_FIELDS];
};


/* The form's values as typed, and the strings they point to. */
typedef struct {
  WgPersonDraft draft;
  GPtrArray *owned;
} WgPersonDraftHolder;

void  _wg_person_draft_holder_clear     (WgPersonDraftHolder *holder);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (WgPersonDraftHolder, _wg_person_draft_holder_clear)

/* The field of a wire name ("id_number"), or N_FIELDS. */
Field _wg_person_detail_field_from_name (const char          *name);
void  _wg_person_detail_read            (WgPersonDetail      *self,
                                         WgPersonDraftHolder *holder);
/* Fills the fields from @person, or empties them for a new person in
 * @grid_code; no ::changed reaction while it runs. */
void  _wg_person_detail_fill_form       (WgPersonDetail      *self,
                                         WgPerson            *person,
                                         const char          *grid_code);
/* @message NULL: the field is fine. */
void  _wg_person_detail_set_message     (WgPersonDetail      *self,
                                         Field                field,
                                         const char          *message);
/* @messages: field name → message, as wg_person_draft_validate() fills it. */
void  _wg_person_detail_show_messages   (WgPersonDetail      *self,
                                         GHashTable          *messages);

G_END_DECLS
