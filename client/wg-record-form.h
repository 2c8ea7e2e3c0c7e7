/* wg-record-form.h — the fields of a record as a form
 *
 * An AdwPreferencesGroup of rows built from a kind's fields: entry rows
 * for text, phones, codes, dates, numbers, points and lists; combo rows for
 * choices and the grid; a switch for booleans; read-only rows for what the
 * server sets and for an existing outline.  Each editable row is checked
 * with wg_record_field_from_text() as the user types and shows its
 * message beneath it.
 */
#pragma once

#include <adwaita.h>

#include "wg-record-item.h"

G_BEGIN_DECLS

#define WG_TYPE_RECORD_FORM (wg_record_form_get_type ())
G_DECLARE_FINAL_TYPE (WgRecordForm, wg_record_form, WG, RECORD_FORM, AdwPreferencesGroup)

GtkWidget  *wg_record_form_new               (void);
/* Builds the rows; once. */
void        wg_record_form_set_kind          (WgRecordForm       *self,
                                              const WgRecordKind *kind);
/* The territory (WgRegion): its grids are the grid row's choices. */
void        wg_record_form_set_regions       (WgRecordForm       *self,
                                              GListModel         *regions);
/* Fills the rows from @item, or empties them for a new record (@item
 * NULL) in @grid_code if given; clears every message. */
void        wg_record_form_fill              (WgRecordForm       *self,
                                              WgRecordItem       *item,
                                              const char         *grid_code);
void        wg_record_form_set_editable      (WgRecordForm       *self,
                                              gboolean            editable);

/* Whether the rows differ from what was filled. */
gboolean    wg_record_form_get_changed       (WgRecordForm       *self);
/* Checks every row and shows their messages; TRUE when all are fine. */
gboolean    wg_record_form_validate          (WgRecordForm       *self);
/* The body of a create (every value given) or of an update (what
 * differs from the item filled, null for a cleared field); NULL when a
 * row is not valid (its message shown) or, for an update, nothing
 * changed.  Call wg_record_form_validate() first. */
JsonObject *wg_record_form_dup_body          (WgRecordForm       *self);

/* The message on @field's row (NULL: none); set one (the server's). */
const char *wg_record_form_get_message       (WgRecordForm       *self,
                                              const char         *field);
/* FALSE when the form has no row for @field. */
gboolean    wg_record_form_set_message       (WgRecordForm       *self,
                                              const char         *field,
                                              const char         *message);
/* Typing into a row: the wire value of a choice, the code of a grid,
 * "true"/"false" for a switch. */
gboolean    wg_record_form_set_field_text    (WgRecordForm       *self,
                                              const char         *field,
                                              const char         *text);
/* Moves the focus to @field's row. */
void        wg_record_form_focus_field       (WgRecordForm       *self,
                                              const char         *field);

G_END_DECLS
