/* wg-engine.h — the business rules and SQL of wangge-server, without HTTP
 *
 * Each call runs as one job of the database pool (one transaction on a
 * worker thread, password hashing included) and completes in the caller's
 * main context.  Calls that act for a signed-in user take the session token
 * and check it in the same transaction; every *_finish reports the user id
 * it acted for (0 when none) so that the transport can log it.
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "wg-db-pool.h"

G_BEGIN_DECLS

typedef struct {
  guint session_idle_minutes;
  guint session_absolute_hours;
  guint login_max_failures;
  guint login_window_minutes;
} WgEngineSettings;

/* The filters of GET /regions, already validated. */
typedef struct {
  char     *level;        /* NULL: every level */
  char     *parent;       /* NULL: any parent */
  char     *after_code;   /* decoded cursor, NULL for the first page */
  guint     limit;
  gboolean  geojson;      /* a FeatureCollection of every match, not paged */
} WgRegionQuery;

void           wg_region_query_free  (WgRegionQuery *query);
/* Reads level, parent, limit, cursor and format from decoded query
 * parameters (NULL for none); a bad value is WG_ERROR_INVALID_INPUT naming
 * the parameter. */
WgRegionQuery *wg_region_query_parse (GHashTable    *params,
                                      gboolean       prefer_geojson,
                                      GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WgRegionQuery, wg_region_query_free)

#define WG_TYPE_ENGINE (wg_engine_get_type ())
G_DECLARE_FINAL_TYPE (WgEngine, wg_engine, WG, ENGINE, GObject)

WgEngine   *wg_engine_new                  (WgDbPool               *pool,
                                            const WgEngineSettings *settings);

/* {"status":"ok","database":"ok","schema_version":N,...} */
void        wg_engine_health_async         (WgEngine             *self,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
JsonNode   *wg_engine_health_finish        (WgEngine             *self,
                                            GAsyncResult         *result,
                                            GError              **error);

/* {"token","expires_at","user"}; when throttled, WG_ERROR_TOO_MANY_REQUESTS
 * and @retry_after in seconds.  @address is only recorded with failures. */
void        wg_engine_login_async          (WgEngine             *self,
                                            const char           *username,
                                            const char           *password,
                                            const char           *address,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
JsonNode   *wg_engine_login_finish         (WgEngine             *self,
                                            GAsyncResult         *result,
                                            gint64               *user_id,
                                            guint                *retry_after,
                                            GError              **error);

/* {"user","expires_at"} for a valid token */
void        wg_engine_session_get_async    (WgEngine             *self,
                                            const char           *token,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
JsonNode   *wg_engine_session_get_finish   (WgEngine             *self,
                                            GAsyncResult         *result,
                                            gint64               *user_id,
                                            GError              **error);

/* Revokes the session of @token (also an expired one). */
void        wg_engine_logout_async         (WgEngine             *self,
                                            const char           *token,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
gboolean    wg_engine_logout_finish        (WgEngine             *self,
                                            GAsyncResult         *result,
                                            gint64               *user_id,
                                            GError              **error);

/* The JSON page or GeoJSON FeatureCollection, as UTF-8 text built by the
 * database, for the regions in the user's scope. */
void        wg_engine_regions_async        (WgEngine             *self,
                                            const char           *token,
                                            const WgRegionQuery  *query,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
GBytes     *wg_engine_regions_finish       (WgEngine             *self,
                                            GAsyncResult         *result,
                                            gint64               *user_id,
                                            GError              **error);

G_END_DECLS
