package org.chorus.notifications.service;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.chorus.notifications.MailKind;
import org.chorus.notifications.MailPreference;
import org.chorus.notifications.NotificationKind;
import org.chorus.notifications.config.InAppConfig;

/**
 * Mail about a notification the member chose to be mailed about (friend requests, comments and
 * replies, mentions — see {@link MailPreferences}). Only news is mailed: a new entry or a new
 * person in a group, never a repeat. Each mail carries its own one-click unsubscribe token.
 */
@ApplicationScoped
public class ActivityMails {

    private final MailPreferences preferences;
    private final Unsubscribes unsubscribes;
    private final Directory directory;
    private final DeliveryQueue deliveries;
    private final InAppConfig config;

    ActivityMails(
            MailPreferences preferences,
            Unsubscribes unsubscribes,
            Directory directory,
            DeliveryQueue deliveries,
            InAppConfig config) {
        this.preferences = preferences;
        this.unsubscribes = unsubscribes;
        this.directory = directory;
        this.deliveries = deliveries;
        this.config = config;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void mailIfWanted(Activity activity, NotificationStore.Result result) {
        Optional<MailPreference> preference = MailPreference.of(activity.kind());
        if (!result.news() || preference.isEmpty() || !preferences.enabled(activity.recipient(), preference.get())) {
            return;
        }
        Optional<Directory.Member> recipient = directory.member(activity.recipient());
        if (recipient.isEmpty() || recipient.get().email() == null) {
            return; // no address known (yet): the in-app notification is all they get
        }
        String actor = Optional.ofNullable(activity.actorId())
                .flatMap(directory::member)
                .map(Directory.Member::username)
                .orElse("Someone");
        String token = unsubscribes.issue(activity.recipient(), preference.get());
        ActivityMail mail = new ActivityMail(
                recipient.get().username(),
                subject(activity.kind(), actor),
                line(activity.kind(), actor),
                config.notificationsUrl(),
                config.unsubscribeUrl().replace("{token}", token));
        deliveries.queue(
                "mail:" + activity.sourceKey(),
                MailKind.ACTIVITY,
                activity.recipient(),
                recipient.get().email(),
                mail);
    }

    static String subject(NotificationKind kind, String actor) {
        return switch (kind) {
            case FRIEND_REQUEST -> actor + " wants to be your friend on Chorus";
            case COMMENT -> actor + " commented on your post";
            case REPLY -> actor + " replied to your comment";
            case MENTION -> actor + " mentioned you";
            default -> "News on Chorus";
        };
    }

    static String line(NotificationKind kind, String actor) {
        return switch (kind) {
            case FRIEND_REQUEST -> actor + " sent you a friend request.";
            case COMMENT -> actor + " commented on your post.";
            case REPLY -> actor + " replied to your comment.";
            case MENTION -> actor + " mentioned you in a post or comment.";
            default -> "Something happened on Chorus.";
        };
    }
}
