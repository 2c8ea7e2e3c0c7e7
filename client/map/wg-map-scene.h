/* wg-map-scene.h — the territory prepared for drawing: every region's
 * rings projected once (normalised Mercator, optionally shifted to
 * GCJ-02), its bounding box, a label anchor, and the attributes the map
 * shows.  A scene is immutable once built and reference counted, so tile
 * workers can read it from other threads. */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "wg-map-geo.h"
#include "wg-region.h"

G_BEGIN_DECLS

typedef struct {
  char *code;
  char *name;
  char *parent_code;
  WgRegionLevel level;
  WgGridType grid_type;
  WgGridGrade grid_grade;
  gboolean synthetic;

  guint n_rings;
  guint *offsets;       /* n_rings + 1 entries */
  double *xy;           /* projected x, y pairs */
  WgMapBox box;
  double label_x, label_y;
} WgMapShape;

/* Parses a GeoJSON Polygon or MultiPolygon (WGS-84) into projected rings;
 * with @gcj02 each vertex is shifted to GCJ-02 first. */
gboolean  wg_map_shape_set_geometry   (WgMapShape  *shape,
                                       JsonNode    *geometry,
                                       gboolean     gcj02,
                                       GError     **error);
gboolean  wg_map_shape_contains       (const WgMapShape *shape,
                                       double            x,
                                       double            y);

typedef struct _WgMapScene WgMapScene;

/* @regions: a GListModel of WgRegion.  Regions without usable geometry
 * are kept (the tree lists them) but not drawn. */
WgMapScene       *wg_map_scene_new              (GListModel *regions,
                                                 gboolean    gcj02);
WgMapScene       *wg_map_scene_ref              (WgMapScene *self);
void              wg_map_scene_unref            (WgMapScene *self);
/* Shapes in drawing order: grids, communities, streets, district. */
guint             wg_map_scene_get_n_shapes     (WgMapScene *self);
const WgMapShape *wg_map_scene_get_shape        (WgMapScene *self,
                                                 guint       index);
const WgMapShape *wg_map_scene_lookup           (WgMapScene *self,
                                                 const char *code);
/* The box of all drawn shapes (empty when none). */
const WgMapBox   *wg_map_scene_get_box          (WgMapScene *self);
/* The innermost shape of @level at a projected point, or NULL. */
const WgMapShape *wg_map_scene_hit_test         (WgMapScene   *self,
                                                 WgRegionLevel level,
                                                 double        x,
                                                 double        y);
gboolean          wg_map_scene_get_gcj02        (WgMapScene *self);
/* The outermost level with geometry (the district for a district user,
 * a street for a street user…); WG_REGION_LEVEL_GRID when empty. */
WgRegionLevel     wg_map_scene_get_top_level    (WgMapScene *self);
/* Whether any region's geometry is synthetic (the map says so). */
gboolean          wg_map_scene_get_synthetic    (WgMapScene *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WgMapScene, wg_map_scene_unref)

G_END_DECLS
