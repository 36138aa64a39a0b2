package uk.dsltriage.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A scope cannot widen: without a whole-school role it is always limited to the caller's own actor. */
class AccessScopeTest {

    private static final String ISSUER = "https://id.example/realms/dsl-triage";

    @Test
    void staffAreLimitedToTheirOwnActorAndWholeSchoolRolesAreNot() {
        assertEquals(Optional.of(ISSUER + " staff-1"),
                new AccessScope(ISSUER, "staff-1", "100001", null, Set.of(Roles.STAFF)).authorRestriction());
        assertEquals(Optional.of(ISSUER + " x"),
                new AccessScope(ISSUER, "x", "100001", null, Set.of()).authorRestriction());
        assertEquals(Optional.of(ISSUER + " aud"),
                new AccessScope(ISSUER, "aud", "100001", null, Set.of(Roles.AUDITOR, Roles.RULES_ADMIN)).authorRestriction());
        assertTrue(new AccessScope(ISSUER, "dsl-1", "100001", null, Set.of(Roles.DSL)).authorRestriction().isEmpty());
        assertTrue(new AccessScope(ISSUER, "head-1", "100001", null, Set.of(Roles.HEADTEACHER)).authorRestriction().isEmpty());
    }

    @Test
    void aScopeWithoutIssuerOrSubjectCannotBeBuilt() {
        for (String missing : new String[] {null, "", " ", "\t"}) {
            assertThrows(IllegalArgumentException.class, () -> new AccessScope(ISSUER, missing, "100001", null, Set.of(Roles.STAFF)));
            assertThrows(IllegalArgumentException.class, () -> new AccessScope(missing, "staff-1", "100001", null, Set.of(Roles.STAFF)));
        }
    }
}
