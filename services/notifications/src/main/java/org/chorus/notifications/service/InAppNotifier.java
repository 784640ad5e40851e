package org.chorus.notifications.service;

import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

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
        notify(new Activity(e.toUserId(), NotificationKind.FRIEND_REQUEST, "user", e.toUserId().toString(), null,
                e.fromUserId(), str(e.requestId()), "friend-request:" + e.requestId(), e.sentAt(),
                Activity.data("requestId", str(e.requestId()))));
    }

    /** The one who sent the request hears that it was accepted. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void friendshipCreated(FriendshipCreated e) {
        notify(new Activity(e.friendId(), NotificationKind.FRIENDSHIP, "user", e.friendId().toString(), null,
                e.userId(), str(e.userId()), "friendship:" + e.userId() + ":" + e.friendId() + ":" + e.createdAt(),
                e.createdAt(), Map.of()));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void passwordChanged(String eventId, PasswordChanged e) {
        notify(new Activity(e.userId(), NotificationKind.PASSWORD_CHANGED, "account", e.userId().toString(), null,
                null, null, "password-changed:" + eventId, e.changedAt(), Activity.data("changedAt", str(e.changedAt()))));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void twoFactorChanged(String eventId, TwoFactorChanged e) {
        notify(new Activity(e.userId(), NotificationKind.TWO_FACTOR_CHANGED, "account", eventId, null, null, null,
                "two-factor-changed:" + eventId, e.changedAt(),
                Activity.data("change", e.change(), "recoveryCodesLeft", e.recoveryCodesLeft())));
    }

    static String str(Object value) {
        return value == null ? null : value.toString();
    }

    static UUID uuid(String value) {
        return value == null ? null : UUID.fromString(value);
    }
}
