-- One role and one schema per service; each role may touch only its own schema.
-- Used by docker-compose.yml (the PostgreSQL image runs it on first start) and by the
-- k8s/postgres-init Job. Passwords here are for local Docker use only; on Kubernetes they
-- come from the chorus-db Secret.
create extension if not exists pg_trgm;
do $$
declare
    svc text;
begin
    foreach svc in array array['login', 'users', 'content', 'admin', 'notifications'] loop
        if not exists (select 1 from pg_roles where rolname = svc) then
            execute format('create role %I login password %L', svc, svc || '-local');
        end if;
        execute format('create schema if not exists %I authorization %I', svc, svc);
        execute format('revoke all on schema %I from public', svc);
    end loop;
end
$$;
