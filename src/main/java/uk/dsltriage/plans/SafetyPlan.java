package uk.dsltriage.plans;

import java.time.LocalDate;
import java.util.List;

/**
 * A child's safety plan: supervision (restrictions and enhancements), early warning signs to monitor, support, each
 * with who is responsible, the child's views of the plan, and the date by which it is reviewed.
 */
public record SafetyPlan(List<SupervisionItem> supervision, List<PlanItem> monitoring, List<PlanItem> support,
        String childViews, LocalDate reviewBy) {

    public SafetyPlan {
        supervision = List.copyOf(supervision);
        monitoring = List.copyOf(monitoring);
        support = List.copyOf(support);
    }

    /** Something someone does, and who (a role, e.g. "Head of Year 10"). */
    public record PlanItem(String description, String responsible) {
    }

    /** A restriction (e.g. separate classes) or an enhancement (e.g. a trusted adult at break), and who sees to it. */
    public record SupervisionItem(SupervisionType type, String description, String responsible) {
    }

    public enum SupervisionType { RESTRICTION, ENHANCEMENT }
}
