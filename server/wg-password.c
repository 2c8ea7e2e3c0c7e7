#define G_LOG_DOMAIN "wg-password"

#include "config.h"

#include <string.h>
#include <sodium.h>

#include "wg-error.h"
#include "wg-password.h"

static char dummy_hash[crypto_pwhash_STRBYTES];

gboolean
wg_password_init (GError **error)
{
  static gsize initialised = 0;
  static gboolean ok = FALSE;

  if (g_once_init_enter (&initialised))
    {
      ok = sodium_init () >= 0;
      if (ok)
        {
          guint8 random_password[16];

          randombytes_buf (random_password, sizeof random_password);
          ok = crypto_pwhash_str (dummy_hash, (const char *) random_password,
                                  sizeof random_password,
                                  crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                  crypto_pwhash_MEMLIMIT_INTERACTIVE) == 0;
        }
      g_once_init_leave (&initialised, 1);
    }
  if (!ok)
    g_set_error_literal (error, WG_ERROR, WG_ERROR_INTERNAL,
                         "libsodium could not be initialised");
  return ok;
}

char *
wg_password_hash (const char  *password,
                  GError     **error)
{
  char hash[crypto_pwhash_STRBYTES];

  if (!wg_password_init (error))
    return NULL;
  if (crypto_pwhash_str (hash, password, strlen (password),
                         crypto_pwhash_OPSLIMIT_INTERACTIVE,
                         crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
    {
      g_set_error_literal (error, WG_ERROR, WG_ERROR_INTERNAL,
                           "Out of memory while hashing a password");
      return NULL;
    }
  return g_strdup (hash);
}

gboolean
wg_password_verify (const char *hash,
                    const char *password)
{
  if (hash == NULL || password == NULL || !wg_password_init (NULL))
    return FALSE;
  return crypto_pwhash_str_verify (hash, password, strlen (password)) == 0;
}

const char *
wg_password_dummy_hash (void)
{
  wg_password_init (NULL);
  return dummy_hash;
}

char *
wg_token_new (void)
{
  guint8 raw[WG_TOKEN_BYTES];
  char encoded[sodium_base64_ENCODED_LEN (WG_TOKEN_BYTES, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];

  wg_password_init (NULL);
  randombytes_buf (raw, sizeof raw);
  sodium_bin2base64 (encoded, sizeof encoded, raw, sizeof raw,
                     sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  sodium_memzero (raw, sizeof raw);
  return g_strdup (encoded);
}

gboolean
wg_token_hash (const char *token,
               guint8      out[WG_TOKEN_HASH_BYTES])
{
  guint8 raw[WG_TOKEN_BYTES];
  size_t raw_length = 0;

  if (token == NULL || !wg_password_init (NULL))
    return FALSE;
  if (sodium_base642bin (raw, sizeof raw, token, strlen (token), NULL, &raw_length,
                         NULL, sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0 ||
      raw_length != WG_TOKEN_BYTES)
    return FALSE;
  crypto_hash_sha256 (out, raw, raw_length);
  sodium_memzero (raw, sizeof raw);
  return TRUE;
}
