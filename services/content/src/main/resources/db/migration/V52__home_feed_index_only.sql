-- The home feed reads each author's newest posts from post_author_time and needs only whether a post is hidden
-- or private to keep or skip it: with those columns in the index, each author's slice is an index-only scan and
-- only the page's posts are read from the table (bench/: the feed read up to 21 post rows per friend before).
create index post_author_time_v52 on post (author_id, created_at desc, id desc) include (visibility, hidden);
drop index post_author_time;
alter index post_author_time_v52 rename to post_author_time;
