/* wg-people-model.h — the people of a filter, paged from the server
 *
 * A WgPagedModel of WgPerson over GET /people: the paging, the total and
 * the loading state are the base class's (wg-paged-model.h); this class
 * holds the filters and keeps the calls the people page has always made.
 */
#pragma once

#include "wg-api-client-people.h"
#include "wg-paged-model.h"

G_BEGIN_DECLS

#define WG_TYPE_PEOPLE_MODEL (wg_people_model_get_type ())
G_DECLARE_FINAL_TYPE (WgPeopleModel, wg_people_model, WG, PEOPLE_MODEL, WgPagedModel)

/* Rows per request. */
#define WG_PEOPLE_MODEL_PAGE_SIZE WG_PAGED_MODEL_PAGE_SIZE
/* The next page is asked for when a view reaches this close to the end. */
#define WG_PEOPLE_MODEL_PREFETCH WG_PAGED_MODEL_PREFETCH

WgPeopleModel *wg_people_model_new          (WgApiClient         *client);

/* Replaces the filters and reloads (also when they are the same). */
void           wg_people_model_set_query    (WgPeopleModel       *self,
                                             const WgPeopleQuery *query);
void           wg_people_model_reload       (WgPeopleModel       *self);
/* Stops loading and empties the model (sign-out). */
void           wg_people_model_clear        (WgPeopleModel       *self);

/* Fetches the next page unless one is on its way or none is left. */
void           wg_people_model_load_more    (WgPeopleModel       *self);

/* How many people match (-1 until the first page arrived). */
gint64         wg_people_model_get_total    (WgPeopleModel       *self);
gboolean       wg_people_model_get_loading  (WgPeopleModel       *self);
gboolean       wg_people_model_get_complete (WgPeopleModel       *self);
/* The error of the last failed load, or NULL. */
const GError  *wg_people_model_get_error    (WgPeopleModel       *self);

/* Keeps a loaded row in step with an edit: replaces the row of the same
 * id, or removes it (@person NULL). */
void           wg_people_model_update_person (WgPeopleModel      *self,
                                              gint64              id,
                                              WgPerson           *person);
/* Position of the loaded row with this id, or -1. */
gint           wg_people_model_find          (WgPeopleModel      *self,
                                              gint64              id);

G_END_DECLS
