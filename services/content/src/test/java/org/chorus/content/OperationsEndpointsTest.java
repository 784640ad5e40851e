package org.chorus.content;

import org.chorus.testing.ChorusInfrastructureResource;
import org.chorus.testing.OperationsEndpointsContract;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(ChorusInfrastructureResource.class)
class OperationsEndpointsTest extends OperationsEndpointsContract {

    @Override
    protected String openApiTitle() {
        return "Chorus content";
    }
}
