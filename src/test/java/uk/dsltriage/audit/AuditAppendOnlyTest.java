package uk.dsltriage.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.dsltriage.support.Fixtures;
import uk.dsltriage.support.Tokens;

/**
 * The database keeps the audit trail append-only for the service's role, and verify finds what a superuser changes
 * with the triggers switched off: an edit at the edited row, a deletion at the row after the gap, a deletion of the
 * last rows at the chain's end. Each test uses a school of its own, so the chains it breaks are no one else's.
 */
@QuarkusTest
class AuditAppendOnlyTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theServicesRoleCannotUpdateDeleteOrTruncateAuditRows() throws SQLException {
        School school = new School("100101");
        school.recordIncidents(2);
        for (String sql : List.of("update audit_event set actor = 'someone else'",
                "delete from audit_event",
                "truncate audit_event",
                "update audit_chain_head set seq = 0",
                "delete from audit_chain_head")) {
            SQLException refused = assertThrows(SQLException.class, () -> execute(sql, false), sql);
            assertEquals("P0001", refused.getSQLState(), sql);
        }
        // A role that is not a superuser, even with every table privilege, is refused by the triggers too.
        execute("do $$ begin if not exists (select from pg_roles where rolname = 'audit_probe') then "
                + "create role audit_probe nologin; end if; end $$; "
                + "grant select, insert, update, delete, truncate on audit_event to audit_probe", false);
        for (String sql : List.of("update audit_event set actor = 'someone else'", "delete from audit_event")) {
            SQLException refused = assertThrows(SQLException.class, () -> execute("set role audit_probe; " + sql, false));
            assertEquals("P0001", refused.getSQLState());
        }
        assertTrue(school.verify().getBoolean("valid"));
    }

    @Test
    void aSuperuserEditIsFoundAtTheEditedRow() throws SQLException {
        School school = new School("100102");
        List<Long> ids = school.recordIncidents(5);
        long edited = ids.get(2);
        execute("update audit_event set actor = 'http://elsewhere someone-else' where id = " + edited, true);

        JsonPath result = school.verify();
        assertFalse(result.getBoolean("valid"));
        assertEquals(edited, result.getLong("firstBrokenEventId"));
    }

    @Test
    void aSuperuserDeletionIsFoundAtTheRowAfterTheGap() throws SQLException {
        School school = new School("100103");
        List<Long> ids = school.recordIncidents(5);
        execute("delete from audit_event where id = " + ids.get(1), true);

        JsonPath result = school.verify();
        assertFalse(result.getBoolean("valid"));
        assertEquals(ids.get(2), result.getLong("firstBrokenEventId"));
    }

    @Test
    void deletingTheLastRowsIsFoundAgainstTheChainHead() throws SQLException {
        School school = new School("100104");
        List<Long> ids = school.recordIncidents(3);
        execute("delete from audit_event where id = " + ids.get(2), true);

        JsonPath result = school.verify();
        assertFalse(result.getBoolean("valid"));
        assertEquals(ids.get(2), result.getLong("firstBrokenEventId"));
    }

    @Test
    void aRewrittenHashIsFoundWhereTheLinkBreaks() throws SQLException {
        School school = new School("100105");
        List<Long> ids = school.recordIncidents(4);
        // The attacker edits a row and recomputes its hash: only the next row's link shows it.
        AuditEntry row = AuditEvents.after(dataSource, ids.get(1) - 1).get(0);
        AuditEntry forged = new AuditEntry(row.id(), row.chain(), row.seq(), row.prevHash(), row.at(),
                "http://elsewhere someone-else", row.roles(), row.schoolUrn(), row.laCode(), row.action(),
                row.objectKind(), row.objectId(), row.outcome(), row.endpoint(), row.correlationId(), null);
        execute("update audit_event set actor = 'http://elsewhere someone-else', hash = '" + forged.computeHash()
                + "' where id = " + row.id(), true);
        JsonPath result = school.verify();
        assertFalse(result.getBoolean("valid"));
        assertEquals(ids.get(1), result.getLong("firstBrokenEventId"));
    }

    private void execute(String sql, boolean bypassTriggers) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            if (bypassTriggers) {
                // What a database superuser can do: switch ordinary triggers off for the session.
                s.execute("set session_replication_role = replica");
            }
            try {
                s.execute(sql);
            } finally {
                s.execute("reset role");
                s.execute("set session_replication_role = origin");
            }
        }
    }

    /** A school of its own: a staff member records incidents; its auditor verifies. */
    private final class School {
        private final String urn;

        School(String urn) {
            this.urn = urn;
        }

        /** Records incidents and returns the ids of their INCIDENT_RECORDED events, in order. */
        List<Long> recordIncidents(int count) {
            long mark = AuditEvents.mark(dataSource);
            String token = Tokens.forSchool("staff-" + urn, urn, "staff");
            for (int i = 0; i < count; i++) {
                RestAssured.given().auth().oauth2(token).contentType(ContentType.JSON).body(Fixtures.incident())
                        .post("/api/v1/incidents").then().statusCode(201);
            }
            return AuditEvents.after(dataSource, mark).stream()
                    .filter(e -> e.chain().equals("school:" + urn))
                    .map(AuditEntry::id).toList();
        }

        JsonPath verify() {
            return RestAssured.given().auth().oauth2(Tokens.forSchool("auditor-" + urn, urn, "auditor"))
                    .get("/api/v1/audit/verify").then().statusCode(200).extract().jsonPath();
        }
    }
}
