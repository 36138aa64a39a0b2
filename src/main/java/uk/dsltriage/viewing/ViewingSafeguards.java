package uk.dsltriage.viewing;

import java.util.ArrayList;
import java.util.List;
import uk.dsltriage.common.problem.Problem;

/** The UKCIS 2024 safeguards a DSL viewing record must show, each failure named by field. Pure. */
public final class ViewingSafeguards {

    private ViewingSafeguards() {
    }

    public static List<Problem.FieldError> missing(ViewingException r) {
        List<Problem.FieldError> errors = new ArrayList<>();
        require(errors, r.viewedAt() != null, "viewedAt", "when the image was viewed is required");
        require(errors, r.viewerRole() != null, "viewerRole", "only the DSL, or a deputy with the headteacher's delegated authority, may view");
        require(errors, r.reason() != null, "reason", "one of the three allowed reasons is required");
        require(errors, Boolean.TRUE.equals(r.headteacherConsulted()), "headteacherConsulted", "the headteacher must be consulted before viewing");
        require(errors, Boolean.TRUE.equals(r.secondStaffPresent()), "secondStaffPresent", "another member of staff must be present (they do not view)");
        require(errors, !Boolean.TRUE.equals(r.secondStaffPresent()) || r.secondStaffRole() != null, "secondStaffRole", "say who the second member of staff was");
        boolean sameSexOrReason = Boolean.TRUE.equals(r.sameSexAsChild())
                || Boolean.FALSE.equals(r.sameSexAsChild()) && r.notSameSexReason() != null && !r.notSameSexReason().isBlank();
        require(errors, sameSexOrReason, r.sameSexAsChild() == null ? "sameSexAsChild" : "notSameSexReason",
                "the viewer should be the same sex as the child, or the record must say why that was not possible");
        require(errors, r.onPremises() != null, "onPremises", "say whether the image was viewed on the school premises");
        require(errors, Boolean.TRUE.equals(r.noCopyMade()), "noCopyMade", "no copy may be made, printed, shared, stored or saved: if one was, contact the police for advice");
        require(errors, Boolean.FALSE.equals(r.wouldCauseSignificantDistress()), "wouldCauseSignificantDistress",
                "an image must never be viewed if that would cause significant distress or harm to a child");
        require(errors, r.signedBy() != null && !r.signedBy().isBlank(), "signedBy", "the record must be signed");
        require(errors, r.signedAt() != null, "signedAt", "the record must be dated and timed");
        return errors;
    }

    private static void require(List<Problem.FieldError> errors, boolean ok, String field, String message) {
        if (!ok) {
            errors.add(new Problem.FieldError(field, message));
        }
    }
}
