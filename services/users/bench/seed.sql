-- Seeds :users profiles and :friendships friendships (two directed rows each) into schema users.
-- Profile ids are md5(n)::uuid for n = 1..:users, so pgbench scripts can pick random users.
truncate friend_candidate, friendship, friend_request, user_block, user_mute, profile cascade;

insert into profile (id, username, display_name, visibility, hidden, created_at, updated_at)
select md5(n::text)::uuid,
       -- varied names: a shared prefix such as 'user_' would put one trigram in every row
       substr(md5('u' || n), 1, 10) || n,
       initcap(substr(md5('d' || n), 1, 7)) || ' ' || initcap(substr(md5('e' || n), 1, 9)),
       'PUBLIC', false, now(), now()
from generate_series(1, :users) n;

-- random pairs; duplicates and self-pairs dropped, so the count lands a little under :friendships
insert into friendship (user_id, friend_id, created_at)
select a, b, now() from (
    select md5((1 + floor(random() * :users))::int::text)::uuid as a,
           md5((1 + floor(random() * :users))::int::text)::uuid as b
    from generate_series(1, :friendships)
) pairs where a <> b
on conflict do nothing;
insert into friendship (user_id, friend_id, created_at)
select friend_id, user_id, created_at from friendship on conflict do nothing;

-- "people you may know", precomputed as the service keeps it (V5__friend_candidates.sql builds it the same
-- way); for a bulk load the indexes are dropped and rebuilt, and the foreign-key trigger is skipped (every
-- user_id is a profile here by construction) — same table and indexes as the migration creates
set maintenance_work_mem = '1GB';
set work_mem = '256MB';
alter table friend_candidate drop constraint friend_candidate_pkey;
drop index friend_candidate_rank;
set session_replication_role = replica;
insert into friend_candidate (user_id, candidate_id, mutual)
select a.friend_id, b.friend_id, count(*)
from friendship a
join friendship b on b.user_id = a.user_id and b.friend_id <> a.friend_id
where not exists (select 1 from friendship z where z.user_id = a.friend_id and z.friend_id = b.friend_id)
group by a.friend_id, b.friend_id;
set session_replication_role = origin;
alter table friend_candidate add constraint friend_candidate_pkey primary key (user_id, candidate_id);
create index friend_candidate_rank on friend_candidate (user_id, mutual desc, candidate_id);

-- a steady state as autovacuum leaves it (statistics, visibility map for index-only scans), with the
-- seeding's gigabytes of dirty pages written out: measured while the checkpointer still flushed them, the
-- 1,000,000 figures were the disk's, not the queries' (endpoint p50 of mutual friends +60 %, max 840 ms)
vacuum analyze;
checkpoint;
select count(*) as profiles from profile;
select count(*) / 2 as friendships from friendship;
select count(*) as suggestion_pairs, pg_size_pretty(pg_total_relation_size('friend_candidate')) as suggestion_size
from friend_candidate;
