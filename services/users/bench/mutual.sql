\set n random(1, :users)
\set o random(1, :users)
select p.id, p.username, p.display_name
from friendship a
join friendship b on b.friend_id = a.friend_id and b.user_id = md5(:o::text)::uuid
join profile p on p.id = a.friend_id
where a.user_id = md5(:n::text)::uuid and not p.hidden
  and not exists (select 1 from user_block x
                  where (x.blocker_id = md5(:n::text)::uuid and x.blocked_id = p.id)
                     or (x.blocker_id = p.id and x.blocked_id = md5(:n::text)::uuid))
order by a.friend_id
limit 21;
