-- The security audit log: one row per security event published by login. The id is the event's
-- CloudEvent id, so a redelivery can never add a second row — not even after the inbox has purged
-- the handled-event id (chorus.outbox.retention). details holds the payload's other fields and never
-- anything secret (tokens, hashes, links); a deleted user's rows lose user_id, ip and the personal
-- keys of details but stay in the log.
create table audit_entry (
    id          uuid        primary key,
    occurred_at timestamptz not null,
    recorded_at timestamptz not null default now(),
    user_id     uuid,
    kind        text        not null check (kind in ('login-failed', 'account-locked', 'session-compromised',
                                                     'two-factor-changed', 'password-changed')),
    ip          text,
    summary     text        not null,
    details     jsonb       not null default '{}'
);

-- newest first over everyone (keyset on (occurred_at, id)); also what the retention job deletes by
create index audit_entry_newest on audit_entry (occurred_at desc, id desc);
-- newest first for one user; also finds a deleted user's rows to anonymise
create index audit_entry_user_newest on audit_entry (user_id, occurred_at desc, id desc);

-- Users whose user-deleted was handled. Each topic is consumed on its own, so an event about the user
-- can arrive after the erasure; it is then stored already anonymised. Purged with the log's retention.
create table erased_user (
    id        uuid        primary key,
    erased_at timestamptz not null default now()
);
