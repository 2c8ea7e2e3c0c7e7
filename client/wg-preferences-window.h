/* wg-preferences-window.h — server address and map settings (GSettings) */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define WG_TYPE_PREFERENCES_WINDOW (wg_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (WgPreferencesWindow, wg_preferences_window, WG, PREFERENCES_WINDOW, AdwPreferencesWindow)

GtkWidget *wg_preferences_window_new (GtkWindow *parent);

/* A tile URL template must be empty (no base map) or an http(s) URL with
 * {z}, {x} and {y}. */
gboolean   wg_tile_url_is_valid      (const char *url);

G_END_DECLS
