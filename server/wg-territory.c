#define G_LOG_DOMAIN "wg-territory"

#include "config.h"

#include <stdlib.h>

#include "wg-admin-paths.h"
#include "wg-error.h"
#include "wg-pg.h"
#include "wg-territory.h"

/* Same key as the migrations: a load never races a migration. */
#define WG_TERRITORY_LOCK_KEY "8470001"
#define WG_TERRITORY_SCRIPT   "territory-dongcheng.sql"

/* The input files, under the names the script reads them by. */
static const struct {
  const char *name;
  const char *file;
} territory_inputs[] = {
  { "boundary", "dongcheng_110101_boundary_wgs84.geojson" },
  { "streets", "dongcheng_streets_nbs2023.csv" },
  { "communities", "dongcheng_communities_nbs2023.csv" },
  { "coords2016", "dongcheng_divisions_2016_with_coords.csv" },
};

char *
wg_territory_find_data_dir (void)
{
  return wg_admin_find_shipped_dir ("data", "data");
}

gboolean
wg_territory_get_counts (PGconn             *conn,
                         WgTerritoryCounts  *counts,
                         GError            **error)
{
  g_autoptr(PGresult) result = NULL;

  result = wg_pg_exec (conn,
                       "SELECT count(*) FILTER (WHERE level = 'district'),"
                       "       count(*) FILTER (WHERE level = 'street'),"
                       "       count(*) FILTER (WHERE level = 'community'),"
                       "       count(*) FILTER (WHERE level = 'grid')"
                       "  FROM regions WHERE path <@ '" WG_TERRITORY_DISTRICT_CODE "'::ltree",
                       0, NULL, error);
  if (result == NULL)
    return FALSE;
  counts->districts = atoi (PQgetvalue (result, 0, 0));
  counts->streets = atoi (PQgetvalue (result, 0, 1));
  counts->communities = atoi (PQgetvalue (result, 0, 2));
  counts->grids = atoi (PQgetvalue (result, 0, 3));
  return TRUE;
}

gboolean
wg_territory_counts_complete (const WgTerritoryCounts *counts)
{
  return counts->districts == 1 &&
         counts->streets == WG_TERRITORY_STREETS &&
         counts->communities == WG_TERRITORY_COMMUNITIES &&
         counts->grids == WG_TERRITORY_GRIDS;
}

static gboolean
wg_territory_read_inputs (const char  *data_dir,
                          GPtrArray   *contents,
                          char       **script,
                          GError     **error)
{
  g_autofree char *script_path = g_build_filename (data_dir, WG_TERRITORY_SCRIPT, NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (territory_inputs); i++)
    {
      g_autofree char *path = g_build_filename (data_dir, territory_inputs[i].file, NULL);
      char *text = NULL;

      if (!g_file_get_contents (path, &text, NULL, error))
        return FALSE;
      if (!g_utf8_validate (text, -1, NULL))
        {
          g_free (text);
          g_set_error (error, WG_ERROR, WG_ERROR_INVALID_INPUT, "%s is not UTF-8", path);
          return FALSE;
        }
      g_ptr_array_add (contents, text);
    }
  return g_file_get_contents (script_path, script, NULL, error);
}

static gboolean
wg_territory_stage_inputs (PGconn      *conn,
                           GPtrArray   *contents,
                           GError     **error)
{
  if (!wg_pg_exec_script (conn, "CREATE TEMP TABLE wg_territory_input (name text, content text) "
                                "ON COMMIT DROP", error))
    return FALSE;
  for (guint i = 0; i < contents->len; i++)
    {
      const char *params[] = { territory_inputs[i].name, g_ptr_array_index (contents, i) };
      g_autoptr(PGresult) result = NULL;

      result = wg_pg_exec (conn, "INSERT INTO wg_territory_input VALUES ($1::text, $2::text)",
                           2, params, error);
      if (result == NULL)
        return FALSE;
    }
  return TRUE;
}

static gboolean
wg_territory_verify (PGconn  *conn,
                     GError **error)
{
  WgTerritoryCounts counts = { 0 };

  if (!wg_territory_get_counts (conn, &counts, error))
    return FALSE;
  if (!wg_territory_counts_complete (&counts))
    {
      g_set_error (error, WG_ERROR, WG_ERROR_INTERNAL,
                   "The generated territory is incomplete: %d streets, %d communities, %d grids",
                   counts.streets, counts.communities, counts.grids);
      return FALSE;
    }
  return TRUE;
}

gboolean
wg_territory_load (PGconn      *conn,
                   const char  *data_dir,
                   GError     **error)
{
  g_autoptr(GPtrArray) contents = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *script = NULL;

  if (!wg_territory_read_inputs (data_dir, contents, &script, error))
    {
      g_prefix_error (error, "Cannot read the territory data: ");
      return FALSE;
    }
  if (!wg_pg_exec_script (conn, "BEGIN", error))
    return FALSE;
  if (!wg_pg_exec_script (conn, "SELECT pg_advisory_xact_lock (" WG_TERRITORY_LOCK_KEY ")", error) ||
      !wg_territory_stage_inputs (conn, contents, error) ||
      !wg_pg_exec_script (conn, script, error) ||
      !wg_territory_verify (conn, error) ||
      !wg_pg_exec_script (conn, "COMMIT", error))
    {
      g_autoptr(PGresult) rollback = PQexec (conn, "ROLLBACK");

      g_prefix_error (error, "Loading the territory failed, nothing was changed: ");
      return FALSE;
    }
  return TRUE;
}
