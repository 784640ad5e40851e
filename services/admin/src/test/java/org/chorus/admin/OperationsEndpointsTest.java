package org.chorus.admin;

import org.chorus.testing.ChorusInfrastructureResource;
import org.chorus.testing.OperationsEndpointsContract;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = ChorusInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class OperationsEndpointsTest extends OperationsEndpointsContract {

    @Override
    protected String openApiTitle() {
        return "Chorus admin";
    }
}
