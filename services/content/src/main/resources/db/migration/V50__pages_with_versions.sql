-- Pages as Open Event Server's Pages API has them, and every save kept as a version (as the OpenAlchemy package
-- database keeps every version of a document next to the latest).
--
-- Two tables rather than one with a "latest" marker:
--   page          the current state, one row per page: reading a page (by id or url), listing and searching are
--                 plain index lookups with no "is latest" filter, and the unique url lives here only — an old
--                 version may name a url another page has taken since, which must not block that page.
--   page_version  append-only history, (page_id, number) as primary key: it serves "newest first" (a backward
--                 scan) and "version n" (one lookup), and it refuses two versions with the same number, whatever
--                 the application does. Saves lock the page row (select ... for update), so two admins saving
--                 at once are serialised and get consecutive numbers; the key is the safety net behind the lock.
-- The price: the latest text is stored twice (page and its newest page_version row); pages are few.

-- V1's table, whose rows are kept: slug -> url, title -> name and title, body -> description.
alter table page rename to page_v1;
alter index page_pkey rename to page_v1_pkey;

-- The text-search configuration of a page's language ("en", "pt-BR" ...); "simple" (no stemming, no stop words)
-- for none or any other. Immutable, so the stored search vector can use it.
create function page_search_config(language text) returns regconfig
    language sql immutable parallel safe
    return case lower(split_part(coalesce(language, ''), '-', 1))
        when 'en' then 'english'::regconfig
        when 'de' then 'german'::regconfig
        when 'fr' then 'french'::regconfig
        when 'es' then 'spanish'::regconfig
        when 'it' then 'italian'::regconfig
        when 'pt' then 'portuguese'::regconfig
        when 'nl' then 'dutch'::regconfig
        when 'sv' then 'swedish'::regconfig
        when 'da' then 'danish'::regconfig
        when 'nb' then 'norwegian'::regconfig
        when 'nn' then 'norwegian'::regconfig
        when 'no' then 'norwegian'::regconfig
        when 'fi' then 'finnish'::regconfig
        when 'ru' then 'russian'::regconfig
        when 'hu' then 'hungarian'::regconfig
        when 'tr' then 'turkish'::regconfig
        when 'ro' then 'romanian'::regconfig
        else 'simple'::regconfig
    end;

-- A query as every configuration above reads it, OR-ed: a search does not know the language of the pages it
-- should find, and each page's vector holds the lexemes of its own language. Stemming in a language other than
-- the page's can add a rare extra hit; ranking puts exact words first.
create function page_search_query(q text) returns tsquery
    language sql immutable parallel safe
    return websearch_to_tsquery('simple', q) || websearch_to_tsquery('english', q)
        || websearch_to_tsquery('german', q) || websearch_to_tsquery('french', q)
        || websearch_to_tsquery('spanish', q) || websearch_to_tsquery('italian', q)
        || websearch_to_tsquery('portuguese', q) || websearch_to_tsquery('dutch', q)
        || websearch_to_tsquery('swedish', q) || websearch_to_tsquery('danish', q)
        || websearch_to_tsquery('norwegian', q) || websearch_to_tsquery('finnish', q)
        || websearch_to_tsquery('russian', q) || websearch_to_tsquery('hungarian', q)
        || websearch_to_tsquery('turkish', q) || websearch_to_tsquery('romanian', q);

create table page (
    id          uuid          primary key,
    name        varchar(200)  not null check (btrim(name) <> ''),
    title       varchar(200),
    -- path-safe: lower-case [a-z0-9-] segments separated by "/", no leading or trailing slash
    url         varchar(200)  not null unique check (url ~ '^[a-z0-9-]+(/[a-z0-9-]+)*$'),
    description text          not null check (length(description) <= 100000),
    language    varchar(16),
    sort_index  integer       not null default 0 check (sort_index >= 0),
    place       varchar(16)   not null default 'footer' check (place in ('footer', 'event', 'header', 'sidebar')),
    version     integer       not null check (version >= 1),
    created_at  timestamptz   not null,
    updated_at  timestamptz   not null,
    updated_by  uuid,
    search      tsvector      generated always as (
                    setweight(to_tsvector(page_search_config(language), name), 'A')
                    || setweight(to_tsvector(page_search_config(language), coalesce(title, '')), 'B')
                    || setweight(to_tsvector(page_search_config(language), description), 'D')) stored
);

-- GET /api/pages: ordered by index, then name (id breaks ties, so the keyset is total); filtered by place.
create index page_order on page (sort_index, name, id);
create index page_place_order on page (place, sort_index, name, id);
create index page_search on page using gin (search);

create table page_version (
    page_id     uuid          not null references page (id) on delete cascade,
    number      integer       not null check (number >= 1),
    name        varchar(200)  not null,
    title       varchar(200),
    url         varchar(200)  not null,
    description text          not null,
    language    varchar(16),
    sort_index  integer       not null,
    place       varchar(16)   not null,
    saved_at    timestamptz   not null,
    -- the administrator who saved it; null for the rows V1 held (nobody recorded who wrote them)
    saved_by    uuid,
    primary key (page_id, number)
);

insert into page (id, name, title, url, description, language, sort_index, place, version, created_at, updated_at)
select gen_random_uuid(), title, title, slug, body, null, 0, 'footer', 1, updated_at, updated_at
from page_v1;

insert into page_version (page_id, number, name, title, url, description, language, sort_index, place, saved_at)
select id, version, name, title, url, description, language, sort_index, place, updated_at
from page;

drop table page_v1;

-- Partial words (pg_trgm). Creating the extension needs rights a service role may lack: then an operator creates
-- it once (create extension pg_trgm) and this script only adds the indexes, as in users' V2.
do $$
begin
    if not exists (select 1 from pg_extension where extname = 'pg_trgm') then
        create extension if not exists pg_trgm;
    end if;
exception when insufficient_privilege then
    raise warning 'pg_trgm is not installed and this role may not install it: page search needs it';
end
$$;

do $$
begin
    if exists (select 1 from pg_extension where extname = 'pg_trgm') then
        create index if not exists page_name_trgm on page using gin (name gin_trgm_ops);
        create index if not exists page_title_trgm on page using gin (title gin_trgm_ops);
        create index if not exists page_description_trgm on page using gin (description gin_trgm_ops);
    end if;
end
$$;
