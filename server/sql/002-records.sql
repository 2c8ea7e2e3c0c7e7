-- 002: the records of the territory (人、地、事、物、情、组织、房屋), the
-- diary, grid staff, and the append-only, hash-chained audit log.
--
-- Every record carries the ltree path of its grid, so that scope is one
-- indexed predicate and row-level security compares it with wangge.scope.
-- Personal ID numbers are never stored in clear: the server encrypts them
-- (libsodium AEAD, key outside the database) and stores a keyed blind index
-- for exact lookup and the masked form for display.

-- The user's scope, read once per statement by the policies.
CREATE FUNCTION wg_scope () RETURNS ltree
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT nullif(current_setting('wangge.scope', true), '')::ltree $$;

CREATE FUNCTION wg_user_id () RETURNS bigint
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT nullif(current_setting('wangge.user_id', true), '')::bigint $$;

-- Character bigrams of a name: pg_trgm extracts nothing useful from two-
-- character Chinese names, so names are indexed by their bigrams (GIN) and
-- a search for "小明" looks for rows whose bigrams contain {小明}.  A single
-- character is its own "bigram" so that one-character names still index.
CREATE FUNCTION wg_bigrams (value text) RETURNS text[]
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$
    SELECT CASE WHEN length(value) < 2 THEN ARRAY[value]
                ELSE ARRAY(SELECT DISTINCT substr(value, i, 2)
                           FROM generate_series(1, length(value) - 1) AS i) END
  $$;

-- The grid containing a point, among the grids the caller may see.
CREATE FUNCTION wg_grid_path_at (point geometry) RETURNS ltree
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$
    SELECT path FROM regions
    WHERE level = 'grid' AND (valid_to IS NULL OR valid_to > current_date)
      AND ST_Covers(geom, point)
    ORDER BY code LIMIT 1
  $$;

-- BEFORE INSERT OR UPDATE: when a point is given and the path is not, the
-- grid is found by point-in-polygon; a point in no visible grid is refused
-- with SQLSTATE 22023 and the column in the message's detail.
CREATE FUNCTION wg_fill_path_from_point () RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    IF NEW.path IS NULL AND NEW.point IS NOT NULL THEN
      NEW.path := wg_grid_path_at(NEW.point);
      IF NEW.path IS NULL THEN
        RAISE EXCEPTION 'the point is in no grid of the territory'
          USING ERRCODE = '22023', COLUMN = 'point';
      END IF;
    END IF;
    RETURN NEW;
  END
  $$;

CREATE FUNCTION wg_touch () RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    NEW.updated_at := now();
    RETURN NEW;
  END
  $$;

-- People.
CREATE TABLE person (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  path             ltree NOT NULL,
  name             text NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
  name_bigrams     text[] GENERATED ALWAYS AS (wg_bigrams(name)) STORED,
  sex              text NOT NULL CHECK (sex IN ('male', 'female')),
  birth_date       date NOT NULL CHECK (birth_date >= DATE '1850-01-01'),
  ethnicity        text CHECK (length(ethnicity) <= 20),
  phone            text CHECK (length(phone) <= 20),
  id_cipher        bytea,                 -- nonce || XChaCha20-Poly1305 ciphertext
  id_blind         bytea CHECK (length(id_blind) = 32),  -- keyed BLAKE2b
  id_masked        text CHECK (id_masked ~ '^[0-9]{6}\*{8}[0-9]{3}[0-9X]$'),
  residence_status text NOT NULL CHECK (residence_status IN ('registered', 'floating', 'foreign')),
  origin_code      text CHECK (origin_code ~ '^[0-9]{6}$'),
  nationality      text CHECK (length(nationality) <= 60),  -- foreign residents
  version          integer NOT NULL DEFAULT 1,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  CHECK ((id_cipher IS NULL) = (id_blind IS NULL) AND (id_blind IS NULL) = (id_masked IS NULL))
);
CREATE INDEX person_path ON person USING gist (path);
CREATE INDEX person_path_id ON person (path, id);
CREATE UNIQUE INDEX person_id_blind ON person (id_blind) WHERE id_blind IS NOT NULL;
CREATE INDEX person_name_bigrams ON person USING gin (name_bigrams);
CREATE INDEX person_phone ON person (phone) WHERE phone IS NOT NULL;

-- Special groups (elderly living alone, disability, …), with dates.
CREATE TABLE person_tag (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  person_id  bigint NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  path       ltree NOT NULL,
  tag        text NOT NULL CHECK (tag IN ('elderly_alone', 'disability', 'low_income',
                                          'community_correction', 'released_prisoner',
                                          'drug_rehabilitation', 'mental_disorder',
                                          'left_behind_child', 'veteran', 'key_youth')),
  from_date  date NOT NULL,
  to_date    date,
  note       text CHECK (length(note) <= 500),
  CHECK (to_date IS NULL OR to_date >= from_date)
);
CREATE INDEX person_tag_person ON person_tag (person_id);
CREATE INDEX person_tag_path_tag ON person_tag USING gist (path);
CREATE INDEX person_tag_tag ON person_tag (tag, path);

-- Houses: building → unit → room, a point, what it is used for.
CREATE TABLE house (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  path        ltree NOT NULL,
  address     text NOT NULL CHECK (length(address) BETWEEN 1 AND 200),
  building    text CHECK (length(building) <= 40),
  unit        text CHECK (length(unit) <= 20),
  room        text CHECK (length(room) <= 20),
  point       geometry (Point, 4326),
  use         text NOT NULL CHECK (use IN ('residential', 'commercial', 'office', 'mixed',
                                            'public', 'other')),
  floor_area  numeric(10, 2) CHECK (floor_area > 0 AND floor_area < 1000000),
  version     integer NOT NULL DEFAULT 1,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX house_path ON house USING gist (path);
CREATE INDEX house_path_id ON house (path, id);
CREATE INDEX house_point ON house USING gist (point);
CREATE INDEX house_address_bigrams ON house USING gin (wg_bigrams(address));

-- Households, their members and the house they live in.
CREATE TABLE household (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  path        ltree NOT NULL,
  house_id    bigint REFERENCES house (id) ON DELETE SET NULL,
  kind        text NOT NULL DEFAULT 'family' CHECK (kind IN ('family', 'collective')),
  version     integer NOT NULL DEFAULT 1,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX household_path ON household USING gist (path);
CREATE INDEX household_house ON household (house_id);

CREATE TABLE household_member (
  person_id     bigint PRIMARY KEY REFERENCES person (id) ON DELETE CASCADE,
  household_id  bigint NOT NULL REFERENCES household (id) ON DELETE CASCADE,
  path          ltree NOT NULL,
  relation      text NOT NULL CHECK (relation IN ('head', 'spouse', 'child', 'parent',
                                                  'grandchild', 'grandparent', 'sibling',
                                                  'child_in_law', 'other'))
);
CREATE INDEX household_member_household ON household_member (household_id);
CREATE UNIQUE INDEX household_one_head ON household_member (household_id) WHERE relation = 'head';

-- Who lives where: owner, tenant, resident, from/to.
CREATE TABLE residence (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  person_id  bigint NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  house_id   bigint NOT NULL REFERENCES house (id) ON DELETE CASCADE,
  path       ltree NOT NULL,
  kind       text NOT NULL CHECK (kind IN ('owner', 'tenant', 'resident')),
  from_date  date NOT NULL,
  to_date    date,
  CHECK (to_date IS NULL OR to_date >= from_date)
);
CREATE INDEX residence_person ON residence (person_id);
CREATE INDEX residence_house ON residence (house_id);

-- Land parcels.
CREATE TABLE land_parcel (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  path        ltree NOT NULL,
  code        text NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 40),
  geom        geometry (MultiPolygon, 4326) NOT NULL,
  point       geometry (Point, 4326) GENERATED ALWAYS AS (ST_PointOnSurface(geom)) STORED,
  use         text NOT NULL CHECK (use IN ('residential', 'commercial', 'industrial',
                                            'public_service', 'green', 'road', 'water',
                                            'heritage', 'other')),
  area_m2     numeric(12, 2) NOT NULL CHECK (area_m2 > 0),
  holder      text CHECK (length(holder) <= 200),
  version     integer NOT NULL DEFAULT 1,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX land_parcel_path ON land_parcel USING gist (path);
CREATE INDEX land_parcel_geom ON land_parcel USING gist (geom);

-- City components (部件), CJ/T-style class codes.
CREATE TABLE component (
  id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  path              ltree NOT NULL,
  class_code        text NOT NULL CHECK (class_code ~ '^0[1-6][0-9]{2}$'),
  name              text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  point             geometry (Point, 4326) NOT NULL,
  owner_unit        text CHECK (length(owner_unit) <= 100),
  maintainer_unit   text CHECK (length(maintainer_unit) <= 100),
  state             text NOT NULL DEFAULT 'normal'
                    CHECK (state IN ('normal', 'damaged', 'missing', 'removed')),
  version           integer NOT NULL DEFAULT 1,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX component_path ON component USING gist (path);
CREATE INDEX component_point ON component USING gist (point);
CREATE INDEX component_class ON component (class_code, path);

-- Organizations.
CREATE TABLE organization (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  path           ltree NOT NULL,
  kind           text NOT NULL CHECK (kind IN ('enterprise', 'individual_business',
                                               'social_organization', 'institution',
                                               'government', 'other')),
  name           text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  credit_code    text UNIQUE CHECK (credit_code ~ '^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$'),
  address        text CHECK (length(address) <= 200),
  point          geometry (Point, 4326),
  contact_name   text CHECK (length(contact_name) <= 60),
  contact_phone  text CHECK (length(contact_phone) <= 20),
  version        integer NOT NULL DEFAULT 1,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX organization_path ON organization USING gist (path);
CREATE INDEX organization_point ON organization USING gist (point);
CREATE INDEX organization_name_bigrams ON organization USING gin (wg_bigrams(name));

-- Underground spaces.
CREATE TABLE underground_space (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  path        ltree NOT NULL,
  name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  kind        text NOT NULL CHECK (kind IN ('parking', 'civil_defence', 'basement',
                                             'passage', 'commercial', 'other')),
  address     text CHECK (length(address) <= 200),
  point       geometry (Point, 4326),
  area_m2     numeric(12, 2) CHECK (area_m2 > 0),
  manager     text CHECK (length(manager) <= 100),
  version     integer NOT NULL DEFAULT 1,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX underground_space_path ON underground_space USING gist (path);

-- Grid staff: the seven forces of each grid.
CREATE TABLE grid_staff (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  path       ltree NOT NULL,               -- the grid's path
  force      text NOT NULL CHECK (force IN ('manager', 'assistant', 'police', 'supervisor',
                                             'judicial', 'firefighter', 'party_secretary')),
  name       text NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
  phone      text CHECK (length(phone) <= 20),
  user_id    bigint REFERENCES users (id),
  from_date  date NOT NULL DEFAULT current_date,
  to_date    date,
  CHECK (to_date IS NULL OR to_date >= from_date)
);
CREATE INDEX grid_staff_path ON grid_staff USING gist (path);

-- 民情日志: what grid staff heard on their rounds.
CREATE TABLE diary_entry (
  id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  path                ltree NOT NULL,      -- the grid's path
  author_id           bigint NOT NULL REFERENCES users (id),
  entry_date          date NOT NULL,
  households_visited  integer NOT NULL DEFAULT 0 CHECK (households_visited BETWEEN 0 AND 500),
  topics              text[] NOT NULL DEFAULT '{}',
  body                text NOT NULL CHECK (length(body) BETWEEN 1 AND 5000),
  follow_up           boolean NOT NULL DEFAULT false,
  version             integer NOT NULL DEFAULT 1,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX diary_entry_path_date ON diary_entry USING gist (path);
CREATE INDEX diary_entry_date ON diary_entry (entry_date, id);

-- Idempotency keys of creating requests (a retried submission never
-- creates two records).
CREATE TABLE idempotency_key (
  user_id     bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  key         text NOT NULL CHECK (length(key) BETWEEN 1 AND 100),
  resource    text NOT NULL,
  record_id   bigint NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, key)
);

-- The audit log: every insert, update and delete of a record and every
-- reveal of a protected value.  Append-only (no role may update or delete;
-- a trigger refuses it even for the owner) and hash-chained: each row's
-- hash covers the previous row's hash and its own content, so a removed or
-- altered row breaks the chain.  Writers serialise on audit_head.
CREATE TABLE audit_log (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at          timestamptz NOT NULL DEFAULT clock_timestamp(),
  user_id     bigint,
  action      text NOT NULL CHECK (action IN ('insert', 'update', 'delete', 'reveal', 'import', 'export')),
  table_name  text NOT NULL,
  record_id   bigint,
  path        ltree,
  changes     jsonb,              -- field → new value (insert), [old, new] (update); masked
  reason      text CHECK (length(reason) <= 500),
  prev_hash   bytea NOT NULL,
  hash        bytea NOT NULL
);
CREATE INDEX audit_log_record ON audit_log (table_name, record_id);
CREATE INDEX audit_log_at ON audit_log (at);

CREATE TABLE audit_head (
  only_row  boolean PRIMARY KEY DEFAULT true CHECK (only_row),
  hash      bytea NOT NULL
);
INSERT INTO audit_head (hash) VALUES ('\x00'::bytea);

CREATE FUNCTION wg_audit_chain () RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
  BEGIN
    SELECT hash INTO NEW.prev_hash FROM audit_head FOR UPDATE;
    NEW.at := clock_timestamp();
    NEW.hash := sha256(NEW.prev_hash || convert_to(concat_ws('|', NEW.at, NEW.user_id,
                  NEW.action, NEW.table_name, NEW.record_id, NEW.path, NEW.changes,
                  NEW.reason), 'UTF8'));
    UPDATE audit_head SET hash = NEW.hash;
    RETURN NEW;
  END
  $$;
CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log
  FOR EACH ROW EXECUTE FUNCTION wg_audit_chain ();

CREATE FUNCTION wg_audit_refuse () RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    RAISE EXCEPTION 'the audit log is append-only' USING ERRCODE = '42501';
  END
  $$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION wg_audit_refuse ();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION wg_audit_refuse ();

-- Row changes → audit rows.  Protected columns never reach the log: the
-- ID number's cipher and blind index are left out (its masked form stays).
CREATE FUNCTION wg_audit_row () RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
  DECLARE
    hidden text[] := ARRAY['id_cipher', 'id_blind', 'name_bigrams', 'version',
                           'created_at', 'updated_at', 'geom'];
    old_row jsonb;
    new_row jsonb;
    changes jsonb := '{}';
    field text;
  BEGIN
    IF TG_OP <> 'INSERT' THEN old_row := to_jsonb(OLD) - hidden; END IF;
    IF TG_OP <> 'DELETE' THEN new_row := to_jsonb(NEW) - hidden; END IF;
    IF TG_OP = 'INSERT' THEN
      changes := new_row;
    ELSIF TG_OP = 'DELETE' THEN
      changes := old_row;
    ELSE
      FOR field IN SELECT jsonb_object_keys(new_row) LOOP
        IF new_row -> field IS DISTINCT FROM old_row -> field THEN
          changes := changes || jsonb_build_object(field,
                       jsonb_build_array(old_row -> field, new_row -> field));
        END IF;
      END LOOP;
      IF to_jsonb(NEW) -> 'id_blind' IS DISTINCT FROM to_jsonb(OLD) -> 'id_blind' THEN
        changes := changes || '{"id_number": "changed"}';
      END IF;
    END IF;
    INSERT INTO audit_log (user_id, action, table_name, record_id, path, changes, prev_hash, hash)
    VALUES (wg_user_id(), lower(TG_OP), TG_TABLE_NAME,
            coalesce((new_row ->> 'id')::bigint, (old_row ->> 'id')::bigint,
                     (new_row ->> 'person_id')::bigint, (old_row ->> 'person_id')::bigint),
            coalesce((new_row ->> 'path')::ltree, (old_row ->> 'path')::ltree),
            changes, '\x00', '\x00');
    RETURN NULL;
  END
  $$;

-- Triggers, policies and grants for every record table.
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['person', 'person_tag', 'house', 'household', 'household_member',
                           'residence', 'land_parcel', 'component', 'organization',
                           'underground_space', 'grid_staff', 'diary_entry'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I TO wangge_app USING (path <@ (SELECT wg_scope())) '
                   'WITH CHECK (path <@ (SELECT wg_scope()))', t || '_scope', t);
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I '
                   'FOR EACH ROW EXECUTE FUNCTION wg_audit_row ()', t || '_audit', t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO wangge_app', t);
  END LOOP;
  FOREACH t IN ARRAY ARRAY['person', 'house', 'land_parcel', 'component', 'organization',
                           'underground_space', 'diary_entry', 'household'] LOOP
    EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE ON %I FOR EACH ROW EXECUTE FUNCTION wg_touch ()',
                   t || '_touch', t);
  END LOOP;
  FOREACH t IN ARRAY ARRAY['house', 'component', 'organization', 'underground_space',
                           'land_parcel'] LOOP
    EXECUTE format('CREATE TRIGGER %I BEFORE INSERT OR UPDATE ON %I FOR EACH ROW '
                   'EXECUTE FUNCTION wg_fill_path_from_point ()', t || '_grid', t);
  END LOOP;
END
$$;

ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
-- The server writes audit rows only through the triggers and reads them
-- for the auditor's page within scope; it can never change them.
CREATE POLICY audit_log_read ON audit_log FOR SELECT TO wangge_app
  USING (path IS NULL OR path <@ (SELECT wg_scope()));
CREATE POLICY audit_log_write ON audit_log FOR INSERT TO wangge_app WITH CHECK (true);
GRANT SELECT, INSERT ON audit_log TO wangge_app;
GRANT SELECT, INSERT, DELETE ON idempotency_key TO wangge_app;
