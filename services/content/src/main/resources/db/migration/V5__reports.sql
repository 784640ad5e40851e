-- What was reported, by whom; the moderation queue (admin) works from the content-reported event.
create table report (
    id          uuid        primary key,
    reporter_id uuid        not null,
    target_kind text        not null check (target_kind in ('post', 'comment', 'user')),
    target_id   uuid        not null,
    reason      text        not null,
    comment     text,
    created_at  timestamptz not null
);
create index report_reporter on report (reporter_id);
