-- 003: name search that can use the bigram index under row-level security.
--
-- PostgreSQL pushes a query's filter below an RLS policy only through
-- leakproof operators; array @> (the bigram index), LIKE and ltree <@ are
-- not, so a district-wide name search scanned every person in scope
-- (~450 ms over 1.2 M people).  This function applies the caller's scope
-- itself, as the policy would, and can use both the path and the bigram
-- indexes; the caller then selects "id = ANY (…)", which is leakproof, and
-- its own policy still applies.

CREATE FUNCTION wg_person_ids_by_name (q text) RETURNS bigint[]
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
    SELECT coalesce(array_agg(id), '{}')
    FROM person
    WHERE path <@ wg_scope()
      AND name_bigrams @> wg_bigrams(q)
      AND strpos(name, q) > 0
  $$;

REVOKE ALL ON FUNCTION wg_person_ids_by_name (text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION wg_person_ids_by_name (text) TO wangge_app;
