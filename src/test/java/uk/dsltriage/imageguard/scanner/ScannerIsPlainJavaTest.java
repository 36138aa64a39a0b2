package uk.dsltriage.imageguard.scanner;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The scanner is plain Java: no framework types, and nothing of the service outside its own package. */
class ScannerIsPlainJavaTest {

    private static final JavaClasses SCANNER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("uk.dsltriage.imageguard.scanner");

    @Test
    void noFrameworkTypes() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("jakarta..", "javax..", "io.quarkus..",
                "org.hibernate..", "io.vertx..", "org.jboss..", "org.eclipse.microprofile..", "io.smallrye..")
                .check(SCANNER);
    }

    @Test
    void nothingOfTheServiceOutsideTheScanner() {
        noClasses().should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("uk.dsltriage..")
                        .and(JavaClass.Predicates.resideOutsideOfPackage("uk.dsltriage.imageguard.scanner..")))
                .check(SCANNER);
    }
}
