package org.chorus.users;

import org.chorus.testing.ChorusInfrastructureResource;
import org.chorus.testing.ReadinessContract;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** users is ready with Kafka and Redis unreachable and not ready without its database (README, "Health"). */
@QuarkusTest
@WithTestResource(value = ChorusInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
@TestProfile(ReadinessContract.KafkaAndRedisAway.class)
class ReadinessTest extends ReadinessContract {}
