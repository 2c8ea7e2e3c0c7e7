#define G_LOG_DOMAIN "wg-server"

#include "config.h"

#include <sodium.h>
#include <string.h>

#include "wg-cursor.h"

char *
wg_cursor_encode (const char *text)
{
  gsize length;
  gsize size;
  char *encoded;

  g_return_val_if_fail (text != NULL, NULL);

  length = strlen (text);
  size = sodium_base64_ENCODED_LEN (length, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  encoded = g_malloc (size);
  sodium_bin2base64 (encoded, size, (const guint8 *) text, length,
                     sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  return encoded;
}

char *
wg_cursor_decode (const char *cursor,
                  gsize       max_chars)
{
  g_autofree char *decoded = g_malloc0 (max_chars + 1);
  gsize length = 0;

  g_return_val_if_fail (cursor != NULL, NULL);

  if (sodium_base642bin ((guint8 *) decoded, max_chars, cursor, strlen (cursor), NULL, &length,
                         NULL, sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0)
    return NULL;
  decoded[length] = '\0';
  return g_steal_pointer (&decoded);
}

GBytes *
wg_cursor_page_body (const char *items,
                     const char *cursor,
                     const char *total)
{
  g_autoptr(GString) body = g_string_new ("{\"items\":");

  g_return_val_if_fail (items != NULL, NULL);

  g_string_append (body, items);
  if (cursor != NULL)
    g_string_append_printf (body, ",\"next_cursor\":\"%s\"", cursor);
  else
    g_string_append (body, ",\"next_cursor\":null");
  if (total != NULL)
    g_string_append_printf (body, ",\"total\":%s", total);
  g_string_append_c (body, '}');
  return g_string_free_to_bytes (g_steal_pointer (&body));
}
