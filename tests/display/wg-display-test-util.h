/* wg-display-test-util.h — what the tests under a display share: waiting
 * on the main context, a window at a fixed size, screenshots, and whether
 * the Chinese catalogue should be in use. */
#pragma once

#include <adwaita.h>

#include "wg-window.h"

G_BEGIN_DECLS

typedef gboolean (*WgDisplayTestCondition) (gpointer data);

gboolean  wg_display_test_init              (int                    *argc,
                                             char                 ***argv,
                                             const char             *cache_template);
gboolean  wg_display_test_spin_until        (WgDisplayTestCondition  condition,
                                             gpointer                data,
                                             guint                   timeout_seconds,
                                             const char             *what);
void      wg_display_test_spin_for          (guint                   milliseconds);
WgWindow *wg_display_test_new_window        (int                     width,
                                             int                     height);
void      wg_display_test_close_window      (WgWindow               *window);
char     *wg_display_test_save_screenshot   (gpointer                window,
                                             const char             *name,
                                             guint                   settle_ms);
gboolean  wg_display_test_chinese_expected  (void);
gboolean  wg_display_test_map_drawn         (gpointer                window);
/* Conditions and lookups the tests share: signed in with the territory
 * loaded; the message dialog shown (NULL: none). */
gboolean  wg_display_test_signed_in         (gpointer                window);
AdwMessageDialog *wg_display_test_find_message_dialog (void);
gboolean  wg_display_test_dialog_shown      (gpointer                data);

G_END_DECLS
