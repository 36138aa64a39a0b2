package uk.dsltriage.incident;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import uk.dsltriage.vocabulary.ParticipantRole;
import uk.dsltriage.vocabulary.RequiredAction;
import uk.dsltriage.vocabulary.Route;

/**
 * Which children of an incident the recommendation asks the school to assess and support: the harmed child (VICTIM)
 * when it requires SUPPORT_VICTIM, the child who displayed the behaviour (a child SUBJECT, IMAGE_CREATOR, SENDER or
 * REQUESTER) when it requires SUPPORT_ALLEGED_PERPETRATOR, and both when it routes to RISK_AND_NEEDS_ASSESSMENT. Each
 * concerned child needs a holistic assessment and a safety plan (CSA Centre guide §6–§7; KCSIE Part 5). Pure.
 */
public final class SupportNeeds {

    public enum Concern { HARMED, DISPLAYED_BEHAVIOUR }

    /** A participant as far as this decision needs it. */
    public record Participant(String ref, ParticipantRole role, Integer ageYears, Boolean staffOrVolunteer) {
    }

    /** A child concerned, and the codes of the recommendation that ask for their assessment and plan. */
    public record ChildConcerned(String ref, Concern concern, List<String> requiredBy) {
    }

    private static final Set<ParticipantRole> DISPLAYED = EnumSet.of(ParticipantRole.SUBJECT, ParticipantRole.IMAGE_CREATOR,
            ParticipantRole.SENDER, ParticipantRole.REQUESTER);

    private SupportNeeds() {
    }

    public static List<ChildConcerned> of(List<Participant> participants, Set<Route> routes, Set<RequiredAction> actions) {
        boolean assessment = routes.contains(Route.RISK_AND_NEEDS_ASSESSMENT);
        Map<String, ChildConcerned> concerned = new LinkedHashMap<>();
        for (Participant p : participants) {
            if (p.ref() == null || p.role() == null || !isChild(p)) {
                continue;
            }
            Concern concern = p.role() == ParticipantRole.VICTIM ? Concern.HARMED
                    : DISPLAYED.contains(p.role()) ? Concern.DISPLAYED_BEHAVIOUR : null;
            if (concern == null) {
                continue;
            }
            RequiredAction support = concern == Concern.HARMED ? RequiredAction.SUPPORT_VICTIM
                    : RequiredAction.SUPPORT_ALLEGED_PERPETRATOR;
            List<String> requiredBy = new ArrayList<>();
            if (assessment) {
                requiredBy.add(Route.RISK_AND_NEEDS_ASSESSMENT.name());
            }
            if (actions.contains(support)) {
                requiredBy.add(support.name());
            }
            if (!requiredBy.isEmpty()) {
                concerned.putIfAbsent(ParticipantIndex.normalise(p.ref()), new ChildConcerned(
                        ParticipantIndex.normalise(p.ref()), concern, List.copyOf(requiredBy)));
            }
        }
        return List.copyOf(concerned.values());
    }

    private static boolean isChild(Participant p) {
        return !Boolean.TRUE.equals(p.staffOrVolunteer()) && (p.ageYears() == null || p.ageYears() < 18);
    }
}
