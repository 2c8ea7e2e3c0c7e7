#define G_LOG_DOMAIN "wg-error-messages"

#include "config.h"

#include <glib/gi18n.h>
#include <gio/gio.h>

#include "wg-error.h"
#include "wg-error-messages.h"

static const struct {
  const char *field;
  const char *label;
} field_labels[] = {
  /* Translators: names of input fields, used in “Check the %s” messages */
  { "server", N_("server address") },
  { "username", N_("user name") },
  { "password", N_("password") },
  { "display_name", N_("display name") },
  { "roles", N_("roles") },
  { "scope", N_("territory") },
  { "level", N_("level") },
  { "parent", N_("parent region") },
  { "limit", N_("page size") },
  { "cursor", N_("list position") },
};

const char *
wg_error_get_field_label (const char *field)
{
  if (field == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (field_labels); i++)
    if (g_str_equal (field_labels[i].field, field))
      return _(field_labels[i].label);
  return NULL;
}

static char *
wg_error_field_message (const GError *error)
{
  const char *field = wg_error_get_field (error);
  const char *label = wg_error_get_field_label (field);

  if (g_strcmp0 (field, "server") == 0)
    return g_strdup (_("The server address is not valid. Enter it as http://host:port."));
  if (g_strcmp0 (field, "username") == 0)
    return g_strdup (_("Enter your user name."));
  if (g_strcmp0 (field, "password") == 0)
    return g_strdup (_("Enter your password."));
  if (label != NULL)
    /* Translators: %s is the name of an input field, e.g. “user name” */
    return g_strdup_printf (_("Check the %s: the value is missing or not valid."), label);
  if (field != NULL)
    /* Translators: %s is the technical name of an input field */
    return g_strdup_printf (_("The server did not accept the field “%s”."), field);
  return g_strdup (_("The server did not accept the input. Check what you entered."));
}

static const char *
wg_error_code_message (WgErrorCode code)
{
  switch (code)
    {
    case WG_ERROR_INVALID_CREDENTIALS:
      return _("Wrong user name or password.");
    case WG_ERROR_UNREACHABLE:
      return _("Cannot reach the server. Check the server address and the network connection.");
    case WG_ERROR_SESSION_EXPIRED:
      return _("Your session has expired. Please sign in again.");
    case WG_ERROR_UNAUTHENTICATED:
      return _("You have been signed out. Please sign in again.");
    case WG_ERROR_ACCOUNT_DISABLED:
      return _("This account has been disabled. Contact your administrator.");
    case WG_ERROR_TOO_MANY_REQUESTS:
      return _("Too many sign-in attempts. Wait a few minutes, then try again.");
    case WG_ERROR_UNAVAILABLE:
      return _("The server cannot reach its database. Try again later or contact your administrator.");
    case WG_ERROR_SCHEMA_MISMATCH:
      return _("The server’s database does not match the server version. Contact your administrator.");
    case WG_ERROR_FORBIDDEN:
      return _("You are not allowed to do this.");
    case WG_ERROR_NOT_FOUND:
      return _("This item no longer exists.");
    case WG_ERROR_CONFLICT:
      return _("Someone else changed this item in the meantime. Reload it and try again.");
    case WG_ERROR_PAYLOAD_TOO_LARGE:
      return _("The data is too large to send.");
    case WG_ERROR_MALFORMED_JSON:
    case WG_ERROR_UNSUPPORTED_MEDIA:
    case WG_ERROR_METHOD_NOT_ALLOWED:
    case WG_ERROR_PROTOCOL:
      return _("The server’s answer could not be understood. Is this the address of a Wangge server?");
    case WG_ERROR_INTERNAL:
    case WG_ERROR_INVALID_INPUT:
    default:
      return _("The server could not complete the request. Try again later.");
    }
}

char *
wg_error_get_user_message (const GError *error)
{
  g_return_val_if_fail (error != NULL, NULL);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return NULL;
  if (error->domain != WG_ERROR)
    /* Translators: %s is a technical error message */
    return g_strdup_printf (_("Unexpected error: %s"), error->message);
  if (error->code == WG_ERROR_INVALID_INPUT)
    return wg_error_field_message (error);
  return g_strdup (wg_error_code_message (error->code));
}

gboolean
wg_error_ends_session (const GError *error)
{
  return g_error_matches (error, WG_ERROR, WG_ERROR_SESSION_EXPIRED) ||
         g_error_matches (error, WG_ERROR, WG_ERROR_UNAUTHENTICATED);
}
