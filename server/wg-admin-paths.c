#define G_LOG_DOMAIN "wg-admin-paths"

#include "config.h"

#include "wg-admin-paths.h"

gboolean
wg_admin_running_from_build_tree (void)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *build_prefix = g_strconcat (WG_BUILD_DIR, G_DIR_SEPARATOR_S, NULL);

  return exe != NULL && g_str_has_prefix (exe, build_prefix);
}

char *
wg_admin_find_shipped_dir (const char *source_subdir,
                           const char *installed_subdir)
{
  if (wg_admin_running_from_build_tree ())
    return g_build_filename (WG_SOURCE_DIR, source_subdir, NULL);
  return g_build_filename (WG_PKGDATADIR, installed_subdir, NULL);
}
