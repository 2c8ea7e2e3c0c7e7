/* wg-admin-users.h — user accounts as wangge-admin manages them
 *
 * Run as the owner connection.  Validation errors are WG_ERROR_INVALID_INPUT
 * naming the field (wg_error_get_field): "username", "display_name", "unit",
 * "roles", "scope" or "password".
 */
#pragma once

#include <glib.h>
#include <libpq-fe.h>

G_BEGIN_DECLS

#define WG_ADMIN_PASSWORD_MIN_CHARS 8
#define WG_ADMIN_PASSWORD_MAX_BYTES 1024

typedef struct {
  const char *username;      /* ^[a-z0-9_.-]{1,64}$ */
  const char *display_name;  /* 1–100 characters */
  const char *unit_code;     /* an existing unit */
  const char *roles;         /* comma-separated role names, e.g. "street,community" */
  const char *scope;         /* the path of an existing region, e.g. 110101.001 */
} WgAdminNewUser;

/* Checks a new password (length, UTF-8, not the username) without a database. */
gboolean  wg_admin_password_check    (const char            *username,
                                      const char            *password,
                                      GError               **error);

/* Checks every field; the unit and the scope must exist. */
gboolean  wg_admin_user_validate     (PGconn                *conn,
                                      const WgAdminNewUser  *user,
                                      GError               **error);

/* Validates, hashes the password (Argon2id) and inserts; a taken username
 * is WG_ERROR_CONFLICT. */
gboolean  wg_admin_user_create       (PGconn                *conn,
                                      const WgAdminNewUser  *user,
                                      const char            *password,
                                      gint64                *id,
                                      GError               **error);

/* Disabling also revokes the user's open sessions; @revoked (may be NULL)
 * receives how many.  An unknown username is WG_ERROR_NOT_FOUND. */
gboolean  wg_admin_user_set_disabled (PGconn                *conn,
                                      const char            *username,
                                      gboolean               disabled,
                                      int                   *revoked,
                                      GError               **error);

/* Sets a new password and revokes the user's open sessions. */
gboolean  wg_admin_user_set_password (PGconn                *conn,
                                      const char            *username,
                                      const char            *password,
                                      int                   *revoked,
                                      GError               **error);

G_END_DECLS
