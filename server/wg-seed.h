/* wg-seed.h — a deterministic, full-scale district of records
 *
 * wg_seed_run() fills every records table (person, person_tag, house,
 * household, household_member, residence, land_parcel, component,
 * organization, underground_space, grid_staff, diary_entry) for the
 * territory already loaded, plus one locked staff user per grid manager and
 * grid assistant who write the diary.  The same seed gives the same rows
 * byte for byte, except the random nonces inside the encrypted ID numbers
 * (the blind index and the masked form are deterministic for one key) and
 * the import rows of the audit log, whose times are the wall clock.
 *
 * Rows are streamed with COPY as the owner, with triggers off
 * (session_replication_role = replica, which needs a superuser) and the
 * records tables' secondary indexes dropped and built again afterwards, in
 * one transaction: a failure leaves nothing behind.  One audit_log row per table
 * (action "import", the row count in "changes") is then written through the
 * normal trigger path, so that the hash chain stays intact, and the tables
 * are analysed.
 */
#pragma once

#include <glib.h>
#include <libpq-fe.h>

#include "wg-protect.h"

G_BEGIN_DECLS

typedef enum {
  WG_SEED_SCALE_DEMO,   /* ~30 k people, a month of diary: loads in seconds */
  WG_SEED_SCALE_FULL,   /* Dongcheng: ~1.18 M people, a year of diary */
} WgSeedScale;

/* The generator's default "today": birth dates, tag and residence dates
 * and the diary's last day never pass it, so that the same seed gives the
 * same data on any day.  Diary entries cover the days before it.  A demo
 * passes the real date instead (wg_seed_run's @as_of) so that its diary
 * reaches today. */
#define WG_SEED_TODAY_YEAR  2026
#define WG_SEED_TODAY_MONTH 10
#define WG_SEED_TODAY_DAY   31

/* Called after each stage with its name ("person", "analyze", …), the rows
 * it wrote (0 for stages that write none) and how long it took. */
typedef void (*WgSeedProgress) (const char *stage,
                                guint64     rows,
                                double      seconds,
                                gpointer    user_data);

/* "demo" or "full"; anything else is WG_ERROR_INVALID_INPUT on "scale". */
gboolean     wg_seed_scale_from_string (const char   *text,
                                        WgSeedScale  *scale,
                                        GError      **error);
const char  *wg_seed_scale_to_string   (WgSeedScale   scale);

/* Fills the records of the loaded territory.  @owner_conn is a superuser
 * connection to a database at the current schema whose person table is
 * empty; @protect encrypts and indexes the ID numbers; @data_dir holds
 * surnames_zh_weighted.csv, given_names_zh.csv and nbs2023_areas.csv (the
 * project's data/ folder).  @as_of is the generator's "today" (NULL: the
 * WG_SEED_TODAY_* default).  @progress may be NULL. */
gboolean     wg_seed_run               (PGconn        *owner_conn,
                                        WgProtect     *protect,
                                        const char    *data_dir,
                                        WgSeedScale    scale,
                                        guint64        seed,
                                        const GDate   *as_of,
                                        WgSeedProgress progress,
                                        gpointer       user_data,
                                        GError       **error);

G_END_DECLS
