package uk.dsltriage.rules;

import uk.dsltriage.vocabulary.ForbiddenAction;
import uk.dsltriage.vocabulary.IncidentType;
import uk.dsltriage.vocabulary.ParticipantRole;
import uk.dsltriage.vocabulary.Route;
import uk.dsltriage.vocabulary.SexualViolenceType;
import uk.dsltriage.vocabulary.StaffRole;
import uk.dsltriage.vocabulary.Urgency;
import uk.dsltriage.vocabulary.VictimWishes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;
import static uk.dsltriage.rules.Incident.P.child;
import static uk.dsltriage.rules.Incident.P.staff;
import static uk.dsltriage.vocabulary.IncidentType.*;
import static uk.dsltriage.vocabulary.ParticipantRole.*;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import uk.dsltriage.rules.codec.RuleSetLoader;

/**
 * Golden-output regression test: a broad fixed set of inputs (the worked examples, every rule case and
 * near miss, the benchmark inputs, hostile and degenerate inputs, and several thousand seeded random
 * inputs over the production 2025.1 rule set, the flag-on copy and the synthetic test rule set) is evaluated, and
 * every {@link Recommendation} field (routes, urgency, actions, missing facts, fired rules with ids, titles,
 * explanations and citations, derived facts with their types, errors) is rendered canonically and compared
 * by SHA-256 with the outputs recorded from the engine as it was before the performance work.
 *
 * <p>Any change of behaviour, even one character of an explanation, fails this test. To re-record after
 * an intended rule or wording change (never for a performance change), run
 * {@code mvn test -Dtest=GoldenOutputTest -Drules.golden.record=true} in the project that owns
 * {@code src/test/resources/rules-golden/}, and review the diff of {@code named-cases.txt}.
 */
class GoldenOutputTest {

    static final String HASHES = "rules-golden/hashes.tsv";
    static final String NAMED = "rules-golden/named-cases.txt";
    static final long SEED = 0x5EED_2025_1120L;
    static final int RANDOM_PRODUCTION = 4000;
    static final int RANDOM_FLAG_ON = 1000;
    static final int RANDOM_TEST_RULESET = 1000;

    /**
     * The vocabulary as it was when the golden outputs were recorded (2025.1): the generator draws only from it, so
     * facts and enum values added later neither change the recorded inputs nor reach rules that predate them.
     */
    static final List<String> FACTS_2025_1 = KnownFacts.BOOLEAN_FACTS.subList(0, 64);
    static final IncidentType[] INCIDENT_TYPES_2025_1 = Arrays.copyOf(IncidentType.values(), 26);
    private static final java.util.Set<String> ADDED_SINCE_2025_1 = new java.util.HashSet<>(
            KnownFacts.BOOLEAN_FACTS.subList(64, KnownFacts.BOOLEAN_FACTS.size()));

    record Case(String name, RuleSet ruleSet, TriageInput input) {
        Case {
            input = pinnedTo2025_1(input);
        }
    }

    /** The input without facts the 2025.1 vocabulary did not have (test incidents set every known fact false). */
    static TriageInput pinnedTo2025_1(TriageInput in) {
        try {
            if (in == null || in.facts() == null || in.facts().keySet().stream().noneMatch(ADDED_SINCE_2025_1::contains)) {
                return in;
            }
            Map<String, Boolean> facts = new LinkedHashMap<>(in.facts());
            facts.entrySet().removeIf(e -> ADDED_SINCE_2025_1.contains(e.getKey()) && Boolean.FALSE.equals(e.getValue()));
            return new TriageInput(in.occurredAt(), in.incidentTypes(), in.sexualViolenceType(), in.victimWishes(),
                    in.participants(), facts, in.unexplainedAbsenceDays(), in.reporter(), in.dslAttestation());
        } catch (RuntimeException hostileMap) {
            return in;
        }
    }

    // ---- the test

    @Test
    void everyOutputMatchesTheRecordedGolden() throws IOException {
        List<Case> cases = cases();
        RuleEngine engine = new RuleEngine();
        List<String> lines = new ArrayList<>();
        StringBuilder named = new StringBuilder();
        Map<String, String> renderings = new LinkedHashMap<>();
        for (Case c : cases) {
            Recommendation r = engine.evaluate(c.ruleSet(), c.input());
            assertNotNull(r, c.name());
            String out = render(r);
            renderings.put(c.name(), out);
            lines.add(c.name() + "\t" + sha256(renderInput(c.ruleSet(), c.input())) + "\t" + sha256(out));
            if (!c.name().startsWith("random-") || c.name().endsWith("-0") || c.name().endsWith("-1")) {
                named.append("=== ").append(c.name()).append('\n').append(out).append('\n');
            }
        }
        String stripped = System.getProperty("rules.golden.withoutExplanations");
        if (stripped != null) {
            // For a wording change: every output with the explanation lines left out, to show nothing else moved.
            List<String> out = new ArrayList<>();
            renderings.forEach((name, text) -> out.add(name + "\t" + sha256(text.replaceAll("(?m)^  because .*\n", ""))));
            Files.writeString(Path.of(stripped), String.join("\n", out) + "\n", StandardCharsets.UTF_8);
        }
        if (Boolean.getBoolean("rules.golden.record")) {
            Path dir = Path.of("src/test/resources/rules-golden");
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("hashes.tsv"), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("named-cases.txt"), named.toString(), StandardCharsets.UTF_8);
            System.out.println("recorded " + lines.size() + " golden outputs to " + dir.toAbsolutePath());
            return;
        }
        List<String> golden = readLines(HASHES);
        assertEquals(golden.size(), lines.size(), "number of golden cases (inputs changed? see class comment)");
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String[] want = golden.get(i).split("\t");
            String[] got = lines.get(i).split("\t");
            if (!want[0].equals(got[0]) || !want[1].equals(got[1])) {
                fail("golden input " + i + " differs: recorded " + want[0] + ", generated " + got[0]
                        + " (the input generator changed; it must stay fixed)");
            }
            if (!want[2].equals(got[2])) {
                failures.add(got[0]);
            }
        }
        if (!failures.isEmpty()) {
            String first = failures.get(0);
            fail(failures.size() + " of " + lines.size() + " outputs differ from the golden, first " + first
                    + " (others: " + failures.subList(1, Math.min(failures.size(), 20)) + ")\nnow:\n"
                    + renderings.get(first) + "\nrecorded (named cases only):\n" + recordedNamed(first));
        }
        System.out.println("golden: " + lines.size() + " outputs identical");
    }

    private static String recordedNamed(String name) throws IOException {
        String all = String.join("\n", readLines(NAMED));
        int at = all.indexOf("=== " + name + "\n");
        if (at < 0) {
            return "(not recorded in full)";
        }
        int end = all.indexOf("\n=== ", at + 1);
        return all.substring(at, end < 0 ? all.length() : end);
    }

    private static List<String> readLines(String resource) throws IOException {
        try (InputStream in = GoldenOutputTest.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                fail(resource + " is missing: record it with -Drules.golden.record=true (see class comment)");
            }
            return Arrays.asList(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"));
        }
    }

    // ---- canonical rendering

    static String render(Recommendation r) {
        StringBuilder sb = new StringBuilder();
        sb.append("ruleSet ").append(q(r.ruleSetId())).append(' ').append(q(r.ruleSetVersion())).append(' ')
                .append(q(r.ruleSetSha256())).append('\n');
        sb.append("routes ").append(r.routes()).append('\n');
        sb.append("urgency ").append(r.urgency()).append('\n');
        sb.append("required ").append(r.requiredActions()).append('\n');
        sb.append("forbidden ").append(r.forbiddenActions()).append('\n');
        sb.append("dslDecisionRequired ").append(r.dslDecisionRequired()).append('\n');
        sb.append("missing");
        r.missingFacts().forEach(m -> sb.append(' ').append(q(m)));
        sb.append('\n');
        for (FiredRule f : r.firedRules()) {
            sb.append("fired ").append(q(f.id())).append(' ').append(q(f.title())).append('\n');
            sb.append("  because ").append(q(f.explanation())).append('\n');
            for (Citation c : f.citations()) {
                sb.append("  cites ").append(q(c.source())).append(' ').append(q(c.section())).append(' ')
                        .append(c.status()).append('\n');
            }
        }
        sb.append("derived");
        r.derivedFacts().forEach((k, v) -> sb.append(' ').append(q(k)).append('=')
                .append(v == null ? "null" : v.getClass().getSimpleName() + ":" + v));
        sb.append('\n');
        sb.append("errors");
        r.evaluationErrors().forEach(e -> sb.append(' ').append(e.code()).append(' ').append(q(e.message())));
        return sb.append('\n').toString();
    }

    /** A fingerprint of the generated input, so a change of the generator is told apart from a change of behaviour. */
    static String renderInput(RuleSet rs, TriageInput in) {
        StringBuilder sb = new StringBuilder(rs == null ? "null" : rs.ruleSetId() + " " + rs.version() + " "
                + rs.sha256() + " " + new java.util.TreeMap<>(rs.flags()));
        if (in == null) {
            return sb.append(" null").toString();
        }
        sb.append(' ').append(in.occurredAt()).append(' ').append(in.incidentTypes()).append(' ')
                .append(in.sexualViolenceType()).append(' ').append(in.victimWishes()).append(' ')
                .append(in.participants()).append(' ').append(in.unexplainedAbsenceDays()).append(' ')
                .append(in.reporter()).append(' ').append(in.dslAttestation()).append(" facts");
        if (in.facts() == null) {
            sb.append(" null");
        } else {
            try {
                in.facts().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).sorted()
                        .forEach(e -> sb.append(' ').append(e));
            } catch (RuntimeException e) {
                sb.append(" unreadable");
            }
        }
        return sb.toString();
    }

    private static String q(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                default -> {
                    if (ch < 0x20 || ch > 0x7e) {
                        sb.append(String.format("\\u%04x", (int) ch));
                    } else {
                        sb.append(ch);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- the inputs (fixed: never change them without re-recording from the pre-change engine)

    static List<Case> cases() {
        RuleSet rules = Fixtures.RULES;
        RuleSet flagOn = RuleCasesTest.FLAG_ON;
        RuleSet next = RuleSetLoader.loadFromClasspath(GoldenOutputTest.class.getClassLoader(), "test-rulesets")
                .get(0);
        List<Case> cases = new ArrayList<>();
        workedExamples().forEach((name, incident) -> {
            cases.add(new Case("worked-" + name, rules, incident.build()));
            cases.add(new Case("worked-" + name + "-flagOn", flagOn, incident.build()));
        });
        for (RuleCasesTest.RuleCase c : RuleCasesTest.cases()) {
            cases.add(new Case("case-" + c.id() + "-fire", c.fireRuleSet(), c.fire().get().build()));
            cases.add(new Case("case-" + c.id() + "-fire-next", next, c.fire().get().build()));
            if (c.nearMiss() != null) {
                cases.add(new Case("case-" + c.id() + "-nearMiss", rules, c.nearMiss().get().build()));
                cases.add(new Case("case-" + c.id() + "-nearMiss-flagOn", flagOn, c.nearMiss().get().build()));
            }
        }
        benchInputs().forEach((name, input) -> {
            cases.add(new Case("bench-" + name, rules, input));
            cases.add(new Case("bench-" + name + "-flagOn", flagOn, input));
            cases.add(new Case("bench-" + name + "-next", next, input));
        });
        edgeInputs().forEach((name, input) -> {
            cases.add(new Case("edge-" + name, rules, input));
            cases.add(new Case("edge-" + name + "-next", next, input));
        });
        cases.add(new Case("edge-noRuleSet", null, RuleCasesTest.image().build()));
        cases.add(new Case("edge-noRuleSetNoInput", null, null));
        RuleSet broken = brokenRuleSet();
        cases.add(new Case("edge-brokenRule", broken, RuleCasesTest.image().build()));
        cases.add(new Case("edge-brokenRule-noInput", broken, null));
        edgeInputs().forEach((name, input) -> cases.add(new Case("edge-brokenRule-" + name, broken, input)));
        for (int i = 0; i < RANDOM_PRODUCTION; i++) {
            cases.add(new Case("random-prod-" + i, rules, randomInput(new SplittableRandom(SEED + i), i)));
        }
        for (int i = 0; i < RANDOM_FLAG_ON; i++) {
            cases.add(new Case("random-flagOn-" + i, flagOn,
                    randomInput(new SplittableRandom(SEED + 1_000_000 + i), i)));
        }
        for (int i = 0; i < RANDOM_TEST_RULESET; i++) {
            cases.add(new Case("random-next-" + i, next, randomInput(new SplittableRandom(SEED + 2_000_000 + i), i)));
        }
        return cases;
    }

    private static Map<String, Incident> workedExamples() {
        Map<String, Incident> m = new LinkedHashMap<>();
        m.put("tc01", Incident.of(NUDE_IMAGE_SHARING).is("imagesInvolved", "childDepictedUnder18", "oneOff")
                .with(child("A", SENDER, 15).depicted(), child("B", RECIPIENT, 15)).attested());
        m.put("tc04", tc04());
        m.put("tc04-sexualActs", tc04().is("imageDepictsSexualActs"));
        m.put("tc09", Incident.of(STAFF_CONDUCT)
                .is("sexualImagesRequestedFromChild", "sexualCommunicationWithChild", "groomingIndicators",
                        "possibleCriminalOffenceAgainstOrRelatedToChild", "behaviourIndicatesRiskOfHarm",
                        "happenedOffSiteOrOnline")
                .with(child("P1", VICTIM, 15), staff("S1", REQUESTER, StaffRole.TEACHER, null)));
        m.put("tc13", Incident.of(SEXUAL_VIOLENCE).sexualViolence(SexualViolenceType.SEXUAL_ASSAULT).is("oneOff")
                .with(child("V", VICTIM, 14), child("S", SUBJECT, 15)));
        m.put("tc16", Incident.of(SEXUAL_HARASSMENT_OFFLINE).is("oneOff")
                .victimWishes(VictimWishes.DOES_NOT_WANT_POLICE)
                .with(child("G", VICTIM, 12), child("B", SUBJECT, 12)));
        m.put("tc18", tc18());
        m.put("tc18-travel", tc18().is("imminentTravelAbroad"));
        m.put("tc21", Incident.of(RADICALISATION).is("radicalisationConcern", "happenedOffSiteOrOnline")
                .with(child("P1", SUBJECT, 15)));
        m.put("tc23", Incident.of(NEGLECT).is("patternOrRepeat").with(child("C", VICTIM, 7)));
        m.put("tc28", Incident.of(OTHER).is("leavingSetting", "childProtectionFileExists", "newSettingConfirmed")
                .with(child("C", VICTIM, 11)));
        m.put("tc29", Incident.of(ADULT_PORN_SHARED).is("imagesInvolved", "sharedWithoutConsent")
                .with(child("S", SENDER, 15), child("R1", RECIPIENT, 15), child("R2", RECIPIENT, 14)));
        m.put("tc01-unknownBase", Incident.unknownBase(NUDE_IMAGE_SHARING)
                .with(child("A", SENDER, 15).depicted(), child("B", RECIPIENT, null)));
        return m;
    }

    private static Incident tc04() {
        return Incident.of(NUDE_IMAGE_SHARING).is("imagesInvolved", "childDepictedUnder18", "oneOff")
                .with(child("G", SENDER, 12).depicted(), child("B", REQUESTER, 12));
    }

    private static Incident tc18() {
        return Incident.of(FGM).is("fgmKnownCase").reporter(true, false).with(child("G", VICTIM, 13));
    }

    /** The three inputs of bench/rules-engine (RuleEngineBenchmark), built the same way. */
    static Map<String, TriageInput> benchInputs() {
        Map<String, TriageInput> m = new LinkedHashMap<>();
        Map<String, Boolean> facts = new HashMap<>();
        FACTS_2025_1.forEach(f -> facts.put(f, false));
        facts.put("imagesInvolved", true);
        facts.put("childDepictedUnder18", true);
        m.put("typical", new TriageInput(Instant.parse("2025-11-20T10:15:00Z"), List.of(NUDE_IMAGE_SHARING),
                SexualViolenceType.NONE, VictimWishes.UNKNOWN,
                List.of(benchPupil("A", SENDER, 15, true), benchPupil("B", RECIPIENT, 15, false)),
                facts, 0, new Reporter(false, true), new DslAttestation(true, true, true)));
        Map<String, Boolean> allTrue = new HashMap<>();
        FACTS_2025_1.forEach(f -> allTrue.put(f, true));
        List<Participant> crowd = new ArrayList<>();
        ParticipantRole[] roles = ParticipantRole.values();
        for (int i = 0; i < 30; i++) {
            crowd.add(new Participant("P" + i, roles[i % roles.length], 8 + i, true, i % 5 == 0,
                    i % 5 == 0 ? StaffRole.values()[i % StaffRole.values().length] : null, i % 3 == 0, i % 4 == 0,
                    i % 2 == 0, i % 6 == 0, i % 7 == 0, i % 8 == 0, i % 2 == 1));
        }
        m.put("worstCase", new TriageInput(Instant.parse("2025-11-20T10:15:00Z"), Arrays.asList(INCIDENT_TYPES_2025_1),
                SexualViolenceType.RAPE, VictimWishes.DOES_NOT_WANT_POLICE, crowd, allTrue, 30,
                new Reporter(true, false), new DslAttestation(true, true, true)));
        List<Participant> unknownPeople = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            unknownPeople.add(new Participant("U" + i, null, null, null, null, null, null, null, null, null, null,
                    null, null));
        }
        m.put("allUnknown", new TriageInput(null, Arrays.asList(INCIDENT_TYPES_2025_1), null, null, unknownPeople,
                Map.of(), null, null, null));
        return m;
    }

    private static Participant benchPupil(String ref, ParticipantRole role, int age, boolean depicted) {
        return new Participant(ref, role, age, true, false, null, false, false, false, false, false, false, depicted);
    }

    /** Degenerate and hostile inputs: nulls everywhere, polluted generic collections, throwing maps. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Map<String, TriageInput> edgeInputs() {
        Map<String, TriageInput> m = new LinkedHashMap<>();
        TriageInput base = RuleCasesTest.image().attested().build();
        m.put("nullInput", null);
        m.put("allNull", new TriageInput(null, null, null, null, null, null, null, null, null));
        m.put("emptyLists", new TriageInput(null, List.of(), null, null, List.of(), Map.of(), null, null, null));
        m.put("nullElements", new TriageInput(null, Arrays.asList(null, NUDE_IMAGE_SHARING, null), null, null,
                Arrays.asList(null, base.participants().get(0), null), base.facts(), -3, new Reporter(null, null),
                new DslAttestation(null, true, true)));
        Map<String, Boolean> nullKey = new HashMap<>(base.facts());
        nullKey.put(null, true);
        nullKey.put("adultInvolved", true);
        nullKey.put("notAFact", true);
        m.put("nullFactKey", new TriageInput(null, base.incidentTypes(), null, null, base.participants(), nullKey,
                Integer.MIN_VALUE, null, null));
        m.put("maxValues", new TriageInput(null, base.incidentTypes(), SexualViolenceType.RAPE, VictimWishes.UNDECIDED,
                List.of(new Participant("Jane Smith", VICTIM, Integer.MAX_VALUE, null, null, null, null, null, null, null,
                        null, null, true), new Participant("x".repeat(40), SUBJECT, Integer.MIN_VALUE, null, true,
                        StaffRole.HEADTEACHER, null, null, null, null, null, null, null),
                        new Participant("", SUBJECT, -1, null, null, null, null, null, null, null, null, null, null)),
                base.facts(), Integer.MAX_VALUE, base.reporter(), base.dslAttestation()));
        m.put("pollutedTypes", new TriageInput(null, (List) List.of("NUDE_IMAGE_SHARING"), null, null,
                base.participants(), base.facts(), 0, null, null));
        m.put("pollutedParticipants", new TriageInput(null, base.incidentTypes(), null, null,
                (List) List.of("P1"), base.facts(), 0, null, null));
        Map raw = new HashMap<>(base.facts());
        raw.put("imagesInvolved", "yes");
        m.put("pollutedFactValue", new TriageInput(null, base.incidentTypes(), null, null, base.participants(),
                raw, 0, null, null));
        Map<String, Boolean> hostile = new HashMap<>() {
            @Override
            public java.util.Set<Map.Entry<String, Boolean>> entrySet() {
                throw new IllegalStateException("secret value");
            }
        };
        m.put("throwingFacts", new TriageInput(null, base.incidentTypes(), base.sexualViolenceType(),
                base.victimWishes(), base.participants(), hostile, 0, base.reporter(), base.dslAttestation()));
        List<Participant> many = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            many.add(new Participant(i % 3 == 0 ? null : "M" + i, ParticipantRole.values()[i % 8], i % 7 == 0 ? null : 5 + i,
                    i % 2 == 0, i % 9 == 0, i % 9 == 0 ? StaffRole.SUPPLY : null, i % 4 == 0 ? null : i % 3 == 0,
                    i % 5 == 0, i % 6 == 0 ? null : i % 2 == 1, i % 11 == 0, i % 13 == 0, null, i % 3 == 1));
        }
        m.put("manyParticipants", new TriageInput(null, List.of(NUDE_IMAGE_SHARING, SEXUAL_VIOLENCE, STAFF_CONDUCT),
                SexualViolenceType.SEXUAL_ASSAULT, null, many, new HashMap<>(), 11, null, null));
        return m;
    }

    private static RuleSet brokenRuleSet() {
        Outcome offer = new Outcome(List.of(Route.MANAGE_INTERNALLY_ELIGIBLE), Urgency.REVIEW, List.of(), List.of(),
                false, false, true);
        Citation citation = new Citation("test", "test", CitationStatus.NON_STATUTORY);
        Rule offers = new Rule("R01", "offer", new Condition.Always(), UnknownPolicy.IGNORE, offer, List.of(),
                List.of(citation), "offers internal handling", null);
        // R02 compared ageGap without an operator until rule sets were checked when built (now refused).
        Rule broken = new Rule("R02", "broken", new Condition.NumberCompare("ageGap",
                new Comparison(Comparison.Op.GT, 2)), UnknownPolicy.ASK, offer, List.of(), List.of(citation),
                "broken", null);
        Rule deep = new Rule("R03", "{because} template", new Condition.Any(List.of(
                new Condition.FactIs("oneOff", true),
                new Condition.Possibly(new Condition.FactIs("imagesInvolved", true)),
                new Condition.Not(new Condition.Definitely(new Condition.FactIs("priorConcerns", false))))),
                UnknownPolicy.FIRE, offer, List.of(new ConditionalOutcome(new Condition.FactIs("violenceOrForce", true),
                        UnknownPolicy.FIRE, offer, "also violent")), List.of(citation),
                "Template: {because}; again {because}", null);
        Rule blank = new Rule("R04", "blank template", new Condition.FactNotFalse("oneOff"), UnknownPolicy.ASK, offer,
                List.of(), List.of(), "   ", "MISSING_FLAG");
        Rule nullTemplate = new Rule("R05", "null template", new Condition.FactUnknown("oneOff"), UnknownPolicy.ASK,
                offer, List.of(), List.of(), null, null);
        ConflictRule conflict = new ConflictRule("X01", "conflict", List.of(Route.MANAGE_INTERNALLY_ELIGIBLE),
                List.of(), new Condition.FactIs("oneOff", true), UnknownPolicy.FIRE,
                List.of(ForbiddenAction.MEDIATE_WITH_FAMILY), List.of(), List.of(), List.of(Route.EARLY_HELP),
                List.of(citation), "conflict {because}");
        return new RuleSet("test", "0.1", "t", "g", LocalDate.of(2025, 1, 1), "abc",
                Map.of("MISSING_FLAG", true), List.of(offers, broken, deep, blank, nullTemplate), List.of(conflict),
                new byte[0]);
    }

    // ---- seeded random inputs, four profiles

    private static final String[] REFS = {"P1", "P2", "P3", "V", "S", "Jane Smith", "", "x".repeat(40), "A-b_9"};
    private static final Integer[] ODD_AGES = {-1, Integer.MIN_VALUE, Integer.MAX_VALUE, 12, 13, 17, 18, 10, 9};
    private static final Integer[] ODD_DAYS = {Integer.MIN_VALUE, Integer.MAX_VALUE, 10, 9};

    static TriageInput randomInput(SplittableRandom rnd, int i) {
        return switch (i % 4) {
            case 0 -> uniform(rnd);
            case 1 -> examplesLike(rnd);
            case 2 -> sparse(rnd);
            default -> dense(rnd);
        };
    }

    /** Like EnginePropertiesTest's generator: everything tri-state, nulls anywhere. */
    private static TriageInput uniform(SplittableRandom rnd) {
        List<IncidentType> types = rnd.nextDouble() < 0.05 ? null : types(rnd, rnd.nextInt(5), 0.05);
        List<Participant> people = null;
        if (rnd.nextDouble() >= 0.05) {
            people = new ArrayList<>();
            int n = rnd.nextInt(7);
            for (int k = 0; k < n; k++) {
                people.add(rnd.nextDouble() < 0.05 ? null : participant(rnd, 0.34, 0.5));
            }
        }
        Map<String, Boolean> facts = null;
        if (rnd.nextDouble() >= 0.03) {
            facts = new HashMap<>();
            List<String> names = allFactNames();
            int n = rnd.nextInt(names.size() + 1);
            for (int k = 0; k < n; k++) {
                facts.put(names.get(rnd.nextInt(names.size())), tri(rnd, 0.34));
            }
        }
        return new TriageInput(Instant.EPOCH, types, nullable(rnd, 0.3, SexualViolenceType.values()),
                nullable(rnd, 0.3, VictimWishes.values()), people, facts, days(rnd, 0.3),
                rnd.nextDouble() < 0.1 ? null : new Reporter(tri(rnd, 0.34), tri(rnd, 0.34)),
                rnd.nextDouble() < 0.3 ? null : new DslAttestation(tri(rnd, 0.34), tri(rnd, 0.34), tri(rnd, 0.34)));
    }

    /** Like examples.md: every fact false, a few true, a few unknown; realistic participants. */
    private static TriageInput examplesLike(SplittableRandom rnd) {
        Map<String, Boolean> facts = new HashMap<>();
        FACTS_2025_1.forEach(f -> facts.put(f, false));
        int trues = rnd.nextInt(5);
        for (int k = 0; k < trues; k++) {
            facts.put(pick(rnd, FACTS_2025_1), true);
        }
        if (rnd.nextDouble() < 0.3) {
            int unknowns = 1 + rnd.nextInt(3);
            for (int k = 0; k < unknowns; k++) {
                facts.remove(pick(rnd, FACTS_2025_1));
            }
        }
        if (rnd.nextDouble() < 0.5) {
            facts.put("imagesInvolved", true);
            facts.put("childDepictedUnder18", rnd.nextDouble() < 0.85);
        }
        List<Participant> people = new ArrayList<>();
        int n = 1 + rnd.nextInt(4);
        for (int k = 0; k < n; k++) {
            people.add(participant(rnd, 0.05, 0.8));
        }
        return new TriageInput(Instant.parse("2025-11-20T10:15:00Z"), types(rnd, 1 + rnd.nextInt(2), 0),
                rnd.nextDouble() < 0.8 ? SexualViolenceType.NONE : pick(rnd, SexualViolenceType.values()),
                pick(rnd, VictimWishes.values()), people, facts, rnd.nextDouble() < 0.8 ? 0 : rnd.nextInt(20),
                new Reporter(rnd.nextBoolean(), rnd.nextBoolean()),
                rnd.nextBoolean() ? new DslAttestation(true, true, true) : null);
    }

    /** Little known: most facts absent, participants mostly unknown. */
    private static TriageInput sparse(SplittableRandom rnd) {
        Map<String, Boolean> facts = new HashMap<>();
        int n = rnd.nextInt(8);
        for (int k = 0; k < n; k++) {
            facts.put(pick(rnd, FACTS_2025_1), rnd.nextBoolean());
        }
        List<Participant> people = new ArrayList<>();
        int p = rnd.nextInt(4);
        for (int k = 0; k < p; k++) {
            people.add(participant(rnd, 0.7, 0.3));
        }
        return new TriageInput(null, types(rnd, rnd.nextInt(3), 0), nullable(rnd, 0.7, SexualViolenceType.values()),
                nullable(rnd, 0.7, VictimWishes.values()), people, facts, days(rnd, 0.7),
                rnd.nextDouble() < 0.5 ? null : new Reporter(tri(rnd, 0.5), tri(rnd, 0.5)), null);
    }

    /** Many facts true, many incident types, larger groups (explanations naming "more participant(s)"). */
    private static TriageInput dense(SplittableRandom rnd) {
        Map<String, Boolean> facts = new HashMap<>();
        for (String f : FACTS_2025_1) {
            double x = rnd.nextDouble();
            if (x < 0.5) {
                facts.put(f, true);
            } else if (x < 0.85) {
                facts.put(f, false);
            } else if (x < 0.9) {
                facts.put(f, null);
            }
        }
        List<Participant> people = new ArrayList<>();
        int p = rnd.nextInt(12);
        for (int k = 0; k < p; k++) {
            people.add(participant(rnd, 0.15, 0.6));
        }
        return new TriageInput(Instant.EPOCH, types(rnd, rnd.nextInt(8), 0.02),
                nullable(rnd, 0.2, SexualViolenceType.values()), nullable(rnd, 0.2, VictimWishes.values()), people,
                facts, days(rnd, 0.2), new Reporter(tri(rnd, 0.2), tri(rnd, 0.2)),
                new DslAttestation(tri(rnd, 0.2), tri(rnd, 0.2), tri(rnd, 0.2)));
    }

    private static Participant participant(SplittableRandom rnd, double pNull, double realistic) {
        Integer age;
        double x = rnd.nextDouble();
        if (x < pNull * 0.6) {
            age = null;
        } else if (x < 0.1 + pNull * 0.6) {
            age = pick(rnd, ODD_AGES);
        } else {
            age = rnd.nextDouble() < realistic ? 4 + rnd.nextInt(16) : rnd.nextInt(91);
        }
        ParticipantRole role = rnd.nextDouble() < 0.1 ? null : pick(rnd, ParticipantRole.values());
        Boolean staff = tri(rnd, pNull);
        StaffRole staffRole = rnd.nextDouble() < 0.5 ? null : pick(rnd, StaffRole.values());
        return new Participant(rnd.nextDouble() < 0.1 ? null : pick(rnd, REFS), role, age, tri(rnd, pNull), staff,
                staffRole, tri(rnd, pNull), tri(rnd, pNull), tri(rnd, pNull), tri(rnd, pNull), tri(rnd, pNull),
                tri(rnd, pNull), tri(rnd, pNull));
    }

    private static List<IncidentType> types(SplittableRandom rnd, int n, double pNull) {
        List<IncidentType> types = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            types.add(rnd.nextDouble() < pNull ? null : pick(rnd, INCIDENT_TYPES_2025_1));
        }
        return types;
    }

    private static Integer days(SplittableRandom rnd, double pNull) {
        double x = rnd.nextDouble();
        if (x < pNull) {
            return null;
        }
        return rnd.nextDouble() < 0.1 ? pick(rnd, ODD_DAYS) : rnd.nextInt(66) - 5;
    }

    private static Boolean tri(SplittableRandom rnd, double pNull) {
        return rnd.nextDouble() < pNull ? null : rnd.nextBoolean();
    }

    private static <T> T nullable(SplittableRandom rnd, double pNull, T[] values) {
        return rnd.nextDouble() < pNull ? null : pick(rnd, values);
    }

    private static <T> T pick(SplittableRandom rnd, T[] values) {
        return values[rnd.nextInt(values.length)];
    }

    private static <T> T pick(SplittableRandom rnd, List<T> values) {
        return values.get(rnd.nextInt(values.size()));
    }

    private static List<String> allFactNames() {
        List<String> names = new ArrayList<>(FACTS_2025_1);
        names.addAll(KnownFacts.DERIVED_FACTS);
        names.add("notAVocabularyFact");
        return names;
    }
}
