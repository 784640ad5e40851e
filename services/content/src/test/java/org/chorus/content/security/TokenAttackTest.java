package org.chorus.content.security;

import java.util.List;

import org.chorus.testing.ChorusInfrastructureResource;
import org.chorus.testing.TokenAttackContract;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * content accepts login's tokens and nothing else — forged, altered, expired, foreign and revoked ones (a revoked
 * session also after its expiry, within the clock skew) get 401 problem+json at the service itself, not only at
 * the gateway.
 */
@QuarkusTest
@WithTestResource(value = ChorusInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class TokenAttackTest extends TokenAttackContract {

    /** The home feed needs a token: it is the reader's own. */
    @Override
    protected String protectedPath() {
        return "/api/feed/home";
    }

    @Override
    protected List<String> groups() {
        return List.of("user", "admin");
    }
}
