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
    public static final String NEW_DEVICE_LOGIN = "new-device-login";
    public static final String USER_ACTIVE = "user-active";

    // admin
    public static final String USER_SUSPENDED = "user-suspended";
    public static final String USER_REINSTATED = "user-reinstated";
    public static final String ROLE_GRANTED = "role-granted";
    public static final String ROLE_REVOKED = "role-revoked";
    public static final String USER_WARNED = "user-warned";
    public static final String CONTENT_HIDDEN = "content-hidden";
    public static final String CONTENT_RESTORED = "content-restored";
    public static final String REPORT_RESOLVED = "report-resolved";
    public static final String APPEAL_DECIDED = "appeal-decided";
    public static final String SANCTION_NOTICE_REQUESTED = "sanction-notice-requested";

    // users
    public static final String FRIEND_REQUEST_SENT = "friend-request-sent";
    public static final String FRIENDSHIP_CREATED = "friendship-created";
    public static final String FRIENDSHIP_REMOVED = "friendship-removed";
    public static final String USER_BLOCKED = "user-blocked";
    public static final String USER_UNBLOCKED = "user-unblocked";
    public static final String USER_MUTED = "user-muted";
    public static final String USER_UNMUTED = "user-unmuted";

    // content
    public static final String POST_CREATED = "post-created";
    public static final String POST_UPDATED = "post-updated";
    public static final String POST_DELETED = "post-deleted";
    public static final String COMMENT_CREATED = "comment-created";
    public static final String COMMENT_DELETED = "comment-deleted";
    public static final String REACTION_ADDED = "reaction-added";
    public static final String MENTION_CREATED = "mention-created";
    public static final String CONTENT_REPORTED = "content-reported";

    // privacy: every service that holds personal data
    public static final String ERASURE_CONFIRMED = "erasure-confirmed";
    public static final String DATA_EXPORT_REQUESTED = "data-export-requested";
    public static final String DATA_EXPORT_PART = "data-export-part";
    public static final String DATA_EXPORT_READY = "data-export-ready";

    private Topics() {}
}
