package org.chorus.login.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.chorus.login.Account;
import org.chorus.login.ApiCredential;
import org.chorus.login.Session;
import org.chorus.web.ProblemException;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * API credentials: create (the secret is shown once), list, delete, and exchange a key pair for an
 * access token of the owner. Failed exchanges count against the caller's address like failed logins.
 */
@ApplicationScoped
public class ApiCredentials {

    private static final int MAX_PER_ACCOUNT = 20;

    private final SessionService sessions;
    private final AccessTokens accessTokens;
    private final LoginThrottle throttle;

    ApiCredentials(SessionService sessions, AccessTokens accessTokens, LoginThrottle throttle) {
        this.sessions = sessions;
        this.accessTokens = accessTokens;
        this.throttle = throttle;
    }

    @Transactional
    public Created create(UUID accountId, String name) {
        if (ApiCredential.count("accountId", accountId) >= MAX_PER_ACCOUNT) {
            throw ProblemException.conflict("too-many-credentials",
                    "An account has at most " + MAX_PER_ACCOUNT + " API credentials; delete one first");
        }
        Instant now = Instant.now();
        Session session = sessions.openForCredential(accountId, name);
        String secret = "sk_" + OpaqueTokens.newValue();
        ApiCredential credential = new ApiCredential();
        credential.id = UUID.randomUUID();
        credential.accountId = accountId;
        credential.sessionId = session.id;
        credential.publicKey = "pk_" + OpaqueTokens.newValue().substring(0, 32);
        credential.secretHash = SaltedSecrets.hash(secret);
        credential.name = name;
        credential.createdAt = now;
        credential.persist();
        return new Created(credential, secret);
    }

    public List<ApiCredential> list(UUID accountId) {
        return QuarkusTransaction.requiringNew().call(() ->
                ApiCredential.<ApiCredential>list("accountId = ?1 order by createdAt desc", accountId));
    }

    /** Deletes one credential; its tokens are voided with its session. False if the caller has no such credential. */
    @Transactional
    public boolean delete(UUID accountId, UUID credentialId) {
        ApiCredential credential = ApiCredential.findById(credentialId);
        if (credential == null || !credential.accountId.equals(accountId)) {
            return false;
        }
        sessions.revoke(credential.sessionId, "credential-deleted");
        credential.delete();
        return true;
    }

    @Transactional
    public int deleteAll(UUID accountId) {
        List<ApiCredential> all = ApiCredential.list("accountId", accountId);
        for (ApiCredential credential : all) {
            sessions.revoke(credential.sessionId, "credential-deleted");
            credential.delete();
        }
        return all.size();
    }

    /** An access token of the credential's owner, or the same 401 as a failed login. */
    public Exchanged exchange(String publicKey, String secretKey, ClientInfo client) {
        throttle.checkAddress(client.ip());
        return QuarkusTransaction.requiringNew().call(() -> {
            ApiCredential credential = ApiCredential.<ApiCredential>find("publicKey", publicKey).firstResult();
            if (credential == null || !SaltedSecrets.matches(secretKey, credential.secretHash)) {
                throttle.unknownAccountFailed(client.ip());
                throw LoginService.invalidCredentials();
            }
            Account account = Account.findById(credential.accountId);
            if (!account.active()) {
                throw AccountSuspendedException.of(account);
            }
            credential.lastUsedAt = Instant.now();
            return new Exchanged(accessTokens.issue(account, credential.sessionId), accessTokens.lifetimeSeconds());
        });
    }

    /** A new credential and its secret, which is never shown again. */
    public record Created(ApiCredential credential, String secretKey) {
    }

    public record Exchanged(String accessToken, long expiresIn) {
    }
}
