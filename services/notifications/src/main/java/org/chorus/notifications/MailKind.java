package org.chorus.notifications;

/**
 * The e-mails Chorus sends. Stored by name in {@code delivery.kind}, so renaming a constant
 * needs a migration of the pending rows.
 */
public enum MailKind {
    /** user-created: greets the new member. */
    WELCOME,
    /** email-verification-requested: the one-time link that verifies the address. */
    EMAIL_VERIFICATION,
    /** password-reset-requested: the one-time reset link. */
    PASSWORD_RESET,
    /** login-link-requested: the one-time passwordless login link. */
    LOGIN_LINK,
    /** email-change-requested: the confirmation link, sent to the new address. */
    EMAIL_CHANGE,
    /** password-changed: tells the owner, in case it was not them. */
    PASSWORD_CHANGED,
    /** user-updated with a previous address: tells the old address that it is no longer used. */
    EMAIL_CHANGED,
    /** two-factor-changed: tells the owner their second factor was turned on or off, or its recovery codes changed. */
    TWO_FACTOR_CHANGED,
    /** a friend request, comment, reply or mention the member wants mail about; carries one-click unsubscribe. */
    ACTIVITY,
    /** sanction-notice-requested: the action, reason, end and the appeal link with its deadline (always sent). */
    SANCTION_NOTICE,
    /** appeal-decided: upheld or overturned (always sent). */
    APPEAL_DECISION,
    /** new-device-login: a sign-in from a device the account had not used (always sent). */
    NEW_DEVICE_LOGIN,
    /** data-export-ready: the one-time download link of the data export the user asked for (always sent). */
    DATA_EXPORT_READY
}
