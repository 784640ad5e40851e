package org.chorus.login.service;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.lang.HashUtil;
import org.jose4j.lang.JoseException;

/** RSA key plumbing: generation, DER and PEM decoding, JWK form and RFC 7638 key ids. */
final class RsaKeys {

    private static final Pattern PEM =
            Pattern.compile("-----BEGIN ([A-Z ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);

    private RsaKeys() {}

    static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate an RSA key", e);
        }
    }

    static PrivateKey privateKey(byte[] pkcs8) {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("not an RSA PKCS#8 private key", e);
        }
    }

    static PublicKey publicKey(byte[] x509) {
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(x509));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("not an RSA public key", e);
        }
    }

    /** The public half of a private key (a PKCS#8 RSA key carries the modulus and exponent). */
    static PublicKey publicOf(PrivateKey key) {
        if (!(key instanceof RSAPrivateCrtKey crt)) {
            throw new IllegalStateException("the RSA private key does not carry its public exponent");
        }
        try {
            return KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot derive the public key", e);
        }
    }

    /**
     * The DER blocks of every PEM object of the given type in the text. Environment variables
     * often carry PEM with literal {@code \n} instead of line breaks; both are accepted.
     */
    static List<byte[]> pemBlocks(String text, String type) {
        String normalised = text.replace("\\n", "\n");
        List<byte[]> blocks = new ArrayList<>();
        Matcher matcher = PEM.matcher(normalised);
        while (matcher.find()) {
            if (!matcher.group(1).equals(type)) {
                throw new IllegalArgumentException("expected PEM " + type + " but found " + matcher.group(1)
                        + (type.equals("PRIVATE KEY") ? " (convert it with: openssl pkcs8 -topk8 -nocrypt)" : ""));
            }
            blocks.add(Base64.getMimeDecoder().decode(matcher.group(2)));
        }
        if (blocks.isEmpty()) {
            throw new IllegalArgumentException("no PEM " + type + " found");
        }
        return blocks;
    }

    /** The public JWK for the JWKS: kid, use=sig, alg=RS256. */
    static PublicJsonWebKey jwk(PublicKey key, String kid) {
        try {
            PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(key);
            jwk.setKeyId(kid);
            jwk.setUse("sig");
            jwk.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
            return jwk;
        } catch (JoseException e) {
            throw new IllegalStateException("cannot express the key as a JWK", e);
        }
    }

    /** RFC 7638 SHA-256 thumbprint: the same key always gets the same kid, on every replica. */
    static String kid(PublicKey key) {
        try {
            return JsonWebKey.Factory.newJwk(key).calculateBase64urlEncodedThumbprint(HashUtil.SHA_256);
        } catch (JoseException e) {
            throw new IllegalStateException("cannot compute the key id", e);
        }
    }
}
