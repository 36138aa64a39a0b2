package uk.dsltriage.rules;

import java.util.List;

/** The names of the boolean facts the engine understands, and of the facts it derives itself. */
public final class KnownFacts {

    /** Every boolean fact from vocabulary.md, in its order. */
    public static final List<String> VOCABULARY_FACTS = List.of(
            "oneOff", "patternOrRepeat", "priorConcerns", "coercionOrBlackmail",
            "groomingIndicators", "threatToShareImages", "financialDemand", "violenceOrForce",
            "intentToHumiliateOrHarm", "immediateDangerToLife", "immediateRiskOfHarm", "selfHarmOrSuicidalRisk",
            "parentIsSourceOfRisk", "informingParentsMayIncreaseRisk", "happenedOffSiteOrOnline",
            "imagesInvolved", "childDepictedUnder18", "imageDepictsSexualActs",
            "imageActsUnusualForDevelopmentalStage", "imageViolent", "aiGeneratedOrManipulated",
            "identifiableChild", "sharedWithoutConsent", "distributedBeyondRecipient", "imageOnlineOrPlatform",
            "imageOnSchoolDeviceOrNetwork", "deviceInSchoolPossession", "deviceSecured",
            "accidentallyViewedImage", "harmedOrMayHaveHarmedChild",
            "possibleCriminalOffenceAgainstOrRelatedToChild", "behaviourIndicatesRiskOfHarm",
            "behaviourIndicatesUnsuitableTransferableRisk", "codeOfConductBreachOnly", "fgmKnownCase",
            "fgmRisk", "forcedMarriageRisk", "imminentTravelAbroad", "radicalisationConcern",
            "terrorismImminent", "cseIndicators", "cceIndicators", "traffickingIndicators", "domesticAbuseInHome",
            "operationEncompassNotice", "whereaboutsUnknown", "leavingSetting", "newSettingConfirmed",
            "childProtectionFileExists", "meetingWithContactPlanned", "unknownOnlineContact");

    /**
     * Facts added by this engine for rules the vocabulary has no fact for (R05, R22, R27, R38, R41, R46, R47, R52, R67),
     * then the facts named by threshold-guidance.md section 14.
     */
    public static final List<String> ADDED_FACTS = List.of(
            "cscReferralUnacknowledgedAfterOneWorkingDay",
            "demandForMoreImagesOrActs",
            "imageCategoryAssessedBySchool",
            "recurredAfterIntervention",
            "sexualCommunicationWithChild",
            "sexualImagesRequestedFromChild",
            "allegationSubstantiated",
            "staffDismissedOrLeft",
            "staffAllegationClosed",
            "noImprovementAfterSupport",
            "reporterInRegulatedActivity",
            "childSexualAbuseKnownToReporter",
            "statutoryReportingExemptionApplies",
            // threshold-guidance.md section 14 (A8 and the 2026.1 facts)
            "endToEndEncryptedPlatform",
            "weaponConcern",
            "childPregnantOrParent",
            "earlyAbusiveOrHarmfulBehaviour",
            "madeNotShared",
            "nudificationToolUsed",
            "generativeAiContactRisk",
            "misogynyContext",
            "organisedNetwork",
            "coercedOffending",
            "dslUnavailable",
            "informationRequestFromOtherSetting",
            // kcsie-2026.md section 4 row 13: a persistent or repeated pattern of absence
            "persistentAbsencePattern");

    /** Every client-settable boolean fact: vocabulary facts then added facts. */
    public static final List<String> BOOLEAN_FACTS = concat(VOCABULARY_FACTS, ADDED_FACTS);

    /** Facts the engine derives from participants; a client value for any of these is ignored. */
    public static final List<String> DERIVED_FACTS = List.of("adultInvolved", "ageGap", "anyUnder13InImage",
            "powerImbalance");

    /** The derived facts that are tri-state booleans (ageGap is a number). */
    public static final List<String> DERIVED_BOOLEAN_FACTS = List.of("adultInvolved", "anyUnder13InImage",
            "powerImbalance");

    /** The numbers a condition may compare. */
    public static final List<String> NUMBERS = List.of("unexplainedAbsenceDays", "ageGap");

    /** Participant booleans a participant condition may test. */
    public static final List<String> PARTICIPANT_ATTRIBUTES = List.of("isPupilOfSetting", "isStaffOrVolunteer",
            "hasSEND", "consentCapacityConcern", "prepubescent", "hasSocialWorker", "childProtectionPlan",
            "lookedAfter", "depictedInImage");

    /** The boolean facts with their positions: what rule sets are checked against and inputs are read with. */
    public static final FactCatalog CATALOG = FactCatalog.of(BOOLEAN_FACTS);

    /** Position of a boolean fact in {@link #BOOLEAN_FACTS}, or -1. */
    public static int indexOf(String name) {
        return CATALOG.indexOf(name);
    }

    private KnownFacts() {
    }

    public static boolean isBooleanFact(String name) {
        return CATALOG.contains(name);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        var all = new java.util.ArrayList<String>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}
