package uk.dsltriage.referral;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import uk.dsltriage.vocabulary.ReferralKind;
import uk.dsltriage.vocabulary.Route;

/** Which routes are referrals to a local authority, and of which kind. */
public final class ReferralRoutes {

    private ReferralRoutes() {
    }

    public static Optional<ReferralKind> kindOf(Route route) {
        return Optional.ofNullable(switch (route.name()) {
            case "CSC_REFERRAL_S47" -> ReferralKind.CSC_S47;
            case "CSC_REFERRAL_S17" -> ReferralKind.CSC_S17;
            case "LADO_REFERRAL" -> ReferralKind.LADO;
            case "EARLY_HELP" -> ReferralKind.EARLY_HELP;
            // Family Help routes of the 2026 rule sets, by name, so this compiles before and after they are added.
            case "FAMILY_HELP", "FAMILY_HELP_REFERRAL" -> ReferralKind.FAMILY_HELP;
            default -> null;
        });
    }

    public static Set<ReferralKind> kindsOf(Collection<Route> routes) {
        Set<ReferralKind> kinds = EnumSet.noneOf(ReferralKind.class);
        routes.forEach(route -> kindOf(route).ifPresent(kinds::add));
        return kinds;
    }
}
