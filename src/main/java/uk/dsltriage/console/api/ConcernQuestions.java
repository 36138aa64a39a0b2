package uk.dsltriage.console.api;

import java.util.Arrays;
import java.util.List;
import uk.dsltriage.incident.Location;
import uk.dsltriage.review.Labels;
import uk.dsltriage.vocabulary.IncidentType;
import uk.dsltriage.vocabulary.ParticipantRole;

/**
 * What the "record a concern" form asks, in plain English, named as the API names it. The fact questions are the
 * ones triage leans on for technology-assisted harmful sexual behaviour and for anything needing action now; each is
 * answered yes, no or don't know, and "don't know" leaves the fact unknown (never false). Whether an adult is
 * involved is not asked: the engine derives it from the people's ages and roles.
 */
public final class ConcernQuestions {

    public record Question(String name, String text, String hint) {
    }

    public record Option(String value, String label) {
    }

    public static final List<Question> FACTS = List.of(
            new Question("immediateDangerToLife", "Is a child's life in danger right now?", "If yes, call 999 first, then tell the DSL."),
            new Question("immediateRiskOfHarm", "Is a child at risk of harm right now, or about to be?", null),
            new Question("selfHarmOrSuicidalRisk", "Is there any sign of self-harm or suicidal thoughts?", null),
            new Question("imagesInvolved", "Are nude or semi-nude images or videos involved?",
                    "Answer from what you were told. Do not look at any image to check."),
            new Question("childDepictedUnder18", "Is anyone shown in them under 18?", null),
            new Question("distributedBeyondRecipient", "Have they been shared beyond the person they were first sent to?", null),
            new Question("imageOnlineOrPlatform", "Are they on a website, app or online platform?", null),
            new Question("aiGeneratedOrManipulated", "Were they made or altered with AI or an app (for example a \"nudify\" app)?", null),
            new Question("coercionOrBlackmail", "Was a child pressured, coerced or blackmailed?", null),
            new Question("threatToShareImages", "Has someone threatened to share images unless the child does something?",
                    "This is sextortion. Tell the child not to pay and not to reply."),
            new Question("financialDemand", "Has someone demanded money or gift cards?", null),
            new Question("unknownOnlineContact", "Is someone the child knows only online involved?",
                    "If an adult is involved, add them under \"People involved\" with their age if known."),
            new Question("deviceInSchoolPossession", "Does the school now hold a device with the images on it?",
                    "If so, switch it off or disconnect it and lock it away without looking."));

    public static final List<Option> ANSWERS = List.of(
            new Option(ConcernForm.YES, "Yes"), new Option(ConcernForm.NO, "No"), new Option(ConcernForm.UNKNOWN, "Don't know"));

    /** The three roles staff are asked about; they are the vocabulary's VICTIM, SUBJECT and WITNESS. */
    public static final List<Option> ROLES = List.of(
            new Option(ParticipantRole.VICTIM.name(), "Was harmed or may have been harmed"),
            new Option(ParticipantRole.SUBJECT.name(), "Displayed the behaviour"),
            new Option(ParticipantRole.WITNESS.name(), "Other (for example saw it or was told about it)"));

    public static final List<Option> LOCATIONS = List.of(
            new Option(Location.ON_SITE.name(), "At school"),
            new Option(Location.OFF_SITE.name(), "Away from school"),
            new Option(Location.ONLINE.name(), "Online"),
            new Option(Location.UNKNOWN.name(), "Not known"));

    public static final List<Option> TYPES = Arrays.stream(IncidentType.values())
            .map(t -> new Option(t.name(), Labels.of(t))).toList();

    /** Everything the form offers, for the template. */
    public record Choices(List<Question> facts, List<Option> answers, List<Option> roles, List<Option> locations,
            List<Option> types) {
    }

    public static final Choices CHOICES = new Choices(FACTS, ANSWERS, ROLES, LOCATIONS, TYPES);

    /** Rows for people in plain HTML; blank rows are ignored. */
    public static final int PEOPLE_ROWS = 3;

    private ConcernQuestions() {
    }

    static boolean isFact(String name) {
        return FACTS.stream().anyMatch(q -> q.name().equals(name));
    }
}
