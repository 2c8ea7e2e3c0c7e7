/* wg-protect.h — protection of personal ID numbers (DESIGN §8)
 *
 * ID numbers are never stored in clear.  The server holds one 32-byte master
 * key in a key file outside the database; two subkeys are derived from it
 * (libsodium crypto_kdf): one encrypts each number with XChaCha20-Poly1305
 * under a random nonce, the other computes a keyed BLAKE2b "blind index" so
 * that an exact lookup by number is one indexed equality without decrypting
 * anything.  The masked form (110101********1234) is stored for display.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define WG_BLIND_INDEX_BYTES 32

typedef struct _WgProtect WgProtect;

/* Creates a new key file (mode 0600, refusing to overwrite). */
gboolean    wg_protect_create_key_file (const char    *path,
                                        GError       **error);
/* Loads the key file: 64 hex digits and a newline.  Refuses a file that
 * others may read. */
WgProtect  *wg_protect_new_from_file   (const char    *path,
                                        GError       **error);
void        wg_protect_free            (WgProtect     *self);

/* Normalises (upper-case X, no spaces) and encrypts; returns
 * nonce || ciphertext || tag. */
GBytes     *wg_protect_encrypt_id      (WgProtect     *self,
                                        const char    *id_number);
char       *wg_protect_decrypt_id      (WgProtect     *self,
                                        const guint8  *data,
                                        gsize          length,
                                        GError       **error);
/* The keyed blind index of the normalised number. */
void        wg_protect_blind_index     (WgProtect     *self,
                                        const char    *id_number,
                                        guint8         out[WG_BLIND_INDEX_BYTES]);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WgProtect, wg_protect_free)

G_END_DECLS
