-- Moderation: admin's own copy of the user directory and of the roles, the queue of cases built from
-- reports, sanctions, and appeals against them.

-- Users as login announces them (user-created, user-updated; user-deleted removes the row).
create table directory_user (
    id         uuid        primary key,
    username   text        not null,
    updated_at timestamptz not null
);

-- Who holds moderator or admin. A revoked role stays as a row with granted = false: changed_at is the
-- time of the latest grant or revocation applied, and an event older than it is ignored, so a late
-- role-granted can never undo a later revocation.
create table user_role (
    user_id    uuid        not null,
    role       text        not null check (role in ('moderator', 'admin')),
    granted    boolean     not null,
    changed_at timestamptz not null,
    primary key (user_id, role)
);
create index user_role_holders on user_role (role, user_id) where granted;

-- One open case per reported target; a report on a target whose case was closed opens a new one.
create table moderation_case (
    id               uuid        primary key,
    target_kind      text        not null check (target_kind in ('post', 'comment', 'user')),
    target_id        uuid        not null,
    target_author_id uuid        not null,
    state            text        not null default 'open' check (state in ('open', 'resolved', 'dismissed')),
    report_count     integer     not null default 0,
    opened_at        timestamptz not null,
    last_reported_at timestamptz not null,
    assignee_id      uuid,
    closed_at        timestamptz,
    closed_by        uuid,
    close_reason     text,
    action           text check (action in ('warn', 'hide', 'suspend', 'ban')),
    sanction_id      uuid
);
create unique index moderation_case_open_target on moderation_case (target_kind, target_id) where state = 'open';
create index moderation_case_newest on moderation_case (state, last_reported_at desc, id desc);
create index moderation_case_most_reported on moderation_case (state, report_count desc, last_reported_at desc, id desc);

-- One row per content-reported event (id = the report's id, so a redelivery adds nothing).
create table report (
    id          uuid        primary key,
    case_id     uuid        not null references moderation_case (id),
    reporter_id uuid        not null,
    reason      text        not null,
    comment     text,
    snapshot    text,
    reported_at timestamptz not null
);
create index report_case on report (case_id, reported_at);
create index report_reason on report (reason, case_id);

create table case_note (
    id         uuid        primary key,
    case_id    uuid        not null references moderation_case (id),
    author_id  uuid        not null,
    text       text        not null,
    created_at timestamptz not null
);
create index case_note_case on case_note (case_id, created_at);

-- A sanction and its one-time appeal code (only its SHA-256 is stored).
create table sanction (
    id               uuid        primary key,
    user_id          uuid        not null,
    action           text        not null check (action in ('warn', 'hide', 'suspend', 'ban')),
    reason           text        not null,
    until            timestamptz,
    target_kind      text check (target_kind in ('post', 'comment')),
    target_id        uuid,
    case_id          uuid references moderation_case (id),
    moderator_id     uuid        not null,
    issued_at        timestamptz not null,
    state            text        not null default 'active' check (state in ('active', 'lifted', 'expired')),
    ended_at         timestamptz,
    ended_by         uuid,
    appeal_code_hash bytea       not null unique,
    appeal_deadline  timestamptz not null,
    check ((action = 'suspend') = (until is not null)),
    check ((action = 'hide') = (target_id is not null and target_kind is not null))
);
create index sanction_user on sanction (user_id, issued_at desc, id desc);
-- what the expiry job claims
create index sanction_due on sanction (until) where state = 'active' and action = 'suspend';

create table appeal (
    id              uuid        primary key,
    sanction_id     uuid        not null unique references sanction (id),
    user_id         uuid        not null,
    text            text        not null,
    state           text        not null default 'pending' check (state in ('pending', 'upheld', 'overturned')),
    filed_at        timestamptz not null,
    decided_at      timestamptz,
    decided_by      uuid,
    decision_reason text
);
create index appeal_state on appeal (state, filed_at desc, id desc);

-- Moderator and administrator actions join the security events in the audit log.
alter table audit_entry drop constraint audit_entry_kind_check;
alter table audit_entry add constraint audit_entry_kind_check check (kind in (
    'login-failed', 'account-locked', 'session-compromised', 'two-factor-changed', 'password-changed',
    'role-granted', 'role-revoked', 'case-assigned', 'case-noted', 'case-resolved', 'case-dismissed',
    'sanction-imposed', 'sanction-lifted', 'appeal-decided'));

-- Posts per UTC day, counted from post-created events (each event once: see the inbox tables).
create table post_stat (
    day   date    primary key,
    posts integer not null check (posts >= 0)
);
