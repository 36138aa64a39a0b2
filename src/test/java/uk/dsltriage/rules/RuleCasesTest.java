package uk.dsltriage.rules;

import uk.dsltriage.vocabulary.IncidentType;
import uk.dsltriage.vocabulary.RequiredAction;
import uk.dsltriage.vocabulary.Route;
import uk.dsltriage.vocabulary.SexualViolenceType;
import uk.dsltriage.vocabulary.StaffRole;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.dsltriage.vocabulary.ForbiddenAction.*;
import static uk.dsltriage.rules.Incident.P.child;
import static uk.dsltriage.rules.Incident.P.staff;
import static uk.dsltriage.vocabulary.IncidentType.*;
import static uk.dsltriage.vocabulary.ParticipantRole.*;
import static uk.dsltriage.vocabulary.RequiredAction.*;
import static uk.dsltriage.vocabulary.Route.*;
import static uk.dsltriage.vocabulary.Urgency.*;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import uk.dsltriage.rules.codec.RuleSetLoader;

/**
 * For every rule and conflict in the production rule set: one incident that makes it fire (asserting
 * its key outcome) and one near miss that does not. A meta-test fails if any id lacks either case.
 */
class RuleCasesTest {

    /** R01 fires for every concern by design, so it has no near miss. */
    private static final Set<String> NO_NEAR_MISS_BY_DESIGN = Set.of("R01");

    static final RuleSet FLAG_ON = withMandatoryReportingDuty();

    record RuleCase(String id, Supplier<Incident> fire, Supplier<Incident> nearMiss, Consumer<Expect> key,
            RuleSet fireRuleSet) {
        @Override
        public String toString() {
            return id;
        }
    }

    // ---- base incidents (all facts false unless set, as in examples.md)

    static Incident image() {
        return Incident.of(NUDE_IMAGE_SHARING).is("imagesInvolved", "childDepictedUnder18")
                .with(child("A", SENDER, 15).depicted(), child("B", RECIPIENT, 15));
    }

    static Incident hsb() {
        return Incident.of(SEXUAL_HARASSMENT_OFFLINE).with(child("V", VICTIM, 14), child("S", SUBJECT, 14));
    }

    static Incident sexualViolence(SexualViolenceType type, int subjectAge) {
        return Incident.of(SEXUAL_VIOLENCE).sexualViolence(type)
                .with(child("V", VICTIM, 14), child("S", SUBJECT, subjectAge));
    }

    static Incident staffCase(StaffRole role) {
        return Incident.of(STAFF_CONDUCT).with(child("V", VICTIM, 14), staff("S1", SUBJECT, role, 40));
    }

    static Incident plain(IncidentType type) {
        return Incident.of(type).with(child("C", VICTIM, 13));
    }

    static List<RuleCase> cases() {
        List<RuleCase> c = new ArrayList<>();
        add(c, "R00", RuleCasesTest::image, () -> plain(NEGLECT), e -> e.forbidden(VIEW_IMAGE, UPLOAD_IMAGE_TO_SYSTEM));
        add(c, "R01", () -> plain(OTHER), null, e -> e.routes(DSL_REVIEW).urgencyAtLeast(SAME_DAY));
        add(c, "R02", () -> plain(OTHER).is("immediateDangerToLife"), () -> plain(OTHER),
                e -> e.routes(POLICE_999, CSC_REFERRAL_S47).urgency(EMERGENCY_NOW));
        add(c, "R03", () -> plain(OTHER).reporter(true, false), () -> plain(OTHER),
                e -> e.required(INFORM_DSL).urgencyAtLeast(IMMEDIATE));
        add(c, "R04", () -> plain(OTHER).is("accidentallyViewedImage"), () -> plain(OTHER), e -> e.forbidden(VIEW_IMAGE));
        add(c, "R05", () -> plain(OTHER).is("cscReferralUnacknowledgedAfterOneWorkingDay"), () -> plain(OTHER),
                e -> e.required(FOLLOW_UP_CSC_REFERRAL_ESCALATE));
        add(c, "R10", RuleCasesTest::image, () -> image().with(child("X", RECIPIENT, 19)),
                e -> e.forbidden(DELETE_IMAGE_BEFORE_DSL_DECISION));
        add(c, "R11", () -> image().with(child("X", RECIPIENT, 19)),
                () -> image().with(child("Mum", REPORTER, 45)),
                e -> e.routes(POLICE_REFERRAL, CSC_REFERRAL_S47).noRoutes(MANAGE_INTERNALLY_ELIGIBLE)
                        .explanationOf("R11", "participant X (RECIPIENT, aged 19) is 18 or over"));
        add(c, "R12", () -> image().is("coercionOrBlackmail"), RuleCasesTest::image,
                e -> e.routes(POLICE_REFERRAL).urgencyAtLeast(IMMEDIATE).explanationOf("R12", "coercionOrBlackmail is true"));
        add(c, "R13", () -> image().with(child("C", SENDER, 15).capacityConcern(true)),
                () -> image().with(child("W", WITNESS, 15).capacityConcern(true)),
                e -> e.routes(POLICE_REFERRAL, CSC_REFERRAL_S47).noRoutes(MANAGE_INTERNALLY_ELIGIBLE));
        add(c, "R14", () -> image().is("imageViolent"), RuleCasesTest::image, e -> e.routes(POLICE_REFERRAL));
        add(c, "R15", () -> tc04().is("imageDepictsSexualActs"), RuleCasesTest::tc04,
                e -> e.routes(POLICE_REFERRAL).explanationOf("R15", "is depicted and under 13"));
        add(c, "R16", () -> image().is("selfHarmOrSuicidalRisk"), RuleCasesTest::image,
                e -> e.routes(CSC_REFERRAL_S47).required(URGENT_WELFARE_PLAN));
        add(c, "R17", RuleCasesTest::image, () -> image().unknown("coercionOrBlackmail"),
                e -> e.routes(MANAGE_INTERNALLY_ELIGIBLE).dslDecisionRequired(true));
        add(c, "R18", () -> image().attested(), RuleCasesTest::image, e -> e.required(REQUEST_DELETION_WITH_DEADLINE));
        add(c, "R19", RuleCasesTest::image, () -> Incident.of(ADULT_PORN_SHARED).is("imagesInvolved"),
                e -> e.routes(PARENTS_INFORM));
        add(c, "R20", () -> image().is("imageOnlineOrPlatform"), RuleCasesTest::image,
                e -> e.routes(REPORT_REMOVE_SUPPORT, IWF_URL_REPORT));
        add(c, "R21", () -> plain(OTHER).with(child("L", VICTIM, 12).lookedAfter(true)), () -> plain(OTHER),
                e -> e.routes(NOTIFY_ALLOCATED_SOCIAL_WORKER));
        add(c, "R22", () -> image().is("threatToShareImages", "financialDemand"), () -> image().is("threatToShareImages"),
                e -> e.routes(POLICE_REFERRAL, CEOP_REPORT_OPTION).required(ADVISE_DO_NOT_PAY, DO_NOT_BLAME_OR_SHAME));
        add(c, "R23", () -> aiImage().is("identifiableChild"), RuleCasesTest::aiImage, e -> e.routes(REPORT_REMOVE_SUPPORT));
        add(c, "R24", () -> image().is("sharedWithoutConsent", "distributedBeyondRecipient"),
                () -> image().is("sharedWithoutConsent"), e -> e.routes(RISK_AND_NEEDS_ASSESSMENT, POLICE_CONSULTATION));
        add(c, "R25", () -> Incident.of(ADULT_PORN_SHARED).is("imagesInvolved")
                        .with(child("S", SENDER, 15), child("R", RECIPIENT, 15)),
                RuleCasesTest::image, e -> e.routes(MANAGE_INTERNALLY_ELIGIBLE).noRoutes(POLICE_REFERRAL));
        add(c, "R26", () -> image().is("imageOnSchoolDeviceOrNetwork"), RuleCasesTest::image,
                e -> e.required(ISOLATE_SCHOOL_ACCOUNT_OR_DEVICE).urgencyAtLeast(IMMEDIATE));
        add(c, "R27", () -> image().is("imageCategoryAssessedBySchool"), RuleCasesTest::image, e -> e.forbidden(VIEW_IMAGE));
        add(c, "R30", () -> sexualViolence(SexualViolenceType.SEXUAL_ASSAULT, 15),
                () -> sexualViolence(SexualViolenceType.NONE, 15),
                e -> e.routes(POLICE_REFERRAL, CSC_REFERRAL_S47).required(SEPARATE_CHILDREN_INTERIM, RECORD_VICTIM_WISHES));
        add(c, "R31", () -> sexualViolence(SexualViolenceType.RAPE, 9), () -> sexualViolence(SexualViolenceType.RAPE, 11),
                e -> e.routes(POLICE_REFERRAL).explanationOf("R31", "ageYears is 9 (< 10)"));
        add(c, "R32", () -> Incident.of(UPSKIRTING).with(child("V", VICTIM, 14), child("S", SUBJECT, 14)),
                RuleCasesTest::hsb, e -> e.routes(CSC_REFERRAL_S47, POLICE_CONSULTATION).noRoutes(MANAGE_INTERNALLY_ELIGIBLE));
        add(c, "R33", () -> hsb().is("oneOff"), () -> hsb().is("oneOff", "priorConcerns"),
                e -> e.routes(MANAGE_INTERNALLY_ELIGIBLE));
        add(c, "R34", () -> hsb().is("patternOrRepeat"), () -> hsb().is("patternOrRepeat", "violenceOrForce"),
                e -> e.routes(EARLY_HELP));
        add(c, "R35", () -> hsb().is("harmedOrMayHaveHarmedChild"), RuleCasesTest::hsb,
                e -> e.routes(CSC_REFERRAL_S47).noRoutes(MANAGE_INTERNALLY_ELIGIBLE));
        add(c, "R36", () -> Incident.of(SEXUAL_HARASSMENT_OFFLINE).with(child("V", VICTIM, 11), child("S", SUBJECT, 15)),
                RuleCasesTest::hsb, e -> e.routes(CSC_REFERRAL_S47, RISK_AND_NEEDS_ASSESSMENT)
                        .explanationOf("R36", "age gap between the children is more than 2 years (4)"));
        add(c, "R37", () -> Incident.of(SEXUAL_HARASSMENT_OFFLINE).with(child("V", VICTIM, 14).send(true), child("S", SUBJECT, 14)),
                () -> Incident.of(SEXUAL_HARASSMENT_OFFLINE).with(child("V", VICTIM, 14), child("S", SUBJECT, 14),
                        child("W", WITNESS, 14).send(true)),
                e -> e.routes(RISK_AND_NEEDS_ASSESSMENT).fired("R36"));
        add(c, "R38", () -> hsb().is("patternOrRepeat", "recurredAfterIntervention"), () -> hsb().is("patternOrRepeat"),
                e -> e.routes(EARLY_HELP).noRoutes(MANAGE_INTERNALLY_ELIGIBLE));
        add(c, "R40", () -> staffCase(StaffRole.TEACHER).is("behaviourIndicatesRiskOfHarm"),
                () -> staffCase(StaffRole.TEACHER).is("codeOfConductBreachOnly"),
                e -> e.routes(LADO_REFERRAL).forbidden(INVESTIGATE_STAFF_BEFORE_LADO).required(DO_NOT_INFORM_SUBJECT_UNTIL_AGREED));
        add(c, "R41", () -> staffCase(StaffRole.VOLUNTEER).is("sexualCommunicationWithChild"),
                () -> staffCase(StaffRole.VOLUNTEER).is("behaviourIndicatesRiskOfHarm"),
                e -> e.routes(POLICE_REFERRAL, LADO_REFERRAL, CSC_REFERRAL_S47).required(ISOLATE_SCHOOL_ACCOUNT_OR_DEVICE));
        add(c, "R42", () -> staffCase(StaffRole.HEADTEACHER).is("harmedOrMayHaveHarmedChild"),
                () -> staffCase(StaffRole.TEACHER).is("harmedOrMayHaveHarmedChild"),
                e -> e.routes(CASE_MANAGER_CHAIR_OF_GOVERNORS, LADO_REFERRAL, CSC_REFERRAL_S47));
        add(c, "R43", () -> staffCase(StaffRole.SUPPLY).is("behaviourIndicatesUnsuitableTransferableRisk"),
                () -> staffCase(StaffRole.TEACHER).is("behaviourIndicatesUnsuitableTransferableRisk"),
                e -> e.routes(LADO_REFERRAL).required(INFORM_SUPPLY_AGENCY));
        add(c, "R44", () -> staffCase(StaffRole.TEACHER).is("codeOfConductBreachOnly"), () -> staffCase(StaffRole.TEACHER),
                e -> e.routes(LOW_LEVEL_CONCERN_RECORD).noRoutes(LADO_REFERRAL));
        add(c, "R45", () -> staffCase(StaffRole.TEACHER).is("codeOfConductBreachOnly", "patternOrRepeat"),
                () -> staffCase(StaffRole.TEACHER).is("codeOfConductBreachOnly"),
                e -> e.routes(LADO_REFERRAL).urgencyAtLeast(WITHIN_1_WORKING_DAY));
        add(c, "R46", () -> staffCase(StaffRole.TEACHER).is("allegationSubstantiated", "staffDismissedOrLeft"),
                () -> staffCase(StaffRole.TEACHER).is("allegationSubstantiated"), e -> e.routes(DBS_REFERRAL, TRA_REFERRAL_CONSIDER));
        add(c, "R47", () -> staffCase(StaffRole.TEACHER).is("staffAllegationClosed"), () -> staffCase(StaffRole.TEACHER),
                e -> e.required(RETAIN_PER_SCHEDULE));
        add(c, "R50", () -> plain(PHYSICAL_ABUSE).is("parentIsSourceOfRisk"), () -> plain(EMOTIONAL_ABUSE),
                e -> e.routes(CSC_REFERRAL_S47, PARENTS_DEFER_TO_CSC_POLICE).required(BODY_MAP_NO_PHOTOS)
                        .forbidden(INFORM_PARENTS_BEFORE_CSC_ADVICE).urgencyAtLeast(IMMEDIATE));
        add(c, "R51", () -> plain(SEXUAL_ABUSE_INTRAFAMILIAL), () -> plain(PHYSICAL_ABUSE),
                e -> e.routes(CSC_REFERRAL_S47, POLICE_REFERRAL).noRoutes(PARENTS_INFORM));
        add(c, "R52", () -> plain(NEGLECT), () -> plain(EMOTIONAL_ABUSE), e -> e.routes(EARLY_HELP).noRoutes(CSC_REFERRAL_S47));
        add(c, "R53", () -> plain(FGM).is("fgmKnownCase").reporter(true, false), () -> plain(FGM).is("fgmRisk"),
                e -> e.routes(FGM_TEACHER_PERSONAL_POLICE_REPORT, CSC_REFERRAL_S47).required(DO_NOT_EXAMINE));
        add(c, "R54", () -> plain(FGM).is("fgmRisk"), () -> plain(FGM).is("fgmKnownCase"),
                e -> e.routes(CSC_REFERRAL_S47, PARENTS_DEFER_TO_CSC_POLICE).noRoutes(FGM_TEACHER_PERSONAL_POLICE_REPORT));
        add(c, "R55", () -> plain(FORCED_MARRIAGE), () -> plain(OTHER),
                e -> e.routes(FORCED_MARRIAGE_UNIT, POLICE_REFERRAL).forbidden(MEDIATE_WITH_FAMILY)
                        .required(ONE_CHANCE_RULE_NO_FAMILY_CONTACT));
        add(c, "R56", () -> plain(OTHER).is("radicalisationConcern"), () -> plain(OTHER), e -> e.routes(PREVENT_REFERRAL));
        add(c, "R57", () -> plain(RADICALISATION).is("radicalisationConcern", "terrorismImminent"),
                () -> plain(RADICALISATION).is("radicalisationConcern"),
                e -> e.routes(POLICE_999, ANTI_TERROR_HOTLINE).urgency(EMERGENCY_NOW));
        add(c, "R58", () -> plain(OTHER).is("cseIndicators"), () -> plain(OTHER),
                e -> e.routes(CSC_REFERRAL_S47, POLICE_REFERRAL).required(DO_NOT_BLAME_OR_SHAME));
        add(c, "R59", () -> plain(CCE), () -> plain(CSE), e -> e.routes(NRM_REFERRAL_VIA_FIRST_RESPONDER, POLICE_REFERRAL));
        add(c, "R60", () -> plain(OTHER).is("operationEncompassNotice"), () -> plain(OTHER), e -> e.routes(EARLY_HELP));
        add(c, "R61", () -> plain(MISSING_EDUCATION).absenceDays(12), () -> plain(MISSING_EDUCATION).absenceDays(3),
                e -> e.routes(LA_CME_NOTIFICATION).explanationOf("R61", "unexplainedAbsenceDays is 12 (>= 10)"));
        add(c, "R62", () -> plain(SELF_HARM), () -> plain(OTHER), e -> e.routes(PARENTS_INFORM).required(URGENT_WELFARE_PLAN));
        add(c, "R63", () -> plain(PRIVATE_FOSTERING), () -> plain(OTHER), e -> e.routes(LA_PRIVATE_FOSTERING_NOTIFICATION));
        add(c, "R64", () -> plain(OTHER).is("leavingSetting", "childProtectionFileExists", "newSettingConfirmed"),
                () -> plain(OTHER).is("childProtectionFileExists", "newSettingConfirmed"), e -> e.routes(CP_FILE_TRANSFER));
        add(c, "R65", () -> plain(OTHER).is("childProtectionFileExists"), () -> plain(OTHER), e -> e.required(RETAIN_PER_SCHEDULE));
        add(c, "R66", () -> plain(ONLINE_GROOMING).is("unknownOnlineContact"), () -> plain(ONLINE_GROOMING),
                e -> e.routes(POLICE_REFERRAL, CSC_REFERRAL_S47, CEOP_REPORT_OPTION).required(ADVISE_STOP_CONTACT_PRESERVE_DETAILS));
        c.add(new RuleCase("R67", RuleCasesTest::mandatoryReportingCase, RuleCasesTest::mandatoryReportingCase,
                e -> e.routes(POLICE_REFERRAL).required(RECORD_STATUTORY_NOTIFICATION), FLAG_ON));
        add(c, "X01", () -> plain(CSE).is("imagesInvolved"), () -> plain(CSE), e -> e.forbidden(DELETE_IMAGE_WHEN_POLICE_INVOLVED));
        add(c, "X02", () -> image().is("cseIndicators").attested(), () -> image().attested(),
                e -> e.forbidden(DELETE_IMAGE_WHEN_POLICE_INVOLVED).notRequired(REQUEST_DELETION_WITH_DEADLINE).fired("R18"));
        add(c, "X03", () -> image().is("informingParentsMayIncreaseRisk"), RuleCasesTest::image,
                e -> e.forbidden(INFORM_PARENTS_BEFORE_CSC_ADVICE));
        add(c, "X04", () -> image().is("parentIsSourceOfRisk"), RuleCasesTest::image,
                e -> e.routes(PARENTS_DEFER_TO_CSC_POLICE).noRoutes(PARENTS_INFORM));
        return c;
    }

    static Incident tc04() {
        return Incident.of(NUDE_IMAGE_SHARING).is("imagesInvolved", "childDepictedUnder18")
                .with(child("G", SENDER, 12).depicted(), child("B", REQUESTER, 12));
    }

    static Incident aiImage() {
        return Incident.of(AI_SEXUAL_IMAGE).is("imagesInvolved", "childDepictedUnder18", "aiGeneratedOrManipulated")
                .with(child("V", VICTIM, 14).depicted(), child("S", IMAGE_CREATOR, 14));
    }

    static Incident mandatoryReportingCase() {
        return plain(OTHER).is("reporterInRegulatedActivity", "childSexualAbuseKnownToReporter");
    }

    private static void add(List<RuleCase> list, String id, Supplier<Incident> fire, Supplier<Incident> nearMiss,
            Consumer<Expect> key) {
        list.add(new RuleCase(id, fire, nearMiss, key, Fixtures.RULES));
    }

    static RuleSet withMandatoryReportingDuty() {
        String json = new String(Fixtures.RULES.content(), StandardCharsets.UTF_8)
                .replace("\"MANDATORY_REPORTING_DUTY_IN_FORCE\": false", "\"MANDATORY_REPORTING_DUTY_IN_FORCE\": true");
        return RuleSetLoader.parse("flag-on copy", json.getBytes(StandardCharsets.UTF_8));
    }

    static Stream<RuleCase> allCases() {
        return cases().stream();
    }

    static Stream<RuleCase> nearMissCases() {
        return cases().stream().filter(c -> c.nearMiss() != null);
    }

    @ParameterizedTest(name = "{0} fires")
    @MethodSource("allCases")
    void fires(RuleCase c) {
        Recommendation r = Fixtures.ENGINE.evaluate(c.fireRuleSet(), c.fire().get().build());
        Expect e = Expect.that(r).noErrors().fired(c.id());
        c.key().accept(e);
        if (c.id().startsWith("R")) {
            assertOutcomeApplied(c.fireRuleSet().rule(c.id()).orElseThrow(), r);
        }
        FiredRule fired = r.firedRules().stream().filter(f -> f.id().equals(c.id())).findFirst().orElseThrow();
        assertTrue(!fired.citations().isEmpty() && !fired.explanation().isBlank(), c.id());
    }

    @ParameterizedTest(name = "{0} near miss does not fire")
    @MethodSource("nearMissCases")
    void nearMissDoesNotFire(RuleCase c) {
        Expect.that(Fixtures.evaluate(c.nearMiss().get())).noErrors().notFired(c.id());
    }

    @Test
    void everyRuleAndConflictHasAFireCaseAndANearMiss() {
        Set<String> ids = new TreeSet<>();
        Fixtures.RULES.rules().forEach(r -> ids.add(r.id()));
        Fixtures.RULES.conflicts().forEach(x -> ids.add(x.id()));
        Set<String> fire = new TreeSet<>();
        Set<String> near = new TreeSet<>();
        for (RuleCase c : cases()) {
            assertNotNull(c.fire(), c.id());
            assertTrue(fire.add(c.id()), "duplicate case for " + c.id());
            if (c.nearMiss() != null) {
                near.add(c.id());
            }
        }
        assertEquals(ids, fire, "rules without a fire case");
        Set<String> expectedNear = new TreeSet<>(ids);
        expectedNear.removeAll(NO_NEAR_MISS_BY_DESIGN);
        assertEquals(expectedNear, near, "rules without a near-miss case");
    }

    @Test
    void r67FiresOnlyWhenTheFlagIsEnabled() {
        TriageInput input = mandatoryReportingCase().build();
        Expect.that(Fixtures.evaluate(input)).notFired("R67").notRequired(RECORD_STATUTORY_NOTIFICATION);
        Expect.that(Fixtures.ENGINE.evaluate(FLAG_ON, input)).fired("R67");
        Expect.that(Fixtures.ENGINE.evaluate(FLAG_ON, mandatoryReportingCase().is("statutoryReportingExemptionApplies")
                .build())).notFired("R67");
        assertTrue(!FLAG_ON.sha256().equals(Fixtures.RULES.sha256()));
    }

    /** The fired rule's own routes and actions are in the result (bar what a conflict legitimately removes). */
    private static void assertOutcomeApplied(Rule rule, Recommendation r) {
        Outcome o = rule.outcome();
        for (Route route : o.routes()) {
            if (route != MANAGE_INTERNALLY_ELIGIBLE && route != PARENTS_INFORM) {
                assertTrue(r.routes().contains(route), rule.id() + " route " + route + " missing: " + r);
            }
        }
        for (RequiredAction a : o.requiredActions()) {
            if (a != REQUEST_DELETION_WITH_DEADLINE) {
                assertTrue(r.requiredActions().contains(a), rule.id() + " action " + a + " missing: " + r);
            }
        }
        assertTrue(r.forbiddenActions().containsAll(o.forbiddenActions()), rule.id() + " forbidden missing: " + r);
        assertTrue(r.urgency().isAtLeast(o.urgency()), rule.id() + " urgency: " + r);
    }
}
