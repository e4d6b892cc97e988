package org.diasporadesk.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/** The rules themselves, on fixture classes: a rule that cannot fail guards nothing. */
class ArchitectureRulesTest {

    private final JavaClasses fixture = new ClassFileImporter()
        .importPackages("org.diasporadesk.testsupport.fixture");

    @Test
    void aServiceUsingAnotherServicesCodeIsReportedAndTheChassisIsAllowed() {
        EvaluationResult result = ArchitectureRules.ownCodeOnly("org.diasporadesk.testsupport.fixture.hotline")
            .evaluate(fixture);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails()).isNotEmpty()
            .allMatch(detail -> detail.contains("fixture.registry.Household"))
            .noneMatch(detail -> detail.contains("PhoneNumbers"));
    }

    @Test
    void aServiceUsingOnlyItsOwnCodeAndTheChassisPasses() {
        assertThat(ArchitectureRules.ownCodeOnly("org.diasporadesk.testsupport.fixture.registry").evaluate(fixture)
            .hasViolation()).isFalse();
    }
}
