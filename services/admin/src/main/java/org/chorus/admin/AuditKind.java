package org.chorus.admin;

import java.util.Arrays;
import java.util.Optional;

import org.chorus.events.Topics;

/** What an audit entry records: one kind per security event of login, named like its topic. */
public enum AuditKind {

    LOGIN_FAILED(Topics.LOGIN_FAILED),
    ACCOUNT_LOCKED(Topics.ACCOUNT_LOCKED),
    SESSION_COMPROMISED(Topics.SESSION_COMPROMISED),
    TWO_FACTOR_CHANGED(Topics.TWO_FACTOR_CHANGED),
    PASSWORD_CHANGED(Topics.PASSWORD_CHANGED);

    private final String topic;

    AuditKind(String topic) {
        this.topic = topic;
    }

    /** The name stored and shown: the topic the event came on, e.g. {@code login-failed}. */
    public String topic() {
        return topic;
    }

    public static Optional<AuditKind> ofTopic(String topic) {
        return Arrays.stream(values()).filter(k -> k.topic.equals(topic)).findFirst();
    }
}
