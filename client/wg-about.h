/* wg-about.h — the About window: version, license and the data sources */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkWidget *wg_about_window_new (GtkWindow *parent);

G_END_DECLS
