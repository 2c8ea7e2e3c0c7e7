/* wg-api.h — the HTTP contract shared by client and server (DESIGN §7) */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define WG_API_PREFIX            "/api/v1"
#define WG_API_HEALTH            WG_API_PREFIX "/health"
#define WG_API_SESSION           WG_API_PREFIX "/session"
#define WG_API_REGIONS           WG_API_PREFIX "/regions"

#define WG_DEFAULT_PORT          8470
#define WG_DEFAULT_SERVER_URL    "http://127.0.0.1:8470"

/* List conventions */
#define WG_LIST_DEFAULT_LIMIT    50
#define WG_LIST_MAX_LIMIT        500

/* Input limits */
#define WG_MAX_BODY_BYTES        (1024 * 1024)
#define WG_MAX_USERNAME_CHARS    64
#define WG_MAX_PASSWORD_CHARS    256

#define WG_MEDIA_JSON            "application/json"
#define WG_MEDIA_GEOJSON         "application/geo+json"

G_END_DECLS
