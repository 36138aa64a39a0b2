package uk.dsltriage.support;

import java.util.UUID;

/** Request bodies for tests. */
public final class Fixtures {

    public static final String SCHOOL_A = "100001";
    public static final String SCHOOL_B = "100002";
    public static final String LA_1 = "999";
    public static final String LA_2 = "998";

    private Fixtures() {
    }

    /** TC01-like: a consensual exchange between two 15-year-olds, every trigger known false. */
    public static String incident() {
        return incident("Pupil A told me she sent a semi-nude selfie to Pupil B last night. Nobody else has it.");
    }

    public static String incident(String account) {
        return """
                {
                  "occurredAt": "2026-11-20T10:15:00Z",
                  "location": "ONLINE",
                  "account": %s,
                  "childVoice": "I only sent it to him.",
                  "incidentTypes": ["NUDE_IMAGE_SHARING"],
                  "sexualViolenceType": "NONE",
                  "victimWishes": "UNKNOWN",
                  "participants": [
                    { "ref": "P1", "role": "VICTIM", "ageYears": 15, "isPupilOfSetting": true, "depictedInImage": true, "hasSEND": false, "consentCapacityConcern": false },
                    { "ref": "P2", "role": "RECIPIENT", "ageYears": 15, "isPupilOfSetting": true, "hasSEND": false, "consentCapacityConcern": false }
                  ],
                  "facts": %s,
                  "reporter": { "isTeacher": true, "isDsl": false }
                }
                """.formatted(quote(account), tc01Facts());
    }

    public static String tc01Facts() {
        return """
                { "imagesInvolved": true, "childDepictedUnder18": true, "coercionOrBlackmail": false, "groomingIndicators": false,
                  "distributedBeyondRecipient": false, "imageDepictsSexualActs": false, "imageActsUnusualForDevelopmentalStage": false,
                  "imageViolent": false, "immediateRiskOfHarm": false, "selfHarmOrSuicidalRisk": false, "threatToShareImages": false,
                  "financialDemand": false, "immediateDangerToLife": false, "sharedWithoutConsent": false, "intentToHumiliateOrHarm": false,
                  "imageOnlineOrPlatform": false, "aiGeneratedOrManipulated": false, "informingParentsMayIncreaseRisk": false,
                  "parentIsSourceOfRisk": false, "oneOff": true, "patternOrRepeat": false, "priorConcerns": false }
                """;
    }

    public static String addendum(String account) {
        return "{ \"account\": " + quote(account) + " }";
    }

    public static String key() {
        return "key-" + UUID.randomUUID();
    }

    public static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
