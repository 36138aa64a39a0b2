package uk.dsltriage.rules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The engine package is pure Java: JSON and schema handling live only in the codec subpackage. */
class RulesPackageArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("uk.dsltriage.rules");

    @Test
    void enginePackageHasNoFrameworkOrJsonDependencies() {
        noClasses().that().resideInAPackage("uk.dsltriage.rules")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta..", "javax..", "io.quarkus..",
                        "org.hibernate..", "com.fasterxml..", "com.networknt..", "tools.jackson..")
                .check(CLASSES);
    }

    @Test
    void enginePackageDoesNotDependOnTheCodec() {
        noClasses().that().resideInAPackage("uk.dsltriage.rules")
                .should().dependOnClassesThat().resideInAPackage("uk.dsltriage.rules.codec")
                .check(CLASSES);
    }
}
