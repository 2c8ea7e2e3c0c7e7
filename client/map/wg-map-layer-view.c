#define G_LOG_DOMAIN "wg-map-layer-view"

#include "config.h"

#include "wg-map-layer-view.h"

void
wg_map_view_init_from_layer (WgMapView    *view,
                             ShumateLayer *layer)
{
  ShumateViewport *viewport = shumate_layer_get_viewport (layer);
  ShumateLocation *location = SHUMATE_LOCATION (viewport);

  wg_map_project (shumate_location_get_longitude (location),
                  shumate_location_get_latitude (location),
                  &view->center_x, &view->center_y);
  view->zoom = shumate_viewport_get_zoom_level (viewport);
  view->rotation = shumate_viewport_get_rotation (viewport);
  view->width = gtk_widget_get_width (GTK_WIDGET (layer));
  view->height = gtk_widget_get_height (GTK_WIDGET (layer));
}
