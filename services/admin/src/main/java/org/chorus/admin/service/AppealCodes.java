package org.chorus.admin.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;

import org.chorus.admin.config.ModerationConfig;

/**
 * The one-time appeal codes: 256 random bits, Base64url, shown only in the link that goes to the sanctioned
 * user (sanction-notice-requested). Admin stores only their SHA-256, so its database cannot file appeals.
 */
@ApplicationScoped
public class AppealCodes {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ModerationConfig config;

    AppealCodes(ModerationConfig config) {
        this.config = config;
    }

    public String newCode() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static byte[] hash(String code) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }

    /** The page of the web client where the user reads the sanction and appeals. */
    public String link(String code) {
        String base = config.publicUrl().endsWith("/") ? config.publicUrl().substring(0, config.publicUrl().length() - 1)
                : config.publicUrl();
        return base + "/appeal?code=" + code;
    }
}
