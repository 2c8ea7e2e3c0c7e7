/* wg-record-links.h — what a record is linked to, one click each
 *
 * "人进户、户进房、房进网格、网格进图": a house's households (with their
 * members) and residents, a household's members and house, and every
 * record's grid.  A click on a person emits ::open-person, on a house or
 * a household ::open-record, on the grid ::show-grid.  A household's
 * members and a house's residents have a remove button and an add row
 * when the user may write (::add, ::remove).
 */
#pragma once

#include <gtk/gtk.h>

#include "wg-record-item.h"

G_BEGIN_DECLS

#define WG_TYPE_RECORD_LINKS (wg_record_links_get_type ())
G_DECLARE_FINAL_TYPE (WgRecordLinks, wg_record_links, WG, RECORD_LINKS, GtkWidget)

GtkWidget  *wg_record_links_new      (void);
/* Shows the links of @item: from @chain (GET /{kind}/{id}/chain) for
 * houses and households, else its grid; @editable: add and remove. */
void        wg_record_links_set      (WgRecordLinks *self,
                                      WgRecordItem  *item,
                                      JsonObject    *chain,
                                      gboolean       editable);
void        wg_record_links_clear    (WgRecordLinks *self);
/* Activates the row of a person ("people"), a record (its kind's name)
 * or the grid ("grid"), as a click would; FALSE when there is none. */
gboolean    wg_record_links_activate (WgRecordLinks *self,
                                      const char    *kind,
                                      gint64         id);

G_END_DECLS
