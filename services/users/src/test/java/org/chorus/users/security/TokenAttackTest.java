package org.chorus.users.security;

import org.chorus.testing.ChorusInfrastructureResource;
import org.chorus.testing.TokenAttackContract;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * users accepts login's tokens and nothing else — forged, altered, expired, foreign and revoked ones (a revoked
 * session also after its expiry, within the clock skew) get 401 problem+json at the service itself, not only at
 * the gateway.
 */
@QuarkusTest
@QuarkusTestResource(ChorusInfrastructureResource.class)
class TokenAttackTest extends TokenAttackContract {

    @Override
    protected String protectedPath() {
        return "/api/users/me/keys";
    }
}
