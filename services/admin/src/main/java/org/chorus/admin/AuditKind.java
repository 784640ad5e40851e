package org.chorus.admin;

import java.util.Arrays;
import java.util.Optional;

import org.chorus.events.Topics;

/**
 * What an audit entry records: one kind per security event of login, named like its topic, and one per
 * kind of moderator or administrator action taken through admin itself.
 */
public enum AuditKind {

    LOGIN_FAILED(Topics.LOGIN_FAILED),
    ACCOUNT_LOCKED(Topics.ACCOUNT_LOCKED),
    SESSION_COMPROMISED(Topics.SESSION_COMPROMISED),
    TWO_FACTOR_CHANGED(Topics.TWO_FACTOR_CHANGED),
    PASSWORD_CHANGED(Topics.PASSWORD_CHANGED),
    ROLE_GRANTED(Topics.ROLE_GRANTED),
    ROLE_REVOKED(Topics.ROLE_REVOKED),
    CASE_ASSIGNED("case-assigned"),
    CASE_NOTED("case-noted"),
    CASE_RESOLVED("case-resolved"),
    CASE_DISMISSED("case-dismissed"),
    SANCTION_IMPOSED("sanction-imposed"),
    SANCTION_LIFTED("sanction-lifted"),
    APPEAL_DECIDED("appeal-decided"),
    DEAD_LETTER_REPLAYED("dead-letter-replayed"),
    DEAD_LETTER_DISCARDED("dead-letter-discarded");

    private final String topic;

    AuditKind(String topic) {
        this.topic = topic;
    }

    /** The name stored and shown: the topic a security event came on, e.g. {@code login-failed}, or the action's name. */
    public String topic() {
        return topic;
    }

    public static Optional<AuditKind> ofTopic(String topic) {
        return Arrays.stream(values()).filter(k -> k.topic.equals(topic)).findFirst();
    }
}
