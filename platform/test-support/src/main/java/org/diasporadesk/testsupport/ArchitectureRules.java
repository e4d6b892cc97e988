package org.diasporadesk.testsupport;

import java.util.List;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.library.Architectures;
import com.tngtech.archunit.library.freeze.FreezingArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layout every service follows, held as rules so that it keeps telling the architecture. A service is a set of
 * features ({@code registry.household}, {@code hotline.tickets}); a feature has up to five layers:
 * <ul>
 * <li>{@code domain}: the model and its rules, depending on no other layer and on no framework, serialiser or
 * store;</li>
 * <li>{@code application}: the use cases and the ports they need (stores, senders);</li>
 * <li>{@code persistence}: the ports' MongoDB adapters, the only code that speaks to the store;</li>
 * <li>{@code web} and {@code messaging}: HTTP and Kafka adapters, which call the application.</li>
 * </ul>
 * Adapters are reached by nothing but Spring's wiring, only persistence adapters know the store, controllers live in
 * the web layer, features do not depend on each other in circles, and a service uses no other service's code.
 */
public final class ArchitectureRules {

    private ArchitectureRules() {
    }

    /** Checks every rule against the service's production classes under {@code basePackage}. */
    public static void check(String basePackage) {
        JavaClasses service = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(basePackage);
        StringBuilder violations = new StringBuilder();
        for (ArchRule rule : List.of(layers(), plainDomain(), onlyPersistenceSpeaksToTheStore(basePackage),
                featuresWithoutCycles(basePackage), controllersInTheWebLayer(), ownCodeOnly(basePackage))) {
            EvaluationResult result = rule.evaluate(service);
            if (result.hasViolation()) {
                violations.append(result.getFailureReport().toString()).append(System.lineSeparator());
            }
        }
        if (!violations.isEmpty()) {
            throw new AssertionError(violations.toString());
        }
    }

    static ArchRule layers() {
        return Architectures.layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .withOptionalLayers(true)
            .layer("domain").definedBy("..domain..")
            .layer("application").definedBy("..application..")
            .layer("persistence").definedBy("..persistence..")
            .layer("web").definedBy("..web..")
            .layer("messaging").definedBy("..messaging..")
            .whereLayer("web").mayNotBeAccessedByAnyLayer()
            .whereLayer("messaging").mayNotBeAccessedByAnyLayer()
            .whereLayer("persistence").mayNotBeAccessedByAnyLayer()
            .whereLayer("application").mayOnlyBeAccessedByLayers("web", "messaging", "persistence")
            .because("adapters call the application, the application owns the ports the adapters implement, and the "
                    + "domain depends on nothing outside it");
    }

    static ArchRule plainDomain() {
        return noClasses().that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.fasterxml.jackson..",
                    "tools.jackson..", "com.mongodb..", "org.bson..", "jakarta.persistence..")
            .because("the domain is the offices' rules, readable and testable without a framework or a store")
            .allowEmptyShould(true);
    }

    static ArchRule onlyPersistenceSpeaksToTheStore(String basePackage) {
        return noClasses().that().resideInAPackage(basePackage + "..")
            .and().resideOutsideOfPackage("..persistence..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.data.mongodb..", "com.mongodb..")
            .because("the store is MongoDB in production and a stand-in in tests; only persistence adapters know it");
    }

    /**
     * Frozen (ArchUnit's {@link FreezingArchRule}): the cycles the services had when the rule came, listed in each
     * service's {@code archunit-frozen} folder, are known debt; any other cycle fails, and a cycle removed leaves the
     * list. The list is never created or extended by a test run ({@code archunit.properties}).
     */
    static ArchRule featuresWithoutCycles(String basePackage) {
        return FreezingArchRule.freeze(slices().matching(basePackage + ".(*)..").should().beFreeOfCycles()
            .because("a feature that needs another's use cases must not be needed by it in turn"));
    }

    /** Of the project's code, a service uses its own, the chassis and the event contracts, nothing else. */
    static ArchRule ownCodeOnly(String basePackage) {
        return noClasses().that().resideInAPackage(basePackage + "..")
            .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("org.diasporadesk..")
                .and(JavaClass.Predicates.resideOutsideOfPackages(basePackage + "..", "org.diasporadesk.chassis..",
                        "org.diasporadesk.events..")))
            .because("services are linked only through Kafka events: another service's code is its own to change");
    }

    static ArchRule controllersInTheWebLayer() {
        return classes().that().areAnnotatedWith("org.springframework.web.bind.annotation.RestController")
            .should().resideInAPackage("..web..")
            .because("HTTP is an adapter");
    }
}
