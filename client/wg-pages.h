/* wg-pages.h — the pages of the main window, and which a user sees
 *
 * Plain functions so that the tests can check them without a display.
 */
#pragma once

#include <glib.h>

#include "wg-roles.h"

G_BEGIN_DECLS

#define WG_N_PAGES (WG_PAGE_LAST + 1)

const char *wg_page_get_title        (WgPage  page);
const char *wg_page_get_icon_name    (WgPage  page);
/* The status page shown while the page has no content yet. */
const char *wg_page_get_description  (WgPage  page);

/* Fills @pages (room for WG_N_PAGES) with the pages @role_mask may use, in
 * sidebar order, and returns how many. */
guint       wg_pages_for_roles       (guint   role_mask,
                                      WgPage *pages);

G_END_DECLS
