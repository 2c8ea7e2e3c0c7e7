#define G_LOG_DOMAIN "wg-protect"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <sodium.h>

#include "wg-error.h"
#include "wg-password.h"
#include "wg-protect.h"

#define MASTER_KEY_BYTES crypto_kdf_KEYBYTES
#define KDF_CONTEXT "wgprotct"   /* crypto_kdf_CONTEXTBYTES == 8 */
#define SUBKEY_ENCRYPT 1
#define SUBKEY_BLIND 2
#define NONCE_BYTES crypto_aead_xchacha20poly1305_ietf_NPUBBYTES
#define TAG_BYTES crypto_aead_xchacha20poly1305_ietf_ABYTES
/* Bound to the purpose, so a ciphertext cannot be replayed as another field. */
#define ASSOCIATED_DATA "person.id_number"

G_STATIC_ASSERT (sizeof KDF_CONTEXT - 1 == crypto_kdf_CONTEXTBYTES);

struct _WgProtect
{
  guint8 encrypt_key[crypto_aead_xchacha20poly1305_ietf_KEYBYTES];
  guint8 blind_key[crypto_generichash_KEYBYTES];
};

/* Upper case X, no white space: the form that is encrypted and indexed. */
static char *
normalise (const char *id_number)
{
  GString *result = g_string_new (NULL);

  for (const char *p = id_number; *p; p++)
    {
      if (g_ascii_isspace (*p))
        continue;
      g_string_append_c (result, g_ascii_toupper (*p));
    }
  return g_string_free (result, FALSE);
}

gboolean
wg_protect_create_key_file (const char  *path,
                            GError     **error)
{
  guint8 master[MASTER_KEY_BYTES];
  char hex[MASTER_KEY_BYTES * 2 + 1];
  g_autofree char *contents = NULL;
  gssize length;
  int fd;

  if (!wg_password_init (error))
    return FALSE;
  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "Cannot create the key file %s: %s", path, g_strerror (saved_errno));
      return FALSE;
    }
  crypto_kdf_keygen (master);
  sodium_bin2hex (hex, sizeof hex, master, sizeof master);
  sodium_memzero (master, sizeof master);
  contents = g_strconcat (hex, "\n", NULL);
  sodium_memzero (hex, sizeof hex);
  length = (gssize) strlen (contents);
  if (write (fd, contents, (size_t) length) != length || fsync (fd) != 0)
    {
      int saved_errno = errno;

      sodium_memzero (contents, (size_t) length);
      close (fd);
      g_unlink (path);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "Cannot write the key file %s: %s", path, g_strerror (saved_errno));
      return FALSE;
    }
  sodium_memzero (contents, (size_t) length);
  close (fd);
  return TRUE;
}

static gboolean
check_key_file_mode (const char  *path,
                     GError     **error)
{
  GStatBuf info;

  if (g_stat (path, &info) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "Cannot read the key file %s: %s", path, g_strerror (saved_errno));
      return FALSE;
    }
  if ((info.st_mode & (S_IRWXG | S_IRWXO)) != 0)
    {
      g_set_error (error, WG_ERROR, WG_ERROR_INTERNAL,
                   "The key file %s may be read by others: make it mode 0600", path);
      return FALSE;
    }
  return TRUE;
}

WgProtect *
wg_protect_new_from_file (const char  *path,
                          GError     **error)
{
  g_autoptr(WgProtect) self = NULL;
  g_autofree char *contents = NULL;
  guint8 master[MASTER_KEY_BYTES];
  size_t decoded = 0;
  gsize length = 0;

  if (!wg_password_init (error) || !check_key_file_mode (path, error))
    return NULL;
  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;
  g_strstrip (contents);
  if (sodium_hex2bin (master, sizeof master, contents, strlen (contents), NULL, &decoded, NULL) != 0 ||
      decoded != sizeof master)
    {
      sodium_memzero (contents, length);
      g_set_error (error, WG_ERROR, WG_ERROR_INTERNAL,
                   "The key file %s does not hold 64 hexadecimal digits", path);
      return NULL;
    }
  sodium_memzero (contents, length);

  self = sodium_malloc (sizeof (WgProtect));
  if (self == NULL)
    {
      g_set_error_literal (error, WG_ERROR, WG_ERROR_INTERNAL, "Out of secure memory");
      return NULL;
    }
  crypto_kdf_derive_from_key (self->encrypt_key, sizeof self->encrypt_key,
                              SUBKEY_ENCRYPT, KDF_CONTEXT, master);
  crypto_kdf_derive_from_key (self->blind_key, sizeof self->blind_key,
                              SUBKEY_BLIND, KDF_CONTEXT, master);
  sodium_memzero (master, sizeof master);
  sodium_mprotect_readonly (self);
  return g_steal_pointer (&self);
}

void
wg_protect_free (WgProtect *self)
{
  if (self == NULL)
    return;
  /* sodium_free wipes the memory before releasing it. */
  sodium_free (self);
}

GBytes *
wg_protect_encrypt_id (WgProtect  *self,
                       const char *id_number)
{
  g_autofree char *plain = normalise (id_number);
  gsize plain_length = strlen (plain);
  gsize length = NONCE_BYTES + plain_length + TAG_BYTES;
  guint8 *out = g_malloc (length);
  unsigned long long written = 0;

  randombytes_buf (out, NONCE_BYTES);
  crypto_aead_xchacha20poly1305_ietf_encrypt (out + NONCE_BYTES, &written,
                                              (const guint8 *) plain, plain_length,
                                              (const guint8 *) ASSOCIATED_DATA,
                                              sizeof ASSOCIATED_DATA - 1,
                                              NULL, out, self->encrypt_key);
  sodium_memzero (plain, plain_length);
  return g_bytes_new_take (out, NONCE_BYTES + (gsize) written);
}

char *
wg_protect_decrypt_id (WgProtect     *self,
                       const guint8  *data,
                       gsize          length,
                       GError       **error)
{
  g_autofree char *plain = NULL;
  unsigned long long plain_length = 0;

  if (length < NONCE_BYTES + TAG_BYTES || length > NONCE_BYTES + TAG_BYTES + 64)
    {
      g_set_error_literal (error, WG_ERROR, WG_ERROR_INTERNAL, "A protected value is damaged");
      return NULL;
    }
  plain = g_malloc (length - NONCE_BYTES - TAG_BYTES + 1);
  if (crypto_aead_xchacha20poly1305_ietf_decrypt ((guint8 *) plain, &plain_length, NULL,
                                                  data + NONCE_BYTES, length - NONCE_BYTES,
                                                  (const guint8 *) ASSOCIATED_DATA,
                                                  sizeof ASSOCIATED_DATA - 1,
                                                  data, self->encrypt_key) != 0)
    {
      g_set_error_literal (error, WG_ERROR, WG_ERROR_INTERNAL,
                           "A protected value cannot be decrypted with this key");
      return NULL;
    }
  plain[plain_length] = '\0';
  return g_steal_pointer (&plain);
}

void
wg_protect_blind_index (WgProtect  *self,
                        const char *id_number,
                        guint8      out[WG_BLIND_INDEX_BYTES])
{
  g_autofree char *plain = normalise (id_number);
  gsize plain_length = strlen (plain);

  crypto_generichash (out, WG_BLIND_INDEX_BYTES, (const guint8 *) plain, plain_length,
                      self->blind_key, sizeof self->blind_key);
  sodium_memzero (plain, plain_length);
}
