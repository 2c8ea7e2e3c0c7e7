-- 005: people by the address of where they live — the households of the
-- houses whose address holds the text, and the current residents of those
-- houses.  Like the other searches under row-level security, the function
-- applies the caller's scope itself so that the address's bigram index
-- serves; the caller selects "id = ANY (…)" and its own policy still
-- applies to the people.
CREATE FUNCTION wg_person_ids_by_address (q text) RETURNS bigint[]
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    WITH houses AS (
      SELECT id FROM house
      WHERE path <@ wg_scope()
        AND wg_bigrams(address) @> wg_bigrams(q)
        AND strpos(address, q) > 0
    )
    SELECT coalesce(array_agg(DISTINCT person_id), '{}')
    FROM (
      SELECT m.person_id
      FROM houses o
      JOIN household h ON h.house_id = o.id
      JOIN household_member m ON m.household_id = h.id
      UNION ALL
      SELECT r.person_id
      FROM houses o
      JOIN residence r ON r.house_id = o.id
      WHERE r.to_date IS NULL OR r.to_date >= current_date
    ) AS living
  $$;

REVOKE ALL ON FUNCTION wg_person_ids_by_address (text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION wg_person_ids_by_address (text) TO wangge_app;
