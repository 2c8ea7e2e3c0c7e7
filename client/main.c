#define G_LOG_DOMAIN "wangge"

#include "config.h"

#include "wg-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(WgApplication) application = NULL;
  int status;

  wg_i18n_init ();
  application = wg_application_new ();
  status = g_application_run (G_APPLICATION (application), argc, argv);
  if (status == 0)
    status = wg_application_get_exit_status (application);
  return status;
}
