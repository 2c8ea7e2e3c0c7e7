/* wg-window.h — the main window: sign-in, then the pages the user may use */
#pragma once

#include <adwaita.h>

#include "wg-api-client.h"
#include "wg-login-view.h"
#include "wg-roles.h"

G_BEGIN_DECLS

#define WG_TYPE_WINDOW (wg_window_get_type ())
G_DECLARE_FINAL_TYPE (WgWindow, wg_window, WG, WINDOW, AdwApplicationWindow)

WgWindow    *wg_window_new                (GtkApplication *application);

WgApiClient *wg_window_get_client         (WgWindow       *self);
WgLoginView *wg_window_get_login_view     (WgWindow       *self);
gboolean     wg_window_get_signed_in      (WgWindow       *self);
/* The territory fetched after sign-in (GListModel of WgRegion), or NULL
 * until it arrived; "regions" notifies. */
GListModel  *wg_window_get_regions        (WgWindow       *self);
/* The Map page, or NULL when not signed in or not allowed. */
GtkWidget   *wg_window_get_map_page       (WgWindow       *self);
/* The Records page (wg-records-page.h), or NULL when the user has none. */
GtkWidget   *wg_window_get_records_page   (WgWindow       *self);
/* The Diary page (WgDiaryPage), NULL when the user's roles lack it. */
GtkWidget   *wg_window_get_diary_page     (WgWindow       *self);
/* The pages in the sidebar, in order; returns how many (≤ WG_PAGE_LAST + 1). */
guint        wg_window_get_pages          (WgWindow       *self,
                                           WgPage         *pages);
gboolean     wg_window_show_page          (WgWindow       *self,
                                           WgPage          page);
/* The page shown, or -1 when not signed in. */
int          wg_window_get_visible_page   (WgWindow       *self);
/* Whether the size is saved to GSettings on close (not for screenshots). */
void         wg_window_set_remember_size  (WgWindow       *self,
                                           gboolean        remember_size);

G_END_DECLS
