-- data exports: one per request of a user; at most one open (pending) per user
create table data_export (
    id           uuid primary key,
    user_id      uuid        not null,
    state        text        not null, -- pending | ready | expired | abandoned
    requested_at timestamptz not null,
    ready_at     timestamptz,
    expires_at   timestamptz,
    -- SHA-256 of the download code (the code itself only travels in data-export-ready)
    code_hash    bytea unique,
    archive      bytea,
    archive_size bigint
);

create unique index data_export_one_open on data_export (user_id) where state = 'pending';
create index data_export_user on data_export (user_id);
create index data_export_expiry on data_export (expires_at) where state = 'ready';

-- the services whose part an export waits for (fixed when it opens)
create table data_export_expected (
    export_id uuid not null references data_export (id) on delete cascade,
    service   text not null,
    primary key (export_id, service)
);

-- the parts' chunks as they come (data-export-part); dropped once the zip is assembled
create table data_export_chunk (
    export_id   uuid        not null references data_export (id) on delete cascade,
    service     text        not null,
    chunk       integer     not null,
    chunks      integer     not null,
    content     bytea       not null,
    received_at timestamptz not null,
    primary key (export_id, service, chunk)
);
