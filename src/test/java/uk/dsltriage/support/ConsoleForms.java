package uk.dsltriage.support;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Posts a console form the way a browser does: GET the page holding the form, keep its CSRF cookie and hidden field,
 * POST the fields urlencoded.
 */
public final class ConsoleForms {

    public static final String CSRF = "csrf-token";
    private static final Pattern HIDDEN_TOKEN = Pattern.compile("name=\"" + CSRF + "\" value=\"([^\"]+)\"");

    private ConsoleForms() {
    }

    /** GETs {@code formPage} as {@code persona}, then POSTs {@code fields} (plus the CSRF token) to {@code action}. */
    public static Response post(Persona persona, String formPage, String action, Map<String, ?> fields) {
        Response page = persona.page().get(formPage);
        if (page.statusCode() != 200) {
            throw new AssertionError("GET " + formPage + " answered " + page.statusCode());
        }
        Matcher m = HIDDEN_TOKEN.matcher(page.asString());
        if (!m.find()) {
            throw new AssertionError("no CSRF field on " + formPage);
        }
        return persona.page().cookie(CSRF, page.cookie(CSRF)).contentType(ContentType.URLENC.withCharset("UTF-8"))
                .formParams(fields).formParam(CSRF, m.group(1)).post(action);
    }
}
