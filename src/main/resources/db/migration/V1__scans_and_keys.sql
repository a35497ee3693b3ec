-- Tenants (customers) and their API keys. Keys are random 256-bit secrets, so a SHA-256 digest is enough
-- to store them: nothing to brute-force, and lookup stays an index hit.
create table tenants (
    id          varchar(64) primary key,
    name        varchar(200) not null,
    created_at  timestamptz  not null default now()
);

create table api_keys (
    id          uuid primary key,
    tenant_id   varchar(64)  not null references tenants (id),
    key_hash    bytea        not null unique,
    prefix      varchar(16)  not null,
    name        varchar(200),
    created_at  timestamptz  not null default now(),
    revoked_at  timestamptz
);

-- One row per health scan, from the upload URL to the final result.
create table scans (
    uuid              uuid primary key,
    tenant_id         varchar(64)  not null references tenants (id),
    status            varchar(16)  not null,
    object_key        varchar(300) not null,
    upload_expires_at timestamptz  not null,
    timezone          varchar(64),
    performer_ref     varchar(200),
    patient_ref       varchar(200),
    created_at        timestamptz  not null,
    queued_at         timestamptz,
    started_at        timestamptz,
    finished_at       timestamptz,
    attempts          integer      not null default 0,
    worker            varchar(200),
    -- video
    video_duration_s  double precision,
    video_fps         double precision,
    video_width       integer,
    video_height      integer,
    video_frames      integer,
    -- biomarkers (null when the signal does not support them)
    heart_rate_bpm       double precision,
    respiratory_rate_bpm double precision,
    hrv_sdnn_ms          double precision,
    hrv_rmssd_ms         double precision,
    hrv_pnn50_pct        double precision,
    stress_index         double precision,
    -- quality and liveness
    pulse_snr_db      double precision,
    face_coverage     double precision,
    pulse_detected    boolean,
    liveness_score    double precision,
    -- failure
    error_code        integer,
    error_type        varchar(32),
    error_message     varchar(500),
    -- when the result event went out on scan-results (a redelivered request re-publishes only if null)
    result_published_at timestamptz,
    constraint scans_status check (status in ('awaiting_upload', 'queued', 'processing', 'done', 'failed'))
);
create index scans_tenant_created on scans (tenant_id, created_at desc);
create index scans_tenant_patient on scans (tenant_id, patient_ref, created_at desc);
create index scans_tenant_performer on scans (tenant_id, performer_ref);

-- check-conditions signatures are good for one upload URL: a used one is remembered until it expires.
create table used_signatures (
    nonce       varchar(64) primary key,
    expires_at  timestamptz not null
);
