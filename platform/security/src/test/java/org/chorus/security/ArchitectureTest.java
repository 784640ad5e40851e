package org.chorus.security;

import org.chorus.architecture.ChorusArchitecture;
import org.junit.jupiter.api.Test;

/** The module keeps Chorus' architecture rules (platform/architecture). */
class ArchitectureTest {

    @Test
    void followsTheArchitectureRules() {
        ChorusArchitecture.platform("org.chorus.security").check();
    }
}
