package org.chorus.login.service;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import org.chorus.login.SigningKey;
import org.chorus.login.config.JwtConfig;
import org.chorus.web.ProblemException;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * The keys that sign and verify access tokens. Either given by configuration (production can keep
 * the private key in a secret store), or generated once and kept in the {@code signing_key} table
 * so that a restart — or another replica — signs with the same key. The JWKS lists the current key
 * and the previous ones that may still have live tokens, so a rotation logs nobody out.
 */
@ApplicationScoped
public class SigningKeys {

    /** Serialises key creation and rotation across replicas. */
    private static final long ADVISORY_LOCK = 0x6c6f67696e6b6579L; // "loginkey"

    private final JwtConfig config;
    private final EntityManager entityManager;
    private final Rs256Provider provider;
    private volatile KeySet keys;

    SigningKeys(JwtConfig config, EntityManager entityManager) {
        this.config = config;
        this.entityManager = entityManager;
        this.provider = Rs256Provider.select(config.nativeSigning());
    }

    void onStart(@Observes StartupEvent event) {
        KeySet loaded = keys();
        Log.infof(
                "Signing access tokens with key %s (%s) by %s; JWKS has %d key(s)",
                loaded.signing().kid(),
                configured() ? "from configuration" : "persisted",
                provider.name(),
                loaded.jwks().size());
    }

    /** The key that signs new tokens. */
    public Signing signing() {
        return keys().signing();
    }

    /** Every public key a token may have been signed with: the current one first. */
    public List<PublicJsonWebKey> verification() {
        return keys().jwks();
    }

    public String jwksJson() {
        return new JsonWebKeySet(new ArrayList<JsonWebKey>(keys().jwks()))
                .toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    }

    /**
     * Re-reads the keys if the last read is older than {@code minAge}: a token with an unknown kid
     * may have been signed by a key another replica just rotated in.
     */
    public boolean reloadIfOlderThan(Duration minAge) {
        KeySet current = keys;
        if (current != null && current.loadedAt().plus(minAge).isAfter(Instant.now())) {
            return false;
        }
        reload();
        return true;
    }

    @Scheduled(
            every = "${chorus.jwt.key-reload-interval:60s}",
            delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void reload() {
        keys = load();
    }

    /**
     * Makes a new key current; the old one stays in the JWKS until its tokens have expired.
     * Only for persisted keys: a configured key is rotated by changing the configuration.
     */
    public String rotate() {
        if (configured()) {
            throw ProblemException.conflict(
                    "keys-configured", "The signing key is supplied by configuration; rotate it there");
        }
        String kid = QuarkusTransaction.requiringNew().call(() -> {
            lock();
            Instant now = Instant.now();
            SigningKey.update(
                    "state = ?1, demotedAt = ?2 where state = ?3", SigningKey.PREVIOUS, now, SigningKey.CURRENT);
            retireExpired(now);
            return insertNewKey(now).kid;
        });
        keys = load();
        Log.infof("Rotated the signing key; now signing with %s", kid);
        return kid;
    }

    private KeySet keys() {
        KeySet current = keys;
        if (current == null) {
            synchronized (this) {
                current = keys;
                if (current == null) {
                    current = load();
                    keys = current;
                }
            }
        }
        return current;
    }

    private boolean configured() {
        return config.privateKey().filter(s -> !s.isBlank()).isPresent();
    }

    private KeySet load() {
        return configured() ? fromConfiguration() : fromDatabase();
    }

    private KeySet fromConfiguration() {
        PrivateKey privateKey =
                RsaKeys.privateKey(RsaKeys.pemBlocks(config.privateKey().orElseThrow(), "PRIVATE KEY")
                        .get(0));
        PublicKey publicKey = RsaKeys.publicOf(privateKey);
        String kid = RsaKeys.kid(publicKey);
        List<PublicJsonWebKey> jwks = new ArrayList<>();
        jwks.add(RsaKeys.jwk(publicKey, kid));
        config.previousPublicKeys().filter(s -> !s.isBlank()).ifPresent(pem -> {
            for (byte[] der : RsaKeys.pemBlocks(pem, "PUBLIC KEY")) {
                PublicKey previous = RsaKeys.publicKey(der);
                jwks.add(RsaKeys.jwk(previous, RsaKeys.kid(previous)));
            }
        });
        return new KeySet(signing(kid, privateKey), List.copyOf(jwks), Instant.now());
    }

    private KeySet fromDatabase() {
        List<SigningKey> rows = QuarkusTransaction.requiringNew().call(() -> {
            List<SigningKey> found = SigningKey.verifying();
            if (found.isEmpty() || !SigningKey.CURRENT.equals(found.get(0).state)) {
                lock(); // another replica may be creating the first key right now
                found = SigningKey.verifying();
                if (found.isEmpty() || !SigningKey.CURRENT.equals(found.get(0).state)) {
                    insertNewKey(Instant.now());
                    found = SigningKey.verifying();
                }
            }
            found.forEach(entityManager::detach);
            return found;
        });
        SigningKey current = rows.get(0);
        Instant stillValid = Instant.now().minus(config.accessTokenLifetime()).minus(config.clockSkew());
        List<PublicJsonWebKey> jwks = rows.stream()
                .filter(k -> k == current || k.demotedAt == null || k.demotedAt.isAfter(stillValid))
                .map(k -> RsaKeys.jwk(RsaKeys.publicKey(k.publicKey), k.kid))
                .toList();
        return new KeySet(signing(current.kid, RsaKeys.privateKey(current.privateKey)), jwks, Instant.now());
    }

    private SigningKey insertNewKey(Instant now) {
        KeyPair pair = RsaKeys.generate();
        SigningKey key = new SigningKey();
        key.kid = RsaKeys.kid(pair.getPublic());
        key.algorithm = "RS256";
        key.privateKey = pair.getPrivate().getEncoded();
        key.publicKey = pair.getPublic().getEncoded();
        key.state = SigningKey.CURRENT;
        key.createdAt = now;
        key.persist();
        Log.infof("Generated a new signing key %s", key.kid);
        return key;
    }

    /** Previous keys whose last tokens have expired are of no more use. */
    private void retireExpired(Instant now) {
        Instant cutoff = now.minus(config.accessTokenLifetime()).minus(config.clockSkew());
        SigningKey.update(
                "state = ?1, retiredAt = ?2 where state = ?3 and demotedAt < ?4",
                SigningKey.RETIRED,
                now,
                SigningKey.PREVIOUS,
                cutoff);
    }

    private void lock() {
        entityManager
                .createNativeQuery("select 1 from (select pg_advisory_xact_lock(:key)) locked")
                .setParameter("key", ADVISORY_LOCK)
                .getSingleResult();
    }

    private Signing signing(String kid, PrivateKey privateKey) {
        return new Signing(kid, provider.own(privateKey), provider.name());
    }

    /**
     * The private key that signs, with its kid, and the JCA provider that signs with it (the key is
     * in that provider's own form; see {@link Rs256Provider}).
     */
    public record Signing(String kid, PrivateKey privateKey, String provider) {}

    private record KeySet(Signing signing, List<PublicJsonWebKey> jwks, Instant loadedAt) {}
}
