/* wg-record-list-view.h — the sub-page of one record kind
 *
 * Built from the kind (common/wg-record-kind.h): a search field (when the
 * kind has a search), a drop-down per filter field and the region filter,
 * the number found, a column view of the list fields over WgRecordModel,
 * and WgRecordDetail beside it (or, when narrow, one at a time).
 */
#pragma once

#include <gtk/gtk.h>

#include "wg-api-client.h"
#include "wg-record-detail.h"
#include "wg-record-model.h"

G_BEGIN_DECLS

#define WG_TYPE_RECORD_LIST_VIEW (wg_record_list_view_get_type ())
G_DECLARE_FINAL_TYPE (WgRecordListView, wg_record_list_view, WG, RECORD_LIST_VIEW, GtkWidget)

GtkWidget          *wg_record_list_view_new             (const WgRecordKind *kind);
const WgRecordKind *wg_record_list_view_get_kind        (WgRecordListView   *self);

/* Starts loading: the client to ask, the user whose roles decide what the
 * page allows. */
void                wg_record_list_view_set_session     (WgRecordListView   *self,
                                                         WgApiClient        *client,
                                                         WgUser             *user);
/* The territory (WgRegion): the region filter and the grid row. */
void                wg_record_list_view_set_regions     (WgRecordListView   *self,
                                                         GListModel         *regions);

WgRecordModel      *wg_record_list_view_get_model       (WgRecordListView   *self);
WgRecordDetail     *wg_record_list_view_get_detail      (WgRecordListView   *self);
GtkColumnView      *wg_record_list_view_get_column_view (WgRecordListView   *self);
/* The text above the list ("1,234 houses"). */
const char         *wg_record_list_view_get_count_text  (WgRecordListView   *self);
/* The filters as the list asks for them (field → value), for an export. */
GHashTable         *wg_record_list_view_dup_filters     (WgRecordListView   *self);

/* What a user's typing and clicks do, for tests and links. */
void                wg_record_list_view_set_search_text (WgRecordListView   *self,
                                                         const char         *text);
/* Selects a filter's value (NULL: all); FALSE when there is no such. */
gboolean            wg_record_list_view_set_filter      (WgRecordListView   *self,
                                                         const char         *field,
                                                         const char         *value);
gboolean            wg_record_list_view_set_region      (WgRecordListView   *self,
                                                         const char         *code);
void                wg_record_list_view_open_position   (WgRecordListView   *self,
                                                         guint               position);
/* Opens record @id in the detail (a link from another record). */
void                wg_record_list_view_show_record     (WgRecordListView   *self,
                                                         gint64              id);

G_END_DECLS
