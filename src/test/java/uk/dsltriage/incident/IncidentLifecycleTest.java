package uk.dsltriage.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import uk.dsltriage.common.problem.ProblemException;
import uk.dsltriage.common.problem.ProblemType;
import uk.dsltriage.vocabulary.Route;
import uk.dsltriage.vocabulary.Urgency;

/** Every transition of the incident lifecycle, allowed and refused. */
class IncidentLifecycleTest {

    private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");
    private static final Instant T1 = Instant.parse("2026-12-02T09:00:00Z");

    private static Incident in(IncidentStatus status) {
        Incident incident = new Incident();
        incident.id = UUID.randomUUID();
        incident.status = status;
        incident.awaitingSince = T0;
        return incident;
    }

    @Test
    void beginReviewOnlyFromAwaiting() {
        Incident incident = in(IncidentStatus.AWAITING_DSL_REVIEW);
        incident.beginReview();
        assertEquals(IncidentStatus.IN_REVIEW, incident.status);
    }

    @ParameterizedTest
    @EnumSource(value = IncidentStatus.class, names = {"IN_REVIEW", "DECIDED", "CLOSED"})
    void beginReviewIsRefusedOtherwise(IncidentStatus status) {
        assertConflict(status, Incident::beginReview);
    }

    @ParameterizedTest
    @EnumSource(value = IncidentStatus.class, names = {"AWAITING_DSL_REVIEW", "IN_REVIEW", "DECIDED"})
    void aDecisionIsRecordedFromAwaitingInReviewOrDecided(IncidentStatus status) {
        Incident incident = in(status);
        UUID decision = UUID.randomUUID();
        incident.decided(decision);
        assertEquals(IncidentStatus.DECIDED, incident.status);
        assertEquals(decision, incident.currentDecisionId);
    }

    @Test
    void aClosedIncidentCannotBeDecidedUntilReopened() {
        assertConflict(IncidentStatus.CLOSED, i -> i.decided(UUID.randomUUID()));
    }

    @Test
    void closeOnlyWhenDecided() {
        Incident incident = in(IncidentStatus.DECIDED);
        incident.close();
        assertEquals(IncidentStatus.CLOSED, incident.status);
    }

    @ParameterizedTest
    @EnumSource(value = IncidentStatus.class, names = {"AWAITING_DSL_REVIEW", "IN_REVIEW", "CLOSED"})
    void closeIsRefusedOtherwise(IncidentStatus status) {
        assertConflict(status, Incident::close);
    }

    @Test
    void reopenOnlyWhenClosedAndItWaitsAgainFromThen() {
        Incident incident = in(IncidentStatus.CLOSED);
        incident.reopen(T1);
        assertEquals(IncidentStatus.AWAITING_DSL_REVIEW, incident.status);
        assertEquals(T1, incident.awaitingSince);
    }

    @ParameterizedTest
    @EnumSource(value = IncidentStatus.class, names = {"AWAITING_DSL_REVIEW", "IN_REVIEW", "DECIDED"})
    void reopenIsRefusedOtherwise(IncidentStatus status) {
        assertConflict(status, i -> i.reopen(T1));
    }

    @ParameterizedTest
    @EnumSource(value = IncidentStatus.class, names = {"IN_REVIEW", "DECIDED", "CLOSED"})
    void aChangedRecommendationReturnsTheIncidentToTheQueue(IncidentStatus status) {
        Incident incident = in(status);
        incident.adopt(UUID.randomUUID(), Urgency.SAME_DAY, List.of(Route.DSL_REVIEW), true, T1);
        assertEquals(IncidentStatus.AWAITING_DSL_REVIEW, incident.status);
        assertEquals(T1, incident.awaitingSince);
    }

    @Test
    void anUnchangedRecommendationLeavesTheDecisionStanding() {
        Incident incident = in(IncidentStatus.DECIDED);
        incident.adopt(UUID.randomUUID(), Urgency.SAME_DAY, List.of(Route.DSL_REVIEW), false, T1);
        assertEquals(IncidentStatus.DECIDED, incident.status);
        assertEquals(T0, incident.awaitingSince);
    }

    @Test
    void aRemovedRouteOrLowerUrgencyIsADowngradeUntilTheNextDecision() {
        Incident incident = in(IncidentStatus.DECIDED);
        incident.adopt(UUID.randomUUID(), Urgency.IMMEDIATE, List.of(Route.POLICE_REFERRAL, Route.CSC_REFERRAL_S47), true, T0);
        Downgrade downgrade = incident.adopt(UUID.randomUUID(), Urgency.SAME_DAY, List.of(Route.POLICE_CONSULTATION), true, T1);
        assertEquals(List.of(Route.POLICE_REFERRAL, Route.CSC_REFERRAL_S47), downgrade.removedRoutes());
        assertEquals(Urgency.IMMEDIATE, downgrade.previousUrgency());
        assertEquals(Urgency.SAME_DAY, downgrade.urgency());
        assertEquals(downgrade, incident.pendingDowngrade());

        // A further change keeps what is still removed.
        Downgrade again = incident.adopt(UUID.randomUUID(), Urgency.SAME_DAY, List.of(Route.POLICE_CONSULTATION,
                Route.CSC_REFERRAL_S47), true, T1);
        assertEquals(List.of(Route.POLICE_REFERRAL), again.removedRoutes());
        assertEquals(Urgency.IMMEDIATE, again.previousUrgency());

        incident.decided(UUID.randomUUID());
        assertFalse(incident.pendingDowngrade().isDowngrade());
        assertNull(incident.downgradedAt);
    }

    @Test
    void anAddedRouteOrHigherUrgencyIsNoDowngrade() {
        Incident incident = in(IncidentStatus.AWAITING_DSL_REVIEW);
        incident.adopt(UUID.randomUUID(), Urgency.SAME_DAY, List.of(Route.DSL_REVIEW), true, T0);
        Downgrade up = incident.adopt(UUID.randomUUID(), Urgency.IMMEDIATE, List.of(Route.DSL_REVIEW, Route.POLICE_REFERRAL), true, T1);
        assertFalse(up.isDowngrade());
        assertTrue(incident.currentRoutes.contains(Route.POLICE_REFERRAL));
    }

    private static void assertConflict(IncidentStatus status, Consumer<Incident> transition) {
        Incident incident = in(status);
        ProblemException refused = assertThrows(ProblemException.class, () -> transition.accept(incident));
        assertEquals(ProblemType.CONFLICT, refused.type());
        assertEquals(status, incident.status, "a refused transition changes nothing");
    }
}
