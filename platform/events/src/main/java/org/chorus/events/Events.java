package org.chorus.events;

import java.util.List;
import java.util.Optional;

import org.chorus.events.admin.AppealDecided;
import org.chorus.events.admin.ContentHidden;
import org.chorus.events.admin.ContentRestored;
import org.chorus.events.admin.ReportResolved;
import org.chorus.events.admin.RoleGranted;
import org.chorus.events.admin.RoleRevoked;
import org.chorus.events.admin.SanctionNoticeRequested;
import org.chorus.events.admin.UserReinstated;
import org.chorus.events.admin.UserSuspended;
import org.chorus.events.admin.UserWarned;
import org.chorus.events.content.CommentCreated;
import org.chorus.events.content.CommentDeleted;
import org.chorus.events.content.ContentReported;
import org.chorus.events.content.MentionCreated;
import org.chorus.events.content.PostCreated;
import org.chorus.events.content.PostDeleted;
import org.chorus.events.content.PostUpdated;
import org.chorus.events.content.ReactionAdded;
import org.chorus.events.login.AccountLocked;
import org.chorus.events.login.EmailChangeRequested;
import org.chorus.events.login.EmailVerificationRequested;
import org.chorus.events.login.LoginFailed;
import org.chorus.events.login.LoginLinkRequested;
import org.chorus.events.login.NewDeviceLogin;
import org.chorus.events.login.PasswordChanged;
import org.chorus.events.login.PasswordResetRequested;
import org.chorus.events.login.SessionCompromised;
import org.chorus.events.login.TwoFactorChanged;
import org.chorus.events.login.UserActive;
import org.chorus.events.login.UserCreated;
import org.chorus.events.login.UserDeleted;
import org.chorus.events.login.UserUpdated;
import org.chorus.events.privacy.DataExportPart;
import org.chorus.events.privacy.DataExportReady;
import org.chorus.events.privacy.DataExportRequested;
import org.chorus.events.privacy.ErasureConfirmed;
import org.chorus.events.users.FriendRequestSent;
import org.chorus.events.users.FriendshipCreated;
import org.chorus.events.users.FriendshipRemoved;
import org.chorus.events.users.UserBlocked;
import org.chorus.events.users.UserMuted;
import org.chorus.events.users.UserUnblocked;
import org.chorus.events.users.UserUnmuted;

/** Every event Chorus publishes. The AsyncAPI document and the JSON Schemas describe exactly these. */
public final class Events {

    // login: the account lifecycle
    public static final EventType<UserCreated> USER_CREATED = EventType.of(Topics.USER_CREATED, 1, UserCreated.class);
    public static final EventType<UserUpdated> USER_UPDATED = EventType.of(Topics.USER_UPDATED, 1, UserUpdated.class);
    public static final EventType<UserDeleted> USER_DELETED = EventType.of(Topics.USER_DELETED, 1, UserDeleted.class);
    public static final EventType<PasswordChanged> PASSWORD_CHANGED =
            EventType.of(Topics.PASSWORD_CHANGED, 1, PasswordChanged.class);
    public static final EventType<SessionCompromised> SESSION_COMPROMISED =
            EventType.of(Topics.SESSION_COMPROMISED, 1, SessionCompromised.class);
    public static final EventType<LoginFailed> LOGIN_FAILED = EventType.of(Topics.LOGIN_FAILED, 1, LoginFailed.class);
    public static final EventType<AccountLocked> ACCOUNT_LOCKED =
            EventType.of(Topics.ACCOUNT_LOCKED, 1, AccountLocked.class);
    public static final EventType<TwoFactorChanged> TWO_FACTOR_CHANGED =
            EventType.of(Topics.TWO_FACTOR_CHANGED, 1, TwoFactorChanged.class);
    public static final EventType<NewDeviceLogin> NEW_DEVICE_LOGIN =
            EventType.of(Topics.NEW_DEVICE_LOGIN, 1, NewDeviceLogin.class);

    // login: at most one per user per UTC day, for the daily active users
    public static final EventType<UserActive> USER_ACTIVE = EventType.of(Topics.USER_ACTIVE, 1, UserActive.class);

    // login: private topics carrying a one-time link, read only by notifications
    public static final EventType<EmailVerificationRequested> EMAIL_VERIFICATION_REQUESTED =
            EventType.of(Topics.EMAIL_VERIFICATION_REQUESTED, 1, EmailVerificationRequested.class);
    public static final EventType<EmailChangeRequested> EMAIL_CHANGE_REQUESTED =
            EventType.of(Topics.EMAIL_CHANGE_REQUESTED, 1, EmailChangeRequested.class);
    public static final EventType<PasswordResetRequested> PASSWORD_RESET_REQUESTED =
            EventType.of(Topics.PASSWORD_RESET_REQUESTED, 1, PasswordResetRequested.class);
    public static final EventType<LoginLinkRequested> LOGIN_LINK_REQUESTED =
            EventType.of(Topics.LOGIN_LINK_REQUESTED, 1, LoginLinkRequested.class);

    // admin: moderation, sanctions and roles
    public static final EventType<UserSuspended> USER_SUSPENDED =
            EventType.of(Topics.USER_SUSPENDED, 1, UserSuspended.class);
    public static final EventType<UserReinstated> USER_REINSTATED =
            EventType.of(Topics.USER_REINSTATED, 1, UserReinstated.class);
    public static final EventType<RoleGranted> ROLE_GRANTED = EventType.of(Topics.ROLE_GRANTED, 1, RoleGranted.class);
    public static final EventType<RoleRevoked> ROLE_REVOKED = EventType.of(Topics.ROLE_REVOKED, 1, RoleRevoked.class);
    public static final EventType<UserWarned> USER_WARNED = EventType.of(Topics.USER_WARNED, 1, UserWarned.class);
    public static final EventType<ContentHidden> CONTENT_HIDDEN =
            EventType.of(Topics.CONTENT_HIDDEN, 1, ContentHidden.class);
    public static final EventType<ContentRestored> CONTENT_RESTORED =
            EventType.of(Topics.CONTENT_RESTORED, 1, ContentRestored.class);
    public static final EventType<ReportResolved> REPORT_RESOLVED =
            EventType.of(Topics.REPORT_RESOLVED, 1, ReportResolved.class);
    public static final EventType<AppealDecided> APPEAL_DECIDED =
            EventType.of(Topics.APPEAL_DECIDED, 1, AppealDecided.class);

    // admin: private topic carrying a one-time appeal link, read only by notifications
    public static final EventType<SanctionNoticeRequested> SANCTION_NOTICE_REQUESTED =
            EventType.of(Topics.SANCTION_NOTICE_REQUESTED, 1, SanctionNoticeRequested.class);

    // users: the social graph
    public static final EventType<FriendRequestSent> FRIEND_REQUEST_SENT =
            EventType.of(Topics.FRIEND_REQUEST_SENT, 1, FriendRequestSent.class);
    public static final EventType<FriendshipCreated> FRIENDSHIP_CREATED =
            EventType.of(Topics.FRIENDSHIP_CREATED, 1, FriendshipCreated.class);
    public static final EventType<FriendshipRemoved> FRIENDSHIP_REMOVED =
            EventType.of(Topics.FRIENDSHIP_REMOVED, 1, FriendshipRemoved.class);
    public static final EventType<UserBlocked> USER_BLOCKED = EventType.of(Topics.USER_BLOCKED, 1, UserBlocked.class);
    public static final EventType<UserUnblocked> USER_UNBLOCKED =
            EventType.of(Topics.USER_UNBLOCKED, 1, UserUnblocked.class);
    public static final EventType<UserMuted> USER_MUTED = EventType.of(Topics.USER_MUTED, 1, UserMuted.class);
    public static final EventType<UserUnmuted> USER_UNMUTED = EventType.of(Topics.USER_UNMUTED, 1, UserUnmuted.class);

    // content: posts, comments, reactions, mentions and reports
    public static final EventType<PostCreated> POST_CREATED = EventType.of(Topics.POST_CREATED, 1, PostCreated.class);
    public static final EventType<PostUpdated> POST_UPDATED = EventType.of(Topics.POST_UPDATED, 1, PostUpdated.class);
    public static final EventType<PostDeleted> POST_DELETED = EventType.of(Topics.POST_DELETED, 1, PostDeleted.class);
    public static final EventType<CommentCreated> COMMENT_CREATED =
            EventType.of(Topics.COMMENT_CREATED, 1, CommentCreated.class);
    public static final EventType<CommentDeleted> COMMENT_DELETED =
            EventType.of(Topics.COMMENT_DELETED, 1, CommentDeleted.class);
    public static final EventType<ReactionAdded> REACTION_ADDED =
            EventType.of(Topics.REACTION_ADDED, 1, ReactionAdded.class);
    public static final EventType<MentionCreated> MENTION_CREATED =
            EventType.of(Topics.MENTION_CREATED, 1, MentionCreated.class);
    public static final EventType<ContentReported> CONTENT_REPORTED =
            EventType.of(Topics.CONTENT_REPORTED, 1, ContentReported.class);

    // privacy: every service that holds personal data confirms its part of an account deletion
    public static final EventType<ErasureConfirmed> ERASURE_CONFIRMED =
            EventType.of(Topics.ERASURE_CONFIRMED, 1, ErasureConfirmed.class);

    // privacy: a data export — admin asks, every service holding personal data answers with its part, admin
    // assembles it and (private topic, read only by notifications) has the download link mailed
    public static final EventType<DataExportRequested> DATA_EXPORT_REQUESTED =
            EventType.of(Topics.DATA_EXPORT_REQUESTED, 1, DataExportRequested.class);
    public static final EventType<DataExportPart> DATA_EXPORT_PART =
            EventType.of(Topics.DATA_EXPORT_PART, 1, DataExportPart.class);
    public static final EventType<DataExportReady> DATA_EXPORT_READY =
            EventType.of(Topics.DATA_EXPORT_READY, 1, DataExportReady.class);

    public static final List<EventType<?>> ALL = List.of(
            USER_CREATED,
            USER_UPDATED,
            USER_DELETED,
            PASSWORD_CHANGED,
            SESSION_COMPROMISED,
            LOGIN_FAILED,
            ACCOUNT_LOCKED,
            TWO_FACTOR_CHANGED,
            NEW_DEVICE_LOGIN,
            USER_ACTIVE,
            EMAIL_VERIFICATION_REQUESTED,
            EMAIL_CHANGE_REQUESTED,
            PASSWORD_RESET_REQUESTED,
            LOGIN_LINK_REQUESTED,
            USER_SUSPENDED,
            USER_REINSTATED,
            ROLE_GRANTED,
            ROLE_REVOKED,
            USER_WARNED,
            CONTENT_HIDDEN,
            CONTENT_RESTORED,
            REPORT_RESOLVED,
            APPEAL_DECIDED,
            SANCTION_NOTICE_REQUESTED,
            FRIEND_REQUEST_SENT,
            FRIENDSHIP_CREATED,
            FRIENDSHIP_REMOVED,
            USER_BLOCKED,
            USER_UNBLOCKED,
            USER_MUTED,
            USER_UNMUTED,
            POST_CREATED,
            POST_UPDATED,
            POST_DELETED,
            COMMENT_CREATED,
            COMMENT_DELETED,
            REACTION_ADDED,
            MENTION_CREATED,
            CONTENT_REPORTED,
            ERASURE_CONFIRMED,
            DATA_EXPORT_REQUESTED,
            DATA_EXPORT_PART,
            DATA_EXPORT_READY);

    /** The event type with this CloudEvents {@code type}, if Chorus knows it. */
    public static Optional<EventType<?>> byType(String ceType) {
        return ALL.stream().filter(e -> e.type().equals(ceType)).findFirst();
    }

    private Events() {}
}
