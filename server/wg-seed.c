#define G_LOG_DOMAIN "wg-seed"

#include "config.h"

#include <string.h>

#include "wg-error.h"
#include "wg-pg.h"
#include "wg-seed-private.h"

/* The community that the demo accounts look after gets more people. */
#define WG_SEED_FOCUS_COMMUNITY "110101001001"

/* Dongcheng's own figures (DESIGN §1) for full; a small district for the
 * demo, with 多福巷社区 twelve times as dense. */
static const WgSeedPlan plans[] = {
  [WG_SEED_SCALE_DEMO] = { 24000, 5500, 200, 1200, 1500, 3000, 600, 31, 12.0 },
  [WG_SEED_SCALE_FULL] = { 954000, 220400, 8100, 21900, 31500, 50000, 3000, 365, 1.0 },
};

typedef gboolean (*WgSeedStageFunc) (WgSeed  *self,
                                     GError **error);

typedef struct {
  const char      *name;
  WgSeedStageFunc  func;
} WgSeedStage;

/* Ordered so that every reference points to rows written before it. */
static const WgSeedStage copy_stages[] = {
  { "model", _wg_seed_build_model },
  { "house", _wg_seed_copy_houses },
  { "household", _wg_seed_copy_households },
  { "person", _wg_seed_copy_persons },
  { "household_member", _wg_seed_copy_members },
  { "residence", _wg_seed_copy_residences },
  { "person_tag", _wg_seed_copy_tags },
  { "land_parcel", _wg_seed_copy_land },
  { "component", _wg_seed_copy_components },
  { "organization", _wg_seed_copy_organizations },
  { "underground_space", _wg_seed_copy_underground },
  { "users", _wg_seed_copy_users },
  { "grid_staff", _wg_seed_copy_staff },
  { "diary_entry", _wg_seed_copy_diary },
};

/* Tables whose ids the generator gives itself, so the identity must move on. */
static const char * const given_id_tables[] = { "house", "household", "person", "users" };

gboolean
wg_seed_scale_from_string (const char   *text,
                           WgSeedScale  *scale,
                           GError      **error)
{
  if (g_strcmp0 (text, "demo") == 0)
    *scale = WG_SEED_SCALE_DEMO;
  else if (g_strcmp0 (text, "full") == 0)
    *scale = WG_SEED_SCALE_FULL;
  else
    {
      wg_set_field_error (error, "scale", "The scale is demo or full, not “%s”", text ? text : "");
      return FALSE;
    }
  return TRUE;
}

const char *
wg_seed_scale_to_string (WgSeedScale scale)
{
  return scale == WG_SEED_SCALE_FULL ? "full" : "demo";
}

void
_wg_seed_date_format (guint32 julian,
                      char    buffer[11])
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  g_snprintf (buffer, 11, "%04u-%02u-%02u", g_date_get_year (&date), g_date_get_month (&date),
              g_date_get_day (&date));
}

/* Both timestamps are the seed's own time, as if every row came in at once. */
gboolean
_wg_seed_copy_end_dated_row (WgSeed      *self,
                             WgSeedCopy  *copy,
                             GError     **error)
{
  wg_seed_copy_text (copy, self->created_at);
  wg_seed_copy_text (copy, self->created_at);
  return wg_seed_copy_end_row (copy, error);
}

gboolean
_wg_seed_copy_close (WgSeed      *self,
                     WgSeedCopy  *copy,
                     const char  *table,
                     GError     **error)
{
  WgSeedImported imported = { table, 0 };

  if (!wg_seed_copy_finish (copy, &imported.rows, error))
    return FALSE;
  g_array_append_val (self->imported, imported);
  return TRUE;
}

/* Cumulative rounding: the shares add up to @total exactly. */
guint *
_wg_seed_split (WgSeed       *self,
                guint         total,
                const double  type_factors[4])
{
  guint *shares = g_new0 (guint, self->grids->len);
  double *weights = g_new0 (double, self->grids->len);
  double sum = 0;
  double running = 0;
  guint given = 0;

  for (guint g = 0; g < self->grids->len; g++)
    {
      const WgSeedGrid *grid = g_ptr_array_index (self->grids, g);
      double focus = g_str_equal (grid->community_code, WG_SEED_FOCUS_COMMUNITY) ? self->plan.focus_weight : 1;

      weights[g] = MAX (grid->area_m2, 1) * type_factors[grid->type] * focus;
      sum += weights[g];
    }
  for (guint g = 0; g < self->grids->len; g++)
    {
      guint upto;

      running += weights[g];
      upto = g + 1 == self->grids->len ? total : (guint) (running / sum * total + 0.5);
      shares[g] = upto - given;
      given = upto;
    }
  g_free (weights);
  return shares;
}

static void
wg_seed_clear (WgSeed *self)
{
  g_clear_pointer (&self->reference, wg_seed_reference_free);
  g_clear_pointer (&self->grids, g_ptr_array_unref);
  g_clear_pointer (&self->houses, g_array_unref);
  g_clear_pointer (&self->households, g_array_unref);
  g_clear_pointer (&self->persons, g_array_unref);
  g_clear_pointer (&self->grid_authors, g_array_unref);
  g_clear_pointer (&self->author_names, g_ptr_array_unref);
  g_clear_pointer (&self->index_definitions, g_ptr_array_unref);
  g_clear_pointer (&self->imported, g_array_unref);
  g_clear_pointer (&self->created_at, g_free);
}

static gint64
wg_seed_query_int (PGconn      *conn,
                   const char  *sql,
                   GError     **error)
{
  g_autoptr(PGresult) result = wg_pg_exec (conn, sql, 0, NULL, error);

  if (result == NULL)
    return -1;
  return g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
}

/* A superuser (for session_replication_role) and no people yet. */
static gboolean
wg_seed_check_database (PGconn  *conn,
                        GError **error)
{
  gint64 superuser = wg_seed_query_int (conn,
    "SELECT rolsuper::int FROM pg_roles WHERE rolname = current_user", error);
  gint64 people;

  if (superuser < 0)
    return FALSE;
  if (superuser == 0)
    {
      g_set_error (error, WG_ERROR, WG_ERROR_FORBIDDEN,
                   "Seeding needs a superuser connection (it turns triggers off for COPY)");
      return FALSE;
    }
  people = wg_seed_query_int (conn, "SELECT count(*) FROM (SELECT 1 FROM person LIMIT 1) AS p", error);
  if (people < 0)
    return FALSE;
  if (people > 0)
    {
      g_set_error (error, WG_ERROR, WG_ERROR_CONFLICT,
                   "The database already holds people; seed an empty records schema");
      return FALSE;
    }
  return TRUE;
}

static gboolean
wg_seed_read_id_bases (WgSeed  *self,
                       GError **error)
{
  gint64 *bases[] = { &self->house_base, &self->household_base, &self->person_base, &self->user_base };

  for (guint i = 0; i < G_N_ELEMENTS (given_id_tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT coalesce(max(id), 0) + 1 FROM %s", given_id_tables[i]);

      *bases[i] = wg_seed_query_int (self->conn, sql, error);
      if (*bases[i] < 0)
        return FALSE;
    }
  return TRUE;
}

static void
wg_seed_report (WgSeedProgress  progress,
                gpointer        user_data,
                const char     *stage,
                guint64         rows,
                gint64          start)
{
  if (progress != NULL)
    progress (stage, rows, (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC, user_data);
}

static gboolean
wg_seed_run_stages (WgSeed         *self,
                    WgSeedProgress  progress,
                    gpointer        user_data,
                    GError        **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (copy_stages); i++)
    {
      gint64 start = g_get_monotonic_time ();
      guint before = self->imported->len;
      guint64 rows = 0;

      if (!copy_stages[i].func (self, error))
        {
          g_prefix_error (error, "%s: ", copy_stages[i].name);
          return FALSE;
        }
      for (guint j = before; j < self->imported->len; j++)
        rows += g_array_index (self->imported, WgSeedImported, j).rows;
      wg_seed_report (progress, user_data, copy_stages[i].name, rows, start);
    }
  return TRUE;
}

/* The secondary indexes of the records tables (not those behind a primary
 * key or unique constraint) are dropped before COPY and built again after:
 * one build per index is about twice as fast as a million insertions, most
 * of all for the GIN indexes of name and address bigrams.  Their
 * definitions are read from the catalogue, so they follow the schema. */
static const char drop_indexes_sql[] =
  "SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)"
  "  FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid"
  " WHERE t.relnamespace = 'public'::regnamespace"
  "   AND t.relname = ANY ('{person,person_tag,house,household,household_member,residence,"
  "land_parcel,component,organization,underground_space,grid_staff,diary_entry}'::text[])"
  "   AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)"
  " ORDER BY 1";

static gboolean
wg_seed_drop_indexes (WgSeed  *self,
                      GError **error)
{
  g_autoptr(PGresult) result = wg_pg_exec (self->conn, drop_indexes_sql, 0, NULL, error);

  if (result == NULL)
    return FALSE;
  for (int row = 0; row < PQntuples (result); row++)
    {
      g_autofree char *drop = g_strdup_printf ("DROP INDEX %s", PQgetvalue (result, row, 0));

      if (!wg_pg_exec_script (self->conn, drop, error))
        return FALSE;
      g_ptr_array_add (self->index_definitions, g_strdup (PQgetvalue (result, row, 1)));
    }
  return TRUE;
}

static gboolean
wg_seed_create_indexes (WgSeed  *self,
                        GError **error)
{
  for (guint i = 0; i < self->index_definitions->len; i++)
    if (!wg_pg_exec_script (self->conn, g_ptr_array_index (self->index_definitions, i), error))
      return FALSE;
  return TRUE;
}

/* Triggers back on; identities past the given ids; one audit row per table
 * through the chain trigger. */
static gboolean
wg_seed_finish_import (WgSeed  *self,
                       GError **error)
{
  g_autofree char *seed_text = g_strdup_printf ("%" G_GUINT64_FORMAT, self->seed);
  const WgSeedGrid *first = g_ptr_array_index (self->grids, 0);
  g_autofree char *district = g_strndup (first->path, strcspn (first->path, "."));

  if (!wg_pg_exec_script (self->conn, "SET LOCAL session_replication_role = origin", error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (given_id_tables); i++)
    {
      g_autofree char *sql = g_strdup_printf (
        "SELECT setval(pg_get_serial_sequence('%s', 'id'), (SELECT max(id) FROM %s))",
        given_id_tables[i], given_id_tables[i]);

      if (!wg_pg_exec_script (self->conn, sql, error))
        return FALSE;
    }
  for (guint i = 0; i < self->imported->len; i++)
    {
      const WgSeedImported *imported = &g_array_index (self->imported, WgSeedImported, i);
      g_autofree char *rows = g_strdup_printf ("%" G_GUINT64_FORMAT, imported->rows);
      const char *params[] = { imported->table, district, rows, wg_seed_scale_to_string (self->scale),
                               seed_text };
      g_autoptr(PGresult) result = wg_pg_exec (self->conn,
        "INSERT INTO audit_log (action, table_name, path, changes, reason, prev_hash, hash)"
        " VALUES ('import', $1::text, $2::ltree,"
        "         jsonb_build_object('rows', $3::bigint, 'scale', $4::text, 'seed', $5::numeric),"
        "         'wangge-admin seed', '\\x00', '\\x00')", 5, params, error);

      if (result == NULL)
        return FALSE;
    }
  return TRUE;
}

static gboolean
wg_seed_analyze (WgSeed  *self,
                 GError **error)
{
  for (guint i = 0; i < self->imported->len; i++)
    {
      g_autofree char *sql = g_strdup_printf ("ANALYZE %s",
                                              g_array_index (self->imported, WgSeedImported, i).table);

      if (!wg_pg_exec_script (self->conn, sql, error))
        return FALSE;
    }
  return TRUE;
}

/* Everything between BEGIN and COMMIT. */
static gboolean
wg_seed_transaction (WgSeed         *self,
                     WgSeedProgress  progress,
                     gpointer        user_data,
                     GError        **error)
{
  gint64 start;

  if (!wg_pg_exec_script (self->conn, "BEGIN; SET LOCAL session_replication_role = replica;"
                          " SET LOCAL synchronous_commit = off; SET LOCAL maintenance_work_mem = '256MB'",
                          error) ||
      !wg_seed_read_id_bases (self, error) ||
      !wg_seed_drop_indexes (self, error) ||
      !wg_seed_run_stages (self, progress, user_data, error))
    return FALSE;
  start = g_get_monotonic_time ();
  if (!wg_seed_create_indexes (self, error))
    return FALSE;
  wg_seed_report (progress, user_data, "indexes", 0, start);
  start = g_get_monotonic_time ();
  if (!wg_seed_finish_import (self, error) || !wg_pg_exec_script (self->conn, "COMMIT", error))
    return FALSE;
  wg_seed_report (progress, user_data, "commit", 0, start);
  return TRUE;
}

static gboolean
wg_seed_prepare (WgSeed         *self,
                 const char     *data_dir,
                 WgSeedProgress  progress,
                 gpointer        user_data,
                 GError        **error)
{
  gint64 start = g_get_monotonic_time ();

  self->reference = wg_seed_reference_load (data_dir, error);
  if (self->reference == NULL)
    return FALSE;
  self->grids = wg_seed_grids_load (self->conn, error);
  if (self->grids == NULL)
    return FALSE;
  wg_seed_report (progress, user_data, "territory", self->grids->len, start);
  return TRUE;
}

gboolean
wg_seed_run (PGconn         *owner_conn,
             WgProtect      *protect,
             const char     *data_dir,
             WgSeedScale     scale,
             guint64         seed,
             const GDate    *as_of,
             WgSeedProgress  progress,
             gpointer        user_data,
             GError        **error)
{
  WgSeed self = { 0 };
  GDate today;
  gboolean ok;
  gint64 start;

  g_return_val_if_fail (scale == WG_SEED_SCALE_DEMO || scale == WG_SEED_SCALE_FULL, FALSE);
  g_return_val_if_fail (as_of == NULL || g_date_valid (as_of), FALSE);
  g_date_clear (&today, 1);
  if (as_of != NULL)
    today = *as_of;
  else
    g_date_set_dmy (&today, WG_SEED_TODAY_DAY, WG_SEED_TODAY_MONTH, WG_SEED_TODAY_YEAR);
  self.conn = owner_conn;
  self.protect = protect;
  self.scale = scale;
  self.seed = seed;
  self.plan = plans[scale];
  self.today = g_date_get_julian (&today);
  self.created_at = g_strdup_printf ("%04d-%02d-%02d 00:00:00+08", g_date_get_year (&today),
                                     g_date_get_month (&today), g_date_get_day (&today));
  self.houses = g_array_new (FALSE, FALSE, sizeof (WgSeedHouse));
  self.households = g_array_new (FALSE, FALSE, sizeof (WgSeedHousehold));
  self.persons = g_array_new (FALSE, FALSE, sizeof (WgSeedPerson));
  self.grid_authors = g_array_new (FALSE, FALSE, sizeof (gint64));
  self.author_names = g_ptr_array_new_with_free_func (g_free);
  self.index_definitions = g_ptr_array_new_with_free_func (g_free);
  self.imported = g_array_new (FALSE, FALSE, sizeof (WgSeedImported));
  ok = wg_seed_check_database (owner_conn, error) &&
       wg_seed_prepare (&self, data_dir, progress, user_data, error) &&
       wg_seed_transaction (&self, progress, user_data, error);
  if (!ok && PQtransactionStatus (owner_conn) != PQTRANS_IDLE)
    {
      g_autoptr(PGresult) rollback = PQexec (owner_conn, "ROLLBACK");
    }
  if (ok)
    {
      start = g_get_monotonic_time ();
      ok = wg_seed_analyze (&self, error);
      wg_seed_report (progress, user_data, "analyze", 0, start);
    }
  wg_seed_clear (&self);
  return ok;
}
