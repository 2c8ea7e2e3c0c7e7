/* wg-record-item.h — one record of a kind (common/wg-record-kind.h) as
 * the server sent it, for list models and forms
 *
 * Immutable: an edit replaces the item.
 */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "wg-record-kind.h"

G_BEGIN_DECLS

#define WG_TYPE_RECORD_ITEM (wg_record_item_get_type ())
G_DECLARE_FINAL_TYPE (WgRecordItem, wg_record_item, WG, RECORD_ITEM, GObject)

/* NULL with an error when @object has no id (a protocol error). */
WgRecordItem       *wg_record_item_new          (const WgRecordKind  *kind,
                                                 JsonObject          *object,
                                                 GError             **error);

const WgRecordKind *wg_record_item_get_kind     (WgRecordItem        *self);
JsonObject         *wg_record_item_get_object   (WgRecordItem        *self);
gint64              wg_record_item_get_id       (WgRecordItem        *self);
gint64              wg_record_item_get_version  (WgRecordItem        *self);
/* The value of field @name, or NULL when absent. */
JsonNode           *wg_record_item_get_value    (WgRecordItem        *self,
                                                 const char          *name);
/* "grid": {"code", "name"} of the record; NULL when absent. */
const char         *wg_record_item_get_grid_code (WgRecordItem       *self);
const char         *wg_record_item_get_grid_name (WgRecordItem       *self);
/* What names the record (its title field's text, or "#id"). */
char               *wg_record_item_dup_title    (WgRecordItem        *self);

G_END_DECLS
