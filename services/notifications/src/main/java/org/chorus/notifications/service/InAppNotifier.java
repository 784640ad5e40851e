package org.chorus.notifications.service;

import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.chorus.events.admin.AppealDecided;
import org.chorus.events.admin.ContentHidden;
import org.chorus.events.admin.ReportResolved;
import org.chorus.events.admin.UserSuspended;
import org.chorus.events.admin.UserWarned;
import org.chorus.events.content.CommentCreated;
import org.chorus.events.content.MentionCreated;
import org.chorus.events.content.ReactionAdded;
import org.chorus.events.login.NewDeviceLogin;
import org.chorus.events.login.PasswordChanged;
import org.chorus.events.login.TwoFactorChanged;
import org.chorus.events.users.FriendRequestSent;
import org.chorus.events.users.FriendshipCreated;
import org.chorus.notifications.NotificationKind;

/**
 * Turns events into notifications (and the mails people chose). Each method runs in the inbox's
 * transaction of its event; the source key names the fact, so a fact published twice under
 * different event ids still notifies once.
 */
@ApplicationScoped
public class InAppNotifier {

    private final NotificationStore store;
    private final ActivityMails mails;

    InAppNotifier(NotificationStore store, ActivityMails mails) {
        this.store = store;
        this.mails = mails;
    }

    /** Notifies, and mails when the member wants it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void notify(Activity activity) {
        store.notify(activity).ifPresent(result -> mails.mailIfWanted(activity, result));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void friendRequestSent(FriendRequestSent e) {
        notify(new Activity(
                e.toUserId(),
                NotificationKind.FRIEND_REQUEST,
                "user",
                e.toUserId().toString(),
                null,
                e.fromUserId(),
                str(e.requestId()),
                "friend-request:" + e.requestId(),
                e.sentAt(),
                Activity.data("requestId", str(e.requestId()))));
    }

    /** The one who sent the request hears that it was accepted. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void friendshipCreated(FriendshipCreated e) {
        notify(new Activity(
                e.friendId(),
                NotificationKind.FRIENDSHIP,
                "user",
                e.friendId().toString(),
                null,
                e.userId(),
                str(e.userId()),
                "friendship:" + e.userId() + ":" + e.friendId() + ":" + e.createdAt(),
                e.createdAt(),
                Map.of()));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void passwordChanged(String eventId, PasswordChanged e) {
        notify(Activity.notice(
                e.userId(),
                NotificationKind.PASSWORD_CHANGED,
                "account",
                e.userId().toString(),
                "password-changed:" + eventId,
                e.changedAt(),
                Activity.data("changedAt", str(e.changedAt()))));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void twoFactorChanged(String eventId, TwoFactorChanged e) {
        notify(Activity.notice(
                e.userId(),
                NotificationKind.TWO_FACTOR_CHANGED,
                "account",
                eventId,
                "two-factor-changed:" + eventId,
                e.changedAt(),
                Activity.data("change", e.change(), "recoveryCodesLeft", e.recoveryCodesLeft())));
    }

    /** A reply tells the parent's author; the post's author hears of a comment unless they just got it as a reply. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void commentCreated(CommentCreated e) {
        Map<String, Object> data =
                Activity.data("commentId", str(e.commentId()), "postId", str(e.postId()), "excerpt", excerpt(e.text()));
        if (e.parentCommentId() != null && e.parentAuthorId() != null) {
            notify(new Activity(
                    e.parentAuthorId(),
                    NotificationKind.REPLY,
                    "comment",
                    str(e.parentCommentId()),
                    e.postId(),
                    e.authorId(),
                    str(e.commentId()),
                    "reply:" + e.commentId(),
                    e.createdAt(),
                    data));
        }
        if (e.postAuthorId() != null && !e.postAuthorId().equals(e.parentAuthorId())) {
            notify(new Activity(
                    e.postAuthorId(),
                    NotificationKind.COMMENT,
                    "post",
                    str(e.postId()),
                    e.postId(),
                    e.authorId(),
                    str(e.commentId()),
                    "comment:" + e.commentId(),
                    e.createdAt(),
                    data));
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void reactionAdded(ReactionAdded e) {
        if (!"post".equals(e.targetKind()) && !"comment".equals(e.targetKind())) {
            throw new IllegalArgumentException("reaction target kind must be post or comment");
        }
        notify(new Activity(
                e.targetAuthorId(),
                NotificationKind.REACTION,
                e.targetKind(),
                str(e.targetId()),
                e.postId(),
                e.userId(),
                "reaction:" + e.targetId() + ":" + e.userId(),
                "reaction:" + e.targetId() + ":" + e.userId() + ":" + e.reaction(),
                e.reactedAt(),
                Activity.data("reaction", e.reaction())));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void mentionCreated(MentionCreated e) {
        UUID where = e.commentId() != null ? e.commentId() : e.postId();
        notify(new Activity(
                e.mentionedUserId(),
                NotificationKind.MENTION,
                e.commentId() != null ? "comment" : "post",
                str(where),
                e.postId(),
                e.authorId(),
                str(where),
                "mention:" + where + ":" + e.mentionedUserId(),
                e.createdAt(),
                Activity.data("postId", str(e.postId()), "commentId", str(e.commentId()))));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void userWarned(UserWarned e) {
        notify(Activity.notice(
                e.userId(),
                NotificationKind.SANCTION,
                "sanction",
                str(e.sanctionId()),
                "sanction:" + e.sanctionId(),
                e.warnedAt(),
                Activity.data("action", "warn", "reason", e.reason(), "sanctionId", str(e.sanctionId()))));
    }

    /** The author is told of the hiding (a sanction they may appeal). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void contentHidden(ContentHidden e) {
        notify(Activity.notice(
                e.authorId(),
                NotificationKind.SANCTION,
                "sanction",
                str(e.sanctionId()),
                "sanction:" + e.sanctionId(),
                e.hiddenAt(),
                Activity.data(
                        "action",
                        "hide",
                        "reason",
                        e.reason(),
                        "sanctionId",
                        str(e.sanctionId()),
                        "contentKind",
                        e.targetKind(),
                        "contentId",
                        str(e.targetId()))));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void userSuspended(String eventId, UserSuspended e) {
        notify(Activity.notice(
                e.userId(),
                NotificationKind.SANCTION,
                "sanction",
                eventId,
                "suspended:" + eventId,
                e.suspendedAt(),
                Activity.data(
                        "action",
                        e.until() == null ? "ban" : "suspend",
                        "reason",
                        e.reason(),
                        "until",
                        str(e.until()))));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void reportResolved(ReportResolved e) {
        notify(Activity.notice(
                e.reporterId(),
                NotificationKind.REPORT_OUTCOME,
                "report",
                str(e.reportId()),
                "report:" + e.reportId(),
                e.resolvedAt(),
                Activity.data("outcome", e.outcome(), "contentKind", e.targetKind(), "contentId", str(e.targetId()))));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void appealDecided(AppealDecided e) {
        notify(Activity.notice(
                e.userId(),
                NotificationKind.APPEAL_DECISION,
                "appeal",
                str(e.appealId()),
                "appeal:" + e.appealId(),
                e.decidedAt(),
                Activity.data("decision", e.decision(), "sanctionId", str(e.sanctionId()))));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void newDeviceLogin(NewDeviceLogin e) {
        notify(Activity.notice(
                e.userId(),
                NotificationKind.NEW_DEVICE_LOGIN,
                "session",
                str(e.sessionId()),
                "new-device-login:" + e.sessionId(),
                e.loggedInAt(),
                Activity.data(
                        "userAgent", e.userAgent(), "ipAddress", e.ipAddress(), "loggedInAt", str(e.loggedInAt()))));
    }

    private static String excerpt(String text) {
        if (text == null) {
            return null;
        }
        return text.length() <= 140 ? text : text.substring(0, 139) + "…";
    }

    static String str(Object value) {
        return value == null ? null : value.toString();
    }
}
