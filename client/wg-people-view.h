/* wg-people-view.h — the People sub-page of the records
 *
 * A search field (name, phone or ID number; 300 ms after typing), filters
 * (residence status; special group; a street, community or grid of the
 * territory), the
 * number of people found, a column view over WgPeopleModel, and
 * WgPersonDetail beside it (or, when narrow, one at a time).
 */
#pragma once

#include <gtk/gtk.h>

#include "wg-api-client.h"
#include "wg-people-model.h"
#include "wg-person-detail.h"

G_BEGIN_DECLS

#define WG_TYPE_PEOPLE_VIEW (wg_people_view_get_type ())
G_DECLARE_FINAL_TYPE (WgPeopleView, wg_people_view, WG, PEOPLE_VIEW, GtkWidget)

GtkWidget      *wg_people_view_new             (void);

/* Starts loading: the client to ask, and the user whose roles decide what
 * the page allows. */
void            wg_people_view_set_session     (WgPeopleView *self,
                                                WgApiClient  *client,
                                                WgUser       *user);
/* The territory (WgRegion): fills the region filter and the grid choice. */
void            wg_people_view_set_regions     (WgPeopleView *self,
                                                GListModel   *regions);

WgPeopleModel  *wg_people_view_get_model       (WgPeopleView *self);
WgPersonDetail *wg_people_view_get_detail      (WgPeopleView *self);
GtkColumnView  *wg_people_view_get_column_view (WgPeopleView *self);
/* The text above the list ("1,234 people"). */
const char     *wg_people_view_get_count_text  (WgPeopleView *self);

/* What a user's typing and clicks do, for tests. */
void            wg_people_view_set_search_text (WgPeopleView *self,
                                                const char   *text);
/* Selects a region filter by code (NULL: the whole territory). */
gboolean        wg_people_view_set_region      (WgPeopleView *self,
                                                const char   *code);
/* Selects a special-group filter ("elderly_alone"; NULL: every group). */
gboolean        wg_people_view_set_tag         (WgPeopleView *self,
                                                const char   *tag);
void            wg_people_view_open_position   (WgPeopleView *self,
                                                guint         position);
/* The filters as the list asks for them (region, status, tag, q), for an
 * export. */
GHashTable     *wg_people_view_dup_filters     (WgPeopleView *self);
/* Opens person @id in the detail (a link from another record). */
void            wg_people_view_show_person     (WgPeopleView *self,
                                                gint64        id);

G_END_DECLS
