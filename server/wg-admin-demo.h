/* wg-admin-demo.h — the demo units and accounts of Dongcheng
 *
 * Needs the territory (wg_territory_load).  Both calls are idempotent:
 * existing rows are left alone, so a second run changes nothing and is fast.
 */
#pragma once

#include <glib.h>
#include <libpq-fe.h>

G_BEGIN_DECLS

#define WG_ADMIN_DEMO_PASSWORD "wangge2026"

/* The district command center (unit code 110101), one sub-center per street
 * (its 9-digit code), one workstation per community (its 12-digit code) and
 * the functional departments (110101-cgzf …). */
gboolean wg_admin_demo_load_units (PGconn  *conn,
                                   int     *inserted,
                                   GError **error);

/* admin leader dispatcher street community grid dept auditor, password
 * WG_ADMIN_DEMO_PASSWORD; only the missing ones are created. */
gboolean wg_admin_demo_load_users (PGconn  *conn,
                                   int     *created,
                                   GError **error);

G_END_DECLS
