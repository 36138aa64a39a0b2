package uk.dsltriage.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.Entity;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import org.junit.jupiter.api.Test;

/** The codebase rules that keep records safe, checked on the compiled classes. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("uk.dsltriage");

    private static final DescribedPredicate<JavaMethod> ENDPOINTS = new DescribedPredicate<>("REST endpoints") {
        @Override
        public boolean test(JavaMethod m) {
            return m.isAnnotatedWith(GET.class) || m.isAnnotatedWith(POST.class) || m.isAnnotatedWith(PUT.class)
                    || m.isAnnotatedWith(DELETE.class) || m.isAnnotatedWith(PATCH.class);
        }
    };

    /** Pages a person must reach without a session; each is static text and reads no record. */
    private static final java.util.Set<String> PUBLIC_PAGES = java.util.Set.of(
            "uk.dsltriage.console.api.ConsoleHomeResource.signedOut()");

    @Test
    void everyEndpointDeclaresWhoMayCallIt() {
        methods().that(ENDPOINTS).should(new ArchCondition<>("carry a security annotation (method or class)") {
            @Override
            public void check(JavaMethod m, ConditionEvents events) {
                boolean secured = m.isAnnotatedWith(RolesAllowed.class) || m.isAnnotatedWith(io.quarkus.security.Authenticated.class)
                        || m.getOwner().isAnnotatedWith(RolesAllowed.class)
                        || m.getOwner().isAnnotatedWith(io.quarkus.security.Authenticated.class);
                boolean open = m.isAnnotatedWith(PermitAll.class) || m.getOwner().isAnnotatedWith(PermitAll.class);
                if (PUBLIC_PAGES.contains(m.getFullName()) && open) {
                    return;
                }
                if (!secured || open) {
                    events.add(SimpleConditionEvent.violated(m, m.getFullName() + " is not secured by role"));
                }
            }
        }).check(CLASSES);
    }

    @Test
    void entitiesNeverLeaveTheServiceAsJson() {
        noMethods().that(ENDPOINTS).should().haveRawReturnType(new DescribedPredicate<>("an @Entity") {
            @Override
            public boolean test(com.tngtech.archunit.core.domain.JavaClass type) {
                return type.isAnnotatedWith(Entity.class);
            }
        }).check(CLASSES);
        noClasses().that().resideInAPackage("..api..").and().areRecords()
                .should().dependOnClassesThat().areAnnotatedWith(Entity.class)
                .allowEmptyShould(true)
                .check(CLASSES);
    }

    @Test
    void noEndpointAcceptsFilesOrMultipart() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.jboss.resteasy.reactive.multipart..",
                        "io.vertx.ext.web.FileUpload..")
                .check(CLASSES);
        noClasses().should().dependOnClassesThat().haveFullyQualifiedName("org.jboss.resteasy.reactive.multipart.FileUpload")
                .check(CLASSES);
    }

    @Test
    void theImageScannerAndRulesEngineArePlainJava() {
        noClasses().that().haveSimpleNameStartingWith("ImageContentScanner").or().haveSimpleName("TextInspector")
                .or().haveSimpleName("MediaSignatures")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta..", "io.quarkus..", "org.hibernate..")
                .check(CLASSES);
    }

    @Test
    void onlyTheStorageLayerRunsQueries() {
        noClasses().that().resideInAPackage("..api..")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
                .check(CLASSES);
        noClasses().that().resideInAPackage("..api..")
                .should().dependOnClassesThat().haveFullyQualifiedName("jakarta.persistence.EntityManager")
                .check(CLASSES);
    }
}
