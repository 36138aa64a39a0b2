package uk.dsltriage.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import uk.dsltriage.incident.WireImportingServiceFixture;

/**
 * The dependencies between capabilities are exactly those written in {@code docs/architecture.md}: the table there is
 * read by this test, so the document and the build cannot disagree. Capabilities that do not exist yet are simply
 * not checked.
 */
class CapabilityGraphTest {

    private static final String ROOT = "uk.dsltriage";
    private static final Path DOC = Path.of("docs/architecture.md");
    private static final Set<String> FOUNDATIONS = Set.of("common", "vocabulary");

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    private static final Map<String, Set<String>> ALLOWED = readAllowedGraph(DOC);

    @Test
    void everyDependencyBetweenCapabilitiesIsWrittenDown() {
        List<String> violations = violations((origin, target) -> {
            Set<String> allowed = ALLOWED.get(origin);
            return allowed != null && allowed.contains(target);
        });
        assertTrue(violations.isEmpty(), "dependencies not in " + DOC + " (add a row or an entry, or remove the "
                + "dependency):\n" + String.join("\n", violations));
    }

    @Test
    void everyCapabilityInTheCodeHasARow() {
        Set<String> unknown = new TreeSet<>();
        for (JavaClass c : CLASSES) {
            capabilityOf(c).filter(cap -> !ALLOWED.containsKey(cap)).ifPresent(unknown::add);
        }
        assertTrue(unknown.isEmpty(), "capabilities without a row in " + DOC + ": " + unknown);
    }

    @Test
    void theWrittenGraphHasNoCycleAndFoundationsDependOnNothing() {
        for (String foundation : FOUNDATIONS) {
            assertEquals(Set.of(), ALLOWED.get(foundation), foundation + " must import no capability");
        }
        for (String start : ALLOWED.keySet()) {
            assertTrue(!reaches(start, start, new LinkedHashSet<>()), "the written graph has a cycle through " + start);
        }
        ALLOWED.forEach((origin, targets) -> targets.forEach(target -> assertTrue(ALLOWED.containsKey(target),
                origin + " may depend on " + target + ", which has no row")));
    }

    @Test
    void noCycleBetweenCapabilities() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().allowEmptyShould(true).check(CLASSES);
    }

    @Test
    void servicesNeverImportTheWire() {
        List<String> violations = wireImportsOutsideApi(CLASSES);
        assertTrue(violations.isEmpty(), "services, entities and repositories must not use request/response records "
                + "(map them in the resource):\n" + String.join("\n", violations));
    }

    @Test
    void aServiceImportingTheWireWouldFailTheBuild() {
        JavaClasses fixture = new ClassFileImporter().importClasses(WireImportingServiceFixture.class);
        assertTrue(wireImportsOutsideApi(fixture).stream().anyMatch(v -> v.contains("IncidentView")),
                "the check finds nothing: " + wireImportsOutsideApi(fixture));
    }

    private static List<String> wireImportsOutsideApi(JavaClasses classes) {
        List<String> violations = new ArrayList<>();
        for (JavaClass origin : classes) {
            if (isApi(origin.getPackageName())) {
                continue;
            }
            for (Dependency d : origin.getDirectDependenciesFromSelf()) {
                String target = d.getTargetClass().getPackageName();
                if (target.startsWith(ROOT + ".") && isApi(target)) {
                    violations.add(d.getDescription());
                }
            }
        }
        return violations;
    }

    @Test
    void anApiUsesAnotherCapabilitysWireOnlyAlongTheGraphAndNeverItsResources() {
        List<String> violations = new ArrayList<>();
        for (JavaClass origin : CLASSES) {
            Optional<String> from = capabilityOf(origin);
            for (Dependency d : origin.getDirectDependenciesFromSelf()) {
                JavaClass target = d.getTargetClass();
                Optional<String> to = capabilityOf(target);
                if (from.isEmpty() || to.isEmpty() || from.equals(to) || !isApi(target.getPackageName())) {
                    continue;
                }
                boolean sharedRecord = isApi(origin.getPackageName()) && ALLOWED.get(from.get()).contains(to.get())
                        && !isResource(target);
                if (!sharedRecord) {
                    violations.add(d.getDescription());
                }
            }
        }
        assertTrue(violations.isEmpty(), "another capability's api package is its wire: only an api package of a "
                + "capability that may depend on it may share its records, and no one calls its resources:\n"
                + String.join("\n", violations));
    }

    @Test
    void theDocumentIsReadAsTheSourceOfTruth() {
        // Guards the parser: a document edited into a shape this test cannot read must fail, not allow everything.
        assertTrue(ALLOWED.size() >= 10, "too few rows read from " + DOC + ": " + ALLOWED.keySet());
        assertEquals(Set.of("vocabulary"), ALLOWED.get("rules"));
        assertTrue(ALLOWED.get("referral").contains("review"));
        assertTrue(!ALLOWED.get("triage").contains("incident"));
    }

    @Test
    void anEdgeMissingFromTheDocumentWouldFailTheBuild() {
        List<String> found = violations((origin, target) -> !(origin.equals("incident") && target.equals("triage"))
                && ALLOWED.get(origin).contains(target));
        assertTrue(found.stream().anyMatch(v -> v.startsWith("incident -> triage: ")), "the check finds nothing: " + found);
    }

    private static List<String> violations(BiPredicate<String, String> allowed) {
        Set<String> violations = new TreeSet<>();
        for (JavaClass origin : CLASSES) {
            Optional<String> from = capabilityOf(origin);
            if (from.isEmpty()) {
                continue;
            }
            for (Dependency d : origin.getDirectDependenciesFromSelf()) {
                Optional<String> to = capabilityOf(d.getTargetClass());
                if (to.isPresent() && !to.equals(from) && !allowed.test(from.get(), to.get())) {
                    violations.add(from.get() + " -> " + to.get() + ": " + d.getDescription());
                }
            }
        }
        return new ArrayList<>(violations);
    }

    private boolean reaches(String from, String goal, Set<String> seen) {
        for (String next : ALLOWED.getOrDefault(from, Set.of())) {
            if (next.equals(goal) || seen.add(next) && reaches(next, goal, seen)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isResource(JavaClass c) {
        return c.isAnnotatedWith("jakarta.ws.rs.Path");
    }

    private static boolean isApi(String packageName) {
        return List.of(packageName.split("\\.")).contains("api");
    }

    static Optional<String> capabilityOf(JavaClass c) {
        String pkg = c.getPackageName();
        if (!pkg.startsWith(ROOT + ".")) {
            return Optional.empty();
        }
        String rest = pkg.substring(ROOT.length() + 1);
        int dot = rest.indexOf('.');
        return Optional.of(dot < 0 ? rest : rest.substring(0, dot));
    }

    /** Reads the rows between the capability-graph markers: {@code | `name` ... | ... | `a`, `b` |}. */
    static Map<String, Set<String>> readAllowedGraph(Path doc) {
        String text;
        try {
            text = Files.readString(doc);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + doc.toAbsolutePath(), e);
        }
        int begin = text.indexOf("<!-- capability-graph:begin -->");
        int end = text.indexOf("<!-- capability-graph:end -->");
        if (begin < 0 || end < begin) {
            throw new IllegalStateException(doc + " has no capability-graph markers");
        }
        Map<String, Set<String>> graph = new LinkedHashMap<>();
        Pattern name = Pattern.compile("`([a-z]+)`");
        for (String line : text.substring(begin, end).split("\n")) {
            String[] cells = line.split("\\|");
            if (cells.length < 4 || !cells[1].trim().startsWith("`")) {
                continue;
            }
            Matcher capability = name.matcher(cells[1]);
            if (!capability.find()) {
                throw new IllegalStateException("unreadable row: " + line);
            }
            Set<String> targets = new TreeSet<>();
            Matcher target = name.matcher(cells[cells.length - 1]);
            while (target.find()) {
                targets.add(target.group(1));
            }
            if (graph.put(capability.group(1), targets) != null) {
                throw new IllegalStateException("two rows for " + capability.group(1));
            }
        }
        return graph;
    }
}
