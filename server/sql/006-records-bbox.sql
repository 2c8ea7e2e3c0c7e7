-- 006: the records of a map layer inside a viewport, under row-level
-- security.  The bounding-box operator (&&) is not leakproof, so with the
-- policy in front of it the spatial index never serves: a viewport read
-- every record of the scope.  Like the text searches (003, 004), this
-- function applies the caller's scope itself so that the GiST index of the
-- layer's geometry serves; the caller selects "id = ANY (…)" and its own
-- policy still applies.
--
-- @layer is a table with a map layer; its geometry column is fixed here
-- (no identifier comes from the caller).
CREATE FUNCTION wg_record_ids_in_box (layer text, min_lon float8, min_lat float8,
                                      max_lon float8, max_lat float8)
  RETURNS bigint[]
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
  DECLARE
    envelope geometry := ST_MakeEnvelope(min_lon, min_lat, max_lon, max_lat, 4326);
  BEGIN
    CASE layer
    WHEN 'house' THEN
      RETURN (SELECT coalesce(array_agg(id), '{}') FROM house
              WHERE point && envelope AND path <@ wg_scope());
    WHEN 'land_parcel' THEN
      RETURN (SELECT coalesce(array_agg(id), '{}') FROM land_parcel
              WHERE geom && envelope AND path <@ wg_scope());
    WHEN 'component' THEN
      RETURN (SELECT coalesce(array_agg(id), '{}') FROM component
              WHERE point && envelope AND path <@ wg_scope());
    WHEN 'organization' THEN
      RETURN (SELECT coalesce(array_agg(id), '{}') FROM organization
              WHERE point && envelope AND path <@ wg_scope());
    WHEN 'underground_space' THEN
      RETURN (SELECT coalesce(array_agg(id), '{}') FROM underground_space
              WHERE point && envelope AND path <@ wg_scope());
    ELSE
      RAISE EXCEPTION 'no map layer %', layer USING ERRCODE = '22023';
    END CASE;
  END
  $$;

REVOKE ALL ON FUNCTION wg_record_ids_in_box (text, float8, float8, float8, float8) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION wg_record_ids_in_box (text, float8, float8, float8, float8) TO wangge_app;

-- Underground spaces had no spatial index.
CREATE INDEX underground_space_point ON underground_space USING gist (point);
