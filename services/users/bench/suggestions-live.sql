\set n random(1, :users)
-- the previous, live friends-of-friends query (before friend_candidate), kept to compare against
select p.id, p.username, p.display_name, s.mutual
from (
    select c.friend_id as id, count(*) as mutual
    from friendship f
    join friendship c on c.user_id = f.friend_id
    where f.user_id = md5(:n::text)::uuid and c.friend_id <> md5(:n::text)::uuid
      and not exists (select 1 from friendship x
                      where x.user_id = md5(:n::text)::uuid and x.friend_id = c.friend_id)
      and not exists (select 1 from friend_request r
                      where (r.from_user_id = md5(:n::text)::uuid and r.to_user_id = c.friend_id)
                         or (r.from_user_id = c.friend_id and r.to_user_id = md5(:n::text)::uuid))
      and not exists (select 1 from user_block b
                      where (b.blocker_id = md5(:n::text)::uuid and b.blocked_id = c.friend_id)
                         or (b.blocker_id = c.friend_id and b.blocked_id = md5(:n::text)::uuid))
      and not exists (select 1 from user_mute m
                      where m.muter_id = md5(:n::text)::uuid and m.muted_id = c.friend_id)
    group by c.friend_id
) s
cross join lateral (
    select q.id, q.username, q.display_name from profile q
    where q.id = s.id and not q.hidden offset 0
) p
order by s.mutual desc, p.id
limit 21;
