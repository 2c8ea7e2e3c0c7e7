#define G_LOG_DOMAIN "wg-server-address"

#include "config.h"

#include <string.h>

#include "wg-error.h"
#include "wg-server-address.h"

static gboolean
wg_server_address_check (const char  *address,
                         GError     **error)
{
  g_autoptr(GUri) uri = g_uri_parse (address, G_URI_FLAGS_NONE, NULL);
  const char *scheme;

  if (uri == NULL)
    {
      wg_set_field_error (error, "server", "Not a valid address");
      return FALSE;
    }
  scheme = g_uri_get_scheme (uri);
  if (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0)
    {
      wg_set_field_error (error, "server", "Only http and https are supported");
      return FALSE;
    }
  if (g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    {
      wg_set_field_error (error, "server", "The address has no host");
      return FALSE;
    }
  return TRUE;
}

char *
wg_server_address_normalize (const char  *text,
                             GError     **error)
{
  g_autofree char *address = g_strstrip (g_strdup (text != NULL ? text : ""));

  if (*address == '\0')
    {
      wg_set_field_error (error, "server", "The server address is empty");
      return NULL;
    }
  if (strstr (address, "://") == NULL)
    {
      char *with_scheme = g_strconcat ("http://", address, NULL);

      g_free (address);
      address = with_scheme;
    }
  while (g_str_has_suffix (address, "/"))
    address[strlen (address) - 1] = '\0';
  if (!wg_server_address_check (address, error))
    return NULL;
  return g_steal_pointer (&address);
}
