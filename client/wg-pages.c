#define G_LOG_DOMAIN "wg-pages"

#include "config.h"

#include <glib/gi18n.h>

#include "wg-pages.h"

static const struct {
  const char *title;
  const char *icon_name;
  const char *description;
} page_info[] = {
  [WG_PAGE_MAP] = {
    N_("Map"), "mark-location-symbolic",
    N_("Streets, communities and grids of your territory on the map."),
  },
  [WG_PAGE_TASKS] = {
    N_("My Tasks"), "task-due-symbolic",
    N_("Cases dispatched to your unit will appear here with their deadlines, "
       "the time left and the next step to take."),
  },
  [WG_PAGE_CASES] = {
    N_("Cases"), "folder-documents-symbolic",
    N_("Every case in your territory — reported, filed, dispatched, handled, "
       "checked and closed — will be listed here, with search and filters."),
  },
  [WG_PAGE_RECORDS] = {
    N_("Records"), "x-office-address-book-symbolic",
    N_("People, households, houses, land, city components and organizations "
       "of your territory will be kept here, each linked to its grid."),
  },
  [WG_PAGE_DIARY] = {
    N_("Diary"), "document-edit-symbolic",
    N_("Grid staff will write the daily sentiment diary here: households "
       "visited, problems heard and suggestions, each one a click away from "
       "becoming a case."),
  },
  [WG_PAGE_DASHBOARD] = {
    N_("Evaluation"), "x-office-presentation-symbolic",
    N_("Closure rate, on-time closure, rework and satisfaction of streets, "
       "communities and departments will be shown and ranked here."),
  },
  [WG_PAGE_ADMINISTRATION] = {
    N_("Administration"), "emblem-system-symbolic",
    N_("Users and roles, units, grids, the case catalog, evaluation formulas "
       "and the audit trail will be managed here."),
  },
};

G_STATIC_ASSERT (G_N_ELEMENTS (page_info) == WG_N_PAGES);

const char *
wg_page_get_title (WgPage page)
{
  g_return_val_if_fail ((guint) page < WG_N_PAGES, NULL);
  return _(page_info[page].title);
}

const char *
wg_page_get_icon_name (WgPage page)
{
  g_return_val_if_fail ((guint) page < WG_N_PAGES, NULL);
  return page_info[page].icon_name;
}

const char *
wg_page_get_description (WgPage page)
{
  g_return_val_if_fail ((guint) page < WG_N_PAGES, NULL);
  return _(page_info[page].description);
}

guint
wg_pages_for_roles (guint   role_mask,
                    WgPage *pages)
{
  guint n = 0;

  for (guint page = 0; page < WG_N_PAGES; page++)
    if (wg_roles_may_use_page (role_mask, page))
      pages[n++] = page;
  return n;
}
