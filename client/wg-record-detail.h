/* wg-record-detail.h — one record of a kind: the form and its links
 *
 * Rows built from the kind's fields (common/wg-record-kind.h): entries for
 * text, phones, codes, dates, numbers and points, combo rows for choices
 * and the grid, a switch for booleans, a summary of an outline.  Each row
 * is checked as the user types with common's wg_record_field_parse() and
 * shows its message; the server's field errors land on their rows.  Saves
 * with If-Match (a stale version offers to reload), deletes after a
 * confirmation, creates with an Idempotency-Key.  Links, one click each:
 * a house's households and residents, a household's members and house
 * (::open-person, ::open-record), every record's grid (::show-grid); a
 * household's members and a house's residents are added and removed here.
 */
#pragma once

#include <gtk/gtk.h>

#include "wg-api-client.h"
#include "wg-record-item.h"

G_BEGIN_DECLS

#define WG_TYPE_RECORD_DETAIL (wg_record_detail_get_type ())
G_DECLARE_FINAL_TYPE (WgRecordDetail, wg_record_detail, WG, RECORD_DETAIL, GtkWidget)

GtkWidget          *wg_record_detail_new               (void);

/* The kind builds the rows; set once, before anything is shown. */
void                wg_record_detail_set_kind          (WgRecordDetail     *self,
                                                        const WgRecordKind *kind);
const WgRecordKind *wg_record_detail_get_kind          (WgRecordDetail     *self);
void                wg_record_detail_set_client        (WgRecordDetail     *self,
                                                        WgApiClient        *client);
/* What the user may do (WgRole mask). */
void                wg_record_detail_set_role_mask     (WgRecordDetail     *self,
                                                        guint               role_mask);
/* The territory (WgRegion); its grids fill the grid row. */
void                wg_record_detail_set_regions       (WgRecordDetail     *self,
                                                        GListModel         *regions);
void                wg_record_detail_set_show_back     (WgRecordDetail     *self,
                                                        gboolean            show_back);

/* Loads record @id (and its chain for houses and households). */
void                wg_record_detail_show_record       (WgRecordDetail     *self,
                                                        gint64              id);
/* An empty form for a new record, in @grid_code if given. */
void                wg_record_detail_show_new          (WgRecordDetail     *self,
                                                        const char         *grid_code);
void                wg_record_detail_clear             (WgRecordDetail     *self);

/* The record shown (NULL: none or a new one). */
WgRecordItem       *wg_record_detail_get_item          (WgRecordDetail     *self);
gint64              wg_record_detail_get_record_id     (WgRecordDetail     *self);
gboolean            wg_record_detail_get_busy          (WgRecordDetail     *self);
/* The message shown on a field's row, or NULL. */
const char         *wg_record_detail_get_field_message (WgRecordDetail     *self,
                                                        const char         *field);
/* The page-level message (a stale version, a failed load), or NULL. */
const char         *wg_record_detail_get_banner_text   (WgRecordDetail     *self);
/* The chain as the server sent it (houses, households), or NULL. */
JsonObject         *wg_record_detail_get_chain         (WgRecordDetail     *self);

/* For tests: what typing does (@text is the wire value of a choice or
 * the code of a grid, "true"/"false" for a boolean). */
void                wg_record_detail_set_field_text    (WgRecordDetail     *self,
                                                        const char         *field,
                                                        const char         *text);
void                wg_record_detail_save              (WgRecordDetail     *self);
/* Activates the link row of a person (@kind "people"), a record (@kind
 * its name) or the grid (@kind "grid", @id 0), as a click would. */
gboolean            wg_record_detail_activate_link     (WgRecordDetail     *self,
                                                        const char         *kind,
                                                        gint64              id);

/* What the "Add a Member…" or "Add a Resident…" row does: asks for the
 * person (the dialog, or NULL when nothing may be added). */
GtkWidget          *wg_record_detail_ask_link          (WgRecordDetail     *self);
/* What the add dialog and a remove button do once the user has chosen:
 * adds person @person_id to the household shown (@value: the relation)
 * or to the house shown (@value: owner, tenant or resident, since
 * @from_date); removes a member (@link_id: the person's id) or a
 * residence (@link_id: the residence's id).  The links follow. */
void                wg_record_detail_add_link          (WgRecordDetail     *self,
                                                        gint64              person_id,
                                                        const char         *value,
                                                        const char         *from_date);
void                wg_record_detail_remove_link       (WgRecordDetail     *self,
                                                        gint64              link_id);
/* Scrolls down to the links (the chain and the grid). */
void                wg_record_detail_scroll_to_links   (WgRecordDetail     *self);

G_END_DECLS
