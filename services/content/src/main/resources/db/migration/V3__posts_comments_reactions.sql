create table post (
    id          uuid        primary key,
    author_id   uuid        not null,
    text        text        not null,
    visibility  text        not null check (visibility in ('public', 'friends', 'private')),
    language    text,
    -- mentions and hashtags as found in the text when it was saved: {"mentions":[...],"hashtags":[...]}
    entities    jsonb       not null,
    created_at  timestamptz not null,
    edited_at   timestamptz,
    version     integer     not null default 1,
    -- content-hidden by a moderator: nobody but its author and moderators sees it
    hidden      boolean     not null default false
);
-- profile timelines and the home feed (one range scan per author)
create index post_author_time on post (author_id, created_at desc, id desc);
-- the public timeline
create index post_public_time on post (created_at desc, id desc) where visibility = 'public' and not hidden;

-- every saved state of a post, the first one included (number 1)
create table post_version (
    id         uuid        primary key,
    post_id    uuid        not null references post (id) on delete cascade,
    number     integer     not null,
    text       text        not null,
    visibility text        not null,
    language   text,
    edited_by  uuid        not null,
    edited_at  timestamptz not null,
    unique (post_id, number)
);

-- one row per distinct hashtag of a post (lower-case), for tag timelines and tag search
create table post_tag (
    post_id    uuid        not null references post (id) on delete cascade,
    tag        text        not null,
    created_at timestamptz not null,
    primary key (post_id, tag)
);
create index post_tag_timeline on post_tag (tag, created_at desc, post_id desc);
create index post_tag_prefix on post_tag (tag text_pattern_ops);

create table comment (
    id         uuid        primary key,
    post_id    uuid        not null references post (id) on delete cascade,
    -- one level of threading: a reply's parent is a top-level comment of the same post
    parent_id  uuid        references comment (id) on delete cascade,
    author_id  uuid        not null,
    text       text        not null,
    created_at timestamptz not null,
    edited_at  timestamptz,
    hidden     boolean     not null default false
);
create index comment_thread on comment (post_id, created_at, id) where parent_id is null;
create index comment_replies on comment (parent_id, created_at, id) where parent_id is not null;
create index comment_author on comment (author_id);

-- one reaction per user per post or comment; deleting the post or comment deletes its reactions
create table reaction (
    target_kind text        not null check (target_kind in ('post', 'comment')),
    target_id   uuid        not null,
    post_id     uuid        not null references post (id) on delete cascade,
    comment_id  uuid        references comment (id) on delete cascade,
    user_id     uuid        not null,
    reaction    text        not null check (reaction in ('like', 'love', 'laugh', 'wow', 'sad', 'angry')),
    reacted_at  timestamptz not null,
    primary key (target_kind, target_id, user_id)
);
create index reaction_who on reaction (target_kind, target_id, reacted_at desc, user_id desc);
create index reaction_user on reaction (user_id);
