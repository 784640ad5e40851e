package org.chorus.events;

/**
 * Topic names as compile-time constants, for annotations such as {@code @Incoming}
 * (whose channel names Chorus keeps equal to the topic names). Everything else should use
 * the {@link EventType} constants in {@link Events}.
 */
public final class Topics {

    // login
    public static final String USER_CREATED = "user-created";
    public static final String USER_UPDATED = "user-updated";
    public static final String USER_DELETED = "user-deleted";
    public static final String EMAIL_VERIFICATION_REQUESTED = "email-verification-requested";
    public static final String EMAIL_CHANGE_REQUESTED = "email-change-requested";
    public static final String PASSWORD_RESET_REQUESTED = "password-reset-requested";
    public static final String LOGIN_LINK_REQUESTED = "login-link-requested";
    public static final String PASSWORD_CHANGED = "password-changed";
    public static final String SESSION_COMPROMISED = "session-compromised";
    public static final String LOGIN_FAILED = "login-failed";
    public static final String ACCOUNT_LOCKED = "account-locked";
    public static final String TWO_FACTOR_CHANGED = "two-factor-changed";

    // admin
    public static final String USER_SUSPENDED = "user-suspended";
    public static final String USER_REINSTATED = "user-reinstated";
    public static final String ROLE_GRANTED = "role-granted";
    public static final String ROLE_REVOKED = "role-revoked";

    // users
    public static final String FRIEND_REQUEST_SENT = "friend-request-sent";
    public static final String FRIENDSHIP_CREATED = "friendship-created";
    public static final String FRIENDSHIP_REMOVED = "friendship-removed";
    public static final String USER_BLOCKED = "user-blocked";
    public static final String USER_UNBLOCKED = "user-unblocked";
    public static final String USER_MUTED = "user-muted";
    public static final String USER_UNMUTED = "user-unmuted";

    private Topics() {
    }
}
