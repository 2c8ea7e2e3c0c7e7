#define G_LOG_DOMAIN "wg-about"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "wg-about.h"

GtkWidget *
wg_about_window_new (GtkWindow *parent)
{
  /* the Credits page shows this list: translated like the developer name */
  const char *developers[] = { _("Wangge contributors"), NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "application-icon", WG_APP_ID,
                        "application-name", _("Grid Service and Management"),
                        "developer-name", _("Wangge contributors"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Grid-based social service and city management: "
                                      "territory, base records, sentiment diary, one closed "
                                      "loop for every case, and evaluation."),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        NULL);
  adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about),
                                      _("District outline and 2016 centre points"),
                                      "Vonng/adcode", GTK_LICENSE_CUSTOM,
                                      _("From Vonng/adcode under CC BY 4.0 (derived from AMap, "
                                        "converted from GCJ-02 to WGS-84)."));
  adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about),
                                      _("Street and community codes"),
                                      "© 2017 mwn (modood/Administrative-divisions-of-China)",
                                      GTK_LICENSE_MIT_X11, NULL);
  adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about),
                                      _("Street, community and grid boundaries"), NULL,
                                      GTK_LICENSE_CUSTOM,
                                      _("Synthetic: generated inside the real district outline "
                                        "for demonstration, not official boundaries."));
  return about;
}
