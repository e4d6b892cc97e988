package org.diasporadesk.registry;

import org.diasporadesk.testsupport.ArchitectureRules;
import org.junit.jupiter.api.Test;

/** The registry service keeps the layout of every service: see {@link ArchitectureRules}. */
class ArchitectureTest {

    @Test
    void followsTheServicesLayout() {
        ArchitectureRules.check("org.diasporadesk.registry");
    }
}
