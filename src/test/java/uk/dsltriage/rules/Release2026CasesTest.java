package uk.dsltriage.rules;

import static uk.dsltriage.rules.Incident.P.child;
import static uk.dsltriage.rules.Incident.P.staff;
import static uk.dsltriage.vocabulary.IncidentType.*;
import static uk.dsltriage.vocabulary.ParticipantRole.*;
import static uk.dsltriage.vocabulary.RequiredAction.*;
import static uk.dsltriage.vocabulary.Route.*;
import static uk.dsltriage.vocabulary.Urgency.*;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import uk.dsltriage.rules.codec.RuleSetLoader;
import uk.dsltriage.vocabulary.Route;
import uk.dsltriage.vocabulary.StaffRole;

/**
 * Every row of kcsie-2026.md section 4 that the 2026.1 release implements: an incident that makes it take effect
 * under 2026.1 and a near miss that does not; where the row is new in 2026, the firing incident also shows that
 * 2025.2 does not have it.
 */
class Release2026CasesTest {

    static final RuleSet R2026 = Fixtures.version("2026.1");
    static final RuleSet R2025 = Fixtures.version("2025.2");

    record Row(String name, Supplier<Incident> fire, Consumer<Expect> fired, Supplier<Incident> nearMiss,
            Consumer<Expect> missed, Consumer<Expect> under2025_2) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Incident pair() {
        return Incident.of(NUDE_IMAGE_SHARING).is("imagesInvolved", "childDepictedUnder18", "oneOff")
                .with(child("A", SENDER, 15).depicted(), child("B", RECIPIENT, 15));
    }

    static Incident aiImageOfUnidentifiableChild() {
        return Incident.of(AI_SEXUAL_IMAGE).is("imagesInvolved", "childDepictedUnder18", "aiGeneratedOrManipulated")
                .with(child("V", VICTIM, 14).depicted(), child("S", IMAGE_CREATOR, 14));
    }

    static Incident hsb() {
        return Incident.of(SEXUAL_HARASSMENT_OFFLINE).with(child("V", VICTIM, 14), child("S", SUBJECT, 14));
    }

    static List<Row> rows() {
        List<Row> r = new ArrayList<>();
        r.add(new Row("row 1 early help split: neglect goes to Family Help with the choice recorded",
                () -> Incident.of(NEGLECT).with(child("C", VICTIM, 7)),
                e -> e.routes(LA_FAMILY_HELP).noRoutes(EARLY_HELP).required(RECORD_THRESHOLD_CHOICE_AND_REASONS),
                () -> Incident.of(OTHER).with(child("C", VICTIM, 7)), e -> e.noRoutes(LA_FAMILY_HELP),
                e -> e.routes(EARLY_HELP).noRoutes(LA_FAMILY_HELP)));
        r.add(new Row("row 1 early support indicators: a child who is a parent",
                () -> Incident.of(OTHER).is("childPregnantOrParent").with(child("C", VICTIM, 16)),
                e -> e.fired("R70").routes(COMMUNITY_EARLY_HELP).required(RECORD_THRESHOLD_CHOICE_AND_REASONS),
                () -> Incident.of(OTHER).with(child("C", VICTIM, 16)), e -> e.notFired("R70"),
                e -> e.notFired("R70").noRoutes(COMMUNITY_EARLY_HELP)));
        r.add(new Row("row 2 an image made and not shared still gets the DSL's initial review",
                () -> Incident.of(OTHER).is("madeNotShared").unknown("imagesInvolved", "childDepictedUnder18")
                        .with(child("A", IMAGE_CREATOR, 15).depicted()),
                e -> e.fired("R10").routes(DSL_REVIEW),
                () -> Incident.of(OTHER).with(child("A", VICTIM, 15)), e -> e.notFired("R10"),
                e -> e.notFired("R10")));
        r.add(new Row("row 3 an AI image needs no identifiable child",
                Release2026CasesTest::aiImageOfUnidentifiableChild,
                e -> e.fired("R23").routes(REPORT_REMOVE_SUPPORT).explanationOf("R23", "counts as a photograph"),
                () -> pair(), e -> e.notFired("R23"), e -> e.notFired("R23")));
        r.add(new Row("row 3 a nudification tool: police consultation, no internal handling",
                () -> aiImageOfUnidentifiableChild().is("nudificationToolUsed"),
                e -> e.fired("R76").routes(POLICE_CONSULTATION).noRoutes(MANAGE_INTERNALLY_ELIGIBLE),
                Release2026CasesTest::aiImageOfUnidentifiableChild, e -> e.notFired("R76"), e -> e.notFired("R76")));
        r.add(new Row("row 3 harmful interaction with a generative-AI application",
                () -> Incident.of(OTHER).is("generativeAiContactRisk").with(child("C", VICTIM, 13)),
                e -> e.fired("R77").routes(RISK_AND_NEEDS_ASSESSMENT),
                () -> Incident.of(OTHER).with(child("C", VICTIM, 13)), e -> e.notFired("R77"), e -> e.notFired("R77")));
        r.add(new Row("row 4 abusive HSB: specialist assessment and both children supported",
                () -> Incident.of(SEXUAL_HARASSMENT_OFFLINE).with(child("V", VICTIM, 11), child("S", SUBJECT, 15)),
                e -> e.fired("R36").routes(SPECIALIST_HSB_ASSESSMENT).required(SUPPORT_VICTIM, SUPPORT_ALLEGED_PERPETRATOR),
                Release2026CasesTest::hsb, e -> e.noRoutes(SPECIALIST_HSB_ASSESSMENT),
                e -> e.noRoutes(SPECIALIST_HSB_ASSESSMENT)));
        r.add(new Row("row 4 misogyny as an aggravating context",
                () -> hsb().is("misogynyContext"), e -> e.fired("R75").routes(RISK_AND_NEEDS_ASSESSMENT),
                Release2026CasesTest::hsb, e -> e.notFired("R75"), e -> e.notFired("R75")));
        r.add(new Row("row 5 an allegation about contractor staff: the school leads, the agency is involved",
                () -> Incident.of(STAFF_CONDUCT).is("behaviourIndicatesRiskOfHarm")
                        .with(child("V", VICTIM, 14), staff("C1", SUBJECT, StaffRole.CONTRACTOR, 40)),
                e -> e.fired("R43").routes(LADO_REFERRAL).required(INFORM_SUPPLY_AGENCY),
                () -> Incident.of(STAFF_CONDUCT).is("behaviourIndicatesRiskOfHarm")
                        .with(child("V", VICTIM, 14), staff("T1", SUBJECT, StaffRole.TEACHER, 40)),
                e -> e.notFired("R43"), e -> e.notFired("R43")));
        r.add(new Row("row 6 weapons: DSL risk assessment the same day",
                () -> Incident.of(OTHER).is("weaponConcern").with(child("C", SUBJECT, 15)),
                e -> e.fired("R72").routes(DSL_REVIEW, RISK_AND_NEEDS_ASSESSMENT).noRoutes(POLICE_REFERRAL),
                () -> Incident.of(OTHER).with(child("C", SUBJECT, 15)), e -> e.notFired("R72"), e -> e.notFired("R72")));
        r.add(new Row("row 6 weapons with immediate risk: the police",
                () -> Incident.of(OTHER).is("weaponConcern", "immediateRiskOfHarm").with(child("C", SUBJECT, 15)),
                e -> e.fired("R72").routes(POLICE_REFERRAL).urgencyAtLeast(IMMEDIATE).explanationOf("R72", "immediate risk"),
                () -> Incident.of(OTHER).is("weaponConcern").with(child("C", SUBJECT, 15)),
                e -> e.explanationNot("R72", "Also:"), e -> e.notFired("R72")));
        r.add(new Row("row 7 child-to-caregiver abuse: DSL review and Family Help",
                () -> Incident.of(CHILD_TO_CAREGIVER_ABUSE).with(child("C", SUBJECT, 14)),
                e -> e.fired("R73").routes(DSL_REVIEW, LA_FAMILY_HELP),
                () -> Incident.of(OTHER).with(child("C", SUBJECT, 14)), e -> e.notFired("R73"), e -> e.notFired("R73")));
        r.add(new Row("row 7 verbal abuse is recorded as emotional abuse: Family Help named",
                () -> Incident.of(EMOTIONAL_ABUSE).with(child("C", VICTIM, 9)),
                e -> e.fired("R68").routes(LA_FAMILY_HELP).noRoutes(EARLY_HELP),
                () -> Incident.of(OTHER).with(child("C", VICTIM, 9)), e -> e.notFired("R68"),
                e -> e.routes(EARLY_HELP).noRoutes(LA_FAMILY_HELP)));
        r.add(new Row("row 8 offending under coercion: a CCE victim, NRM considered",
                () -> Incident.of(OTHER).is("coercedOffending").with(child("C", SUBJECT, 15)),
                e -> e.fired("R59").routes(POLICE_REFERRAL, CSC_REFERRAL_S47, NRM_REFERRAL_VIA_FIRST_RESPONDER)
                        .required(DO_NOT_BLAME_OR_SHAME),
                () -> Incident.of(OTHER).with(child("C", SUBJECT, 15)), e -> e.notFired("R59"), e -> e.notFired("R59")));
        r.add(new Row("row 8 CSE by an organised network: NRM considered",
                () -> Incident.of(CSE).is("organisedNetwork").with(child("C", VICTIM, 15)),
                e -> e.fired("R58").routes(NRM_REFERRAL_VIA_FIRST_RESPONDER),
                () -> Incident.of(CSE).with(child("C", VICTIM, 15)), e -> e.noRoutes(NRM_REFERRAL_VIA_FIRST_RESPONDER),
                e -> e.noRoutes(NRM_REFERRAL_VIA_FIRST_RESPONDER)));
        r.add(new Row("row 9 Operation Encompass: same-day review, Family Help considered",
                () -> Incident.of(OTHER).is("operationEncompassNotice").with(child("C", VICTIM, 9)),
                e -> e.fired("R60").routes(DSL_REVIEW, LA_FAMILY_HELP).urgencyAtLeast(SAME_DAY),
                () -> Incident.of(OTHER).with(child("C", VICTIM, 9)), e -> e.notFired("R60"),
                e -> e.routes(EARLY_HELP)));
        r.add(new Row("row 10 self-harm: the DSL, and 999 in danger",
                () -> Incident.of(SELF_HARM).is("immediateDangerToLife").with(child("C", VICTIM, 15)),
                e -> e.fired("R62").routes(POLICE_999).required(MEDICAL_ATTENTION),
                () -> Incident.of(OTHER).with(child("C", VICTIM, 15)), e -> e.notFired("R62"), e -> e.fired("R62")));
        r.add(new Row("row 11 DSL unavailable: a deputy acts without delay",
                () -> Incident.of(OTHER).is("dslUnavailable").with(child("C", VICTIM, 10)),
                e -> e.fired("R71").required(ESCALATE_TO_DEPUTY_DSL_WITHOUT_DELAY).urgencyAtLeast(IMMEDIATE),
                () -> Incident.of(OTHER).with(child("C", VICTIM, 10)), e -> e.notFired("R71"), e -> e.notFired("R71")));
        r.add(new Row("row 12 an information request: decide and record",
                () -> Incident.of(OTHER).is("informationRequestFromOtherSetting").with(child("C", VICTIM, 10)),
                e -> e.fired("R74").required(RECORD_INFORMATION_SHARING_DECISION),
                () -> Incident.of(OTHER).with(child("C", VICTIM, 10)), e -> e.notFired("R74"), e -> e.notFired("R74")));
        r.add(new Row("row 12 a pupil with a CP file leaves: transfer and record the sharing",
                () -> Incident.of(OTHER).is("leavingSetting", "childProtectionFileExists", "newSettingConfirmed")
                        .with(child("C", VICTIM, 11)),
                e -> e.fired("R64").routes(CP_FILE_TRANSFER).required(RECORD_INFORMATION_SHARING_DECISION),
                () -> Incident.of(OTHER).is("childProtectionFileExists").with(child("C", VICTIM, 11)),
                e -> e.notFired("R64"), e -> e.notRequired(RECORD_INFORMATION_SHARING_DECISION)));
        r.add(new Row("row 13 a persistent pattern of absence: DSL review within five school days, early help considered",
                () -> Incident.of(OTHER).is("persistentAbsencePattern").with(child("C", VICTIM, 13)),
                // R78 asks for five school days; every concern's same-day DSL review (R01) stays the floor.
                e -> e.fired("R78").routes(DSL_REVIEW, COMMUNITY_EARLY_HELP).urgency(SAME_DAY)
                        .required(RECORD_THRESHOLD_CHOICE_AND_REASONS).noRoutes(LA_FAMILY_HELP, CSC_REFERRAL_S47)
                        .noMissingFacts(),
                () -> Incident.of(OTHER).with(child("C", VICTIM, 13)),
                e -> e.notFired("R78").noRoutes(COMMUNITY_EARLY_HELP), e -> e.notFired("R78")));
        r.add(new Row("row 13 the pattern continues after support: Family Help",
                () -> Incident.of(OTHER).is("persistentAbsencePattern", "noImprovementAfterSupport")
                        .with(child("C", VICTIM, 13)),
                e -> e.fired("R78").routes(LA_FAMILY_HELP).explanationOf("R78", "continues after support"),
                () -> Incident.of(OTHER).is("persistentAbsencePattern").with(child("C", VICTIM, 13)),
                e -> e.fired("R78").noRoutes(LA_FAMILY_HELP), e -> e.notFired("R78")));
        r.add(new Row("row 13 a pattern of absence with exploitation indicators: police and children's social care",
                () -> Incident.of(OTHER).is("persistentAbsencePattern", "cceIndicators").with(child("C", VICTIM, 15)),
                e -> e.fired("R78").routes(POLICE_REFERRAL, CSC_REFERRAL_S47).urgencyAtLeast(IMMEDIATE),
                () -> Incident.of(OTHER).is("persistentAbsencePattern").with(child("C", VICTIM, 15)),
                e -> e.fired("R78").noRoutes(POLICE_REFERRAL, CSC_REFERRAL_S47).urgency(SAME_DAY),
                e -> e.notFired("R78")));
        return r;
    }

    @Test
    void row13KeepsTheMissingEducationTriggerAndA2025OnlyClientIsNotAskedForTheNewFact() {
        Incident missing = Incident.of(MISSING_EDUCATION).absenceDays(12).with(child("C", VICTIM, 12));
        Expect.that(Fixtures.ENGINE.evaluate(R2026, missing.build())).fired("R61").routes(LA_CME_NOTIFICATION)
                .notFired("R78");
        // Every fact unknown, as from a client that knows none of the 2026 names.
        Recommendation silent = Fixtures.ENGINE.evaluate(R2026,
                Incident.unknownBase(MISSING_EDUCATION).with(child("C", VICTIM, 12)).build());
        Expect.that(silent).notFired("R78");
        org.junit.jupiter.api.Assertions.assertFalse(silent.missingFacts().contains("persistentAbsencePattern"),
                "an unknown persistentAbsencePattern is not asked for: " + silent.missingFacts());
    }

    @Test
    void row15NoMultiAgencyChildProtectionTeamRouteYet() {
        for (RuleSet release : List.of(R2025, R2026)) {
            String json = new String(release.content(), StandardCharsets.UTF_8);
            org.junit.jupiter.api.Assertions.assertFalse(json.toUpperCase(java.util.Locale.ROOT).contains("MACPT"),
                    release.version() + " names no MACPT route, fact or action before the 2027 regulations");
        }
        for (Route route : Route.values()) {
            org.junit.jupiter.api.Assertions.assertFalse(route.name().contains("MACPT"), route.name());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void takesEffectUnder2026_1(Row row) {
        row.fired().accept(Expect.that(Fixtures.ENGINE.evaluate(R2026, row.fire().get().build())).noErrors());
    }

    @ParameterizedTest(name = "near miss: {0}")
    @MethodSource("rows")
    void nearMissDoesNot(Row row) {
        row.missed().accept(Expect.that(Fixtures.ENGINE.evaluate(R2026, row.nearMiss().get().build())).noErrors());
    }

    @ParameterizedTest(name = "2025.2: {0}")
    @MethodSource("rows")
    void release2025_2AsBefore(Row row) {
        row.under2025_2().accept(Expect.that(Fixtures.ENGINE.evaluate(R2025, row.fire().get().build())).noErrors());
    }

    @Test
    void row14StatutoryNotificationOnlyBehindItsFlag() {
        Incident csa = Incident.of(OTHER).is("reporterInRegulatedActivity", "childSexualAbuseKnownToReporter")
                .with(child("C", VICTIM, 12));
        Expect.that(Fixtures.ENGINE.evaluate(R2026, csa.build())).notFired("R67").noRoutes(STATUTORY_CSA_NOTIFICATION);
        String json = new String(R2026.content(), StandardCharsets.UTF_8).replace(
                "\"MANDATORY_REPORTING_DUTY_IN_FORCE\": false", "\"MANDATORY_REPORTING_DUTY_IN_FORCE\": true");
        RuleSet on = RuleSetLoader.parse("2026.1 flag on", json.getBytes(StandardCharsets.UTF_8));
        Expect.that(Fixtures.ENGINE.evaluate(on, csa.build())).fired("R67").routes(STATUTORY_CSA_NOTIFICATION)
                .required(RECORD_STATUTORY_NOTIFICATION).explanationOf("R67", "once the duty is in force");
        Expect.that(Fixtures.ENGINE.evaluate(on, csa.is("statutoryReportingExemptionApplies").build())).notFired("R67");
        org.junit.jupiter.api.Assertions.assertTrue(on.rule("R67").orElseThrow().citations().stream()
                .anyMatch(c -> c.source().equals("Crime and Policing Act 2026")));
    }
}
