-- Admin-managed static pages (about, terms, ...), addressed by a URL-safe slug.
create table page (
    slug       varchar(64)  primary key check (slug ~ '^[a-z0-9-]{1,64}$'),
    title      varchar(200) not null,
    body       text         not null check (length(body) <= 100000),
    updated_at timestamptz  not null default now()
);
