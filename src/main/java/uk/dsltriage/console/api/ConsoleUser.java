package uk.dsltriage.console.api;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.ArrayList;
import java.util.List;
import uk.dsltriage.security.CurrentUser;
import uk.dsltriage.security.Roles;

/** The signed-in console user: their role decides the landing page and the navigation. */
@RequestScoped
public class ConsoleUser {

    private final SecurityIdentity identity;
    private final CurrentUser user;

    public ConsoleUser(SecurityIdentity identity, CurrentUser user) {
        this.identity = identity;
        this.user = user;
    }

    public boolean isDsl() {
        return identity.hasRole(Roles.DSL);
    }

    public boolean isHeadteacher() {
        return identity.hasRole(Roles.HEADTEACHER);
    }

    public boolean isStaff() {
        return identity.hasRole(Roles.STAFF);
    }

    public String landingPath() {
        // The queue is the DSL's; a headteacher reads the school's concerns, staff what they recorded.
        return isDsl() ? ConsolePaths.QUEUE : ConsolePaths.CONCERNS;
    }

    /** The layout's data for a page, {@code currentPath} marking where the user is. */
    public Chrome chrome(String currentPath) {
        List<Chrome.NavEntry> nav = new ArrayList<>();
        if (isDsl()) {
            nav.add(entry("Review queue", ConsolePaths.QUEUE, currentPath));
            nav.add(entry("Tasks", ConsolePaths.TASKS, currentPath));
            nav.add(entry("Referrals", ConsolePaths.REFERRALS, currentPath));
            nav.add(entry("Alerts", ConsolePaths.ALERTS, currentPath));
        }
        if (isStaff() || isDsl()) {
            nav.add(entry("Record a concern", ConsolePaths.NEW_CONCERN, currentPath));
        }
        if (isDsl() || isHeadteacher()) {
            nav.add(entry("The school's concerns", ConsolePaths.CONCERNS, currentPath));
        } else if (isStaff()) {
            nav.add(entry("Concerns I recorded", ConsolePaths.CONCERNS, currentPath));
        }
        return new Chrome(user.displayName(), roleLabel(), List.copyOf(nav), null);
    }

    private String roleLabel() {
        if (isDsl()) {
            return "Designated safeguarding lead";
        }
        if (isHeadteacher()) {
            return "Headteacher";
        }
        return isStaff() ? "Staff" : "Signed in";
    }

    private static Chrome.NavEntry entry(String label, String path, String currentPath) {
        return new Chrome.NavEntry(label, path, path.equals(currentPath));
    }
}
