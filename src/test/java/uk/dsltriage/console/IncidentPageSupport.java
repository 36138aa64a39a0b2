package uk.dsltriage.console;

import io.agroal.api.AgroalDataSource;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uk.dsltriage.support.Fixtures;
import uk.dsltriage.support.Persona;

/** What the incident page and decision form tests share: a recorded concern, the form's version, the stored review. */
final class IncidentPageSupport {

    private static final Pattern VERSION = Pattern.compile("name=\"version\" value=\"([^\"]*)\"");

    private IncidentPageSupport() {
    }

    /** A TC01-like concern recorded by school A's staff member; its id. */
    static String recordConcern() {
        return Persona.STAFF_A.request().header("Idempotency-Key", Fixtures.key()).body(Fixtures.incident())
                .post("/api/v1/incidents").then().statusCode(201).extract().path("id");
    }

    /** The same concern recorded at school B. */
    static String recordConcernOfSchoolB() {
        return Persona.STAFF_B.request().header("Idempotency-Key", Fixtures.key()).body(Fixtures.incident())
                .post("/api/v1/incidents").then().statusCode(201).extract().path("id");
    }

    /** The hidden version of the decision form as a browser would send it (the ETag, unescaped). */
    static String formVersion(String incident) {
        String html = Persona.DSL_A.page().get("/console/incidents/" + incident + "/decision").then().statusCode(200)
                .extract().asString();
        Matcher m = VERSION.matcher(html);
        if (!m.find()) {
            throw new AssertionError("no version field on the decision form");
        }
        return m.group(1).replace("&quot;", "\"").replace("&#34;", "\"");
    }

    /** The review as the API returns it to the DSL. */
    static JsonPath review(String incident) {
        return Persona.DSL_A.request().get("/api/v1/incidents/" + incident + "/review").then().statusCode(200)
                .extract().jsonPath();
    }

    /** Qute's escaping of text in HTML, to find record text in a page. */
    static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }

    static long auditMark(AgroalDataSource dataSource) {
        return query(dataSource, "select coalesce(max(id), 0) from audit_event", 0).stream().findFirst()
                .map(Long::parseLong).orElse(0L);
    }

    /** "ACTION actor object" of every audit event after the mark, in order. */
    static List<String> auditAfter(AgroalDataSource dataSource, long mark) {
        return query(dataSource, "select action || ' ' || actor || ' ' || coalesce(object_id::text, '-') from audit_event where id > ? order by id", mark);
    }

    private static List<String> query(AgroalDataSource dataSource, String sql, long mark) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            if (sql.contains("?")) {
                s.setLong(1, mark);
            }
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
