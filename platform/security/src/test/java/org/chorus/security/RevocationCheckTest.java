package org.chorus.security;

import org.chorus.testing.ChorusInfrastructureResource;
import org.chorus.testing.TokenAttackContract;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The whole token contract against the library alone: smallrye-jwt's checks plus {@link RevocationCheck}. */
@QuarkusTest
@QuarkusTestResource(ChorusInfrastructureResource.class)
class RevocationCheckTest extends TokenAttackContract {

    @Override
    protected String protectedPath() {
        return "/probe";
    }
}
