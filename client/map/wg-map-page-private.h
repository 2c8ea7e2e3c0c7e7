/* wg-map-page-private.h — shared by wg-map-page.c, wg-map-page-view.c and
 * wg-map-page-tree.c, and read by the tests. */
#pragma once

#include <adwaita.h>
#include <shumate/shumate.h>

#include "wg-map-grid-panel.h"
#include "wg-map-label-layer.h"
#include "wg-map-overlay-source.h"
#include "wg-map-page.h"
#include "wg-map-scene.h"
#include "wg-map-selection-layer.h"

G_BEGIN_DECLS

typedef enum {
  WG_MAP_SELECT_FROM_API,
  WG_MAP_SELECT_FROM_TREE,
  WG_MAP_SELECT_FROM_MAP,
} WgMapSelectSource;

struct _WgMapPage
{
  GtkWidget parent_instance;

  /* template */
  AdwFlap *flap;
  GtkSearchEntry *search_entry;
  GtkStack *tree_stack;
  GtkListView *tree_view;
  ShumateMap *map;
  GtkToggleButton *tree_button;
  GtkWidget *zoom_box;
  GtkWidget *legend;
  GtkWidget *notice_box;
  GtkLabel *notice_label;
  GtkLabel *attribution_label;
  GtkRevealer *panel_revealer;
  GtkWidget *loading_spinner;
  WgMapGridPanel *grid_panel;

  GSettings *settings;
  char *tile_url;
  gboolean tile_gcj02;

  GListModel *regions;
  WgMapScene *scene;
  WgMapOverlaySource *reference;
  ShumateMapLayer *base_layer;
  WgMapOverlaySource *overlay_source;
  ShumateMapLayer *overlay_layer;
  WgMapSelectionLayer *selection_layer;
  WgMapLabelLayer *label_layer;
  char *selected_code;
  char *hovered_code;

  /* tree */
  GHashTable *children;         /* parent code → GListStore of WgRegion */
  GListStore *roots;
  GtkTreeListModel *tree_model;
  GtkFilterListModel *search_model;
  GtkTreeListModel *search_tree;  /* flat: the search results */
  GtkCustomFilter *search_filter;
  GtkSingleSelection *tree_selection;
  gboolean searching;
  gboolean syncing_tree;

  /* drawn */
  gboolean fit_pending;
  gboolean auto_fit;            /* refit on resize until the user moves */
  int fitted_width, fitted_height;
  gboolean drawn;
  guint drawn_ready;            /* settled frames so far */
  guint drawn_tick_id;
};

/* wg-map-page-tree.c */
void              _wg_map_page_tree_init        (WgMapPage   *self);
void              _wg_map_page_tree_set_regions (WgMapPage   *self);
/* Expands the ancestors of @code, selects its row and scrolls to it. */
void              _wg_map_page_tree_reveal      (WgMapPage   *self,
                                                 const char  *code);
void              _wg_map_page_tree_dispose     (WgMapPage   *self);
void              wg_map_page_search_entry_search_changed_cb (WgMapPage *self);

/* wg-map-page-view.c */
gboolean          _wg_map_page_uses_tiles       (WgMapPage   *self);
/* Reports not drawn until the overlay has painted every tile it asked for. */
void              _wg_map_page_wait_for_drawn   (WgMapPage   *self);
void              _wg_map_page_update_base_layer     (WgMapPage *self);
/* A new overlay source (new id) for a new scene or scale factor. */
void              _wg_map_page_replace_overlay_layer (WgMapPage *self);
void              _wg_map_page_fit_territory    (WgMapPage   *self,
                                                 gboolean     animate);
void              _wg_map_page_fit_selection    (WgMapPage        *self,
                                                 const WgMapShape *shape);
/* Fits the whole territory once the map has a size, if a fit is pending. */
void              _wg_map_page_fit_territory_when_allocated (WgMapPage *self);

/* wg-map-page.c */
void              _wg_map_page_select           (WgMapPage        *self,
                                                 const char       *code,
                                                 WgMapSelectSource source);
void              _wg_map_page_set_drawn        (WgMapPage   *self,
                                                 gboolean     drawn);

/* for tests */
ShumateMap       *_wg_map_page_get_map          (WgMapPage   *self);
WgMapGridPanel   *_wg_map_page_get_grid_panel   (WgMapPage   *self);
gboolean          _wg_map_page_get_panel_shown  (WgMapPage   *self);
WgMapOverlaySource *_wg_map_page_get_overlay_source (WgMapPage *self);
WgMapLabelLayer  *_wg_map_page_get_label_layer  (WgMapPage   *self);
GtkListView      *_wg_map_page_get_tree_view    (WgMapPage   *self);

G_END_DECLS
