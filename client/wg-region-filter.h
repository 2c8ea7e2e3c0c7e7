/* wg-region-filter.h — the "street, community or grid" drop-down of the
 * record lists
 *
 * The labels are a GtkStringList whose first item means the whole
 * territory; a parallel array holds the codes (NULL first).  The list
 * indents communities and grids under their street; the button shows the
 * name alone.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Sets the model, the search expression and the factories of @dropdown;
 * @labels and @codes are filled with "All of my territory" only. */
void      wg_region_filter_init     (GtkDropDown   *dropdown,
                                     GtkStringList *labels,
                                     GPtrArray     *codes);
/* Replaces the regions (WgRegion; the district itself is left out),
 * sorted as a tree, and selects the whole territory. */
void      wg_region_filter_fill     (GtkDropDown   *dropdown,
                                     GtkStringList *labels,
                                     GPtrArray     *codes,
                                     GListModel    *regions);
/* The selected code, NULL for the whole territory. */
const char *wg_region_filter_get_selected (GtkDropDown *dropdown,
                                           GPtrArray   *codes);
/* Selects @code (NULL: the whole territory); FALSE when not there. */
gboolean  wg_region_filter_select   (GtkDropDown   *dropdown,
                                     GPtrArray     *codes,
                                     const char    *code);

G_END_DECLS
