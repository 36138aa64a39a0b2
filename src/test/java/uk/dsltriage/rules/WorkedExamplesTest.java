package uk.dsltriage.rules;

import uk.dsltriage.vocabulary.SexualViolenceType;
import uk.dsltriage.vocabulary.StaffRole;
import uk.dsltriage.vocabulary.Route;
import uk.dsltriage.vocabulary.VictimWishes;
import static uk.dsltriage.vocabulary.ForbiddenAction.*;
import static uk.dsltriage.rules.Incident.P.child;
import static uk.dsltriage.rules.Incident.P.staff;
import static uk.dsltriage.vocabulary.IncidentType.*;
import static uk.dsltriage.vocabulary.ParticipantRole.*;
import static uk.dsltriage.vocabulary.RequiredAction.*;
import static uk.dsltriage.vocabulary.Route.*;
import static uk.dsltriage.vocabulary.Urgency.*;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The ten rule-related worked cases of examples.md (TC26/TC27 are API-level). As in examples.md,
 * omitted facts are set to false explicitly (see {@link Incident#of}).
 */
class WorkedExamplesTest {

    /** The release under test; subclasses run every example under later releases. */
    RuleSet ruleSet() {
        return Fixtures.RULES;
    }

    /** Where early help is recommended: EARLY_HELP until 2026.1 renamed it (kcsie-2026.md section 4 row 1). */
    Route earlyHelp() {
        return EARLY_HELP;
    }

    Recommendation evaluate(Incident incident) {
        return Fixtures.ENGINE.evaluate(ruleSet(), incident.build());
    }

    @Test
    @DisplayName("TC01 consensual peer exchange 15/15: internal handling is an option")
    void tc01() {
        Recommendation r = evaluate(Incident.of(NUDE_IMAGE_SHARING)
                .is("imagesInvolved", "childDepictedUnder18", "oneOff")
                .with(child("A", SENDER, 15).depicted(), child("B", RECIPIENT, 15))
                .attested());
        Expect.that(r).noErrors().noMissingFacts()
                .routes(DSL_REVIEW, MANAGE_INTERNALLY_ELIGIBLE, PARENTS_INFORM)
                .forbidden(VIEW_IMAGE)
                .required(REQUEST_DELETION_WITH_DEADLINE, RECORD_CONCERN_DECISIONS_RATIONALE)
                .noRoutes(POLICE_REFERRAL, CSC_REFERRAL_S47)
                .urgencyAtLeast(SAME_DAY)
                .dslDecisionRequired(true)
                .fired("R17", "R18");
    }

    @Test
    @DisplayName("TC04 12-year-olds, nude pose, no sexual act: no automatic police referral on age alone")
    void tc04() {
        Recommendation r = evaluate(tc04Incident());
        Expect.that(r).noErrors()
                .routes(DSL_REVIEW, PARENTS_INFORM)
                .dslDecisionRequired(true)
                .forbidden(VIEW_IMAGE)
                .noRoutes(POLICE_REFERRAL)
                .notFired("R15")
                .urgencyAtLeast(SAME_DAY);
    }

    @Test
    @DisplayName("TC04 variant: the same image depicting sexual acts is UKCIS trigger 4")
    void tc04WithSexualActsIsTrigger4() {
        Expect.that(evaluate(tc04Incident().is("imageDepictsSexualActs")))
                .fired("R15").routes(POLICE_REFERRAL, CSC_REFERRAL_S47).noRoutes(MANAGE_INTERNALLY_ELIGIBLE)
                .urgencyAtLeast(IMMEDIATE);
    }

    private static Incident tc04Incident() {
        return Incident.of(NUDE_IMAGE_SHARING)
                .is("imagesInvolved", "childDepictedUnder18", "oneOff")
                .with(child("G", SENDER, 12).depicted(), child("B", REQUESTER, 12));
    }

    @Test
    @DisplayName("TC09 teacher requests images from a pupil: police, LADO and social care")
    void tc09() {
        Recommendation r = evaluate(Incident.of(STAFF_CONDUCT)
                .is("sexualImagesRequestedFromChild", "sexualCommunicationWithChild", "groomingIndicators",
                        "possibleCriminalOffenceAgainstOrRelatedToChild", "behaviourIndicatesRiskOfHarm",
                        "happenedOffSiteOrOnline")
                .with(child("P1", VICTIM, 15), staff("S1", REQUESTER, StaffRole.TEACHER, null)));
        Expect.that(r).noErrors()
                .routes(POLICE_REFERRAL, LADO_REFERRAL, CSC_REFERRAL_S47)
                .required(DO_NOT_INFORM_SUBJECT_UNTIL_AGREED, PRESERVE_DEVICE, RECORD_CONCERN_DECISIONS_RATIONALE)
                .forbidden(INVESTIGATE_STAFF_BEFORE_LADO)
                .noRoutes(MANAGE_INTERNALLY_ELIGIBLE, LOW_LEVEL_CONCERN_RECORD)
                .urgencyAtLeast(IMMEDIATE)
                .fired("R40", "R41");
    }

    @Test
    @DisplayName("TC13 child-on-child sexual assault: police and social care in parallel")
    void tc13() {
        Recommendation r = evaluate(Incident.of(SEXUAL_VIOLENCE)
                .sexualViolence(SexualViolenceType.SEXUAL_ASSAULT)
                .is("oneOff")
                .with(child("V", VICTIM, 14), child("S", SUBJECT, 15)));
        Expect.that(r).noErrors()
                .routes(POLICE_REFERRAL, CSC_REFERRAL_S47, RISK_AND_NEEDS_ASSESSMENT, PARENTS_INFORM)
                .required(SUPPORT_VICTIM, SUPPORT_ALLEGED_PERPETRATOR, SEPARATE_CHILDREN_INTERIM,
                        RECORD_CONCERN_DECISIONS_RATIONALE)
                .noRoutes(MANAGE_INTERNALLY_ELIGIBLE)
                .urgencyAtLeast(IMMEDIATE)
                .fired("R30");
    }

    @Test
    @DisplayName("TC16 one-off sexualised comment: internal handling is an option")
    void tc16() {
        Recommendation r = evaluate(Incident.of(SEXUAL_HARASSMENT_OFFLINE)
                .is("oneOff")
                .victimWishes(VictimWishes.DOES_NOT_WANT_POLICE)
                .with(child("G", VICTIM, 12), child("B", SUBJECT, 12)));
        Expect.that(r).noErrors().noMissingFacts()
                .routes(MANAGE_INTERNALLY_ELIGIBLE)
                .required(RECORD_CONCERN_DECISIONS_RATIONALE)
                .noRoutes(POLICE_REFERRAL, CSC_REFERRAL_S47)
                .urgencyAtLeast(REVIEW)
                .fired("R33")
                .explanationOf("R33", "zero tolerance");
    }

    @Test
    @DisplayName("TC18 FGM known case disclosed to a teacher: the teacher reports personally")
    void tc18() {
        Recommendation r = evaluate(tc18Incident());
        Expect.that(r).noErrors()
                .routes(FGM_TEACHER_PERSONAL_POLICE_REPORT, CSC_REFERRAL_S47, PARENTS_DEFER_TO_CSC_POLICE)
                .required(INFORM_DSL, DO_NOT_EXAMINE, MEDICAL_ATTENTION)
                .noRoutes(PARENTS_INFORM, MANAGE_INTERNALLY_ELIGIBLE)
                .forbidden(INFORM_PARENTS_BEFORE_CSC_ADVICE)
                .urgencyAtLeast(BY_CLOSE_NEXT_WORKING_DAY)
                .fired("R53")
                .explanationOf("R53", "cannot hand this to the DSL");
    }

    @Test
    @DisplayName("TC18 variant: further risk (travel abroad imminent) makes it immediate")
    void tc18WithFurtherRisk() {
        Expect.that(evaluate(tc18Incident().is("imminentTravelAbroad"))).urgencyAtLeast(IMMEDIATE);
    }

    private static Incident tc18Incident() {
        return Incident.of(FGM).is("fgmKnownCase").reporter(true, false).with(child("G", VICTIM, 13));
    }

    @Test
    @DisplayName("TC21 radicalisation without imminence: Prevent, not 999")
    void tc21() {
        Recommendation r = evaluate(Incident.of(RADICALISATION).is("radicalisationConcern", "happenedOffSiteOrOnline")
                .with(child("P1", SUBJECT, 15)));
        Expect.that(r).noErrors()
                .routes(PREVENT_REFERRAL)
                .required(RECORD_CONCERN_DECISIONS_RATIONALE)
                .noRoutes(POLICE_999)
                .urgencyAtLeast(SAME_DAY)
                .fired("R56").notFired("R57");
    }

    @Test
    @DisplayName("TC23 neglect, parents engage: early help, not a section 47 referral")
    void tc23() {
        Recommendation r = evaluate(Incident.of(NEGLECT).is("patternOrRepeat").with(child("C", VICTIM, 7)));
        Expect.that(r).noErrors()
                .routes(earlyHelp())
                .required(RECORD_CONCERN_DECISIONS_RATIONALE)
                .noRoutes(CSC_REFERRAL_S47)
                .urgencyAtLeast(REVIEW)
                .fired("R52")
                .explanationOf("R52", "review dates");
    }

    @Test
    @DisplayName("TC28 pupil with a CP file leaves, new school confirmed: transfer within 5 days and retain")
    void tc28() {
        Recommendation r = evaluate(Incident.of(OTHER).is("leavingSetting", "childProtectionFileExists",
                "newSettingConfirmed").with(child("C", VICTIM, 11)));
        Expect.that(r).noErrors()
                .routes(CP_FILE_TRANSFER)
                .required(RETAIN_PER_SCHEDULE, RECORD_CONCERN_DECISIONS_RATIONALE)
                .noRoutes(LA_CME_NOTIFICATION)
                .urgencyAtLeast(WITHIN_5_DAYS)
                .fired("R64", "R65")
                .explanationOf("R64", "within 5 days")
                .explanationOf("R65", "date of birth plus 25 years");
    }

    @Test
    @DisplayName("TC29 adult pornography AirDropped by pupils: KCSIE Part 5, not the UKCIS nudes pathway")
    void tc29() {
        Recommendation r = evaluate(Incident.of(ADULT_PORN_SHARED)
                .is("imagesInvolved", "sharedWithoutConsent")
                .with(child("S", SENDER, 15), child("R1", RECIPIENT, 15), child("R2", RECIPIENT, 14)));
        Expect.that(r).noErrors().noMissingFacts()
                .routes(DSL_REVIEW, MANAGE_INTERNALLY_ELIGIBLE)
                .required(RECORD_CONCERN_DECISIONS_RATIONALE)
                .noRoutes(POLICE_REFERRAL)
                .fired("R25")
                .notFired("R10", "R11", "R12", "R13", "R14", "R15", "R16", "R17")
                .explanationOf("R25", "KCSIE Part 5");
    }
}
