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

/** Reserved usernames ({@code usernames/reserved.txt}): names that would pass for the platform itself. */
@ApplicationScoped
public class UsernamePolicy {

    public static final String RESERVED = "is reserved";

    private static final String LIST = "usernames/reserved.txt";

    private final Set<String> reserved = load();

    /** Matches regardless of case and of the separators '.' and '_' ("Ad.Min" is "admin"). */
    public boolean isReserved(String username) {
        return username != null && reserved.contains(squash(username));
    }

    private static String squash(String name) {
        return name.strip().toLowerCase(Locale.ROOT).replace(".", "").replace("_", "");
    }

    private static Set<String> load() {
        Set<String> names = new HashSet<>();
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(LIST)) {
            if (in == null) {
                throw new IllegalStateException(LIST + " is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String name = line.strip();
                if (!name.isEmpty() && !name.startsWith("#")) {
                    names.add(squash(name));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + LIST, e);
        }
        return Set.copyOf(names);
    }
}
