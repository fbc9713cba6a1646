-- Applications as uploaded, their documents, and every verdict run.
CREATE TABLE qualcheck_applications (
    id              text PRIMARY KEY,
    client_id       text NOT NULL, -- the id in the uploaded application.json
    kind            text NOT NULL,
    status          text NOT NULL DEFAULT 'queued'
                    CHECK (status IN ('queued', 'processing', 'done', 'failed')),
    -- application.json as uploaded, with the documents list as stored
    application     jsonb NOT NULL,
    submitted_at    date,
    decision        text,
    idempotency_key text UNIQUE,
    -- SHA-256 over the request's parts: a key reused for another body is refused
    request_sha256  text NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX qualcheck_applications_status ON qualcheck_applications (status, created_at);
CREATE INDEX qualcheck_applications_created ON qualcheck_applications (created_at);

CREATE TABLE qualcheck_documents (
    application_id text NOT NULL REFERENCES qualcheck_applications (id) ON DELETE CASCADE,
    role           text NOT NULL,
    file           text NOT NULL,
    blob_key       text NOT NULL, -- sha256/<hex>
    size           bigint NOT NULL,
    PRIMARY KEY (application_id, file)
);

CREATE TABLE qualcheck_verdict_runs (
    id             bigserial PRIMARY KEY,
    application_id text NOT NULL REFERENCES qualcheck_applications (id) ON DELETE CASCADE,
    engine_version text NOT NULL,
    ocr            text NOT NULL,
    rules_version  text NOT NULL,
    decision       text NOT NULL,
    verdict        jsonb NOT NULL,
    -- what the documents read (verify.DocResult), for rules-only re-runs
    reads          jsonb,
    created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX qualcheck_verdict_runs_app ON qualcheck_verdict_runs (application_id, id DESC);

CREATE TABLE qualcheck_api_tokens (
    id         bigserial PRIMARY KEY,
    name       text NOT NULL,
    sha256     text NOT NULL UNIQUE, -- the token itself is never stored
    created_at timestamptz NOT NULL DEFAULT now()
);
