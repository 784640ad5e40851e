-- Records that a consumer of some service gave up on (<topic>.dlq.<consumer>), one row per distinct event
-- (its ce_id, or for a record without one its key and payload) per dead-letter topic; count says how often it
-- came back. A replayed row stays, marked, until the event is dead-lettered again (pending once more) or discarded.
create table dead_letter (
    id           uuid        primary key,
    dlq_topic    text        not null,
    topic        text        not null,
    consumer     text        not null,
    fingerprint  text        not null,
    record_key   text,
    payload      text,
    headers      jsonb       not null default '{}',
    error        text,
    first_seen   timestamptz not null,
    last_seen    timestamptz not null,
    seen_count   integer     not null default 1,
    state        text        not null default 'pending' check (state in ('pending', 'replayed')),
    replayed_at  timestamptz,
    unique (dlq_topic, fingerprint)
);
create index dead_letter_pending on dead_letter (state, topic, consumer, last_seen desc, id desc);

alter table audit_entry drop constraint audit_entry_kind_check;
alter table audit_entry add constraint audit_entry_kind_check check (kind in (
    'login-failed', 'account-locked', 'session-compromised', 'two-factor-changed', 'password-changed',
    'role-granted', 'role-revoked', 'case-assigned', 'case-noted', 'case-resolved', 'case-dismissed',
    'sanction-imposed', 'sanction-lifted', 'appeal-decided', 'dead-letter-replayed', 'dead-letter-discarded'));
