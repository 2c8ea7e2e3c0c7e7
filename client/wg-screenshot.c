#define G_LOG_DOMAIN "wg-screenshot"

#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <glib/gstdio.h>

#include "wg-screenshot.h"

#define MIN_SIZE 200
#define MAX_SIZE 8192

static GdkTexture *
wg_widget_render_texture (GtkWidget  *widget,
                          GError    **error)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderNode) node = NULL;
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GtkNative *native = gtk_widget_get_native (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL || native == NULL || gtk_native_get_renderer (native) == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                           "The window is not shown, nothing to render");
      return NULL;
    }
  return gsk_renderer_render_texture (gtk_native_get_renderer (native), node,
                                      &GRAPHENE_RECT_INIT (0, 0, width, height));
}

gboolean
wg_widget_save_png (GtkWidget   *widget,
                    const char  *path,
                    GError     **error)
{
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *folder = g_path_get_dirname (path);

  texture = wg_widget_render_texture (widget, error);
  if (texture == NULL)
    return FALSE;
  if (g_mkdir_with_parents (folder, 0755) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "Cannot create %s: %s", folder, g_strerror (saved_errno));
      return FALSE;
    }
  if (!gdk_texture_save_to_png (texture, path))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Cannot write %s", path);
      return FALSE;
    }
  return TRUE;
}

void
wg_screenshot_prepare_window (GtkWindow *window,
                              int        width,
                              int        height)
{
  gtk_window_unmaximize (window);
  gtk_window_set_default_size (window, width, height);
  gtk_widget_add_css_class (GTK_WIDGET (window), "screenshot");
  gtk_window_set_decorated (window, FALSE);
}

static gboolean
wg_screenshot_parse_dimension (const char  *text,
                               const char **end,
                               int         *value)
{
  char *stop = NULL;
  gint64 number = g_ascii_strtoll (text, &stop, 10);

  if (stop == text || number < MIN_SIZE || number > MAX_SIZE)
    return FALSE;
  *value = (int) number;
  *end = stop;
  return TRUE;
}

gboolean
wg_screenshot_parse_size (const char *text,
                          int        *width,
                          int        *height)
{
  const char *rest = NULL;
  int w, h;

  if (text == NULL || !g_ascii_isdigit (*text))
    return FALSE;
  if (!wg_screenshot_parse_dimension (text, &rest, &w) || (*rest != 'x' && *rest != 'X'))
    return FALSE;
  rest++;
  if (!g_ascii_isdigit (*rest) || !wg_screenshot_parse_dimension (rest, &rest, &h) || *rest != '\0')
    return FALSE;
  *width = w;
  *height = h;
  return TRUE;
}
