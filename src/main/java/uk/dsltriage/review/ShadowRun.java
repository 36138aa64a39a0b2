package uk.dsltriage.review;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import uk.dsltriage.common.WireLimits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import uk.dsltriage.audit.AuditAction;
import uk.dsltriage.audit.AuditLog;
import uk.dsltriage.audit.ObjectKind;
import uk.dsltriage.incident.Incident;
import uk.dsltriage.incident.IncidentService;
import uk.dsltriage.rules.RuleSet;
import uk.dsltriage.security.AccessScope;
import uk.dsltriage.triage.Advice;
import uk.dsltriage.triage.TriageService;
import uk.dsltriage.vocabulary.ForbiddenAction;
import uk.dsltriage.vocabulary.RequiredAction;
import uk.dsltriage.vocabulary.Route;
import uk.dsltriage.vocabulary.Urgency;

/**
 * New guidance shown before it applies: evaluates the facts in force of every open (not closed) incident under a
 * rule-set version and lists those whose advice would change, with the difference. Stores nothing but an audit
 * event. A DSL sees their school; a rules administrator every school (ids and codes only, never a narrative).
 */
@ApplicationScoped
public class ShadowRun {

    static final int BATCH = 200;

    private final EntityManager em;
    private final IncidentService incidentService;
    private final TriageService triage;
    private final AuditLog audit;

    public ShadowRun(EntityManager em, IncidentService incidentService, TriageService triage, AuditLog audit) {
        this.em = em;
        this.incidentService = incidentService;
        this.triage = triage;
        this.audit = audit;
    }

    public record Change(UUID incidentId, @Schema(maxLength = WireLimits.SCHOOL_URN) String schoolUrn, Urgency urgencyBefore, Urgency urgencyAfter,
            @Schema(maxItems = WireLimits.CODES) List<Route> routesAdded, @Schema(maxItems = WireLimits.CODES) List<Route> routesRemoved, @Schema(maxItems = WireLimits.CODES) List<RequiredAction> requiredActionsAdded,
            @Schema(maxItems = WireLimits.CODES) List<RequiredAction> requiredActionsRemoved, @Schema(maxItems = WireLimits.CODES) List<ForbiddenAction> forbiddenActionsAdded,
            @Schema(maxItems = WireLimits.CODES) List<ForbiddenAction> forbiddenActionsRemoved) {
    }

    /** {@code schoolUrn} null: every school (rules administrators only; the resource decides who may). */
    @Transactional
    public List<Change> run(AccessScope scope, String schoolUrn, RuleSet ruleSet) {
        List<Change> changes = new ArrayList<>();
        UUID after = null;
        List<Incident> batch;
        do {
            batch = openIncidents(schoolUrn, after);
            for (Incident incident : batch) {
                Advice now = triage.find(incident.currentRecommendationId).map(r -> Advice.of(triage.storedResult(r))).orElse(null);
                Advice shadow = Advice.of(triage.evaluate(ruleSet, incidentService.currentFacts(incident)));
                if (now == null || !now.equals(shadow)) {
                    changes.add(difference(incident, now, shadow));
                }
                after = incident.id;
            }
            em.clear();
        } while (batch.size() == BATCH);
        audit.record(scope, AuditAction.SHADOW_RUN, ObjectKind.RULE_SET, ruleSet.ruleSetId() + "/" + ruleSet.version());
        return changes;
    }

    private List<Incident> openIncidents(String schoolUrn, UUID after) {
        String query = "from Incident i where i.status <> uk.dsltriage.incident.IncidentStatus.CLOSED"
                + (schoolUrn == null ? "" : " and i.schoolUrn = :school")
                + (after == null ? "" : " and i.id > :after") + " order by i.id";
        var q = em.createQuery(query, Incident.class).setMaxResults(BATCH);
        if (schoolUrn != null) {
            q.setParameter("school", schoolUrn);
        }
        if (after != null) {
            q.setParameter("after", after);
        }
        return q.getResultList();
    }

    private static Change difference(Incident incident, Advice before, Advice after) {
        List<Route> beforeRoutes = before == null ? List.of() : before.routes();
        List<RequiredAction> beforeRequired = before == null ? List.of() : before.requiredActions();
        List<ForbiddenAction> beforeForbidden = before == null ? List.of() : before.forbiddenActions();
        return new Change(incident.id, incident.schoolUrn, before == null ? null : before.urgency(), after.urgency(),
                minus(after.routes(), beforeRoutes, Route.class), minus(beforeRoutes, after.routes(), Route.class),
                minus(after.requiredActions(), beforeRequired, RequiredAction.class),
                minus(beforeRequired, after.requiredActions(), RequiredAction.class),
                minus(after.forbiddenActions(), beforeForbidden, ForbiddenAction.class),
                minus(beforeForbidden, after.forbiddenActions(), ForbiddenAction.class));
    }

    private static <E extends Enum<E>> List<E> minus(List<E> a, List<E> b, Class<E> type) {
        Set<E> result = EnumSet.noneOf(type);
        result.addAll(a);
        b.forEach(result::remove);
        return List.copyOf(result);
    }
}
