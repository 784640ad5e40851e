package org.chorus.notifications.service;

import org.chorus.events.login.EmailChangeRequested;
import org.chorus.events.login.EmailVerificationRequested;
import org.chorus.events.login.LoginLinkRequested;
import org.chorus.events.login.PasswordChanged;
import org.chorus.events.login.PasswordResetRequested;
import org.chorus.events.login.TwoFactorChanged;
import org.chorus.events.login.UserCreated;
import org.chorus.events.login.UserUpdated;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * Type-safe templates under {@code templates/mails/}: every expression is checked against the
 * event record at build time. Each mail has a plain-text and an HTML version (the HTML one is
 * escaped by Qute, so a username cannot inject markup).
 */
@CheckedTemplate(basePath = "mails")
final class Mails {

    static native TemplateInstance welcomeText(UserCreated e);

    static native TemplateInstance welcomeHtml(UserCreated e);

    static native TemplateInstance emailVerificationText(EmailVerificationRequested e);

    static native TemplateInstance emailVerificationHtml(EmailVerificationRequested e);

    static native TemplateInstance passwordResetText(PasswordResetRequested e);

    static native TemplateInstance passwordResetHtml(PasswordResetRequested e);

    static native TemplateInstance loginLinkText(LoginLinkRequested e);

    static native TemplateInstance loginLinkHtml(LoginLinkRequested e);

    static native TemplateInstance emailChangeText(EmailChangeRequested e);

    static native TemplateInstance emailChangeHtml(EmailChangeRequested e);

    static native TemplateInstance passwordChangedText(PasswordChanged e);

    static native TemplateInstance passwordChangedHtml(PasswordChanged e);

    static native TemplateInstance emailChangedText(UserUpdated e);

    static native TemplateInstance emailChangedHtml(UserUpdated e);

    static native TemplateInstance twoFactorChangedText(TwoFactorChanged e);

    static native TemplateInstance twoFactorChangedHtml(TwoFactorChanged e);

    static native TemplateInstance activityText(ActivityMail e);

    static native TemplateInstance activityHtml(ActivityMail e);

    static native TemplateInstance sanctionNoticeText(ModerationMails.SanctionNotice e);

    static native TemplateInstance sanctionNoticeHtml(ModerationMails.SanctionNotice e);

    static native TemplateInstance appealDecisionText(ModerationMails.AppealDecision e);

    static native TemplateInstance appealDecisionHtml(ModerationMails.AppealDecision e);

    static native TemplateInstance newDeviceText(ModerationMails.NewDevice e);

    static native TemplateInstance newDeviceHtml(ModerationMails.NewDevice e);

    static native TemplateInstance dataExportReadyText(PrivacyMails.ExportReady e);

    static native TemplateInstance dataExportReadyHtml(PrivacyMails.ExportReady e);

    private Mails() {}
}
