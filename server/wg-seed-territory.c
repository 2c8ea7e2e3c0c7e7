#define G_LOG_DOMAIN "wg-seed"

#include "config.h"

#include <math.h>
#include <string.h>

#include "wg-error.h"
#include "wg-pg.h"
#include "wg-seed-private.h"

static const char grids_sql[] =
  "SELECT g.code, g.path::text, s.name, c.name, c.code, coalesce(g.grid_type, 'residential'),"
  "       ST_Area(g.geom::geography), ST_XMin(g.geom), ST_YMin(g.geom), ST_XMax(g.geom),"
  "       ST_YMax(g.geom),"
  "       row_number() OVER (PARTITION BY c.code ORDER BY g.code) - 1"
  "  FROM regions g JOIN regions c ON c.code = g.parent_code"
  "       JOIN regions s ON s.code = c.parent_code"
  " WHERE g.level = 'grid' AND g.geom IS NOT NULL"
  "   AND (g.valid_to IS NULL OR g.valid_to > current_date)"
  " ORDER BY g.code";

/* Every vertex of every ring, in order; a new (polygon, ring) starts a ring. */
static const char vertices_sql[] =
  "SELECT g.code, d.path[1] * 100000 + d.path[2], ST_X(d.geom), ST_Y(d.geom)"
  "  FROM regions g, ST_DumpPoints(g.geom) AS d"
  " WHERE g.level = 'grid' AND g.geom IS NOT NULL"
  "   AND (g.valid_to IS NULL OR g.valid_to > current_date)"
  " ORDER BY g.code, d.path";

/* Suffixes of the lanes of a community's grids: 多福巷, 多福巷东巷, … */
static const char * const lane_suffixes[] = {
  "胡同", "东巷", "西巷", "南里", "北里", "头条", "二条", "三条", "四条", "五条",
};
static const char * const lane_endings[] = { "巷", "胡同", "街", "路", "条", "里", "口", "坊" };

static void
wg_seed_grid_free (gpointer data)
{
  WgSeedGrid *grid = data;

  g_free (grid->code);
  g_free (grid->path);
  g_free (grid->street_name);
  g_free (grid->community_name);
  g_free (grid->community_code);
  g_free (grid->lane);
  g_array_unref (grid->ring_starts);
  g_array_unref (grid->vertices);
  g_free (grid);
}

static WgSeedGridType
wg_seed_grid_type_from_string (const char *text)
{
  if (g_str_equal (text, "commercial"))
    return WG_SEED_GRID_COMMERCIAL;
  if (g_str_equal (text, "institutional"))
    return WG_SEED_GRID_INSTITUTIONAL;
  if (g_str_equal (text, "crowded"))
    return WG_SEED_GRID_CROWDED;
  return WG_SEED_GRID_RESIDENTIAL;
}

/* 多福巷社区 → 多福巷 (its first grid) or 多福巷东巷; 银闸社区 → 银闸胡同. */
static char *
wg_seed_lane_name (const char *community_name,
                   guint       index)
{
  g_autofree char *stem = g_str_has_suffix (community_name, "社区")
                          ? g_strndup (community_name, strlen (community_name) - strlen ("社区"))
                          : g_strdup (community_name);
  gboolean lane_like = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (lane_endings); i++)
    lane_like = lane_like || g_str_has_suffix (stem, lane_endings[i]);
  if (lane_like && index == 0)
    return g_steal_pointer (&stem);
  return g_strconcat (stem, lane_suffixes[index % G_N_ELEMENTS (lane_suffixes)], NULL);
}

static WgSeedGrid *
wg_seed_grid_new_from_row (PGresult *result,
                           int       row)
{
  WgSeedGrid *grid = g_new0 (WgSeedGrid, 1);

  grid->code = g_strdup (PQgetvalue (result, row, 0));
  grid->path = g_strdup (PQgetvalue (result, row, 1));
  grid->street_name = g_strdup (PQgetvalue (result, row, 2));
  grid->community_name = g_strdup (PQgetvalue (result, row, 3));
  grid->community_code = g_strdup (PQgetvalue (result, row, 4));
  grid->type = wg_seed_grid_type_from_string (PQgetvalue (result, row, 5));
  grid->area_m2 = g_ascii_strtod (PQgetvalue (result, row, 6), NULL);
  grid->min_x = g_ascii_strtod (PQgetvalue (result, row, 7), NULL);
  grid->min_y = g_ascii_strtod (PQgetvalue (result, row, 8), NULL);
  grid->max_x = g_ascii_strtod (PQgetvalue (result, row, 9), NULL);
  grid->max_y = g_ascii_strtod (PQgetvalue (result, row, 10), NULL);
  grid->index_in_community = (guint) g_ascii_strtoull (PQgetvalue (result, row, 11), NULL, 10);
  grid->street_number = (guint) g_ascii_strtoull (grid->code + 6, NULL, 10) / 1000000;
  grid->lane = wg_seed_lane_name (grid->community_name, grid->index_in_community);
  grid->ring_starts = g_array_new (FALSE, FALSE, sizeof (guint));
  grid->vertices = g_array_new (FALSE, FALSE, sizeof (double));
  return grid;
}

static gboolean
wg_seed_grids_load_vertices (PGconn     *conn,
                             GPtrArray  *grids,
                             GError    **error)
{
  g_autoptr(PGresult) result = wg_pg_exec (conn, vertices_sql, 0, NULL, error);
  guint grid_index = 0;
  const char *last_ring = "";

  if (result == NULL)
    return FALSE;
  for (int row = 0; row < PQntuples (result); row++)
    {
      const char *code = PQgetvalue (result, row, 0);
      const char *ring = PQgetvalue (result, row, 1);
      double point[2];
      WgSeedGrid *grid;

      while (grid_index < grids->len &&
             strcmp (((WgSeedGrid *) g_ptr_array_index (grids, grid_index))->code, code) != 0)
        {
          grid_index++;
          last_ring = "";
        }
      if (grid_index == grids->len)
        break;
      grid = g_ptr_array_index (grids, grid_index);
      if (strcmp (ring, last_ring) != 0)
        {
          guint start = grid->vertices->len / 2;

          g_array_append_val (grid->ring_starts, start);
          last_ring = ring;
        }
      point[0] = g_ascii_strtod (PQgetvalue (result, row, 2), NULL);
      point[1] = g_ascii_strtod (PQgetvalue (result, row, 3), NULL);
      g_array_append_vals (grid->vertices, point, 2);
    }
  return TRUE;
}

GPtrArray *
wg_seed_grids_load (PGconn  *conn,
                    GError **error)
{
  g_autoptr(PGresult) result = wg_pg_exec (conn, grids_sql, 0, NULL, error);
  g_autoptr(GPtrArray) grids = g_ptr_array_new_with_free_func (wg_seed_grid_free);

  if (result == NULL)
    return NULL;
  for (int row = 0; row < PQntuples (result); row++)
    g_ptr_array_add (grids, wg_seed_grid_new_from_row (result, row));
  if (grids->len == 0)
    {
      g_set_error (error, WG_ERROR, WG_ERROR_NOT_FOUND,
                   "No grids: load the territory first (wangge-admin load-demo)");
      return NULL;
    }
  if (!wg_seed_grids_load_vertices (conn, grids, error))
    return NULL;
  return g_steal_pointer (&grids);
}

/* Even-odd crossing test over every ring: holes and several polygons come
 * out right without telling outer rings from inner ones. */
gboolean
wg_seed_grid_contains (const WgSeedGrid *grid,
                       double            x,
                       double            y)
{
  const double *v = (const double *) grid->vertices->data;
  guint n_vertices = grid->vertices->len / 2;
  gboolean inside = FALSE;

  if (x < grid->min_x || x > grid->max_x || y < grid->min_y || y > grid->max_y)
    return FALSE;
  for (guint r = 0; r < grid->ring_starts->len; r++)
    {
      guint start = g_array_index (grid->ring_starts, guint, r);
      guint end = r + 1 < grid->ring_starts->len
                  ? g_array_index (grid->ring_starts, guint, r + 1) : n_vertices;

      for (guint i = start, j = end - 1; i < end; j = i++)
        {
          double xi = v[2 * i], yi = v[2 * i + 1], xj = v[2 * j], yj = v[2 * j + 1];

          if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi)
            inside = !inside;
        }
    }
  return inside;
}

/* Liang–Barsky: does the segment touch the box? */
static gboolean
wg_seed_segment_meets_box (double x0, double y0, double x1, double y1,
                           double min_x, double min_y, double max_x, double max_y)
{
  double p[4] = { -(x1 - x0), x1 - x0, -(y1 - y0), y1 - y0 };
  double q[4] = { x0 - min_x, max_x - x0, y0 - min_y, max_y - y0 };
  double enter = 0, leave = 1;

  for (guint i = 0; i < 4; i++)
    {
      double t;

      if (p[i] == 0)
        {
          if (q[i] < 0)
            return FALSE;
          continue;
        }
      t = q[i] / p[i];
      if (p[i] < 0)
        enter = MAX (enter, t);
      else
        leave = MIN (leave, t);
    }
  return enter <= leave;
}

/* The box is inside when a corner is and no edge of the grid touches it. */
gboolean
wg_seed_grid_covers_box (const WgSeedGrid *grid,
                         double            min_x,
                         double            min_y,
                         double            max_x,
                         double            max_y)
{
  const double *v = (const double *) grid->vertices->data;
  guint n_vertices = grid->vertices->len / 2;

  if (!wg_seed_grid_contains (grid, min_x, min_y))
    return FALSE;
  for (guint r = 0; r < grid->ring_starts->len; r++)
    {
      guint start = g_array_index (grid->ring_starts, guint, r);
      guint end = r + 1 < grid->ring_starts->len
                  ? g_array_index (grid->ring_starts, guint, r + 1) : n_vertices;

      for (guint i = start + 1; i < end; i++)
        if (wg_seed_segment_meets_box (v[2 * i - 2], v[2 * i - 1], v[2 * i], v[2 * i + 1],
                                       min_x, min_y, max_x, max_y))
          return FALSE;
    }
  return TRUE;
}

double
wg_seed_round7 (double value)
{
  return round (value * 1e7) / 1e7;
}

void
wg_seed_grid_sample (const WgSeedGrid *grid,
                     WgSeedRandom     *random,
                     double           *x,
                     double           *y)
{
  for (guint attempt = 0; attempt < 10000; attempt++)
    {
      double px = wg_seed_round7 (grid->min_x + wg_seed_random_double (random) * (grid->max_x - grid->min_x));
      double py = wg_seed_round7 (grid->min_y + wg_seed_random_double (random) * (grid->max_y - grid->min_y));

      if (wg_seed_grid_contains (grid, px, py))
        {
          *x = px;
          *y = py;
          return;
        }
    }
  g_warning ("No point found inside grid %s; using its first vertex", grid->code);
  *x = g_array_index (grid->vertices, double, 0);
  *y = g_array_index (grid->vertices, double, 1);
}

void
wg_seed_grid_near (const WgSeedGrid *grid,
                   WgSeedRandom     *random,
                   double            radius_m,
                   double           *x,
                   double           *y)
{
  for (guint attempt = 0; attempt < 8; attempt++)
    {
      double dx = (wg_seed_random_double (random) * 2 - 1) * radius_m;
      double dy = (wg_seed_random_double (random) * 2 - 1) * radius_m;
      double px = wg_seed_round7 (*x + dx / WG_SEED_METRES_PER_DEGREE_X);
      double py = wg_seed_round7 (*y + dy / WG_SEED_METRES_PER_DEGREE_Y);

      if (wg_seed_grid_contains (grid, px, py))
        {
          *x = px;
          *y = py;
          return;
        }
    }
}
