-- Full-text search: the text under the post's language configuration (stemmed) and under 'simple'
-- (exact words, for posts in a language PostgreSQL has no configuration for); trigrams for partial words.
create function post_search_config(language text) returns regconfig
    language sql immutable parallel safe as $$
    select (case lower(split_part(coalesce(language, ''), '-', 1))
        when 'en' then 'english' when 'de' then 'german' when 'fr' then 'french' when 'es' then 'spanish'
        when 'it' then 'italian' when 'pt' then 'portuguese' when 'nl' then 'dutch' when 'sv' then 'swedish'
        when 'da' then 'danish' when 'no' then 'norwegian' when 'nb' then 'norwegian' when 'fi' then 'finnish'
        when 'ru' then 'russian' when 'hu' then 'hungarian' when 'ro' then 'romanian' when 'tr' then 'turkish'
        else 'simple' end)::regconfig
$$;

alter table post add column search tsvector generated always as
    (to_tsvector(post_search_config(language), text) || to_tsvector('simple'::regconfig, text)) stored;
create index post_search on post using gin (search);

do $$
begin
    if not exists (select 1 from pg_extension where extname = 'pg_trgm') then
        create extension if not exists pg_trgm;
    end if;
exception when insufficient_privilege then
    raise warning 'pg_trgm is not installed and this role may not install it: partial-word post search needs it';
end
$$;

do $$
begin
    if exists (select 1 from pg_extension where extname = 'pg_trgm') then
        create index if not exists post_text_trgm on post using gin (lower(text) gin_trgm_ops);
    end if;
end
$$;
