package uk.dsltriage.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.dsltriage.rules.Incident.P.child;
import static uk.dsltriage.vocabulary.ForbiddenAction.*;
import static uk.dsltriage.vocabulary.IncidentType.*;
import static uk.dsltriage.vocabulary.ParticipantRole.*;
import static uk.dsltriage.vocabulary.RequiredAction.*;
import static uk.dsltriage.vocabulary.Route.*;
import static uk.dsltriage.vocabulary.Urgency.*;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corrections A1-A10 of threshold-guidance.md section 14.1: for each, an incident that makes it take effect and a
 * near miss that does not, under 2025.2 and (as the corrections carry into 2026) 2026.1. Where 2025.1 behaved
 * differently, the case also pins that 2025.1 still does, so stored recommendations replay unchanged.
 */
class AmendmentCasesTest {

    static final List<String> VERSIONS = List.of("2025.2", "2026.1");

    record Amendment(String id, Supplier<Incident> fire, Consumer<Expect> fired, Supplier<Incident> nearMiss,
            Consumer<Expect> missed, Consumer<Expect> under2025_1) {
        @Override
        public String toString() {
            return id;
        }
    }

    static Incident consensualPair() {
        return Incident.of(NUDE_IMAGE_SHARING).is("imagesInvolved", "childDepictedUnder18", "oneOff")
                .with(child("A", SENDER, 15).depicted(), child("B", RECIPIENT, 15));
    }

    static Incident iiocOnPhone() {
        return Incident.of(IIOC_FOUND).is("imagesInvolved", "childDepictedUnder18", "imageDepictsSexualActs")
                .with(child("P", SUBJECT, 15));
    }

    static Incident requestFromOlderChild(int requesterAge) {
        return Incident.of(NUDE_IMAGE_SHARING).is("imagesInvolved", "childDepictedUnder18", "oneOff")
                .with(child("V", VICTIM, 13).depicted(), child("R", REQUESTER, requesterAge));
    }

    static Incident onlineContact() {
        return Incident.of(NUDE_IMAGE_SHARING).is("imagesInvolved", "childDepictedUnder18", "oneOff")
                .with(child("A", SENDER, 14).depicted(), child("C", RECIPIENT, null).pupil(false));
    }

    static Incident harassmentOnline() {
        return Incident.of(ONLINE_SEXUAL_HARASSMENT).is("happenedOffSiteOrOnline", "patternOrRepeat")
                .with(child("V", VICTIM, 14), child("S", SUBJECT, 14));
    }

    static List<Amendment> amendments() {
        List<Amendment> a = new ArrayList<>();
        a.add(new Amendment("A1 a parent who found the image is a WITNESS, not an adult involved",
                () -> consensualPair().with(child("Mum", WITNESS, 45)),
                e -> e.routes(MANAGE_INTERNALLY_ELIGIBLE).noRoutes(POLICE_REFERRAL, CSC_REFERRAL_S47).notFired("R11"),
                () -> consensualPair().with(child("X", RECIPIENT, 19)),
                e -> e.fired("R11").routes(POLICE_REFERRAL, CSC_REFERRAL_S47).noRoutes(MANAGE_INTERNALLY_ELIGIBLE),
                e -> e.fired("R11").routes(POLICE_REFERRAL)));
        a.add(new Amendment("A1 an online contact of unknown age makes adultInvolved unknown, not false",
                AmendmentCasesTest::onlineContact,
                e -> e.missing("participants[C].ageYears").noRoutes(MANAGE_INTERNALLY_ELIGIBLE).dslDecisionRequired(true)
                        .derived("adultInvolved", null),
                () -> onlineContact().with(child("C2", RECIPIENT, 15)).without("C"),
                e -> e.derived("adultInvolved", false),
                e -> e.derived("adultInvolved", null)));
        a.add(new Amendment("A2 unknown online contact: police consultation and CEOP, same day",
                AmendmentCasesTest::onlineContact,
                e -> e.fired("R29").routes(POLICE_CONSULTATION, CEOP_REPORT_OPTION).urgencyAtLeast(SAME_DAY)
                        .noRoutes(MANAGE_INTERNALLY_ELIGIBLE).explanationNot("R10", "no adult"),
                () -> Incident.of(NUDE_IMAGE_SHARING).is("imagesInvolved", "childDepictedUnder18", "oneOff")
                        .with(child("A", SENDER, 14).depicted(), child("C", RECIPIENT, null)),
                e -> e.notFired("R29").noRoutes(POLICE_CONSULTATION, CEOP_REPORT_OPTION),
                e -> e.notFired("R29")));
        a.add(new Amendment("A3 indecent images of younger children on a 15-year-old's phone: police",
                AmendmentCasesTest::iiocOnPhone,
                e -> e.fired("R28").routes(POLICE_REFERRAL, RISK_AND_NEEDS_ASSESSMENT).required(SUPPORT_ALLEGED_PERPETRATOR)
                        .noRoutes(MANAGE_INTERNALLY_ELIGIBLE).forbidden(VIEW_IMAGE, DELETE_IMAGE_WHEN_POLICE_INVOLVED)
                        .urgencyAtLeast(IMMEDIATE).missing("participants[].depictedInImage"),
                () -> Incident.of(ADULT_PORN_SHARED).is("imagesInvolved").with(child("P", SUBJECT, 15)),
                e -> e.notFired("R28").noRoutes(POLICE_REFERRAL),
                e -> e.notFired("R28").noRoutes(POLICE_REFERRAL)));
        a.add(new Amendment("A3 IIOC online: IWF report",
                () -> iiocOnPhone().is("imageOnlineOrPlatform"), e -> e.routes(IWF_URL_REPORT).fired("R28"),
                AmendmentCasesTest::iiocOnPhone, e -> e.noRoutes(IWF_URL_REPORT), null));
        a.add(new Amendment("A4 a 17-year-old asks a 13-year-old for a nude: social care, no internal handling",
                () -> requestFromOlderChild(17),
                e -> e.fired("R36").routes(CSC_REFERRAL_S47, RISK_AND_NEEDS_ASSESSMENT).noRoutes(MANAGE_INTERNALLY_ELIGIBLE),
                () -> requestFromOlderChild(14),
                e -> e.notFired("R36").noRoutes(CSC_REFERRAL_S47),
                e -> e.notFired("R36").noRoutes(CSC_REFERRAL_S47)));
        a.add(new Amendment("A5 a child harmed by another child: both children supported",
                () -> requestFromOlderChild(14),
                e -> e.fired("R39").required(SUPPORT_VICTIM, SUPPORT_ALLEGED_PERPETRATOR),
                AmendmentCasesTest::consensualPair,
                e -> e.notFired("R39").notRequired(SUPPORT_ALLEGED_PERPETRATOR),
                e -> e.notRequired(SUPPORT_ALLEGED_PERPETRATOR)));
        a.add(new Amendment("A6 a child depicted: do not blame or shame, no law reminder for them",
                AmendmentCasesTest::consensualPair,
                e -> e.fired("R06").required(DO_NOT_BLAME_OR_SHAME),
                () -> Incident.of(NEGLECT).with(child("C", VICTIM, 8)),
                e -> e.notFired("R06").notRequired(DO_NOT_BLAME_OR_SHAME),
                e -> e.notRequired(DO_NOT_BLAME_OR_SHAME)));
        a.add(new Amendment("A6 TA-HSB victim: do not blame or shame",
                AmendmentCasesTest::harassmentOnline, e -> e.fired("R06").required(DO_NOT_BLAME_OR_SHAME),
                () -> Incident.of(SEXUAL_HARASSMENT_OFFLINE).is("patternOrRepeat")
                        .with(child("V", VICTIM, 14), child("S", SUBJECT, 14)),
                e -> e.notFired("R06"), null));
        a.add(new Amendment("A6 R18 reminds only those holding another child's images",
                () -> consensualPair().attested(),
                e -> e.fired("R18").explanationOf("R18", "never for the child depicted")
                        .explanationNot("R18", "remind them possession is illegal"),
                AmendmentCasesTest::consensualPair, e -> e.notFired("R18"), null));
        a.add(new Amendment("A7 the harmed child's devices are not taken by default",
                () -> requestFromOlderChild(14), e -> e.fired("R07").forbidden(REMOVE_VICTIM_DEVICES_BY_DEFAULT),
                AmendmentCasesTest::consensualPair, e -> e.notFired("R07").notForbidden(REMOVE_VICTIM_DEVICES_BY_DEFAULT),
                e -> e.notForbidden(REMOVE_VICTIM_DEVICES_BY_DEFAULT)));
        a.add(new Amendment("A7 a police route: ask the child not to delete content",
                () -> consensualPair().is("coercionOrBlackmail").unknown("oneOff"),
                e -> e.routes(POLICE_REFERRAL).required(ASK_CHILD_NOT_TO_DELETE_CONTENT),
                AmendmentCasesTest::consensualPair, e -> e.notRequired(ASK_CHILD_NOT_TO_DELETE_CONTENT),
                e -> e.notRequired(ASK_CHILD_NOT_TO_DELETE_CONTENT)));
        a.add(new Amendment("A8 end-to-end encrypted platform: Report Remove cannot act, IWF and platform stay",
                () -> consensualPair().is("imageOnlineOrPlatform", "endToEndEncryptedPlatform"),
                e -> e.routes(IWF_URL_REPORT, PLATFORM_REPORT).explanationOf("R20", "end-to-end encrypted"),
                () -> consensualPair().is("imageOnlineOrPlatform"),
                e -> e.routes(IWF_URL_REPORT).explanationNot("R20", "end-to-end"), null));
        a.add(new Amendment("A9 emotional abuse: DSL review with the threshold choice, same day",
                () -> Incident.of(EMOTIONAL_ABUSE).with(child("C", VICTIM, 9)),
                e -> e.fired("R68").routes(DSL_REVIEW).required(RECORD_THRESHOLD_CHOICE_AND_REASONS)
                        .urgencyAtLeast(SAME_DAY),
                () -> Incident.of(OTHER).with(child("C", VICTIM, 9)),
                e -> e.notFired("R68").notRequired(RECORD_THRESHOLD_CHOICE_AND_REASONS),
                e -> e.notFired("R68")));
        a.add(new Amendment("A9 emotional abuse by a parent: do not inform parents before advice",
                () -> Incident.of(EMOTIONAL_ABUSE).is("parentIsSourceOfRisk").with(child("C", VICTIM, 9)),
                e -> e.forbidden(INFORM_PARENTS_BEFORE_CSC_ADVICE).routes(PARENTS_DEFER_TO_CSC_POLICE),
                () -> Incident.of(EMOTIONAL_ABUSE).with(child("C", VICTIM, 9)),
                e -> e.notForbidden(INFORM_PARENTS_BEFORE_CSC_ADVICE), null));
        return a;
    }

    static Stream<Arguments> fireCases() {
        return amendments().stream().flatMap(a -> VERSIONS.stream().map(v -> Arguments.of(a, v)));
    }

    @ParameterizedTest(name = "{1}: {0}")
    @MethodSource("fireCases")
    void takesEffect(Amendment a, String version) {
        a.fired().accept(Expect.that(Fixtures.ENGINE.evaluate(Fixtures.version(version), a.fire().get().build())).noErrors());
    }

    @ParameterizedTest(name = "{1}: near miss of {0}")
    @MethodSource("fireCases")
    void nearMissDoesNot(Amendment a, String version) {
        a.missed().accept(Expect.that(Fixtures.ENGINE.evaluate(Fixtures.version(version), a.nearMiss().get().build()))
                .noErrors());
    }

    @ParameterizedTest(name = "2025.1 unchanged: {0}")
    @MethodSource("amendments")
    void release2025_1StillBehavesAsRecorded(Amendment a) {
        if (a.under2025_1() != null) {
            a.under2025_1().accept(Expect.that(Fixtures.evaluate(a.fire().get())).noErrors());
        }
        assertTrue(Fixtures.RULES.version().equals("2025.1"));
    }

}
