-- Face enrollments: one identity vector per user_token, per tenant. Images are kept in object storage only
-- for tenants that turn keep_enrollment_images on; the row then holds the object key.
alter table tenants add column keep_enrollment_images boolean not null default false;

create table enrollments (
    user_token       uuid primary key,
    tenant_id        varchar(64)  not null references tenants (id),
    embedding        bytea        not null,
    -- first 16 hex digits of the embedding model's SHA-256: vectors of another model are not compared
    embedding_model  varchar(64)  not null,
    image_key        varchar(300),
    consent          boolean,
    created_at       timestamptz  not null,
    updated_at       timestamptz  not null
);
create index enrollments_tenant_model on enrollments (tenant_id, embedding_model, updated_at);

-- Every biometric operation on a face route, with the end user's consent as the client declared it.
create table face_operations (
    id          bigserial primary key,
    tenant_id   varchar(64)  not null references tenants (id),
    operation   varchar(32)  not null,
    consent     boolean,
    faces       integer,
    created_at  timestamptz  not null default now()
);
create index face_operations_tenant_created on face_operations (tenant_id, created_at);
