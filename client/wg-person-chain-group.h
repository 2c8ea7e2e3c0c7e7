/* wg-person-chain-group.h — what a person is linked to, one click each
 *
 * "人进户、户进房、房进网格、网格进图": the household's members (a click
 * emits ::open-person), the house, and the grid with its community and
 * street (a click emits ::show-grid).
 */
#pragma once

#include <adwaita.h>

#include "wg-person.h"

G_BEGIN_DECLS

#define WG_TYPE_PERSON_CHAIN_GROUP (wg_person_chain_group_get_type ())
G_DECLARE_FINAL_TYPE (WgPersonChainGroup, wg_person_chain_group, WG, PERSON_CHAIN_GROUP, AdwPreferencesGroup)

GtkWidget     *wg_person_chain_group_new       (void);
/* Shows @chain (taken); the row of the person shown has no link. */
void           wg_person_chain_group_set_chain (WgPersonChainGroup *self,
                                                WgPersonChain      *chain);
void           wg_person_chain_group_clear     (WgPersonChainGroup *self);
WgPersonChain *wg_person_chain_group_get_chain (WgPersonChainGroup *self);
/* Activates the row of household member @member_id, or the grid's row
 * (@member_id 0), as a click would.  FALSE when there is no such row. */
gboolean       wg_person_chain_group_activate  (WgPersonChainGroup *self,
                                                gint64              member_id);

G_END_DECLS
