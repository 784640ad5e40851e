\set a random(1, :users)
\set b random(1, :users)
-- what accepting a friend request now costs on top of the two friendship rows: SuggestionIndex's
-- friendshipCreated (both directions of every new friend-of-a-friend pair); rolled back, so the graph stays put
begin;
insert into friendship (user_id, friend_id, created_at)
select md5(:a::text)::uuid, md5(:b::text)::uuid, now() where :a::int <> :b::int
union all select md5(:b::text)::uuid, md5(:a::text)::uuid, now() where :a::int <> :b::int
on conflict do nothing;
delete from friend_candidate
where (user_id = md5(:a::text)::uuid and candidate_id = md5(:b::text)::uuid)
   or (user_id = md5(:b::text)::uuid and candidate_id = md5(:a::text)::uuid);
insert into friend_candidate (user_id, candidate_id, mutual)
select p.u, p.v, 1 from (
    select md5(:a::text)::uuid as u, f.friend_id as v from friendship f
    where f.user_id = md5(:b::text)::uuid and f.friend_id <> md5(:a::text)::uuid
    union all
    select f.friend_id, md5(:a::text)::uuid from friendship f
    where f.user_id = md5(:b::text)::uuid and f.friend_id <> md5(:a::text)::uuid
    union all
    select md5(:b::text)::uuid, f.friend_id from friendship f
    where f.user_id = md5(:a::text)::uuid and f.friend_id <> md5(:b::text)::uuid
    union all
    select f.friend_id, md5(:b::text)::uuid from friendship f
    where f.user_id = md5(:a::text)::uuid and f.friend_id <> md5(:b::text)::uuid
) p
where not exists (select 1 from friendship z where z.user_id = p.u and z.friend_id = p.v)
  and :a::int <> :b::int
on conflict (user_id, candidate_id) do update set mutual = friend_candidate.mutual + 1;
rollback;
