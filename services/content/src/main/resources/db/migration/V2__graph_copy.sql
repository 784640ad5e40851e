-- Content's own copy of what it needs from other services, built from their events.
-- Relations keep the time of the last decision (changed_at) and a tombstone when ended (active = false):
-- friendship-created and friendship-removed travel on different topics, so they may arrive in either order,
-- and the later decision must win whatever the arrival order.

-- id → username (for @mentions and author names) and whether admin suspended the user
create table app_user (
    id                uuid primary key,
    username          text        not null,
    suspended         boolean     not null default false,
    suspended_changed_at timestamptz
);
create index app_user_username on app_user (username);

-- accounts erased by user-deleted: a late event about them never brings them back
create table erased_user (
    id        uuid primary key,
    erased_at timestamptz not null
);

-- two directed rows per friendship, (a, b) and (b, a), so "my friends" is one index range scan
create table friendship (
    user_id    uuid        not null,
    friend_id  uuid        not null,
    active     boolean     not null,
    changed_at timestamptz not null,
    primary key (user_id, friend_id)
);

create table user_block (
    blocker_id uuid        not null,
    blocked_id uuid        not null,
    active     boolean     not null,
    changed_at timestamptz not null,
    primary key (blocker_id, blocked_id)
);
-- "did the author block me" is looked up from the blocked side
create index user_block_blocked on user_block (blocked_id, blocker_id) where active;

create table user_mute (
    muter_id   uuid        not null,
    muted_id   uuid        not null,
    active     boolean     not null,
    changed_at timestamptz not null,
    primary key (muter_id, muted_id)
);
