package org.chorus.admin.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The one-time download codes of data exports: 256 random bits, Base64url, only in the link of data-export-ready.
 * Admin stores their SHA-256, so its database alone cannot download anyone's export.
 */
final class DownloadCodes {

    private static final SecureRandom RANDOM = new SecureRandom();

    private DownloadCodes() {}

    static String newCode() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static byte[] hash(String code) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }

    /** The download itself (through the gateway, no token): the mail's link needs no page of the web client. */
    static String link(String publicUrl, String code) {
        String base = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        return base + "/api/admin/exports/download/" + code;
    }
}
