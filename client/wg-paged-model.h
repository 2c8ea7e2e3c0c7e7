/* wg-paged-model.h — a list paged from the server, for any resource
 *
 * A GListModel that holds only the pages loaded so far (keyset pages with
 * an opaque cursor, DESIGN §7): when a view asks for an item near the
 * end, the next page is fetched and appended (items-changed).  A restart
 * empties the model and starts again; the first page asks for the total,
 * so "N found" is known without loading them.  Subclasses say how a page
 * is fetched (WgPeopleModel: /people, WgRecordModel: /{kind}).
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define WG_TYPE_PAGED_MODEL (wg_paged_model_get_type ())
G_DECLARE_DERIVABLE_TYPE (WgPagedModel, wg_paged_model, WG, PAGED_MODEL, GObject)

/* Rows per request. */
#define WG_PAGED_MODEL_PAGE_SIZE 100
/* The next page is asked for when a view reaches this close to the end. */
#define WG_PAGED_MODEL_PREFETCH 40

struct _WgPagedModelClass
{
  GObjectClass parent_class;

  /* The page after @cursor (NULL: the first, which asks for the total). */
  void       (*fetch_async)  (WgPagedModel         *self,
                              const char           *cursor,
                              guint                 limit,
                              gboolean              total,
                              GCancellable         *cancellable,
                              GAsyncReadyCallback   callback,
                              gpointer              user_data);
  /* The page's items (objects of the model's item type), the cursor of
   * the next page (NULL: the last page) and the total (-1: not given). */
  GPtrArray *(*fetch_finish) (WgPagedModel         *self,
                              GAsyncResult         *result,
                              char                **next_cursor,
                              gint64               *total,
                              GError              **error);
  /* The id that wg_paged_model_find() compares. */
  gint64     (*get_item_id)  (WgPagedModel         *self,
                              gpointer              item);
};

/* Empties the model and fetches the first page (also when nothing
 * changed): subclasses call it when their query changes. */
void          wg_paged_model_restart      (WgPagedModel *self);
/* The same without starting: nothing is fetched before a restart. */
void          wg_paged_model_reload       (WgPagedModel *self);
/* Stops loading and empties the model (sign-out) until a restart. */
void          wg_paged_model_clear        (WgPagedModel *self);
/* Fetches the next page unless one is on its way or none is left. */
void          wg_paged_model_load_more    (WgPagedModel *self);

/* How many match (-1 until the first page arrived). */
gint64        wg_paged_model_get_total    (WgPagedModel *self);
gboolean      wg_paged_model_get_loading  (WgPagedModel *self);
gboolean      wg_paged_model_get_complete (WgPagedModel *self);
/* The error of the last failed load, or NULL. */
const GError *wg_paged_model_get_error    (WgPagedModel *self);

/* Position of the loaded row with this id, or -1. */
gint          wg_paged_model_find         (WgPagedModel *self,
                                           gint64        id);
/* Keeps a loaded row in step with an edit: replaces the row of the same
 * id, or removes it (@item NULL; the total drops by one). */
void          wg_paged_model_replace      (WgPagedModel *self,
                                           gint64        id,
                                           gpointer      item);

G_END_DECLS
