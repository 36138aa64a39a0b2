package uk.dsltriage.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uk.dsltriage.vocabulary.ParticipantRole;
import uk.dsltriage.vocabulary.RequiredAction;
import uk.dsltriage.vocabulary.Route;

/** From a recommendation's route and required actions to the children who need an assessment and a plan. */
class SupportNeedsTest {

    private static final List<SupportNeeds.Participant> PEOPLE = List.of(
            new SupportNeeds.Participant("p1", ParticipantRole.VICTIM, 14, false),
            new SupportNeeds.Participant("P2", ParticipantRole.SENDER, 15, null),
            new SupportNeeds.Participant("P3", ParticipantRole.WITNESS, 15, false),
            new SupportNeeds.Participant("P4", ParticipantRole.RECIPIENT, 15, false),
            new SupportNeeds.Participant("S1", ParticipantRole.SUBJECT, 34, true),
            new SupportNeeds.Participant("P5", ParticipantRole.REQUESTER, 19, null));

    @Test
    void riskAndNeedsAssessmentConcernsTheHarmedChildAndEveryChildWhoDisplayedTheBehaviour() {
        var concerned = SupportNeeds.of(PEOPLE, Set.of(Route.RISK_AND_NEEDS_ASSESSMENT), Set.of());
        assertEquals(List.of(new SupportNeeds.ChildConcerned("P1", SupportNeeds.Concern.HARMED, List.of("RISK_AND_NEEDS_ASSESSMENT")),
                new SupportNeeds.ChildConcerned("P2", SupportNeeds.Concern.DISPLAYED_BEHAVIOUR, List.of("RISK_AND_NEEDS_ASSESSMENT"))),
                concerned, "witnesses, recipients, staff and adults are not children concerned");
    }

    @Test
    void eachSupportActionConcernsItsOwnSide() {
        assertEquals(List.of(new SupportNeeds.ChildConcerned("P1", SupportNeeds.Concern.HARMED, List.of("SUPPORT_VICTIM"))),
                SupportNeeds.of(PEOPLE, Set.of(), Set.of(RequiredAction.SUPPORT_VICTIM)));
        assertEquals(List.of(new SupportNeeds.ChildConcerned("P2", SupportNeeds.Concern.DISPLAYED_BEHAVIOUR,
                        List.of("RISK_AND_NEEDS_ASSESSMENT", "SUPPORT_ALLEGED_PERPETRATOR"))),
                SupportNeeds.of(PEOPLE, Set.of(Route.RISK_AND_NEEDS_ASSESSMENT), Set.of(RequiredAction.SUPPORT_ALLEGED_PERPETRATOR))
                        .subList(1, 2));
    }

    @Test
    void nothingIsAskedWithoutTheRouteOrASupportAction() {
        assertEquals(List.of(), SupportNeeds.of(PEOPLE, Set.of(Route.DSL_REVIEW, Route.PARENTS_INFORM),
                Set.of(RequiredAction.DO_NOT_BLAME_OR_SHAME)));
    }
}
