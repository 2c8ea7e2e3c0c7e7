#define G_LOG_DOMAIN "wg-config"

#include "config.h"

#include "wg-api.h"
#include "wg-config.h"

#define SERVER_GROUP   "server"
#define DATABASE_GROUP "database"
#define SECURITY_GROUP "security"
#define DEFAULT_KEY_FILE "/etc/wangge/id-number.key"

WgConfig *
wg_config_new (void)
{
  WgConfig *self = g_new0 (WgConfig, 1);

  self->address = g_strdup ("127.0.0.1");
  self->port = WG_DEFAULT_PORT;
  self->workers = 4;
  self->max_body_bytes = WG_MAX_BODY_BYTES;
  self->session_idle_minutes = 120;
  self->session_absolute_hours = 12;
  self->login_max_failures = 5;
  self->login_window_minutes = 15;
  self->conninfo = g_strdup ("dbname=wangge user=wangge_app");
  self->key_file = g_strdup (DEFAULT_KEY_FILE);
  return self;
}

void
wg_config_free (WgConfig *self)
{
  if (self == NULL)
    return;
  g_free (self->address);
  g_free (self->conninfo);
  g_free (self->key_file);
  g_free (self);
}

/* Reads an optional unsigned integer key within [min, max]. */
static gboolean
read_uint (GKeyFile    *file,
           const char  *group,
           const char  *key,
           guint64      min,
           guint64      max,
           guint64     *value,
           GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *text = g_key_file_get_value (file, group, key, NULL);
  guint64 parsed;

  if (text == NULL)
    return TRUE;
  if (!g_ascii_string_to_unsigned (g_strstrip (text), 10, min, max, &parsed, &local_error))
    {
      g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
                   "[%s] %s: %s", group, key, local_error->message);
      return FALSE;
    }
  *value = parsed;
  return TRUE;
}

static void
read_string (GKeyFile    *file,
             const char  *group,
             const char  *key,
             char       **value)
{
  g_autofree char *text = g_key_file_get_string (file, group, key, NULL);

  if (text == NULL)
    return;
  g_free (*value);
  *value = g_strdup (g_strstrip (text));
}

typedef struct {
  const char *key;
  guint64     min;
  guint64     max;
  gsize       offset;
  gboolean    is_size;
} UintKey;

static const UintKey uint_keys[] = {
  { "port", 0, 65535, G_STRUCT_OFFSET (WgConfig, port), FALSE },
  { "workers", 1, 64, G_STRUCT_OFFSET (WgConfig, workers), FALSE },
  { "max_body_bytes", 1024, G_MAXUINT32, G_STRUCT_OFFSET (WgConfig, max_body_bytes), TRUE },
  { "session_idle_minutes", 1, 60 * 24 * 30, G_STRUCT_OFFSET (WgConfig, session_idle_minutes), FALSE },
  { "session_absolute_hours", 1, 24 * 365, G_STRUCT_OFFSET (WgConfig, session_absolute_hours), FALSE },
  { "login_max_failures", 1, 1000, G_STRUCT_OFFSET (WgConfig, login_max_failures), FALSE },
  { "login_window_minutes", 1, 60 * 24, G_STRUCT_OFFSET (WgConfig, login_window_minutes), FALSE },
};

static gboolean
read_uint_keys (WgConfig  *self,
                GKeyFile  *file,
                GError   **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (uint_keys); i++)
    {
      const UintKey *key = &uint_keys[i];
      gpointer field = G_STRUCT_MEMBER_P (self, key->offset);
      guint64 value = key->is_size ? *(gsize *) field : *(guint *) field;

      if (!read_uint (file, SERVER_GROUP, key->key, key->min, key->max, &value, error))
        return FALSE;
      if (key->is_size)
        *(gsize *) field = value;
      else
        *(guint *) field = value;
    }
  return TRUE;
}

gboolean
wg_config_load_file (WgConfig    *self,
                     const char  *path,
                     GError     **error)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();

  if (!g_key_file_load_from_file (file, path, G_KEY_FILE_NONE, error))
    {
      g_prefix_error (error, "Cannot read the configuration %s: ", path);
      return FALSE;
    }
  read_string (file, SERVER_GROUP, "address", &self->address);
  read_string (file, DATABASE_GROUP, "conninfo", &self->conninfo);
  read_string (file, SECURITY_GROUP, "key_file", &self->key_file);
  if (!read_uint_keys (self, file, error))
    {
      g_prefix_error (error, "%s: ", path);
      return FALSE;
    }
  return TRUE;
}

gboolean
wg_config_validate (WgConfig  *self,
                    GError   **error)
{
  if (self->address == NULL || *self->address == '\0' ||
      !g_hostname_is_ip_address (self->address))
    {
      g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
                   "[server] address must be an IP address, not “%s”",
                   self->address != NULL ? self->address : "");
      return FALSE;
    }
  if (self->workers < 1 || self->workers > 64)
    {
      g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
                   "[server] workers must be between 1 and 64, not %u", self->workers);
      return FALSE;
    }
  if (self->conninfo == NULL || *self->conninfo == '\0')
    {
      g_set_error_literal (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_KEY_NOT_FOUND,
                           "[database] conninfo is required");
      return FALSE;
    }
  if (self->key_file == NULL || *self->key_file == '\0')
    {
      g_set_error_literal (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_KEY_NOT_FOUND,
                           "[security] key_file is required");
      return FALSE;
    }
  return TRUE;
}
