-- Seeds :users profiles and :friendships friendships (two directed rows each) into schema users.
-- Profile ids are md5(n)::uuid for n = 1..:users, so pgbench scripts can pick random users.
truncate friendship, friend_request, user_block, user_mute, profile cascade;

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

analyze;
select count(*) as profiles from profile;
select count(*) / 2 as friendships from friendship;
