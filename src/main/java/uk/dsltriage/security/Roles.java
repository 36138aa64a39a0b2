package uk.dsltriage.security;

/** Keycloak realm roles, as in the vocabulary. */
public final class Roles {
    public static final String STAFF = "staff";
    public static final String DSL = "dsl";
    public static final String HEADTEACHER = "headteacher";
    public static final String LA_OFFICER = "la-officer";
    public static final String RULES_ADMIN = "rules-admin";
    public static final String AUDITOR = "auditor";

    public static final String SCHOOL_CLAIM = "school_urn";
    public static final String LA_CLAIM = "la_code";

    private Roles() {
    }
}
