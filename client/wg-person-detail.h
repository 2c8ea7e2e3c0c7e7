/* wg-person-detail.h — one person of the records: the form and the chain
 *
 * Shows a person's fields in a form with validation messages on the
 * fields (common/wg-validate.h through wg-person-rules.h, and the server's
 * field errors), saves with If-Match (a stale version offers to reload),
 * deletes after a confirmation, creates a new person with an
 * Idempotency-Key, reveals the ID number for 30 seconds after asking a
 * reason, and lists the chain: household members (one click opens them),
 * the house, and the grid (one click emits ::show-grid).
 */
#pragma once

#include <gtk/gtk.h>

#include "wg-api-client.h"
#include "wg-person.h"

G_BEGIN_DECLS

#define WG_TYPE_PERSON_DETAIL (wg_person_detail_get_type ())
G_DECLARE_FINAL_TYPE (WgPersonDetail, wg_person_detail, WG, PERSON_DETAIL, GtkWidget)

GtkWidget  *wg_person_detail_new             (void);

void        wg_person_detail_set_client      (WgPersonDetail *self,
                                              WgApiClient    *client);
/* What the user may do (WgRole mask). */
void        wg_person_detail_set_role_mask   (WgPersonDetail *self,
                                              guint           role_mask);
/* The territory (WgRegion); its grids fill the grid drop-down. */
void        wg_person_detail_set_regions     (WgPersonDetail *self,
                                              GListModel     *regions);
void        wg_person_detail_set_show_back   (WgPersonDetail *self,
                                              gboolean        show_back);

/* Loads person @id with the chain and shows it. */
void        wg_person_detail_show_person     (WgPersonDetail *self,
                                              gint64          id);
/* An empty form for a new person, in @grid_code if given. */
void        wg_person_detail_show_new        (WgPersonDetail *self,
                                              const char     *grid_code);
void        wg_person_detail_clear           (WgPersonDetail *self);

/* The id of the person shown (0: none or a new one). */
gint64      wg_person_detail_get_person_id   (WgPersonDetail *self);
gboolean    wg_person_detail_get_busy        (WgPersonDetail *self);
/* The message shown on a field ("id_number"), or NULL. */
const char *wg_person_detail_get_field_message (WgPersonDetail *self,
                                                const char     *field);
/* The page-level message (a stale version, a failed load), or NULL. */
const char *wg_person_detail_get_banner_text (WgPersonDetail *self);
/* The ID number as shown: masked, or the full number while revealed. */
const char *wg_person_detail_get_shown_id_number (WgPersonDetail *self);

/* For tests: what typing and the form's buttons do.  For "sex",
 * "residence_status" and "grid" @text is the wire value or code. */
void        wg_person_detail_set_field_text  (WgPersonDetail *self,
                                              const char     *field,
                                              const char     *text);
void        wg_person_detail_save            (WgPersonDetail *self);
/* Reveals with @reason without the dialog (the dialog calls this). */
void        wg_person_detail_reveal          (WgPersonDetail *self,
                                              const char     *reason);
/* Activates the chain row of household member @id or the grid row
 * (@id 0), as a click would. */
gboolean    wg_person_detail_activate_chain  (WgPersonDetail *self,
                                              gint64          member_id);

/* Scrolls down to the household, house and grid. */
void        wg_person_detail_scroll_to_chain (WgPersonDetail *self);

G_END_DECLS
