/* wg-config.h — wangge-server settings: an INI file, then the command line */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  char  *address;                /* [server] address, 127.0.0.1 */
  guint  port;                   /* [server] port, 8470 */
  guint  workers;                /* [server] workers, 4: database connections */
  gsize  max_body_bytes;         /* [server] max_body_bytes, 1 MiB */
  guint  session_idle_minutes;   /* [server] session_idle_minutes, 120 */
  guint  session_absolute_hours; /* [server] session_absolute_hours, 12 */
  guint  login_max_failures;     /* [server] login_max_failures, 5 */
  guint  login_window_minutes;   /* [server] login_window_minutes, 15 */
  char  *conninfo;               /* [database] conninfo */
  char  *key_file;               /* [security] key_file, /etc/wangge/id-number.key */
} WgConfig;

WgConfig *wg_config_new        (void);
void      wg_config_free       (WgConfig    *self);
/* Reads @path over the defaults; a missing key keeps its default, a key of
 * the wrong type or out of range is an error naming the key. */
gboolean  wg_config_load_file  (WgConfig    *self,
                                const char  *path,
                                GError     **error);
/* Final checks once the command line has been applied. */
gboolean  wg_config_validate   (WgConfig    *self,
                                GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WgConfig, wg_config_free)

G_END_DECLS
