package uk.dsltriage.console.api;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import uk.dsltriage.plans.api.SupportRecordView;
import uk.dsltriage.review.Labels;

/**
 * One assessment or safety plan version in words: the API's view, and its content as labelled lines (codes with
 * their labels, each plan item with who is responsible).
 */
public record SupportCard(SupportRecordView record, List<Detail> details) {

    /** A term and its values, shown as a description list. */
    public record Detail(String term, List<String> values) {
    }

    static SupportCard of(SupportRecordView r) {
        List<Detail> details = new ArrayList<>();
        if (r.assessment() != null) {
            var a = r.assessment();
            add(details, "Typology", one(a.typology()));
            add(details, "Position on the continuum", one(a.continuumPosition()));
            add(details, "What makes the child vulnerable", labels(a.vulnerabilityFactors()));
            add(details, "What protects the child", a.protectiveFactors());
            add(details, "The child's views", text(a.childViews()));
            add(details, "How the parents were involved", text(a.parentsInvolvement()));
            add(details, "Specialist support considered", labels(a.specialistSupport()));
            add(details, "Formulation", text(a.formulation()));
        }
        if (r.safetyPlan() != null) {
            var p = r.safetyPlan();
            add(details, "Supervision", p.supervision().stream()
                    .map(s -> Labels.of(s.type()) + ": " + s.description() + " (responsible: " + s.responsible() + ")").toList());
            add(details, "Warning signs to monitor", p.monitoring().stream()
                    .map(i -> i.description() + " (responsible: " + i.responsible() + ")").toList());
            add(details, "Support", p.support().stream()
                    .map(i -> i.description() + " (responsible: " + i.responsible() + ")").toList());
            add(details, "The child's views", text(p.childViews()));
        }
        return new SupportCard(r, List.copyOf(details));
    }

    private static List<String> labels(Collection<? extends Enum<?>> values) {
        return values == null ? List.of() : values.stream().filter(v -> v != null).map(v -> Labels.of(v)).toList();
    }

    private static List<String> one(Enum<?> value) {
        return value == null ? List.of() : List.of(Labels.of(value));
    }

    private static List<String> text(String value) {
        return value == null || value.isBlank() ? List.of() : List.of(value);
    }

    private static void add(List<Detail> details, String term, List<String> values) {
        if (values != null && !values.isEmpty()) {
            details.add(new Detail(term, List.copyOf(values)));
        }
    }
}
