package uk.dsltriage.console.api;

import java.util.List;

/**
 * What the layout around every page needs: who is signed in (a display name and role, never a child's detail), the
 * navigation for that role, and a one-line confirmation carried over a redirect.
 */
public record Chrome(String displayName, String roleLabel, List<NavEntry> nav, String flash) {

    public record NavEntry(String label, String path, boolean current) {
    }

    public Chrome withFlash(String message) {
        return new Chrome(displayName, roleLabel, nav, message);
    }
}
