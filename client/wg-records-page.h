/* wg-records-page.h — the Records page: the base records of the territory
 *
 * One sub-page per record type in an AdwViewStack: People first
 * (wg-people-view.h), then every kind of common/wg-record-kind.h the user
 * may read but the diary (its own page), each a WgRecordListView.  The
 * switcher shows names beside icons when wide, under them when narrower
 * and becomes a drop-down when even that does not fit.  A link from one
 * record to another (a house's resident, a household's house) opens it on
 * its sub-page.  The menu imports and exports the visible sub-page's
 * records.
 */
#pragma once

#include <gtk/gtk.h>

#include "wg-api-client.h"
#include "wg-people-view.h"
#include "wg-record-list-view.h"

G_BEGIN_DECLS

#define WG_TYPE_RECORDS_PAGE (wg_records_page_get_type ())
G_DECLARE_FINAL_TYPE (WgRecordsPage, wg_records_page, WG, RECORDS_PAGE, GtkWidget)

/* Emits ::show-grid (code) when the user asks to see a grid on the map. */
GtkWidget        *wg_records_page_new             (WgApiClient   *client,
                                                   WgUser        *user);
void              wg_records_page_set_regions     (WgRecordsPage *self,
                                                   GListModel    *regions);
WgPeopleView     *wg_records_page_get_people_view (WgRecordsPage *self);
/* The sub-page of a kind ("houses"), NULL when the user has none. */
WgRecordListView *wg_records_page_get_list_view   (WgRecordsPage *self,
                                                   const char    *kind);
/* Shows a sub-page: "people" or a kind's name; FALSE when there is none. */
gboolean          wg_records_page_show_kind       (WgRecordsPage *self,
                                                   const char    *kind);
/* The name of the visible sub-page ("people", "houses"…). */
const char       *wg_records_page_get_visible_kind (WgRecordsPage *self);

G_END_DECLS
