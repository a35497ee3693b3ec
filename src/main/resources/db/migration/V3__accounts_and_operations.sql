-- Contract limits per tenant: at most scan_limit scans queued per limit_period ('month' or 'total'); null = unlimited.
alter table tenants add column scan_limit integer;
alter table tenants add column limit_period varchar(16) not null default 'month';
alter table tenants add constraint tenants_limit_period check (limit_period in ('month', 'total'));

-- Per-key permissions (comma-separated route groups; null = every group) and the secret for signed
-- requests, encrypted with a key derived from the token secret (the API key itself is only stored hashed,
-- so it cannot serve as an HMAC key).
alter table api_keys add column permissions varchar(300);
alter table api_keys add column signing_secret bytea;

-- Signed requests are accepted once: the digest of each accepted signature is kept until its window closes.
create table used_request_signatures (
    digest      bytea primary key,
    expires_at  timestamptz not null
);
create index used_request_signatures_expiry on used_request_signatures (expires_at);
create index used_signatures_expiry on used_signatures (expires_at);

-- Who did what: erasures, key and tenant administration.
create table audit_log (
    id          bigserial primary key,
    at          timestamptz  not null default now(),
    tenant_id   varchar(64),
    actor       varchar(200) not null,
    action      varchar(64)  not null,
    target      varchar(300),
    details     varchar(1000)
);
create index audit_log_tenant_at on audit_log (tenant_id, at desc);

-- Images kept for a tenant's debugging (requests with debug=true), deleted after their retention.
create table debug_images (
    object_key  varchar(300) primary key,
    tenant_id   varchar(64)  not null references tenants (id),
    route       varchar(100) not null,
    created_at  timestamptz  not null,
    expires_at  timestamptz  not null
);
create index debug_images_expiry on debug_images (expires_at);

-- Results of one-shot checks (liveness, image pipelines) for the BI report and records.
create table check_records (
    id           bigserial primary key,
    tenant_id    varchar(64)  not null references tenants (id),
    pipeline     varchar(64)  not null,
    calibration  varchar(32),
    probability  double precision,
    quality      double precision,
    outcome      varchar(32)  not null,
    error_code   varchar(64),
    created_at   timestamptz  not null default now()
);
create index check_records_tenant_created on check_records (tenant_id, created_at);
create index scans_tenant_queued on scans (tenant_id, queued_at);
