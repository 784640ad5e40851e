-- Indexes the read path needs at scale (found by bench/, issue 10).
-- Every post a feed, a search or a direct read shows carries its comment count (replies included, hidden ones not):
-- the only index on comment(post_id) was comment_thread, partial to top-level comments, so the count read every
-- comment of the table for each post. (post_id, hidden) answers it from the index alone, and serves the
-- on-delete cascade from post as well.
create index comment_post on comment (post_id, hidden);
-- reactions per kind of a post or comment, counted from the index alone instead of one table row per reaction
create index reaction_kind on reaction (target_kind, target_id, reaction);
