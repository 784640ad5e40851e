package org.chorus.notifications.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.chorus.notifications.MailPreference;

/**
 * The tokens of RFC 8058 one-click unsubscribe links: random, one per mail, stored as SHA-256 with
 * the member and the mail they switch off. Whoever holds the mail may switch that one mail kind
 * off — nothing else (no login, no other setting, no reading).
 */
@ApplicationScoped
public class Unsubscribes {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final EntityManager entityManager;

    Unsubscribes(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public record Target(UUID userId, MailPreference preference) {}

    @Transactional(Transactional.TxType.MANDATORY)
    public String issue(UUID userId, MailPreference preference) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        entityManager
                .createNativeQuery("""
                        insert into {h-schema}unsubscribe_token (token_hash, user_id, preference) values (:h, :u, :p)""")
                .setParameter("h", hash(token))
                .setParameter("u", userId)
                .setParameter("p", preference.wireName())
                .executeUpdate();
        return token;
    }

    @Transactional
    public Optional<Target> find(String token) {
        List<?> rows = entityManager
                .createNativeQuery("""
                        select user_id, preference from {h-schema}unsubscribe_token where token_hash = :h""")
                .setParameter("h", hash(token))
                .getResultList();
        return rows.stream()
                .map(r -> (Object[]) r)
                .flatMap(r -> MailPreference.fromWire((String) r[1]).map(p -> new Target((UUID) r[0], p)).stream())
                .findFirst();
    }

    static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
