package uk.dsltriage.security;

import java.util.Set;

/**
 * Who is asking and what they may reach: passed into every repository finder so that scoping happens in the data
 * layer. A school scope always carries a school URN; staff without a wider role are limited to their own records.
 */
public record AccessScope(String issuer, String userId, String schoolUrn, String laCode, Set<String> roles) {

    public AccessScope {
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

    /** The author filter for school records: null when the caller sees the whole school. */
    public String authorFilter() {
        return seesWholeSchool() ? null : userId;
    }
}
