package org.chorus.notifications.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.chorus.events.login.EmailChangeRequested;
import org.chorus.events.login.EmailVerificationRequested;
import org.chorus.events.login.LoginLinkRequested;
import org.chorus.events.login.PasswordChanged;
import org.chorus.events.login.PasswordResetRequested;
import org.chorus.events.login.TwoFactorChanged;
import org.chorus.events.login.UserCreated;
import org.chorus.events.login.UserUpdated;
import org.chorus.notifications.MailKind;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.mailer.Mail;
import io.quarkus.qute.TemplateInstance;

/** Turns a stored delivery (kind, recipient, the event's data) into an e-mail with text and HTML. */
@ApplicationScoped
class MailComposer {

    private final ObjectMapper json;

    MailComposer(ObjectMapper json) {
        this.json = json;
    }

    Mail compose(MailKind kind, String recipient, String data) {
        return switch (kind) {
            case WELCOME -> {
                UserCreated e = read(data, UserCreated.class);
                yield mail(recipient, "Welcome to Chorus, " + e.username(), Mails.welcomeText(e), Mails.welcomeHtml(e));
            }
            case EMAIL_VERIFICATION -> {
                EmailVerificationRequested e = read(data, EmailVerificationRequested.class);
                yield mail(
                        recipient,
                        "Verify your e-mail address",
                        Mails.emailVerificationText(e),
                        Mails.emailVerificationHtml(e));
            }
            case PASSWORD_RESET -> {
                PasswordResetRequested e = read(data, PasswordResetRequested.class);
                yield mail(
                        recipient,
                        "Reset your Chorus password",
                        Mails.passwordResetText(e),
                        Mails.passwordResetHtml(e));
            }
            case LOGIN_LINK -> {
                LoginLinkRequested e = read(data, LoginLinkRequested.class);
                yield mail(recipient, "Your Chorus login link", Mails.loginLinkText(e), Mails.loginLinkHtml(e));
            }
            case EMAIL_CHANGE -> {
                EmailChangeRequested e = read(data, EmailChangeRequested.class);
                yield mail(
                        recipient,
                        "Confirm your new e-mail address",
                        Mails.emailChangeText(e),
                        Mails.emailChangeHtml(e));
            }
            case PASSWORD_CHANGED -> {
                PasswordChanged e = read(data, PasswordChanged.class);
                yield mail(
                        recipient,
                        "Your Chorus password was changed",
                        Mails.passwordChangedText(e),
                        Mails.passwordChangedHtml(e));
            }
            case EMAIL_CHANGED -> {
                UserUpdated e = read(data, UserUpdated.class);
                yield mail(
                        recipient,
                        "Your Chorus e-mail address was changed",
                        Mails.emailChangedText(e),
                        Mails.emailChangedHtml(e));
            }
            case TWO_FACTOR_CHANGED -> {
                TwoFactorChanged e = read(data, TwoFactorChanged.class);
                String subject = switch (e.change()) {
                    case TwoFactorChanged.ENABLED -> "Two-factor authentication is on";
                    case TwoFactorChanged.DISABLED -> "Two-factor authentication was turned off";
                    case TwoFactorChanged.RECOVERY_CODES_REPLACED -> "New recovery codes for your Chorus account";
                    default -> "A recovery code of your Chorus account was used";
                };
                yield mail(recipient, subject, Mails.twoFactorChangedText(e), Mails.twoFactorChangedHtml(e));
            }
            case ACTIVITY -> {
                ActivityMail e = read(data, ActivityMail.class);
                // RFC 8058: a mail client may offer one-click unsubscribe (a POST to this URL, no login)
                yield mail(recipient, e.subject(), Mails.activityText(e), Mails.activityHtml(e))
                        .addHeader("List-Unsubscribe", "<" + e.unsubscribeUrl() + ">")
                        .addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            }
            case SANCTION_NOTICE -> {
                ModerationMails.SanctionNotice e = read(data, ModerationMails.SanctionNotice.class);
                yield mail(
                        recipient,
                        switch (e.action()) {
                            case "warn" -> "A warning from the Chorus moderators";
                            case "hide" -> "Your content on Chorus was hidden";
                            case "suspend" -> "Your Chorus account is suspended";
                            case "ban" -> "Your Chorus account is banned";
                            default -> "A decision of the Chorus moderators";
                        },
                        Mails.sanctionNoticeText(e),
                        Mails.sanctionNoticeHtml(e));
            }
            case APPEAL_DECISION -> {
                ModerationMails.AppealDecision e = read(data, ModerationMails.AppealDecision.class);
                yield mail(
                        recipient,
                        "overturned".equals(e.decision()) ? "Your appeal was granted" : "Your appeal was decided",
                        Mails.appealDecisionText(e),
                        Mails.appealDecisionHtml(e));
            }
            case NEW_DEVICE_LOGIN -> {
                ModerationMails.NewDevice e = read(data, ModerationMails.NewDevice.class);
                yield mail(
                        recipient,
                        "A new sign-in to your Chorus account",
                        Mails.newDeviceText(e),
                        Mails.newDeviceHtml(e));
            }
            case DATA_EXPORT_READY -> {
                PrivacyMails.ExportReady e = read(data, PrivacyMails.ExportReady.class);
                yield mail(
                        recipient,
                        "Your Chorus data export is ready",
                        Mails.dataExportReadyText(e),
                        Mails.dataExportReadyHtml(e));
            }
        };
    }

    private static Mail mail(String recipient, String subject, TemplateInstance text, TemplateInstance html) {
        return Mail.withText(recipient, subject, text.render()).setHtml(html.render());
    }

    private <T> T read(String data, Class<T> type) {
        try {
            return json.readValue(data, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored data is not a " + type.getSimpleName(), e);
        }
    }
}
