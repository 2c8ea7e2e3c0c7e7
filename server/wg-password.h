/* wg-password.h — password hashes and session tokens (libsodium)
 *
 * Hashing costs ~60 ms by design: call these from a worker thread, never
 * from the main loop.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define WG_TOKEN_BYTES      32   /* 256-bit session tokens */
#define WG_TOKEN_HASH_BYTES 32

gboolean  wg_password_init    (GError     **error);
/* Argon2id with libsodium's interactive limits, in crypto_pwhash_str form. */
char     *wg_password_hash    (const char  *password,
                               GError     **error);
gboolean  wg_password_verify  (const char  *hash,
                               const char  *password);
/* A hash that never verifies, to spend the same time on unknown users. */
const char *wg_password_dummy_hash (void);

/* A new token, base64url without padding, for the client. */
char     *wg_token_new        (void);
/* The SHA-256 of the decoded token; FALSE when the token is malformed. */
gboolean  wg_token_hash       (const char  *token,
                               guint8       out[WG_TOKEN_HASH_BYTES]);

G_END_DECLS
