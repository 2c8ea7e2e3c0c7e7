/* wg-records-page.h — the Records page: the base records of the territory
 *
 * One sub-page per record type in an AdwViewStack; People is the first
 * (wg-people-view.h).  Other types join the switcher when they exist —
 * never as empty stubs.
 */
#pragma once

#include <gtk/gtk.h>

#include "wg-api-client.h"
#include "wg-people-view.h"

G_BEGIN_DECLS

#define WG_TYPE_RECORDS_PAGE (wg_records_page_get_type ())
G_DECLARE_FINAL_TYPE (WgRecordsPage, wg_records_page, WG, RECORDS_PAGE, GtkWidget)

/* Emits ::show-grid (code) when the user asks to see a grid on the map. */
GtkWidget    *wg_records_page_new             (WgApiClient   *client,
                                               WgUser        *user);
void          wg_records_page_set_regions     (WgRecordsPage *self,
                                               GListModel    *regions);
WgPeopleView *wg_records_page_get_people_view (WgRecordsPage *self);

G_END_DECLS
