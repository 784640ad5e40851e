package org.chorus.gateway.auth;

import java.security.PublicKey;
import java.util.HashMap;
import java.util.Map;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwk.Use;
import org.jose4j.lang.JoseException;

/** Login's signing keys by kid, as fetched at one moment. */
record KeySet(Map<String, PublicKey> byKid, long fetchedAtNanos) {

    static final KeySet NONE = new KeySet(Map.of(), 0);
    private static final String NO_KID = "";

    static KeySet parse(String jwksJson, long fetchedAtNanos) throws JoseException {
        Map<String, PublicKey> keys = new HashMap<>();
        for (JsonWebKey jwk : new JsonWebKeySet(jwksJson).getJsonWebKeys()) {
            boolean forSignatures = jwk.getUse() == null || Use.SIGNATURE.equals(jwk.getUse());
            if (jwk instanceof PublicJsonWebKey publicJwk && forSignatures) {
                keys.put(jwk.getKeyId() == null ? NO_KID : jwk.getKeyId(), publicJwk.getPublicKey());
            }
        }
        return new KeySet(Map.copyOf(keys), fetchedAtNanos);
    }

    /** The key for a token's kid; a token without kid only matches when there is exactly one key. */
    PublicKey find(String kid) {
        if (kid != null) {
            return byKid.get(kid);
        }
        return byKid.size() == 1 ? byKid.values().iterator().next() : null;
    }

    boolean isEmpty() {
        return byKid.isEmpty();
    }

    boolean olderThan(long ageNanos, long nowNanos) {
        return nowNanos - fetchedAtNanos > ageNanos;
    }
}
