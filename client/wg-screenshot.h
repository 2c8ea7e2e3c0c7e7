/* wg-screenshot.h — saving a window as PNG, in-process */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Renders @widget (typically a mapped window) with its own renderer and
 * saves it to @path, creating the folder if needed. */
gboolean wg_widget_save_png            (GtkWidget   *widget,
                                        const char  *path,
                                        GError     **error);

/* Before the window is shown: exactly @width × @height, without the resize
 * borders that client-side decorations add when there is no window manager
 * (style.css, class "screenshot"). */
void     wg_screenshot_prepare_window  (GtkWindow   *window,
                                        int          width,
                                        int          height);

/* Parses "WxH" (e.g. "1280x800"); both between 200 and 8192. */
gboolean wg_screenshot_parse_size      (const char  *text,
                                        int         *width,
                                        int         *height);

G_END_DECLS
