\set n random(1, :users)
-- no anti-join on friendship: friend_candidate never holds friends (see GraphService.suggestions)
select p.id, p.username, p.display_name, c.mutual
from friend_candidate c
join profile p on p.id = c.candidate_id
where c.user_id = md5(:n::text)::uuid and not p.hidden
  and not exists (select 1 from friend_request r
                  where (r.from_user_id = md5(:n::text)::uuid and r.to_user_id = c.candidate_id)
                     or (r.from_user_id = c.candidate_id and r.to_user_id = md5(:n::text)::uuid))
  and not exists (select 1 from user_block b
                  where (b.blocker_id = md5(:n::text)::uuid and b.blocked_id = c.candidate_id)
                     or (b.blocker_id = c.candidate_id and b.blocked_id = md5(:n::text)::uuid))
  and not exists (select 1 from user_mute m where m.muter_id = md5(:n::text)::uuid and m.muted_id = c.candidate_id)
order by c.mutual desc, c.candidate_id
limit 21;
