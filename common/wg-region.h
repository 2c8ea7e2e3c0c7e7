/* wg-region.h — one node of the territory tree: district, street, community or grid */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef enum {
  WG_REGION_LEVEL_DISTRICT,     /* "district" 区 */
  WG_REGION_LEVEL_STREET,       /* "street" 街道 */
  WG_REGION_LEVEL_COMMUNITY,    /* "community" 社区 */
  WG_REGION_LEVEL_GRID,         /* "grid" 网格 */
} WgRegionLevel;

typedef enum {
  WG_GRID_TYPE_NONE,            /* not a grid */
  WG_GRID_TYPE_RESIDENTIAL,     /* "residential" 住宅 */
  WG_GRID_TYPE_COMMERCIAL,      /* "commercial" 商务商业 */
  WG_GRID_TYPE_INSTITUTIONAL,   /* "institutional" 企事业单位 */
  WG_GRID_TYPE_CROWDED,         /* "crowded" 人员密集场所 */
} WgGridType;

typedef enum {
  WG_GRID_GRADE_NONE,           /* not a grid */
  WG_GRID_GRADE_ROUTINE,        /* "routine" 日常管理 */
  WG_GRID_GRADE_GENERAL,        /* "general" 一般防范 */
  WG_GRID_GRADE_KEY,            /* "key" 重点关注 */
  WG_GRID_GRADE_COMPREHENSIVE,  /* "comprehensive" 综合治理 */
} WgGridGrade;

const char *wg_region_level_to_string   (WgRegionLevel level);
gboolean    wg_region_level_from_string (const char   *name,
                                         WgRegionLevel *level);
const char *wg_grid_type_to_string      (WgGridType    type);
gboolean    wg_grid_type_from_string    (const char   *name,
                                         WgGridType   *type);
const char *wg_grid_grade_to_string     (WgGridGrade   grade);
gboolean    wg_grid_grade_from_string   (const char   *name,
                                         WgGridGrade  *grade);

/* Checks that a region code has the right shape for its level:
 * 6 digits (district), 9 (street), 12 (community), 15 (grid). */
gboolean    wg_region_code_is_valid     (const char   *code,
                                         WgRegionLevel level);

#define WG_TYPE_REGION (wg_region_get_type ())
G_DECLARE_FINAL_TYPE (WgRegion, wg_region, WG, REGION, GObject)

/* Accepts a plain JSON item of GET /regions or a GeoJSON Feature whose
 * "properties" hold the same members; a Feature's geometry is kept. */
WgRegion      *wg_region_new_from_json   (JsonObject   *object,
                                          GError      **error);

const char    *wg_region_get_code        (WgRegion     *self);
const char    *wg_region_get_name        (WgRegion     *self);
WgRegionLevel  wg_region_get_level       (WgRegion     *self);
const char    *wg_region_get_parent_code (WgRegion     *self);
WgGridType     wg_region_get_grid_type   (WgRegion     *self);
WgGridGrade    wg_region_get_grid_grade  (WgRegion     *self);
gboolean       wg_region_get_synthetic   (WgRegion     *self);
/* The GeoJSON geometry (Polygon or MultiPolygon, WGS-84), or NULL. */
JsonNode      *wg_region_get_geometry    (WgRegion     *self);

G_END_DECLS
