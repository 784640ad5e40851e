-- "People you may know", precomputed: for every user, each friend-of-a-friend who is not a friend
-- and how many friends they share. Kept exact by SuggestionIndex in the same transaction as every
-- friendship change (created, removed, account erased), so reading suggestions is one index range
-- scan in rank order whatever the size of the graph; see the README for the trade-offs.
-- Invariant: a row (u, c) exists iff u <> c, u and c are not friends, and mutual = |friends(u) ∩ friends(c)| > 0.
-- The table is symmetric: (u, c, n) exists iff (c, u, n) does.
create table friend_candidate (
    -- on delete cascade for the owner's rows; the mirror rows (x, u) are removed by the service before an
    -- account is erased (a foreign key on candidate_id would need a third index for the cascade to be fast)
    user_id      uuid    not null references profile (id) on delete cascade,
    candidate_id uuid    not null,
    mutual       integer not null check (mutual > 0),
    primary key (user_id, candidate_id)
);
-- the read path: one user's candidates, most friends in common first, then id (the keyset of the cursor)
create index friend_candidate_rank on friend_candidate (user_id, mutual desc, candidate_id);

-- existing friendships
insert into friend_candidate (user_id, candidate_id, mutual)
select a.friend_id, b.friend_id, count(*)
from friendship a
join friendship b on b.user_id = a.user_id and b.friend_id <> a.friend_id
where not exists (select 1 from friendship z where z.user_id = a.friend_id and z.friend_id = b.friend_id)
group by a.friend_id, b.friend_id;

