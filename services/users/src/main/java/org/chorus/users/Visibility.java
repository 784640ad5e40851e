package org.chorus.users;

/** Who sees a profile in full: everyone, or only the owner's friends (others get the card). */
public enum Visibility {
    PUBLIC,
    FRIENDS
}
