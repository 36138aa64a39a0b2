package uk.dsltriage.triage.facts;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The boolean facts of triage, three-valued: true, false, or unknown (null or absent). Names are the vocabulary's.
 * Derived facts (adultInvolved, ageGap, anyUnder13InImage, powerImbalance) are computed by the engine and cannot be
 * sent.
 */
@Schema(name = "Facts", description = "Three-valued facts: true, false, or unknown (null or absent). Unknown is never read as false where it could trigger a referral.")
public record FactsBody(
        Boolean oneOff,
        Boolean patternOrRepeat,
        Boolean priorConcerns,
        Boolean coercionOrBlackmail,
        Boolean groomingIndicators,
        Boolean threatToShareImages,
        Boolean financialDemand,
        Boolean violenceOrForce,
        Boolean intentToHumiliateOrHarm,
        Boolean immediateDangerToLife,
        Boolean immediateRiskOfHarm,
        Boolean selfHarmOrSuicidalRisk,
        Boolean parentIsSourceOfRisk,
        Boolean informingParentsMayIncreaseRisk,
        Boolean happenedOffSiteOrOnline,
        Boolean imagesInvolved,
        Boolean childDepictedUnder18,
        Boolean imageDepictsSexualActs,
        Boolean imageActsUnusualForDevelopmentalStage,
        Boolean imageViolent,
        Boolean aiGeneratedOrManipulated,
        Boolean identifiableChild,
        Boolean sharedWithoutConsent,
        Boolean distributedBeyondRecipient,
        Boolean imageOnlineOrPlatform,
        Boolean imageOnSchoolDeviceOrNetwork,
        Boolean deviceInSchoolPossession,
        Boolean deviceSecured,
        Boolean accidentallyViewedImage,
        Boolean harmedOrMayHaveHarmedChild,
        Boolean possibleCriminalOffenceAgainstOrRelatedToChild,
        Boolean behaviourIndicatesRiskOfHarm,
        Boolean behaviourIndicatesUnsuitableTransferableRisk,
        Boolean codeOfConductBreachOnly,
        Boolean fgmKnownCase,
        Boolean fgmRisk,
        Boolean forcedMarriageRisk,
        Boolean imminentTravelAbroad,
        Boolean radicalisationConcern,
        Boolean terrorismImminent,
        Boolean cseIndicators,
        Boolean cceIndicators,
        Boolean traffickingIndicators,
        Boolean domesticAbuseInHome,
        Boolean operationEncompassNotice,
        Boolean whereaboutsUnknown,
        Boolean leavingSetting,
        Boolean newSettingConfirmed,
        Boolean childProtectionFileExists,
        Boolean meetingWithContactPlanned,
        Boolean unknownOnlineContact,
        Boolean cscReferralUnacknowledgedAfterOneWorkingDay,
        Boolean demandForMoreImagesOrActs,
        Boolean imageCategoryAssessedBySchool,
        Boolean recurredAfterIntervention,
        Boolean sexualCommunicationWithChild,
        Boolean sexualImagesRequestedFromChild,
        Boolean allegationSubstantiated,
        Boolean staffDismissedOrLeft,
        Boolean staffAllegationClosed,
        Boolean noImprovementAfterSupport,
        Boolean reporterInRegulatedActivity,
        Boolean childSexualAbuseKnownToReporter,
        Boolean statutoryReportingExemptionApplies,
        Boolean endToEndEncryptedPlatform,
        Boolean weaponConcern,
        Boolean childPregnantOrParent,
        Boolean earlyAbusiveOrHarmfulBehaviour,
        Boolean madeNotShared,
        Boolean nudificationToolUsed,
        Boolean generativeAiContactRisk,
        Boolean misogynyContext,
        Boolean organisedNetwork,
        Boolean coercedOffending,
        Boolean dslUnavailable,
        Boolean informationRequestFromOtherSetting,
        Boolean persistentAbsencePattern,
        @Min(0) @Max(400) Integer unexplainedAbsenceDays) {

    /** The Boolean components, looked up once: every triage evaluation reads them. */
    private static final List<RecordComponent> BOOLEAN_COMPONENTS = Arrays.stream(FactsBody.class.getRecordComponents())
            .filter(c -> c.getType() == Boolean.class)
            .toList();

    /** The boolean facts that are known, by vocabulary name; unknown (null) ones are left out. */
    public Map<String, Boolean> booleanFacts() {
        Map<String, Boolean> values = new LinkedHashMap<>();
        for (RecordComponent component : BOOLEAN_COMPONENTS) {
            try {
                Boolean value = (Boolean) component.getAccessor().invoke(this);
                if (value != null) {
                    values.put(component.getName(), value);
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("record accessor not callable: " + component.getName(), e);
            }
        }
        return values;
    }
}
