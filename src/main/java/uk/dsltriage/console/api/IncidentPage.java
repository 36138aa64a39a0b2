package uk.dsltriage.console.api;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import uk.dsltriage.incident.IncidentStatus;
import uk.dsltriage.incident.api.DowngradeView;
import uk.dsltriage.incident.api.IncidentView;
import uk.dsltriage.review.Labels;
import uk.dsltriage.review.api.CodeLabel;
import uk.dsltriage.review.api.DecisionView;
import uk.dsltriage.review.api.ReviewView;
import uk.dsltriage.review.api.TaskView;
import uk.dsltriage.triage.RuleSetWords;
import uk.dsltriage.triage.api.CodeLabelsView;
import uk.dsltriage.triage.api.RecommendationView;
import uk.dsltriage.triage.facts.FactsBody;
import uk.dsltriage.triage.facts.ParticipantBody;
import uk.dsltriage.triage.facts.TriageFactsBody;

/**
 * What the incident page shows, from the API's own views (incident, review, recommendation history), so the page
 * says what the API says, in words.
 */
public record IncidentPage(IncidentView incident, ReviewView review, List<Line> facts, List<Line> unknownFacts,
        List<Child> participants, List<Described> routes, List<Described> must, List<Described> mustNot,
        List<HistoryEntry> history, List<TaskView> tasks, boolean canDecide, RuleSetWords words, Downgraded downgrade) {

    /** A label and its value in words. */
    public record Line(String label, String value) {
    }

    /** A code with its label and, when the rule set has one, a one-line description. */
    public record Described(String code, String label, String description) {
    }

    /** A participant; {@code chronologyPath} is set for a child of the setting, whose history the DSL can open. */
    public record Child(String ref, String role, String age, String chronologyPath) {
    }

    /**
     * One step of the history: a recommendation (its urgency and routes in its own rule set's words) or a decision
     * (worded by the review).
     */
    public record HistoryEntry(Instant at, RecommendationView recommendation, String urgencyLabel, List<Described> routes,
            DecisionView decision) {

        static HistoryEntry of(RecommendationView r) {
            return new HistoryEntry(r.createdAt(), r, IncidentPage.urgencyLabel(r), described(r.routes(), r.labels() == null ? null : r.labels().routes()), null);
        }

        static HistoryEntry of(DecisionView d) {
            return new HistoryEntry(d.decidedAt(), null, null, List.of(), d);
        }
    }

    /** What a newer recommendation removed, in the words of the rule set of the current one. */
    public record Downgraded(String previousUrgency, String urgency, List<String> removedRoutes) {

        static Downgraded of(DowngradeView downgrade, RuleSetWords words) {
            return downgrade == null ? null
                    : new Downgraded(label(downgrade.previousUrgency(), words), label(downgrade.urgency(), words),
                            downgrade.removedRoutes().stream().map(r -> label(r, words)).toList());
        }

        private static String label(Enum<?> code, RuleSetWords words) {
            return code == null ? null : CodeLabel.of(code, words).label();
        }
    }

    /** {@code words}: those of the rule set of the incident's current recommendation. */
    static IncidentPage of(IncidentView incident, ReviewView review, List<RecommendationView> recommendations, boolean dsl,
            RuleSetWords words) {
        RecommendationView current = incident.recommendation();
        TriageFactsBody facts = incident.currentFacts();
        CodeLabelsView labels = current == null ? null : current.labels();
        return new IncidentPage(incident, review, knownFacts(incident, facts), unknownFacts(facts), participants(facts),
                current == null ? List.of() : described(current.routes(), labels == null ? null : labels.routes()),
                current == null ? List.of() : described(current.requiredActions(), labels == null ? null : labels.requiredActions()),
                current == null ? List.of() : described(current.forbiddenActions(), labels == null ? null : labels.forbiddenActions()),
                history(recommendations, review.decisions()), review.tasks(),
                dsl && review.status() != IncidentStatus.CLOSED, words, Downgraded.of(review.downgrade(), words));
    }

    /** The urgency's label from the rule set, else the code in words. */
    public String urgencyLabel() {
        RecommendationView r = incident.recommendation();
        return r == null ? "not known" : urgencyLabel(r);
    }

    private static String urgencyLabel(RecommendationView r) {
        if (r.urgency() == null) {
            return "not known";
        }
        return r.labels() != null && r.labels().urgency() != null ? r.labels().urgency().label() : Labels.of(r.urgency());
    }

    static List<Described> described(List<? extends Enum<?>> codes, Map<String, CodeLabelsView.Label> labels) {
        List<Described> out = new ArrayList<>();
        for (Enum<?> code : codes == null ? List.<Enum<?>>of() : codes) {
            CodeLabelsView.Label l = labels == null ? null : labels.get(code.name());
            out.add(l == null ? new Described(code.name(), Labels.of(code), null)
                    : new Described(code.name(), l.label(), l.description()));
        }
        return out;
    }

    private static List<Line> knownFacts(IncidentView incident, TriageFactsBody facts) {
        List<Line> lines = new ArrayList<>();
        lines.add(new Line("Where", CodeText.label(incident.location())));
        if (facts == null) {
            return lines;
        }
        lines.add(new Line("Kind of concern", facts.incidentTypes() == null ? "not known"
                : String.join(", ", facts.incidentTypes().stream().map(Labels::of).toList())));
        lines.add(new Line("Sexual violence or harassment", CodeText.label(facts.sexualViolenceType())));
        lines.add(new Line("What the victim wants", CodeText.label(facts.victimWishes())));
        if (facts.reporter() != null) {
            lines.add(new Line("Reported by a teacher", CodeText.yesNo(facts.reporter().isTeacher())));
            lines.add(new Line("Reported by the DSL", CodeText.yesNo(facts.reporter().isDsl())));
        }
        forEachFact(facts.facts(), (name, value) -> {
            if (value != null) {
                lines.add(new Line(CodeText.ofField(name), value instanceof Boolean b ? CodeText.yesNo(b) : value.toString()));
            }
        });
        return lines;
    }

    private static List<Line> unknownFacts(TriageFactsBody facts) {
        List<Line> lines = new ArrayList<>();
        forEachFact(facts == null ? null : facts.facts(), (name, value) -> {
            if (value == null) {
                lines.add(new Line(CodeText.ofField(name), "not known"));
            }
        });
        return lines;
    }

    private static void forEachFact(FactsBody facts, java.util.function.BiConsumer<String, Object> action) {
        for (RecordComponent component : FactsBody.class.getRecordComponents()) {
            Object value;
            try {
                value = facts == null ? null : component.getAccessor().invoke(facts);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("record accessor not callable: " + component.getName(), e);
            }
            action.accept(component.getName(), value);
        }
    }

    private static List<Child> participants(TriageFactsBody facts) {
        if (facts == null || facts.participants() == null) {
            return List.of();
        }
        return facts.participants().stream().map(IncidentPage::child).toList();
    }

    private static Child child(ParticipantBody p) {
        boolean child = !Boolean.TRUE.equals(p.isStaffOrVolunteer()) && (p.ageYears() == null || p.ageYears() < 18);
        return new Child(p.ref(), CodeText.label(p.role()), p.ageYears() == null ? "not known" : p.ageYears().toString(),
                child ? ConsolePaths.child(p.ref()) : null);
    }

    private static List<HistoryEntry> history(List<RecommendationView> recommendations, List<DecisionView> decisions) {
        List<HistoryEntry> entries = new ArrayList<>();
        recommendations.forEach(r -> entries.add(HistoryEntry.of(r)));
        decisions.forEach(d -> entries.add(HistoryEntry.of(d)));
        entries.sort(Comparator.comparing(HistoryEntry::at, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing((HistoryEntry e) -> e.decision() != null).reversed());
        return List.copyOf(entries);
    }

    /** The id, for links. */
    public UUID id() {
        return incident.id();
    }
}
