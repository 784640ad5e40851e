package org.chorus.login.service;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;

/**
 * What a new password may not be (OWASP ASVS V6): its account's username or e-mail address, or a
 * password common enough to be among the first guesses of any attacker. The list ships with the
 * service ({@code passwords/common-passwords.txt}, 100,000 entries; see the README beside it).
 * Length is checked by validation on the request.
 */
@ApplicationScoped
public class PasswordPolicy {

    public static final String SAME_AS_IDENTITY = "must not be the username or the e-mail address";
    public static final String TOO_COMMON = "is one of the most common passwords; choose another";

    private static final String LIST = "passwords/common-passwords.txt";

    private final Set<String> common;

    PasswordPolicy() {
        this.common = load();
        Log.infof("Loaded %d common passwords", common.size());
    }

    /** Why the password is refused, or null when it is acceptable. Arguments may be null. */
    public String violation(String password, String username, String email) {
        if (password == null) {
            return null;
        }
        String normalised = password.strip().toLowerCase(Locale.ROOT);
        if (normalised.equals(lower(username)) || normalised.equals(lower(email))) {
            return SAME_AS_IDENTITY;
        }
        if (common.contains(password.toLowerCase(Locale.ROOT))) {
            return TOO_COMMON;
        }
        return null;
    }

    public int size() {
        return common.size();
    }

    private static String lower(String value) {
        return value == null ? null : value.strip().toLowerCase(Locale.ROOT);
    }

    private static Set<String> load() {
        Set<String> passwords = new HashSet<>(150_000);
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(LIST)) {
            if (in == null) {
                throw new IllegalStateException(LIST + " is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isEmpty()) {
                    passwords.add(line.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + LIST, e);
        }
        return Set.copyOf(passwords);
    }
}
