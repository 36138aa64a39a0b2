package uk.dsltriage.security;

import java.util.Optional;
import java.util.Set;

/**
 * Who is asking and what they may reach: passed into every repository finder so that scoping happens in the data
 * layer. A scope always has an issuer and a subject (a scope that cannot be built is refused, never widened); a
 * school scope always carries a school URN; staff without a wider role are limited to their own records.
 */
public record AccessScope(String issuer, String userId, String schoolUrn, String laCode, Set<String> roles) {

    public AccessScope {
        if (issuer == null || issuer.isBlank() || userId == null || userId.isBlank()) {
            throw new IllegalArgumentException("an access scope needs the caller's issuer and subject");
        }
        roles = Set.copyOf(roles);
    }

    /** The actor recorded in audit events and on records: the token's issuer and subject together. */
    public String actor() {
        return issuer + " " + userId;
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    /** DSLs and headteachers see every record of their school; staff see only what they recorded. */
    public boolean seesWholeSchool() {
        return has(Roles.DSL) || has(Roles.HEADTEACHER);
    }

    /**
     * The author a school query must be limited to: the caller's actor, empty only for a whole-school role. There is
     * no null that could mean "everyone".
     */
    public Optional<String> authorRestriction() {
        return seesWholeSchool() ? Optional.empty() : Optional.of(actor());
    }
}
