-- 001: territory, units, users, sessions.
--
-- Applied by `wangge-admin migrate` as the owning role inside one
-- transaction.  The server connects as wangge_app, which owns nothing and is
-- subject to row-level security (DESIGN §3, §8).

CREATE EXTENSION IF NOT EXISTS postgis;
CREATE EXTENSION IF NOT EXISTS ltree;

-- Roles belong to the cluster: two databases migrated at once (parallel
-- tests) may both try to create it, so losing that race is fine.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'wangge_app') THEN
    CREATE ROLE wangge_app LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL;
END
$$;

-- The territory: one tree of district → street → community → grid.
-- path is the ltree of code segments: 110101.001.001.001.
CREATE TABLE regions (
  code        text PRIMARY KEY CHECK (code ~ '^[0-9]{6}([0-9]{3}){0,3}$'),
  name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  level       text NOT NULL CHECK (level IN ('district', 'street', 'community', 'grid')),
  parent_code text REFERENCES regions (code),
  path        ltree NOT NULL UNIQUE,
  grid_type   text CHECK (grid_type IN ('residential', 'commercial', 'institutional', 'crowded')),
  grid_grade  text CHECK (grid_grade IN ('routine', 'general', 'key', 'comprehensive')),
  synthetic   boolean NOT NULL DEFAULT false,   -- generated geometry, not surveyed
  geom        geometry (MultiPolygon, 4326),
  valid_from  date NOT NULL DEFAULT DATE '2020-01-01',
  valid_to    date,
  CHECK ((level = 'grid') = (grid_type IS NOT NULL AND grid_grade IS NOT NULL)),
  CHECK (length(code) = CASE level WHEN 'district' THEN 6 WHEN 'street' THEN 9
                                   WHEN 'community' THEN 12 ELSE 15 END),
  CHECK (valid_to IS NULL OR valid_to > valid_from)
);
CREATE INDEX regions_path_gist ON regions USING gist (path);
CREATE INDEX regions_geom_gist ON regions USING gist (geom);
CREATE INDEX regions_parent ON regions (parent_code);
CREATE INDEX regions_level_code ON regions (level, code);

-- Units: where people work (district center, street sub-center, community
-- workstation, functional department).
CREATE TABLE units (
  code        text PRIMARY KEY CHECK (length(code) BETWEEN 1 AND 40),
  name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  kind        text NOT NULL CHECK (kind IN ('district_center', 'street_center',
                                            'community_station', 'department')),
  region_code text NOT NULL REFERENCES regions (code)
);

CREATE TABLE users (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  username      text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9_.-]{1,64}$'),
  display_name  text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 100),
  password_hash text NOT NULL,            -- libsodium crypto_pwhash_str (Argon2id)
  unit_code     text NOT NULL REFERENCES units (code),
  roles         text[] NOT NULL CHECK (cardinality(roles) >= 1 AND roles <@ ARRAY[
                  'admin', 'leader', 'dispatcher', 'street', 'community', 'grid',
                  'department', 'auditor']::text[]),
  scope         ltree NOT NULL,           -- the territory the user may see
  disabled      boolean NOT NULL DEFAULT false,
  created_at    timestamptz NOT NULL DEFAULT now()
);

-- Sessions: only a hash of the token is stored (SHA-256 of the 32 random bytes).
CREATE TABLE sessions (
  token_hash   bytea PRIMARY KEY CHECK (length(token_hash) = 32),
  user_id      bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at   timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL,      -- absolute expiry
  revoked_at   timestamptz
);
CREATE INDEX sessions_user ON sessions (user_id);

-- Failed logins, for throttling; kept small by the server's own cleanup.
CREATE TABLE login_failures (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  username   text NOT NULL,
  address    text,
  failed_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_failures_username_time ON login_failures (username, failed_at);

-- Row-level security.  Every request runs in a transaction that sets
-- wangge.user_id and wangge.scope locally; the sub-select makes PostgreSQL
-- evaluate the setting once per statement, not once per row.
ALTER TABLE regions ENABLE ROW LEVEL SECURITY;
CREATE POLICY regions_scope ON regions FOR SELECT TO wangge_app
  USING (path <@ (SELECT nullif(current_setting('wangge.scope', true), '')::ltree));

GRANT USAGE ON SCHEMA public TO wangge_app;
GRANT SELECT ON regions, units TO wangge_app;
GRANT SELECT, UPDATE (last_seen_at, revoked_at), INSERT, DELETE ON sessions TO wangge_app;
GRANT SELECT ON users TO wangge_app;
GRANT SELECT, INSERT, DELETE ON login_failures TO wangge_app;
