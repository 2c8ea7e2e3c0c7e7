-- 004: text search of the other records under row-level security, the
-- names of the regions above a user's scope, phones stored as digits, and
-- the indexes the diary and the grid summary read by.

-- Houses by address, organizations by name, through their bigram indexes.
-- Like wg_person_ids_by_name (003), these apply the caller's scope
-- themselves so that the GIN index serves under RLS; the caller selects
-- "id = ANY (…)" and its own policy still applies.
CREATE FUNCTION wg_house_ids_by_address (q text) RETURNS bigint[]
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    SELECT coalesce(array_agg(id), '{}')
    FROM house
    WHERE path <@ wg_scope()
      AND wg_bigrams(address) @> wg_bigrams(q)
      AND strpos(address, q) > 0
  $$;

CREATE FUNCTION wg_organization_ids_by_name (q text) RETURNS bigint[]
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    SELECT coalesce(array_agg(id), '{}')
    FROM organization
    WHERE path <@ wg_scope()
      AND wg_bigrams(name) @> wg_bigrams(q)
      AND strpos(name, q) > 0
  $$;

-- The code and name of each of @codes that is the user's own region, one
-- above it, or one inside it.  RLS on regions shows only the scope and what
-- lies inside; the names of the street and district above a community user
-- are no secret and belong in the chain person → household → house → grid.
CREATE FUNCTION wg_region_names (codes text[])
  RETURNS TABLE (code text, name text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    SELECT r.code, r.name FROM regions r
    WHERE r.code = ANY (codes)
      AND (r.path @> wg_scope() OR r.path <@ wg_scope())
  $$;

REVOKE ALL ON FUNCTION wg_house_ids_by_address (text) FROM PUBLIC;
REVOKE ALL ON FUNCTION wg_organization_ids_by_name (text) FROM PUBLIC;
REVOKE ALL ON FUNCTION wg_region_names (text[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION wg_house_ids_by_address (text) TO wangge_app;
GRANT EXECUTE ON FUNCTION wg_organization_ids_by_name (text) TO wangge_app;
GRANT EXECUTE ON FUNCTION wg_region_names (text[]) TO wangge_app;

-- Phones are stored as their digits (the API normalises "010-6512 3456"),
-- so that a prefix search finds landlines as well as mobiles.
UPDATE person SET phone = regexp_replace(phone, '[^0-9]', '', 'g') WHERE phone ~ '[^0-9]';
UPDATE organization SET contact_phone = regexp_replace(contact_phone, '[^0-9]', '', 'g')
  WHERE contact_phone ~ '[^0-9]';
UPDATE grid_staff SET phone = regexp_replace(phone, '[^0-9]', '', 'g') WHERE phone ~ '[^0-9]';

-- The diary is read by grid and date, newest first, and by author.
CREATE INDEX diary_entry_grid_date ON diary_entry (path, entry_date DESC, id DESC);
CREATE INDEX diary_entry_author ON diary_entry (author_id, entry_date DESC);
CREATE INDEX diary_entry_follow_up ON diary_entry (path) WHERE follow_up;

-- Lists of the other records page by id within a community or grid.
CREATE INDEX household_path_id ON household (path, id);
CREATE INDEX land_parcel_path_id ON land_parcel (path, id);
CREATE INDEX component_path_id ON component (path, id);
CREATE INDEX organization_path_id ON organization (path, id);
CREATE INDEX underground_space_path_id ON underground_space (path, id);
CREATE INDEX residence_path ON residence USING gist (path);
CREATE INDEX household_member_path ON household_member USING gist (path);

-- Staff assignments are edited like the other records: a version for
-- If-Match and their times.
ALTER TABLE grid_staff
  ADD COLUMN version integer NOT NULL DEFAULT 1,
  ADD COLUMN created_at timestamptz NOT NULL DEFAULT now(),
  ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
CREATE TRIGGER grid_staff_touch BEFORE UPDATE ON grid_staff
  FOR EACH ROW EXECUTE FUNCTION wg_touch ();
