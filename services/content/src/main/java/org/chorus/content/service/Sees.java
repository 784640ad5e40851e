package org.chorus.content.service;

/**
 * The visibility rules as SQL, in one place, so every read (post, feed, comment, reaction list, search, report)
 * applies exactly the same ones. Each fragment takes {@code :viewer} (the nil id for anonymous readers) and
 * {@code :moderator}.
 */
final class Sees {

    private Sees() {
    }

    /** A block, in either direction, between the viewer and the user in column {@code userColumn}. */
    static String blockWith(String userColumn) {
        return "exists (select 1 from {h-schema}user_block b where b.active and ((b.blocker_id = :viewer and b.blocked_id = "
                + userColumn + ") or (b.blocker_id = " + userColumn + " and b.blocked_id = :viewer)))";
    }

    /** The viewer muted the user in {@code userColumn}: hides them from the viewer's feeds and search only. */
    static String muted(String userColumn) {
        return "exists (select 1 from {h-schema}user_mute m where m.active and m.muter_id = :viewer and m.muted_id = "
                + userColumn + ")";
    }

    /**
     * The viewer may read post {@code p} (columns of {@code post}) by author {@code a} (columns of {@code app_user}):
     * their own, always (a hidden one too, marked so); anyone else's when it is not hidden by a moderator (unless
     * the viewer is one), its author is not suspended, no block lies between them, and it is public, or friends-only
     * and they are friends.
     */
    static final String POST = """
            (p.author_id = :viewer or ((not p.hidden or :moderator) and not a.suspended
              and (p.visibility = 'public' or (p.visibility = 'friends' and exists (select 1 from {h-schema}friendship f
                   where f.user_id = :viewer and f.friend_id = p.author_id and f.active)))
              and not %s))""".formatted(blockWith("p.author_id"));

    /** The viewer may read comment {@code c} by author {@code ca}, given that they may read its post. */
    static final String COMMENT = """
            (c.author_id = :viewer or ((not c.hidden or :moderator) and not ca.suspended and not %s))"""
            .formatted(blockWith("c.author_id"));
}
