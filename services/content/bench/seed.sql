-- Seeds the schema content (the service's, first on the search path) with :users users, :friendships friendships
-- (two directed rows each) and :posts posts with their versions, tags, comments, replies and reactions.
-- Deterministic (setseed): both sizes get the same users and the same graph; only the content differs.
-- Ids are md5 of a seed number: user n = md5(n)::uuid, post n = md5('p' || n)::uuid, comment n = md5('c' || n)::uuid,
-- so the benchmark derives them in Java (PostBenchmark.user/post).
-- Skew: authors, commenters and the posts that get comments and reactions follow power laws (a few users write
-- much, a few posts get most of the comments and reactions), words a Zipf-like law over a 5,000-word vocabulary;
-- 70 % of posts are public, 25 % friends-only, 5 % private; 0.1 % are hidden by a moderator, 0.1 % of the users
-- suspended, 2 % of the friendships removed (tombstones); 10,000 blocks and 20,000 mutes per 100,000 users.
-- Statements end with ';' at the end of a line (the benchmark splits there); psql runs it as it is.
select setseed(0.42);
truncate post, comment, reaction, post_tag, post_version, friendship, user_block, user_mute, app_user, erased_user cascade;

-- a bulk load: the secondary indexes are dropped (their definitions kept, so they are built again exactly as the
-- migrations made them) and foreign-key triggers skipped (every reference is valid by construction); rows go in
-- in primary-key order where that is cheap (random inserts that check conflicts are ten times slower)
set maintenance_work_mem = '512MB';
set work_mem = '256MB';
create temporary table bench_index as
    select indexname, indexdef from pg_indexes
    where schemaname = 'content' and tablename in ('post', 'comment', 'reaction', 'post_tag', 'post_version', 'friendship', 'app_user')
      and indexname not like '%pkey' and indexname not like '%\_key';
do $$ declare i record; begin for i in select indexname from bench_index loop execute 'drop index content.' || quote_ident(i.indexname); end loop; end $$;
set session_replication_role = replica;

insert into app_user (id, username, suspended)
select md5(n::text)::uuid, substr(md5('u' || n), 1, 10) || n, n % 1000 = 999
from generate_series(1, :users) n order by 1;

-- random pairs, both directions, deduplicated; self-pairs dropped, so the count lands a little under :friendships
create temporary table bench_pair as
select a, b from (
    select md5((1 + floor(random() * :users))::int::text)::uuid as a,
           md5((1 + floor(random() * :users))::int::text)::uuid as b
    from generate_series(1, :friendships)
) p where a <> b;
insert into friendship (user_id, friend_id, active, changed_at)
select distinct u, f, hashtext(least(u, f)::text || greatest(u, f)::text) % 50 <> 0, now() - interval '400 days'
from (select a as u, b as f from bench_pair union all select b, a from bench_pair) both_ways
order by u, f;
insert into user_block (blocker_id, blocked_id, active, changed_at)
select distinct md5((1 + floor(random() * :users))::int::text)::uuid, md5((1 + floor(random() * :users))::int::text)::uuid,
       true, now() - interval '200 days'
from generate_series(1, :users / 10) on conflict do nothing;
insert into user_mute (muter_id, muted_id, active, changed_at)
select distinct md5((1 + floor(random() * :users))::int::text)::uuid, md5((1 + floor(random() * :users))::int::text)::uuid,
       true, now() - interval '200 days'
from generate_series(1, :users / 5) on conflict do nothing;

-- posts over the last year, the newest with the highest number; authors skewed (user 1 writes most);
-- word k of the vocabulary is spelled from k's base-24 digits (PostBenchmark.word(k) spells it the same way)
insert into post (id, author_id, text, visibility, language, entities, created_at, edited_at, version, hidden)
select md5('p' || n)::uuid, md5(author::text)::uuid,
       case when tag is null then body else body || ' #' || tag end,
       case when v < 0.70 then 'public' when v < 0.95 then 'friends' else 'private' end,
       case when n % 10 = 0 then 'de' when n % 10 = 1 then null else 'en' end,
       jsonb_build_object('mentions', jsonb_build_array(), 'hashtags',
           case when tag is null then jsonb_build_array()
                else jsonb_build_array(jsonb_build_object('tag', tag, 'start', length(body) + 1, 'end', length(body) + 2 + length(tag))) end),
       at, case when n % 20 = 0 then at + interval '1 hour' end, case when n % 20 = 0 then 2 else 1 end, n % 1000 = 500
from (
    select n, 1 + floor(:users * power(random(), 3))::int as author, random() as v,
           now() - interval '365 days' * (1 - n::float8 / :posts) - interval '1 minute' as at,
           case when random() < 0.2 then 'tag' || (1 + floor(200 * power(random(), 2))::int + 0 * n) end as tag,
           (select string_agg(w[1 + k % 24] || w[1 + (k / 24) % 24] || case when k >= 576 then w[1 + (k / 576) % 24] else '' end, ' ')
            from (select floor(5000 * power(random(), 2))::int as k from generate_series(1, 5 + n % 26)) g) as body
    from generate_series(1, :posts) n,
         (select array['ka','ri','mo','te','lu','san','vi','do','ne','pa','ro','li','mu','zo','fe','ga','hi','jo','bel','cu','wa','yo','xin','qu'] as w) vocabulary
) p;

-- version 1 of every post (an edited one was written as its first two words, then edited to its text)
insert into post_version (id, post_id, number, text, visibility, language, edited_by, edited_at)
select md5('v1' || p.id)::uuid, p.id, 1,
       case when p.version = 2 then split_part(p.text, ' ', 1) || ' ' || split_part(p.text, ' ', 2) else p.text end,
       p.visibility, p.language, p.author_id, p.created_at
from post p;
insert into post_version (id, post_id, number, text, visibility, language, edited_by, edited_at)
select md5('v2' || p.id)::uuid, p.id, 2, p.text, p.visibility, p.language, p.author_id, p.edited_at
from post p where p.version = 2;
insert into post_tag (post_id, tag, created_at)
select p.id, e ->> 'tag', p.created_at from post p, jsonb_array_elements(p.entities -> 'hashtags') e;

-- 2 top-level comments per post on average, post k drawn with probability ~ 1/sqrt(k) over a permutation of the
-- posts (k * 7919 mod :posts, so popular posts are of every age); commenters skewed like authors, less steeply
insert into comment (id, post_id, parent_id, author_id, text, created_at, hidden)
select md5('c' || c.n)::uuid, p.id, null, md5((1 + floor(:users * power(random(), 2))::int)::text)::uuid,
       (select string_agg(w[1 + k % 24] || w[1 + (k / 24) % 24] || case when k >= 576 then w[1 + (k / 576) % 24] else '' end, ' ')
        from (select floor(5000 * power(random(), 2))::int as k from generate_series(1, 3 + c.n % 12)) g),
       p.created_at + interval '1 second' * (1 + floor(random() * 86400 * 3)), c.n % 500 = 7
from (select n, (floor(:posts * power(random(), 2))::bigint * 7919) % :posts + 1 as k
      from generate_series(1, 2 * :posts) n) c
join post p on p.id = md5('p' || c.k)::uuid,
     (select array['ka','ri','mo','te','lu','san','vi','do','ne','pa','ro','li','mu','zo','fe','ga','hi','jo','bel','cu','wa','yo','xin','qu'] as w) vocabulary;
-- half as many replies, to top-level comments drawn the same way
insert into comment (id, post_id, parent_id, author_id, text, created_at, hidden)
select md5('c' || r.n)::uuid, parent.post_id, parent.id, md5((1 + floor(:users * power(random(), 2))::int)::text)::uuid,
       (select string_agg(w[1 + k % 24] || w[1 + (k / 24) % 24] || case when k >= 576 then w[1 + (k / 576) % 24] else '' end, ' ')
        from (select floor(5000 * power(random(), 2))::int as k from generate_series(1, 3 + r.n % 8)) g),
       parent.created_at + interval '1 second' * (1 + floor(random() * 86400)), false
from (select n, 1 + (floor(2 * :posts * power(random(), 2))::bigint * 7919) % (2 * :posts) as k
      from generate_series(2 * :posts + 1, 3 * :posts) n) r
join comment parent on parent.id = md5('c' || r.k)::uuid,
     (select array['ka','ri','mo','te','lu','san','vi','do','ne','pa','ro','li','mu','zo','fe','ga','hi','jo','bel','cu','wa','yo','xin','qu'] as w) vocabulary;

-- 3 reactions per post and 1 per comment on average (one per user and target), targets drawn like the comments'
-- posts; like and love the most common kinds
insert into reaction (target_kind, target_id, post_id, comment_id, user_id, reaction, reacted_at)
select distinct on (p.id, x.u) 'post', p.id, p.id, null::uuid, x.u, x.kind, p.created_at + interval '1 minute'
from (select (floor(:posts * power(random(), 2))::bigint * 7919) % :posts + 1 as k,
             md5((1 + floor(random() * :users))::int::text)::uuid as u,
             (array['like','like','like','like','love','love','laugh','wow','sad','angry'])[1 + floor(random() * 10)::int] as kind
      from generate_series(1, 3 * :posts)) x
join post p on p.id = md5('p' || x.k)::uuid
order by p.id, x.u;
insert into reaction (target_kind, target_id, post_id, comment_id, user_id, reaction, reacted_at)
select distinct on (c.id, x.u) 'comment', c.id, c.post_id, c.id, x.u, x.kind, c.created_at + interval '1 minute'
from (select 1 + (floor(3 * :posts * power(random(), 2))::bigint * 7919) % (3 * :posts) as k,
             md5((1 + floor(random() * :users))::int::text)::uuid as u,
             (array['like','like','like','like','love','love','laugh','wow','sad','angry'])[1 + floor(random() * 10)::int] as kind
      from generate_series(1, :posts)) x
join comment c on c.id = md5('c' || x.k)::uuid
order by c.id, x.u;

set session_replication_role = origin;
do $$ declare i record; begin for i in select indexdef from bench_index loop execute i.indexdef; end loop; end $$;
drop table bench_index, bench_pair;

-- a steady state as autovacuum leaves it (statistics, visibility map for index-only scans), the dirty pages written
vacuum analyze;
checkpoint;
select count(*) as users from app_user;
select count(*) / 2 as friendships from friendship;
select count(*) as posts, pg_size_pretty(pg_total_relation_size('post')) as post_size from post;
select count(*) filter (where parent_id is null) as comments, count(*) filter (where parent_id is not null) as replies from comment;
select count(*) as reactions from reaction;
