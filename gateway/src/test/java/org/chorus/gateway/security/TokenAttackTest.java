package org.chorus.gateway.security;

import org.chorus.gateway.testing.FakeUpstreams;
import org.chorus.testing.ChorusInfrastructureResource;
import org.chorus.testing.TokenAttackContract;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The gateway accepts login's tokens and nothing else, as every service does (issue 15: "against the gateway and
 * against each service directly"): forged, altered, expired, foreign and revoked tokens get 401 problem+json at the
 * edge. The fake login's JWKS publishes chorus-testing's key, so the contract's control tokens pass; revocations are
 * written to the Redis the gateway's deny-list reads, as login writes them.
 */
@QuarkusTest
@WithTestResource(FakeUpstreams.class)
@WithTestResource(
        value = ChorusInfrastructureResource.class,
        initArgs = @ResourceArg(name = ChorusInfrastructureResource.MAIL, value = "false"))
class TokenAttackTest extends TokenAttackContract {

    @Override
    protected String protectedPath() {
        // not public at the edge; the fake users service answers 200 to whatever reaches it
        return "/api/users/me";
    }
}
