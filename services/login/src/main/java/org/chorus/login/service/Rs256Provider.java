package org.chorus.login.service;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;

import org.conscrypt.Conscrypt;

import io.quarkus.logging.Log;

/**
 * The JCA provider that computes the service's RS256 signatures. One signature is the largest
 * single cost of a login's request path after the password hash, and of a refresh rotation
 * outright; Conscrypt (BoringSSL, Google's provider) signs about 1.8 times as fast as the JDK's
 * RSA on x86-64 (LoginBenchmark's raw phase). Its native library ships for Linux and Windows on
 * x86-64; anywhere it does not load, or with {@code chorus.jwt.native-signing=false}, the JDK signs.
 * The tokens are the same bytes either way: RSASSA-PKCS1-v1_5 signatures are deterministic.
 */
record Rs256Provider(Provider provider) {

    /** The name jose4j looks the provider up by (its ProviderContext takes names only). */
    String name() {
        return provider.getName();
    }

    /**
     * The key in this provider's own form. A key from another provider is accepted by
     * {@code initSign} but converted on every call, which costs more than the signature saves.
     */
    PrivateKey own(PrivateKey key) {
        try {
            return KeyFactory.getInstance("RSA", provider).translateKey(key) instanceof PrivateKey own ? own : key;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The signing key cannot be used with " + name(), e);
        }
    }

    /** Conscrypt when allowed and its native library loads here; the JDK's RSA otherwise. */
    static synchronized Rs256Provider select(boolean nativeAllowed) {
        if (nativeAllowed) {
            // one instance per JVM: an earlier application in this JVM (a test restart) may have installed it
            Provider installed = Security.getProvider("Conscrypt");
            if (installed != null) {
                return new Rs256Provider(installed);
            }
            try {
                Conscrypt.checkAvailability();
                Provider conscrypt = Conscrypt.newProvider();
                // appended, so last in preference: every other algorithm stays with the JDK's providers
                Security.addProvider(conscrypt);
                return new Rs256Provider(conscrypt);
            } catch (LinkageError | RuntimeException e) { // UnsatisfiedLinkError: no native library for this platform
                Log.warnf(
                        "Conscrypt is not available on %s/%s (%s); the JDK signs access tokens",
                        System.getProperty("os.name"), System.getProperty("os.arch"), e);
            }
        }
        try {
            return new Rs256Provider(
                    java.security.Signature.getInstance("SHA256withRSA").getProvider());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JVM has no SHA256withRSA signature", e);
        }
    }
}
