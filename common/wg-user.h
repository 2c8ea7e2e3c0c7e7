/* wg-user.h — the signed-in user as the session call returns it */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define WG_TYPE_USER (wg_user_get_type ())
G_DECLARE_FINAL_TYPE (WgUser, wg_user, WG, USER, GObject)

/* {"id": 3, "username": "street", "display_name": "…", "roles": ["street"],
 *  "scope": "110101.001", "unit": {"code": "…", "name": "…"}} */
WgUser      *wg_user_new_from_json     (JsonObject  *object,
                                        GError     **error);
WgUser      *wg_user_new               (gint64              id,
                                        const char         *username,
                                        const char         *display_name,
                                        const char * const *roles,
                                        const char         *scope,
                                        const char         *unit_code,
                                        const char         *unit_name);
JsonNode    *wg_user_to_json           (WgUser      *self);

gint64       wg_user_get_id            (WgUser      *self);
const char  *wg_user_get_username      (WgUser      *self);
const char  *wg_user_get_display_name  (WgUser      *self);
const char * const *wg_user_get_roles  (WgUser      *self);
guint        wg_user_get_role_mask     (WgUser      *self);
const char  *wg_user_get_scope         (WgUser      *self);
const char  *wg_user_get_unit_code     (WgUser      *self);
const char  *wg_user_get_unit_name     (WgUser      *self);

G_END_DECLS
