-- Profiles: the users service's copy of each account, plus what the user tells about themselves.
-- id is the account's user id (login owns it); username is kept in step by user-updated.
create table profile (
    id           uuid         primary key,
    username     varchar(64)  not null,
    display_name varchar(50),
    bio          varchar(500),
    website      varchar(200),
    location     varchar(100),
    language     varchar(20),
    visibility   varchar(10)  not null default 'PUBLIC' check (visibility in ('PUBLIC', 'FRIENDS')),
    -- suspended by a moderator: nobody else sees the profile until it is reinstated
    hidden       boolean      not null default false,
    created_at   timestamptz  not null,
    updated_at   timestamptz  not null
);

-- An erased account never comes back, even if its user-created event is redelivered after user-deleted
-- (the two travel on different topics, so nothing orders them).
create table erased_user (
    id         uuid        primary key,
    erased_at  timestamptz not null
);

-- A pending friend request; it is deleted when accepted, declined or cancelled.
create table friend_request (
    id           uuid        primary key,
    from_user_id uuid        not null references profile (id) on delete cascade,
    to_user_id   uuid        not null references profile (id) on delete cascade,
    created_at   timestamptz not null,
    unique (from_user_id, to_user_id),
    check (from_user_id <> to_user_id)
);
create index friend_request_to on friend_request (to_user_id, created_at);

-- A friendship is stored as two directed rows (a→b and b→a), so "friends of x" is one index range
-- and friends-of-friends is a plain self-join.
create table friendship (
    user_id    uuid        not null references profile (id) on delete cascade,
    friend_id  uuid        not null references profile (id) on delete cascade,
    created_at timestamptz not null,
    primary key (user_id, friend_id),
    check (user_id <> friend_id)
);
create index friendship_list on friendship (user_id, created_at desc, friend_id);
create index friendship_reverse on friendship (friend_id);

-- Blocks hide both users from each other everywhere; mutes hide the muted user from the muter only.
create table user_block (
    blocker_id uuid        not null references profile (id) on delete cascade,
    blocked_id uuid        not null references profile (id) on delete cascade,
    created_at timestamptz not null,
    primary key (blocker_id, blocked_id),
    check (blocker_id <> blocked_id)
);
create index user_block_reverse on user_block (blocked_id);

create table user_mute (
    muter_id   uuid        not null references profile (id) on delete cascade,
    muted_id   uuid        not null references profile (id) on delete cascade,
    created_at timestamptz not null,
    primary key (muter_id, muted_id),
    check (muter_id <> muted_id)
);
