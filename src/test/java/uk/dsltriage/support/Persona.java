package uk.dsltriage.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** The people of the fast suite: two schools, two local authorities, and accounts missing the claim they need. */
public enum Persona {
    STAFF_A("staff-a", Scope.SCHOOL, Fixtures.SCHOOL_A, "staff"),
    STAFF_A2("staff-a2", Scope.SCHOOL, Fixtures.SCHOOL_A, "staff"),
    DSL_A("dsl-a", Scope.SCHOOL, Fixtures.SCHOOL_A, "dsl"),
    HEAD_A("head-a", Scope.SCHOOL, Fixtures.SCHOOL_A, "headteacher"),
    AUDITOR_A("auditor-a", Scope.SCHOOL, Fixtures.SCHOOL_A, "auditor"),
    STAFF_B("staff-b", Scope.SCHOOL, Fixtures.SCHOOL_B, "staff"),
    DSL_B("dsl-b", Scope.SCHOOL, Fixtures.SCHOOL_B, "dsl"),
    HEAD_B("head-b", Scope.SCHOOL, Fixtures.SCHOOL_B, "headteacher"),
    LA_OFFICER_1("officer-la1", Scope.LA, Fixtures.LA_1, "la-officer"),
    LA_OFFICER_2("officer-la2", Scope.LA, Fixtures.LA_2, "la-officer"),
    RULES_ADMIN("rules-admin", Scope.NONE, null, "rules-admin"),
    DSL_NO_CLAIM("dsl-noclaim", Scope.NONE, null, "dsl"),
    STAFF_NO_CLAIM("staff-noclaim", Scope.NONE, null, "staff"),
    NO_ROLE_A("norole-a", Scope.SCHOOL, Fixtures.SCHOOL_A),
    /** A validly signed school token with every role but no {@code sub} (it still has preferred_username). */
    NO_SUB("no-sub", Scope.SCHOOL_WITHOUT_SUBJECT, Fixtures.SCHOOL_A, "staff", "dsl", "headteacher", "auditor", "rules-admin");

    enum Scope { SCHOOL, LA, NONE, SCHOOL_WITHOUT_SUBJECT }

    private final String subject;
    private final Scope scope;
    private final String scopeValue;
    private final String[] roles;
    private static final long TOKEN_REUSE_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(120);

    private String token;
    private long mintedAt;

    Persona(String subject, Scope scope, String scopeValue, String... roles) {
        this.subject = subject;
        this.scope = scope;
        this.scopeValue = scopeValue;
        this.roles = roles;
    }

    public String subject() {
        return subject;
    }

    /** How records written by this persona name their author: the token's issuer and subject. */
    public String actor() {
        return Tokens.ISSUER + " " + subject;
    }

    /**
     * A cached token, minted again well before its 300-second expiry: on a busy machine one test JVM outlives a
     * token, and an expired one would turn every later test into a 401.
     */
    public synchronized String token() {
        if (token == null || System.nanoTime() - mintedAt > TOKEN_REUSE_NANOS) {
            mintedAt = System.nanoTime();
            token = switch (scope) {
                case SCHOOL -> Tokens.forSchool(subject, scopeValue, roles);
                case LA -> Tokens.forLocalAuthority(subject, scopeValue, roles);
                case NONE -> Tokens.withoutScope(subject, roles);
                case SCHOOL_WITHOUT_SUBJECT -> Tokens.builder(subject, roles).remove("sub").claim("school_urn", scopeValue)
                        .sign(Tokens.key());
            };
        }
        return token;
    }

    /** A console page request: the same token, asking for HTML. */
    public RequestSpecification page() {
        return given().auth().oauth2(token()).accept(ContentType.HTML).redirects().follow(false);
    }

    public RequestSpecification request() {
        return given().auth().oauth2(token()).contentType(ContentType.JSON).accept(ContentType.JSON);
    }
}
