package org.chorus.architecture;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;

/** Each rule finds what it is there to find, in fixture classes written to break it, and passes clean code. */
class ChorusArchitectureTest {

    private static final JavaClasses FIXTURE = new ClassFileImporter().importPackages("org.chorus.fixture");
    private static final JavaClasses USERS_FIXTURE = new ClassFileImporter().importPackages("org.chorus.users");

    @Test
    void everyRuleCatchesItsViolation() {
        String report = assertThrows(
                        AssertionError.class,
                        () -> ChorusArchitecture.service("org.chorus.fixture").check(FIXTURE))
                .getMessage();

        assertTrue(report.contains("ThingResource.list"), report);
        assertTrue(!report.contains("ThingResource.describe"), "mapping an entity to a record is allowed: " + report);
        assertTrue(report.contains("FieldInjected.dependency"), report);
        assertTrue(report.contains("FieldInjected.size"), report);
        assertTrue(report.contains("ReachesIntoUsers"), report);
        assertTrue(!report.contains("Settings"), "a config package may read @ConfigProperty: " + report);
    }

    @Test
    void aPlatformLibraryMayNotKnowAService() {
        String report = assertThrows(
                        AssertionError.class,
                        () -> ChorusArchitecture.platform("org.chorus.fixture").check(FIXTURE))
                .getMessage();

        assertTrue(report.contains("ReachesIntoUsers"), report);
    }

    @Test
    void cleanCodePasses() {
        assertDoesNotThrow(() -> ChorusArchitecture.service("org.chorus.users").check(USERS_FIXTURE));
    }
}
