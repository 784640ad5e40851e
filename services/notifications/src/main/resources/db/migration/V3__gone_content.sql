-- Posts and comments deleted or hidden: events about them that arrive later (another key, so
-- another partition) must not bring a notification back. Restoring a hidden one removes its row.
create table gone_content (
    id      uuid primary key,
    gone_at timestamptz not null default now()
);
