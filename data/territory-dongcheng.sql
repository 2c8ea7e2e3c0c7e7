-- territory-dongcheng.sql — builds the Dongcheng (110101) territory tree.
--
-- Run by `wangge-admin load-territory` inside the one transaction of the
-- load, as the owning role.  The caller first fills the temporary table
--   wg_territory_input (name text, content text)
-- with the text of the four files of this folder:
--   'boundary'    dongcheng_110101_boundary_wgs84.geojson (real outline)
--   'streets'     dongcheng_streets_nbs2023.csv           (17 real streets)
--   'communities' dongcheng_communities_nbs2023.csv       (169 real communities)
--   'coords2016'  dongcheng_divisions_2016_with_coords.csv (centre points)
-- and then runs this file.  It writes (upserts) the rows of `regions`.
--
-- Only the outline and the codes and names are real.  Street, community and
-- grid polygons are generated and marked synthetic:
--   1. a seed point per street: its 2016 centre point, else the mean of its
--      communities' known points, else a seeded random point;
--   2. street areas = Voronoi cells of the street seeds clipped to the
--      outline;
--   3. per street, a seed per community (its known point when it falls in the
--      street area, else a seeded random point), relaxed by Lloyd iterations
--      (known points stay put), Voronoi cells clipped to the street area;
--   4. 589 grids shared out over the communities in proportion to area
--      (largest remainder, at least one each); per community, k seeded random
--      points, Lloyd-relaxed, Voronoi cells clipped to the community area;
--   (at each level a cell cut into pieces by a concave parent keeps the piece
--   with its seed; the other pieces join their longest-bordering neighbour)
--   5. a community polygon is the area its grids were cut from, so it is the
--      union of its grids (to rounding: ST_Union of the grids would only add
--      noise slivers); a street polygon likewise is the union of its
--      communities; the district keeps the real outline.
-- Grids are numbered 001… inside their community by the centroid of the
-- grid: latitude descending (north first), then longitude ascending (west
-- first).  Type and grade come from an MD5 of the grid code, so that the
-- whole load is deterministic (ST_GeneratePoints is given fixed seeds).

SET LOCAL client_min_messages = warning;

-- Parameters of the generation.
CREATE TEMP TABLE wg_t_params ON COMMIT DROP AS
SELECT '110101'::text AS district_code,
       '东城区'::text AS district_name,
       589 AS grid_total,
       6 AS lloyd_iterations;

-- ---------------------------------------------------------------- inputs

CREATE TEMP TABLE wg_t_outline ON COMMIT DROP AS
SELECT ST_Multi (ST_CollectionExtract (ST_MakeValid (ST_SetSRID (
         ST_GeomFromGeoJSON ((content::json) -> 'features' -> 0 -> 'geometry'), 4326)), 3)) AS geom
  FROM wg_territory_input WHERE name = 'boundary';

CREATE TEMP TABLE wg_t_csv ON COMMIT DROP AS
SELECT i.name AS file, l.n, string_to_array (l.line, ',') AS f
  FROM wg_territory_input i,
       regexp_split_to_table (i.content, E'\r?\n') WITH ORDINALITY AS l (line, n)
 WHERE i.name IN ('streets', 'communities', 'coords2016')
   AND l.n > 1 AND l.line <> '';

-- Known points (WGS-84) from the 2016 file, only where inside the outline.
CREATE TEMP TABLE wg_t_known ON COMMIT DROP AS
SELECT c.f[1] AS code12, ST_SetSRID (ST_MakePoint (c.f[7]::float8, c.f[8]::float8), 4326) AS pt
  FROM wg_t_csv c, wg_t_outline o
 WHERE c.file = 'coords2016' AND c.f[7] <> '' AND c.f[8] <> ''
   AND ST_Within (ST_SetSRID (ST_MakePoint (c.f[7]::float8, c.f[8]::float8), 4326), o.geom);

CREATE TEMP TABLE wg_t_street ON COMMIT DROP AS
SELECT f[1] AS code9, f[3] AS name, NULL::geometry AS seed, NULL::geometry AS area
  FROM wg_t_csv WHERE file = 'streets' AND f[4] = '110101';

CREATE TEMP TABLE wg_t_community ON COMMIT DROP AS
SELECT f[1] AS code12, regexp_replace (f[2], '(居民委员会|居委会)$', '') AS name,
       f[3] AS code9, NULL::geometry AS seed, false AS known,
       NULL::geometry AS area, 0 AS grids
  FROM wg_t_csv WHERE file = 'communities' AND f[5] = '110101';

DO $$
BEGIN
  IF (SELECT count(*) FROM wg_t_outline WHERE geom IS NOT NULL) <> 1 THEN
    RAISE EXCEPTION 'the district outline could not be read';
  END IF;
  IF (SELECT count(*) FROM wg_t_street) <> 17
     OR (SELECT count(*) FROM wg_t_community) <> 169
     OR EXISTS (SELECT FROM wg_t_community c
                 WHERE NOT EXISTS (SELECT FROM wg_t_street s WHERE s.code9 = c.code9)) THEN
    RAISE EXCEPTION 'expected 17 streets and 169 communities of 110101 in the input files';
  END IF;
END
$$;

-- ------------------------------------------------------------- helpers

-- The Voronoi cell of each seed, clipped to @area; idx is the position of
-- the seed in @seeds (1-based).  A single seed gets the whole area.
CREATE OR REPLACE FUNCTION pg_temp.wg_cells (area geometry, seeds geometry[])
RETURNS TABLE (idx int, cell geometry)
LANGUAGE sql IMMUTABLE AS $f$
  WITH s AS (SELECT p, i::int AS i FROM unnest (seeds) WITH ORDINALITY AS u (p, i)),
       v AS (SELECT (ST_Dump (ST_VoronoiPolygons (ST_Collect (seeds), 0.0,
                                                  ST_Expand (area, 0.05)))).geom AS vc
              WHERE cardinality (seeds) > 1)
  SELECT s.i, ST_Multi (ST_CollectionExtract (ST_MakeValid (ST_Intersection (v.vc, area)), 3))
    FROM s JOIN v ON ST_Contains (v.vc, s.p)
  UNION ALL
  SELECT 1, ST_Multi (area) WHERE cardinality (seeds) = 1
$f$;

-- Like wg_cells, but a cell cut into pieces by a concave area keeps only the
-- piece holding its seed (or its largest); every other piece joins the
-- neighbouring cell it shares the longest border with, so that regions are
-- contiguous.  Pieces stay inside @area, so the cells still tile it.
CREATE OR REPLACE FUNCTION pg_temp.wg_cells_contiguous (area geometry, seeds geometry[])
RETURNS TABLE (idx int, cell geometry)
LANGUAGE plpgsql IMMUTABLE AS $f$
DECLARE
  cells geometry[];
  own geometry;
  piece record;
  best int;
BEGIN
  SELECT array_agg (c.cell ORDER BY c.idx) INTO cells FROM pg_temp.wg_cells (area, seeds) c;
  FOR i IN 1 .. coalesce (cardinality (cells), 0) LOOP
    CONTINUE WHEN ST_NumGeometries (cells[i]) < 2;
    SELECT d.geom INTO own FROM ST_Dump (cells[i]) d
     ORDER BY ST_Intersects (d.geom, seeds[i]) DESC, ST_Area (d.geom) DESC, d.path LIMIT 1;
    FOR piece IN SELECT d.geom FROM ST_Dump (cells[i]) d
                  WHERE NOT ST_Equals (d.geom, own) ORDER BY d.path LOOP
      SELECT j INTO best FROM generate_subscripts (cells, 1) AS j
       WHERE j <> i AND ST_Intersects (cells[j], ST_Buffer (piece.geom, 1e-6))
         AND ST_Area (ST_Intersection (cells[j], ST_Buffer (piece.geom, 1e-6))) > 1e-11
       ORDER BY ST_Area (ST_Intersection (cells[j], ST_Buffer (piece.geom, 1e-6))) DESC, j
       LIMIT 1;
      IF best IS NULL THEN
        own := ST_Union (own, piece.geom);
      ELSE
        cells[best] := ST_Multi (ST_CollectionExtract (ST_MakeValid (
                         ST_Union (cells[best], piece.geom)), 3));
      END IF;
    END LOOP;
    cells[i] := ST_Multi (ST_CollectionExtract (ST_MakeValid (own), 3));
  END LOOP;
  RETURN QUERY SELECT j, cells[j] FROM generate_subscripts (cells, 1) AS j;
END
$f$;

-- Lloyd relaxation: moves each free seed to the centroid of its clipped cell
-- (or a point on its surface when the centroid falls outside the cell).
CREATE OR REPLACE FUNCTION pg_temp.wg_lloyd (area geometry, seeds geometry[],
                                            fixed boolean[], iterations int)
RETURNS geometry[]
LANGUAGE plpgsql IMMUTABLE AS $f$
DECLARE
  moved geometry[];
BEGIN
  IF cardinality (seeds) < 2 THEN
    RETURN seeds;
  END IF;
  FOR step IN 1 .. iterations LOOP
    SELECT array_agg (CASE WHEN fixed[c.idx] OR c.cell IS NULL OR ST_IsEmpty (c.cell) THEN seeds[c.idx]
                           WHEN ST_Within (ST_Centroid (c.cell), c.cell) THEN ST_Centroid (c.cell)
                           ELSE ST_PointOnSurface (c.cell) END ORDER BY c.idx)
      INTO moved
      FROM pg_temp.wg_cells (area, seeds) c;
    IF cardinality (moved) <> cardinality (seeds) THEN
      RETURN seeds;   -- a degenerate diagram: keep the last good seeds
    END IF;
    seeds := moved;
  END LOOP;
  RETURN seeds;
END
$f$;

-- A positive 31-bit seed for ST_GeneratePoints, from a text key.
CREATE OR REPLACE FUNCTION pg_temp.wg_seed (key text)
RETURNS int LANGUAGE sql IMMUTABLE AS $f$
  SELECT 1 + (('x' || substr (md5 (key), 1, 8))::bit(32)::bigint % 2147483000)::int
$f$;

-- A number in 0..99 from a text key.
CREATE OR REPLACE FUNCTION pg_temp.wg_percent (key text)
RETURNS int LANGUAGE sql IMMUTABLE AS $f$
  SELECT (('x' || substr (md5 (key), 1, 8))::bit(32)::bigint % 100)::int
$f$;

-- ------------------------------------------------------------- streets

-- Known street centre (code 110101sss000 in the 2016 file) …
UPDATE wg_t_street s SET seed = k.pt
  FROM wg_t_known k WHERE k.code12 = s.code9 || '000';
-- … else the mean of its communities' known points …
UPDATE wg_t_street s SET seed = m.pt
  FROM (SELECT c.code9, ST_Centroid (ST_Collect (k.pt)) AS pt
          FROM wg_t_community c JOIN wg_t_known k ON k.code12 = c.code12
         GROUP BY c.code9) m
 WHERE s.seed IS NULL AND m.code9 = s.code9;
-- … else a seeded random point in the district.
UPDATE wg_t_street s SET seed = (SELECT ST_GeometryN (ST_GeneratePoints (o.geom, 1,
                                          pg_temp.wg_seed ('street:' || s.code9)), 1)
                                   FROM wg_t_outline o)
 WHERE s.seed IS NULL;

UPDATE wg_t_street s SET area = x.cell
  FROM (SELECT a.codes[c.idx] AS code9, c.cell
          FROM (SELECT array_agg (code9 ORDER BY code9) AS codes,
                       array_agg (seed ORDER BY code9) AS seeds FROM wg_t_street) a,
               wg_t_outline o, pg_temp.wg_cells_contiguous (o.geom, a.seeds) c) x
 WHERE s.code9 = x.code9;

-- --------------------------------------------------------- communities

UPDATE wg_t_community c SET seed = k.pt, known = true
  FROM wg_t_known k, wg_t_street s
 WHERE k.code12 = c.code12 AND s.code9 = c.code9 AND ST_Within (k.pt, s.area);
-- Two known points within ~20 m of each other would make one Voronoi cell:
-- the later code gets a generated point instead.
UPDATE wg_t_community c SET seed = NULL, known = false
 WHERE c.known AND EXISTS (SELECT FROM wg_t_community d
                            WHERE d.code9 = c.code9 AND d.known AND d.code12 < c.code12
                              AND ST_DWithin (d.seed, c.seed, 0.0002));
UPDATE wg_t_community c SET seed = g.pt
  FROM (SELECT m.code12, ST_GeometryN (ST_GeneratePoints (s.area, m.n_free::int,
                                         pg_temp.wg_seed ('community:' || s.code9)), m.rank) AS pt
          FROM wg_t_street s
          JOIN (SELECT code12, code9,
                       count(*) OVER (PARTITION BY code9) AS n_free,
                       (row_number () OVER (PARTITION BY code9 ORDER BY code12))::int AS rank
                  FROM wg_t_community WHERE seed IS NULL) m ON m.code9 = s.code9) g
 WHERE c.code12 = g.code12;

CREATE TEMP TABLE wg_t_street_seeds ON COMMIT DROP AS
SELECT s.code9, s.area,
       array_agg (c.code12 ORDER BY c.code12) AS codes,
       pg_temp.wg_lloyd (s.area, array_agg (c.seed ORDER BY c.code12),
                         array_agg (c.known ORDER BY c.code12),
                         (SELECT lloyd_iterations FROM wg_t_params)) AS seeds
  FROM wg_t_street s JOIN wg_t_community c ON c.code9 = s.code9
 GROUP BY s.code9, s.area;

UPDATE wg_t_community c SET seed = x.seeds[x.i], area = x.cell
  FROM (SELECT ss.codes[cl.idx] AS code12, ss.seeds, cl.idx AS i, cl.cell
          FROM wg_t_street_seeds ss, pg_temp.wg_cells_contiguous (ss.area, ss.seeds) cl) x
 WHERE c.code12 = x.code12;

-- ------------------------------------------------- grids per community

-- One grid each, then the rest by largest remainder of the area share
-- (ties by code), so that the total is exactly grid_total.
WITH share AS (
  SELECT c.code12,
         ((SELECT grid_total FROM wg_t_params) - count(*) OVER ())
           * ST_Area (c.area) / sum (ST_Area (c.area)) OVER () AS quota
    FROM wg_t_community c),
floor_part AS (
  SELECT code12, quota, floor (quota)::int AS base,
         (SELECT grid_total FROM wg_t_params) - (SELECT count(*) FROM wg_t_community)
           - sum (floor (quota)::int) OVER () AS left_over
    FROM share),
ranked AS (
  SELECT code12, base, left_over,
         row_number () OVER (ORDER BY quota - base DESC, code12) AS r
    FROM floor_part)
UPDATE wg_t_community c
   SET grids = 1 + r.base + CASE WHEN r.r <= r.left_over THEN 1 ELSE 0 END
  FROM ranked r WHERE r.code12 = c.code12;

CREATE TEMP TABLE wg_t_grid_seeds ON COMMIT DROP AS
SELECT c.code12, c.area,
       pg_temp.wg_lloyd (c.area, g.seeds, array_fill (false, ARRAY[c.grids]),
                         (SELECT lloyd_iterations FROM wg_t_params)) AS seeds
  FROM wg_t_community c,
       LATERAL (SELECT array_agg (d.geom ORDER BY d.path) AS seeds
                  FROM ST_Dump (ST_GeneratePoints (c.area, c.grids,
                                  pg_temp.wg_seed ('grid:' || c.code12))) d) g
 WHERE c.grids > 1
UNION ALL
SELECT c.code12, c.area, ARRAY[ST_PointOnSurface (c.area)]
  FROM wg_t_community c WHERE c.grids = 1;

CREATE TEMP TABLE wg_t_grid ON COMMIT DROP AS
SELECT code12, code12 || lpad (row_number () OVER (PARTITION BY code12
                                 ORDER BY ST_Y (ST_Centroid (cell)) DESC,
                                          ST_X (ST_Centroid (cell)), idx)::text, 3, '0') AS code15,
       cell AS geom
  FROM (SELECT gs.code12, cl.idx, cl.cell
          FROM wg_t_grid_seeds gs, pg_temp.wg_cells_contiguous (gs.area, gs.seeds) cl) x;

DO $$
BEGIN
  IF (SELECT count(*) FROM wg_t_grid) <> (SELECT grid_total FROM wg_t_params)
     OR EXISTS (SELECT FROM wg_t_community c
                 WHERE NOT EXISTS (SELECT FROM wg_t_grid g WHERE g.code12 = c.code12))
     OR EXISTS (SELECT FROM wg_t_grid WHERE geom IS NULL OR ST_IsEmpty (geom)) THEN
    RAISE EXCEPTION 'grid generation failed: % grids', (SELECT count(*) FROM wg_t_grid);
  END IF;
END
$$;

-- --------------------------------------------------------------- write

CREATE TEMP TABLE wg_t_region ON COMMIT DROP AS
SELECT p.district_code AS code, p.district_name AS name, 'district'::text AS level,
       NULL::text AS parent_code, p.district_code::ltree AS path,
       NULL::text AS grid_type, NULL::text AS grid_grade, false AS synthetic,
       o.geom
  FROM wg_t_params p, wg_t_outline o
UNION ALL
SELECT s.code9, s.name, 'street', '110101', ('110101.' || substr (s.code9, 7, 3))::ltree,
       NULL, NULL, true,
       s.area
  FROM wg_t_street s
UNION ALL
SELECT c.code12, c.name, 'community', c.code9,
       ('110101.' || substr (c.code12, 7, 3) || '.' || substr (c.code12, 10, 3))::ltree,
       NULL, NULL, true,
       c.area
  FROM wg_t_community c
UNION ALL
SELECT g.code15, c.name || '第' || (substr (g.code15, 13, 3)::int)::text || '网格', 'grid', g.code12,
       ('110101.' || substr (g.code15, 7, 3) || '.' || substr (g.code15, 10, 3)
         || '.' || substr (g.code15, 13, 3))::ltree,
       t.grid_type,
       CASE WHEN t.grid_type = 'crowded' AND t.grade = 'routine' THEN 'general' ELSE t.grade END,
       true, g.geom
  FROM wg_t_grid g
  JOIN wg_t_community c ON c.code12 = g.code12,
  LATERAL (SELECT CASE WHEN pg_temp.wg_percent (g.code15 || ':type') < 62 THEN 'residential'
                       WHEN pg_temp.wg_percent (g.code15 || ':type') < 80 THEN 'commercial'
                       WHEN pg_temp.wg_percent (g.code15 || ':type') < 91 THEN 'institutional'
                       ELSE 'crowded' END AS grid_type,
                  CASE WHEN pg_temp.wg_percent (g.code15 || ':grade') < 55 THEN 'routine'
                       WHEN pg_temp.wg_percent (g.code15 || ':grade') < 80 THEN 'general'
                       WHEN pg_temp.wg_percent (g.code15 || ':grade') < 94 THEN 'key'
                       ELSE 'comprehensive' END AS grade) t;

-- Regions of 110101 that the new tree no longer has (a re-grid): deepest
-- first.  Units referring to them make this fail, which is what we want.
DELETE FROM regions r
 WHERE r.path <@ '110101'::ltree
   AND NOT EXISTS (SELECT FROM wg_t_region n WHERE n.code = r.code)
   AND r.level = 'grid';
DELETE FROM regions r
 WHERE r.path <@ '110101'::ltree
   AND NOT EXISTS (SELECT FROM wg_t_region n WHERE n.code = r.code)
   AND r.level = 'community';
DELETE FROM regions r
 WHERE r.path <@ '110101'::ltree
   AND NOT EXISTS (SELECT FROM wg_t_region n WHERE n.code = r.code);

INSERT INTO regions AS r (code, name, level, parent_code, path, grid_type, grid_grade,
                          synthetic, geom)
SELECT code, name, level, parent_code, path, grid_type, grid_grade, synthetic, geom
  FROM wg_t_region
 ORDER BY length (code), code
ON CONFLICT (code) DO UPDATE
   SET name = EXCLUDED.name, level = EXCLUDED.level, parent_code = EXCLUDED.parent_code,
       path = EXCLUDED.path, grid_type = EXCLUDED.grid_type, grid_grade = EXCLUDED.grid_grade,
       synthetic = EXCLUDED.synthetic, geom = EXCLUDED.geom;
