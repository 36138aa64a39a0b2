package uk.dsltriage.rules.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.dsltriage.rules.RuleSet;
import uk.dsltriage.rules.RuleSetCatalog;

class RuleSetLoaderTest {

    private static final String FILE = "rulesets/england-schools-2025.1.json";

    static String production() {
        return new String(bytes(FILE), StandardCharsets.UTF_8);
    }

    static byte[] bytes(String path) {
        try (InputStream in = RuleSetLoaderTest.class.getClassLoader().getResourceAsStream(path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RuleSetLoadException rejected(String json) {
        return assertThrows(RuleSetLoadException.class,
                () -> RuleSetLoader.parse("broken.json", json.getBytes(StandardCharsets.UTF_8)));
    }

    private static String replaceOnce(String json, String from, String to) {
        assertTrue(json.contains(from), "fixture text not found: " + from);
        return json.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to));
    }

    @Test
    void loadsTheProductionRuleSetsWithTheirMetadata() {
        List<RuleSet> all = RuleSetLoader.loadFromClasspath(getClass().getClassLoader());
        assertEquals(List.of("2025.1", "2025.2", "2026.1"), all.stream().map(RuleSet::version).toList());
        RuleSet rs = all.get(0);
        assertEquals("england-schools", rs.ruleSetId());
        assertEquals("2025.1", rs.version());
        assertEquals(LocalDate.of(2025, 9, 1), rs.effectiveFrom());
        assertTrue(rs.guidanceVersion().contains("KCSIE 2025"));
        assertFalse(rs.flag("MANDATORY_REPORTING_DUTY_IN_FORCE"));
        assertTrue(rs.rule("R67").isPresent());
        assertEquals(LocalDate.of(2025, 9, 1), all.get(1).effectiveFrom());
        assertEquals(LocalDate.of(2026, 9, 1), all.get(2).effectiveFrom());
        assertTrue(all.get(2).guidanceVersion().contains("KCSIE 2026"));
        for (RuleSet later : all.subList(1, 3)) {
            assertFalse(later.flag("MANDATORY_REPORTING_DUTY_IN_FORCE"), later.version());
            assertTrue(later.flag("DERIVE_ADULT_INVOLVED_BY_INVOLVED_ROLE"), later.version());
        }
    }

    @Test
    void sha256IsOfTheExactFileBytes() throws Exception {
        byte[] raw = bytes(FILE);
        RuleSet rs = RuleSetLoader.parse(raw);
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
        assertEquals(expected, rs.sha256());
        assertArrayEquals(raw, rs.content());
        // The same JSON with different whitespace is a different document.
        RuleSet reformatted = RuleSetLoader.parse((new String(raw, StandardCharsets.UTF_8) + "\n").getBytes(StandardCharsets.UTF_8));
        assertNotEquals(rs.sha256(), reformatted.sha256());
    }

    @Test
    void contentIsACopy() {
        RuleSet rs = RuleSetLoader.parse(bytes(FILE));
        rs.content()[0] = 'x';
        assertEquals('{', rs.content()[0]);
    }

    @Test
    void rejectsAnUnknownOperator() {
        var e = rejected(replaceOnce(production(), "\"always\": true", "\"sometimes\": true"));
        assertTrue(e.getMessage().contains("broken.json"), e.getMessage());
        assertTrue(e.getMessage().contains("$.rules[1].condition"), e.getMessage());
        assertTrue(e.getMessage().contains("sometimes"), e.getMessage());
    }

    @Test
    void rejectsAnUnknownFactName() {
        var e = rejected(replaceOnce(production(), "\"factTrue\": \"accidentallyViewedImage\"",
                "\"factTrue\": \"accidentallyViewedPhoto\""));
        assertTrue(e.getMessage().contains("$.rules[4].condition.factTrue"), e.getMessage());
        assertTrue(e.getMessage().contains("enumeration"), e.getMessage());
    }

    @Test
    void rejectsADerivedFactUsedAsAClientFact() {
        var e = rejected(replaceOnce(production(), "\"factTrue\": \"accidentallyViewedImage\"",
                "\"factTrue\": \"adultInvolved\""));
        assertTrue(e.getMessage().contains("$.rules[4].condition.factTrue"), e.getMessage());
    }

    @Test
    void rejectsAnUnknownRoute() {
        var e = rejected(replaceOnce(production(), "\"LA_PRIVATE_FOSTERING_NOTIFICATION\"", "\"LA_FOSTERING\""));
        assertTrue(e.getMessage().matches("(?s).*\\$\\.rules\\[\\d+]\\.outcome\\.routes\\[0].*"), e.getMessage());
    }

    @Test
    void rejectsAnExtraProperty() {
        var e = rejected(replaceOnce(production(), "\"id\": \"R03\",", "\"id\": \"R03\", \"script\": \"rm -rf /\","));
        assertTrue(e.getMessage().contains("$.rules[3]"), e.getMessage());
        assertTrue(e.getMessage().contains("script"), e.getMessage());
    }

    @Test
    void rejectsAnExtraTopLevelProperty() {
        var e = rejected(replaceOnce(production(), "\"ruleSetId\"", "\"plugin\": \"x\", \"ruleSetId\""));
        assertTrue(e.getMessage().contains("plugin"), e.getMessage());
    }

    @Test
    void rejectsTooDeepNesting() {
        String deep = "{\"factTrue\": \"oneOff\"}";
        for (int i = 0; i < 9; i++) {
            deep = "{\"not\": " + deep + "}";
        }
        var e = rejected(replaceOnce(production(), "{\n        \"always\": true\n      }", deep));
        assertTrue(e.getMessage().contains("$.rules[1].condition"), e.getMessage());
        assertTrue(e.getMessage().contains("nest more than 8 levels"), e.getMessage());
    }

    @Test
    void acceptsNestingAtTheLimit() {
        String deep = "{\"factTrue\": \"oneOff\"}";
        for (int i = 0; i < 7; i++) {
            deep = "{\"not\": " + deep + "}";
        }
        RuleSet rs = RuleSetLoader.parse(replaceOnce(production(), "{\n        \"always\": true\n      }", deep)
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(8, rs.rule("R01").orElseThrow().condition().depth());
    }

    @Test
    void rejectsTwoOperatorsInOneCondition() {
        var e = rejected(replaceOnce(production(), "\"always\": true", "\"always\": true, \"factTrue\": \"oneOff\""));
        assertTrue(e.getMessage().contains("$.rules[1].condition"), e.getMessage());
    }

    @Test
    void rejectsInvalidJsonAndDuplicateKeys() {
        assertTrue(rejected("{").getMessage().contains("not valid JSON"));
        var e = rejected(replaceOnce(production(), "\"version\": \"2025.1\"", "\"version\": \"2025.1\", \"version\": \"2025.2\""));
        assertTrue(e.getMessage().contains("Duplicate field"), e.getMessage());
    }

    @Test
    void rejectsEmptyAndOversizedFiles() {
        assertTrue(rejected("").getMessage().contains("empty"));
        String huge = production().replace("\"description\": \"", "\"description\": \"" + "x".repeat(RuleSetLoader.MAX_FILE_BYTES));
        assertTrue(rejected(huge).getMessage().contains("limit"));
    }

    @Test
    void rejectsAReferralRouteThatDoesNotWithdrawInternalHandling() {
        var e = rejected(replaceOnce(production(), "\"routes\": [\n          \"LA_PRIVATE_FOSTERING_NOTIFICATION\"",
                "\"routes\": [\n          \"LA_PRIVATE_FOSTERING_NOTIFICATION\", \"POLICE_REFERRAL\""));
        assertTrue(e.getMessage().contains("neither mandatoryReferral nor removesInternalHandling"), e.getMessage());
    }

    @Test
    void rejectsAnUndefinedOrCyclicDefinition() {
        var e = rejected(replaceOnce(production(), "\"ref\": \"possibleImages\"", "\"ref\": \"noSuchDefinition\""));
        assertTrue(e.getMessage().contains("undefined definition noSuchDefinition"), e.getMessage());
        var cyclic = rejected(replaceOnce(production(), "\"childImageIncident\": {\n      \"all\": [\n        {\n          \"ref\": \"imageIncident\"",
                "\"childImageIncident\": {\n      \"all\": [\n        {\n          \"ref\": \"childImageIncident\""));
        assertTrue(cyclic.getMessage().contains("refers to itself"), cyclic.getMessage());
    }

    @Test
    void rejectsAnUndeclaredFlagAndADuplicateId() {
        var e = rejected(replaceOnce(production(), "\"enabledByFlag\": \"MANDATORY_REPORTING_DUTY_IN_FORCE\"",
                "\"enabledByFlag\": \"SOME_OTHER_FLAG\""));
        assertTrue(e.getMessage().contains("SOME_OTHER_FLAG"), e.getMessage());
        var dup = rejected(replaceOnce(production(), "\"id\": \"R03\"", "\"id\": \"R02\""));
        assertTrue(dup.getMessage().contains("duplicate rule id R02"), dup.getMessage());
    }

    @Test
    void rejectsAConflictThatRemovesAReferralRoute() {
        var e = rejected(replaceOnce(production(), "\"removeRoutes\": [\n        \"PARENTS_INFORM\"",
                "\"removeRoutes\": [\n        \"POLICE_REFERRAL\""));
        assertTrue(e.getMessage().contains("$.conflicts[3].removeRoutes[0]"), e.getMessage());
    }

    @Test
    void indexMustNameFilesOnly() {
        ClassLoader cl = new ClassLoader(getClass().getClassLoader()) {
            @Override
            public InputStream getResourceAsStream(String name) {
                if (name.equals("rulesets/index.json")) {
                    return new java.io.ByteArrayInputStream("[\"../secret.json\"]".getBytes(StandardCharsets.UTF_8));
                }
                return super.getResourceAsStream(name);
            }
        };
        var e = assertThrows(RuleSetLoadException.class, () -> RuleSetLoader.loadFromClasspath(cl));
        assertTrue(e.getMessage().contains("not a plain .json file name"), e.getMessage());
    }

    @Test
    void catalogSelectsTheNewestReleaseOfTheEditionInForceOnADate() {
        List<RuleSet> all = new ArrayList<>(RuleSetLoader.loadFromClasspath(getClass().getClassLoader()));
        all.addAll(RuleSetLoader.loadFromClasspath(getClass().getClassLoader(), "test-rulesets"));
        RuleSetCatalog catalog = new RuleSetCatalog(all);
        assertEquals(4, catalog.all().size());
        assertEquals("2025.2", catalog.inForceOn("england-schools", LocalDate.of(2025, 9, 1)).version());
        assertEquals("2025.2", catalog.inForceOn("england-schools", LocalDate.of(2026, 5, 1)).version());
        assertEquals("2025.2", catalog.inForceOn("england-schools", LocalDate.of(2026, 8, 31)).version());
        assertEquals("2026.1", catalog.inForceOn("england-schools", LocalDate.of(2026, 9, 1)).version());
        assertEquals("2026.1", catalog.inForceOn("england-schools", LocalDate.of(2026, 10, 1)).version());
        assertEquals("2026.1", catalog.inForceOn("england-schools", LocalDate.of(2030, 1, 1)).version());
        // Before any version is in force: the newest version.
        assertEquals("2026.1", catalog.inForceOn("england-schools", LocalDate.of(2020, 1, 1)).version());
        // The synthetic test rule set has an id of its own, so its version does not clash with the real 2026.1.
        assertEquals("2026.1", catalog.inForceOn("synthetic-schools", LocalDate.of(2026, 9, 1)).version());
        assertTrue(catalog.find("england-schools", "2025.1").isPresent());
        assertTrue(catalog.find("england-schools", "1999.1").isEmpty());
        assertThrows(java.util.NoSuchElementException.class, () -> catalog.inForceOn("wales-schools", LocalDate.now()));
        assertThrows(IllegalArgumentException.class, () -> new RuleSetCatalog(List.of(all.get(0), all.get(0))));
    }

    @Test
    void theNewestReleaseIsChosenByReleaseNumberNotByText() {
        RuleSet base = RuleSetLoader.loadFromClasspath(getClass().getClassLoader()).get(0);
        String json = new String(base.content(), StandardCharsets.UTF_8);
        RuleSet r9 = RuleSetLoader.parse("9", json.replace("\"version\": \"2025.1\"", "\"version\": \"2025.9\"")
                .getBytes(StandardCharsets.UTF_8));
        RuleSet r10 = RuleSetLoader.parse("10", json.replace("\"version\": \"2025.1\"", "\"version\": \"2025.10\"")
                .getBytes(StandardCharsets.UTF_8));
        assertEquals("2025.10", new RuleSetCatalog(List.of(r10, r9)).inForceOn("england-schools", LocalDate.of(2026, 1, 1))
                .version());
    }
}
