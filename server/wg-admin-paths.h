/* wg-admin-paths.h — where wangge-admin finds the files it ships */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* TRUE when the running program is inside WG_BUILD_DIR (run uninstalled). */
gboolean  wg_admin_running_from_build_tree (void);

/* WG_SOURCE_DIR/@source_subdir when running from the build tree, else
 * WG_PKGDATADIR/@installed_subdir. */
char     *wg_admin_find_shipped_dir        (const char *source_subdir,
                                            const char *installed_subdir);

G_END_DECLS
