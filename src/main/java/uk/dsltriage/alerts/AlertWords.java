package uk.dsltriage.alerts;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import uk.dsltriage.review.Labels;
import uk.dsltriage.review.TaskRepository;
import uk.dsltriage.triage.RuleSetWords;
import uk.dsltriage.triage.TriageService;
import uk.dsltriage.vocabulary.Urgency;

/**
 * The words an alert's urgency reads in: those of the rule set of the recommendation it is about (a concern's or a
 * downgrade's), or of the one the overdue task follows. An urgency's word is guidance, not content: it names no child.
 */
@ApplicationScoped
class AlertWords {

    private final TriageService triage;
    private final TaskRepository tasks;

    AlertWords(TriageService triage, TaskRepository tasks) {
        this.triage = triage;
        this.tasks = tasks;
    }

    /** An alert's kind and what it refers to: a recommendation, or a task for {@link AlertKind#TASK_OVERDUE}. */
    record Reference(AlertKind kind, UUID referenceId) {
    }

    /** The words of each reference's rule set, by reference id; run inside a transaction. */
    Map<UUID, RuleSetWords> of(List<Reference> references) {
        Map<UUID, UUID> recommendationOf = new HashMap<>(tasks.recommendationsOf(references.stream()
                .filter(r -> r.kind() == AlertKind.TASK_OVERDUE && r.referenceId() != null).map(Reference::referenceId).toList()));
        references.stream().filter(r -> r.kind() != AlertKind.TASK_OVERDUE && r.referenceId() != null)
                .forEach(r -> recommendationOf.put(r.referenceId(), r.referenceId()));
        Map<UUID, RuleSetWords> byRecommendation = triage.wordsOf(new HashSet<>(recommendationOf.values()));
        Map<UUID, RuleSetWords> words = new HashMap<>();
        recommendationOf.forEach((reference, recommendation) ->
                words.put(reference, byRecommendation.getOrDefault(recommendation, RuleSetWords.NONE)));
        return words;
    }

    /** An urgency's label in these words, else the code in words. */
    static String label(Urgency urgency, RuleSetWords words) {
        return words.of(urgency).map(RuleSetWords.Word::label).orElseGet(() -> Labels.of(urgency));
    }
}
