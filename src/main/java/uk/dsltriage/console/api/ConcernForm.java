package uk.dsltriage.console.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The "record a concern" form as the browser posts it (urlencoded, every field named as in the API's JSON), and the
 * values a re-rendered form shows again. People come as parallel lists, one entry per row ({@code ref},
 * {@code ageYears}, {@code hasSEND}, {@code role}); fact questions as {@code yes}/{@code no}/{@code unknown}.
 */
public class ConcernForm {

    public static final String YES = "yes";
    public static final String NO = "no";
    public static final String UNKNOWN = "unknown";

    @RestForm public String idempotencyKey;
    @RestForm public String occurredAt;
    @RestForm public String location;
    @RestForm public String account;
    @RestForm public String childVoice;
    @RestForm public List<String> incidentTypes;
    @RestForm public List<String> ref;
    @RestForm public List<String> ageYears;
    @RestForm public List<String> hasSEND;
    @RestForm public List<String> role;

    @RestForm public String immediateDangerToLife;
    @RestForm public String immediateRiskOfHarm;
    @RestForm public String selfHarmOrSuicidalRisk;
    @RestForm public String imagesInvolved;
    @RestForm public String childDepictedUnder18;
    @RestForm public String distributedBeyondRecipient;
    @RestForm public String imageOnlineOrPlatform;
    @RestForm public String aiGeneratedOrManipulated;
    @RestForm public String coercionOrBlackmail;
    @RestForm public String threatToShareImages;
    @RestForm public String financialDemand;
    @RestForm public String unknownOnlineContact;
    @RestForm public String deviceInSchoolPossession;

    /** One row of "People involved", numbered from 1 as the page numbers them. */
    public record Person(int number, String ref, String ageYears, String hasSEND, String role) {

        /** The SEND answer shown selected: what was entered, else "don't know". */
        public String sendAnswer() {
            return isBlank(hasSEND) ? UNKNOWN : hasSEND;
        }

        public boolean isEmpty() {
            return isBlank(ref) && isBlank(ageYears) && (isBlank(hasSEND) || UNKNOWN.equals(hasSEND)) && isBlank(role);
        }
    }

    /** An empty form for a first render, carrying the key that makes a double submit record once. */
    public static ConcernForm empty(String idempotencyKey) {
        ConcernForm form = new ConcernForm();
        form.idempotencyKey = idempotencyKey;
        return form;
    }

    /** Every field as posted, by name, for the image guard: nothing of the form is used before it passes. */
    public Map<String, List<String>> fields() {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        fields.put("idempotencyKey", one(idempotencyKey));
        fields.put("occurredAt", one(occurredAt));
        fields.put("location", one(location));
        fields.put("account", one(account));
        fields.put("childVoice", one(childVoice));
        fields.put("incidentTypes", all(incidentTypes));
        fields.put("ref", all(ref));
        fields.put("ageYears", all(ageYears));
        fields.put("hasSEND", all(hasSEND));
        fields.put("role", all(role));
        answers().forEach((fact, answer) -> fields.put(fact, one(answer)));
        return fields;
    }

    private static List<String> one(String value) {
        return value == null ? List.of() : List.of(value);
    }

    private static List<String> all(List<String> values) {
        return values == null ? List.of() : values.stream().filter(java.util.Objects::nonNull).toList();
    }

    /** The answers to the fact questions by fact name (absent or blank as given). */
    public Map<String, String> answers() {
        Map<String, String> answers = new LinkedHashMap<>();
        answers.put("immediateDangerToLife", immediateDangerToLife);
        answers.put("immediateRiskOfHarm", immediateRiskOfHarm);
        answers.put("selfHarmOrSuicidalRisk", selfHarmOrSuicidalRisk);
        answers.put("imagesInvolved", imagesInvolved);
        answers.put("childDepictedUnder18", childDepictedUnder18);
        answers.put("distributedBeyondRecipient", distributedBeyondRecipient);
        answers.put("imageOnlineOrPlatform", imageOnlineOrPlatform);
        answers.put("aiGeneratedOrManipulated", aiGeneratedOrManipulated);
        answers.put("coercionOrBlackmail", coercionOrBlackmail);
        answers.put("threatToShareImages", threatToShareImages);
        answers.put("financialDemand", financialDemand);
        answers.put("unknownOnlineContact", unknownOnlineContact);
        answers.put("deviceInSchoolPossession", deviceInSchoolPossession);
        return answers;
    }

    /** The answer shown checked for a question: what was entered, else "don't know". */
    public String answer(String fact) {
        String given = answers().get(fact);
        return isBlank(given) ? UNKNOWN : given;
    }

    public boolean hasType(String type) {
        return incidentTypes != null && incidentTypes.contains(type);
    }

    /** At least {@link ConcernQuestions#PEOPLE_ROWS} rows, more when more were posted. */
    public List<Person> people() {
        int rows = Math.max(ConcernQuestions.PEOPLE_ROWS, Math.max(size(ref), Math.max(size(ageYears),
                Math.max(size(hasSEND), size(role)))));
        List<Person> people = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            people.add(new Person(i + 1, at(ref, i), at(ageYears, i), at(hasSEND, i), at(role, i)));
        }
        return people;
    }

    private static int size(List<String> values) {
        return values == null ? 0 : values.size();
    }

    private static String at(List<String> values, int index) {
        return values == null || index >= values.size() ? null : values.get(index);
    }

    static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
