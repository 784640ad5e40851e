\set n random(1, :users)
\set me random(1, :users)
select id, username, display_name, score from (
    select p.id, p.username, p.display_name,
           greatest(similarity(p.username, substr(md5('u' || :n), 1, 8)), similarity(coalesce(p.display_name, ''), substr(md5('u' || :n), 1, 8)),
                    case when p.username like substr(md5('u' || :n), 1, 8) || '%' then 0.5 else 0 end) as score
    from profile p
    where (p.username % (substr(md5('u' || :n), 1, 8)) or p.display_name % (substr(md5('u' || :n), 1, 8))
           or p.username like substr(md5('u' || :n), 1, 8) || '%' or lower(p.display_name) like substr(md5('u' || :n), 1, 8) || '%')
      and not p.hidden and p.id <> md5(:me::text)::uuid
      and not exists (select 1 from user_block b
                      where (b.blocker_id = md5(:me::text)::uuid and b.blocked_id = p.id)
                         or (b.blocker_id = p.id and b.blocked_id = md5(:me::text)::uuid))
      and not exists (select 1 from user_mute m where m.muter_id = md5(:me::text)::uuid and m.muted_id = p.id)
) hits
order by score desc, id
limit 21;
