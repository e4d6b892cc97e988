package org.diasporadesk.hotline;

import org.diasporadesk.testsupport.ArchitectureRules;
import org.junit.jupiter.api.Test;

/** The hotline service keeps the layout of every service: see {@link ArchitectureRules}. */
class ArchitectureTest {

    @Test
    void followsTheServicesLayout() {
        ArchitectureRules.check("org.diasporadesk.hotline");
    }
}
