-- Reviewers, their sessions and decisions, and the audit of plain views.
CREATE TABLE qualcheck_users (
    id            bigserial PRIMARY KEY,
    name          text NOT NULL UNIQUE,
    role          text NOT NULL CHECK (role IN ('reviewer', 'admin')),
    password_hash text NOT NULL, -- bcrypt
    created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE qualcheck_sessions (
    token_sha256 text PRIMARY KEY, -- the cookie's token itself is never stored
    user_id      bigint NOT NULL REFERENCES qualcheck_users (id) ON DELETE CASCADE,
    csrf         text NOT NULL,
    expires_at   timestamptz NOT NULL
);

-- The reviewer's side of an application: reviewing until decided;
-- superseded when a newer approval for the same enterprise and
-- administrator replaces it.
ALTER TABLE qualcheck_applications
    ADD COLUMN review_status text NOT NULL DEFAULT 'reviewing'
        CHECK (review_status IN ('reviewing', 'approved', 'rejected', 'superseded')),
    ADD COLUMN enterprise_name text GENERATED ALWAYS AS (coalesce(application->'form'->>'enterprise_name', '')) STORED,
    ADD COLUMN admin_id_number text GENERATED ALWAYS AS (coalesce(application->'form'->>'admin_id_number', '')) STORED;
CREATE INDEX qualcheck_applications_holder ON qualcheck_applications (enterprise_name, admin_id_number);

CREATE TABLE qualcheck_decisions (
    id             bigserial PRIMARY KEY,
    application_id text NOT NULL REFERENCES qualcheck_applications (id) ON DELETE CASCADE,
    reviewer       text NOT NULL,
    decision       text NOT NULL CHECK (decision IN ('approve', 'reject')),
    reasons        text[] NOT NULL DEFAULT '{}',
    comment        text NOT NULL DEFAULT '',
    created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX qualcheck_decisions_app ON qualcheck_decisions (application_id, id);

CREATE TABLE qualcheck_audit (
    id             bigserial PRIMARY KEY,
    actor          text NOT NULL,
    action         text NOT NULL, -- show_plain: personal data shown unmasked
    application_id text,
    at             timestamptz NOT NULL DEFAULT now()
);
