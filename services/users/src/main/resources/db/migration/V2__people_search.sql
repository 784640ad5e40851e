-- People search uses pg_trgm. Creating an extension needs rights a service role may lack: then an
-- operator creates it once (create extension pg_trgm) and this script only adds the indexes.
do $$
begin
    if not exists (select 1 from pg_extension where extname = 'pg_trgm') then
        create extension if not exists pg_trgm;
    end if;
exception when insufficient_privilege then
    raise warning 'pg_trgm is not installed and this role may not install it: people search needs it';
end
$$;

-- GIN trigram indexes serve both similarity (%) and LIKE 'prefix%' filters.
do $$
begin
    if exists (select 1 from pg_extension where extname = 'pg_trgm') then
        create index if not exists profile_username_trgm on profile using gin (username gin_trgm_ops);
        create index if not exists profile_display_name_trgm on profile using gin (lower(display_name) gin_trgm_ops);
        create index if not exists profile_display_name_trgm_raw on profile using gin (display_name gin_trgm_ops);
    end if;
end
$$;
