-- In-app notifications, the copies of other services' data they need, and mail preferences.

-- Who is who, from login's user-created / user-updated: actors' usernames and the address to mail.
create table member (
    id         uuid primary key,
    username   varchar(64)  not null,
    email      varchar(320),
    updated_at timestamptz  not null default now()
);

-- Users whose account was deleted: events about them that arrive late make nothing.
create table erased_user (
    id        uuid primary key,
    erased_at timestamptz not null default now()
);

-- Blocks and mutes, from users' events. A block hides both ways, a mute only for the muter.
create table relation (
    user_id    uuid        not null,
    other_id   uuid        not null,
    kind       varchar(5)  not null check (kind in ('block', 'mute')),
    created_at timestamptz not null default now(),
    primary key (user_id, other_id, kind)
);
create index relation_other on relation (other_id);

-- The per-user sequence behind the stream's event ids (Last-Event-ID replay).
create table user_sequence (
    user_id  uuid primary key,
    last_seq bigint not null
);

-- One entry of a user's list: a group of activities of one kind on one target.
create table notification (
    id          uuid primary key,
    user_id     uuid         not null,
    kind        varchar(30)  not null,
    target_kind varchar(20)  not null,
    target_id   varchar(100) not null,
    post_id     uuid,
    data        jsonb        not null default '{}',
    read        boolean      not null default false,
    seq         bigint       not null,
    created_at  timestamptz  not null default now(),
    updated_at  timestamptz  not null default now()
);
create index notification_list on notification (user_id, updated_at desc, id desc);
create index notification_unread on notification (user_id) where not read;
create index notification_group on notification (user_id, kind, target_id, created_at desc);
create index notification_target on notification (target_id);
create index notification_post on notification (post_id) where post_id is not null;
create unique index notification_seq on notification (user_id, seq);
create index notification_purge on notification (updated_at);

-- Who did what in a group: subject = the comment, reaction or request the actor made.
create table notification_actor (
    notification_id uuid         not null references notification on delete cascade,
    actor_id        uuid         not null,
    subject_id      varchar(100) not null,
    acted_at        timestamptz  not null,
    primary key (notification_id, actor_id, subject_id)
);
create index notification_actor_actor on notification_actor (actor_id);
create index notification_actor_subject on notification_actor (subject_id);

-- The unique key of each source activity (e.g. a comment for one recipient): a fact counts once,
-- even when it is published again under a new event id or its notification was deleted.
create table notification_source (
    source_key varchar(255) primary key,
    created_at timestamptz  not null default now()
);
create index notification_source_age on notification_source (created_at);

-- Mail that people may turn off; security and moderation mail has no switch.
create table mail_preference (
    user_id         uuid primary key,
    friend_requests boolean     not null default true,
    comments        boolean     not null default false,
    mentions        boolean     not null default true,
    digest          boolean     not null default false,
    updated_at      timestamptz not null default now()
);

-- RFC 8058 one-click unsubscribe: one random token per mail, stored only as its SHA-256.
create table unsubscribe_token (
    token_hash varchar(64) primary key,
    user_id    uuid        not null,
    preference varchar(30) not null,
    created_at timestamptz not null default now()
);
create index unsubscribe_token_user on unsubscribe_token (user_id);

-- deliveries now know whose they are, so erasure can find them
alter table delivery add column user_id uuid;
create index delivery_user on delivery (user_id) where user_id is not null;
