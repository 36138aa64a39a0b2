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
    NO_ROLE_A("norole-a", Scope.SCHOOL, Fixtures.SCHOOL_A);

    enum Scope { SCHOOL, LA, NONE }

    private final String subject;
    private final Scope scope;
    private final String scopeValue;
    private final String[] roles;
    private String token;
    private long tokenIssuedAt;

    Persona(String subject, Scope scope, String scopeValue, String... roles) {
        this.subject = subject;
        this.scope = scope;
        this.scopeValue = scopeValue;
        this.roles = roles;
    }

    public String subject() {
        return subject;
    }

    /** Re-signed after four minutes: tokens live five, and a long test (the feed's concurrency test) outlasts that. */
    public synchronized String token() {
        if (token == null || System.nanoTime() - tokenIssuedAt > java.util.concurrent.TimeUnit.MINUTES.toNanos(4)) {
            tokenIssuedAt = System.nanoTime();
            token = switch (scope) {
                case SCHOOL -> Tokens.forSchool(subject, scopeValue, roles);
                case LA -> Tokens.forLocalAuthority(subject, scopeValue, roles);
                case NONE -> Tokens.withoutScope(subject, roles);
            };
        }
        return token;
    }

    public RequestSpecification request() {
        return given().auth().oauth2(token()).contentType(ContentType.JSON).accept(ContentType.JSON);
    }
}
