package uk.dsltriage.common.openapi;

import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * The headers the contract declares on responses: the per-user rate limit (uk.dsltriage.security.RateLimitFilter) on
 * every 2xx and 4xx, {@code Retry-After} on 429, and the CORS policy, stated on every response that declares headers.
 */
final class ResponseHeaders {

    static final String LIMIT = "RateLimit-Limit";
    static final String REMAINING = "RateLimit-Remaining";
    static final String RESET = "RateLimit-Reset";
    static final String RETRY_AFTER = "Retry-After";
    static final String ALLOW_ORIGIN = "Access-Control-Allow-Origin";
    private static final String REF = "#/components/headers/";
    private static final long MAX_SECONDS = 86_400;

    private ResponseHeaders() {
    }

    static void addTo(OpenAPI openAPI) {
        // Ordered, so that the served document is the same on every start (OpenApiContractTest compares it).
        Map<String, Header> definitions = new LinkedHashMap<>();
        definitions.put(LIMIT, integer("Requests a user may send in a burst to this instance (IETF draft-ietf-httpapi-ratelimit-headers"
                        + " RateLimit-Limit). Sent on every response to an authenticated caller; the limit is per user"
                        + " (token issuer + subject) per service instance.", 1, Integer.MAX_VALUE));
        definitions.put(REMAINING, integer("Requests left in the user's current burst on this instance (RateLimit-Remaining).",
                        0, Integer.MAX_VALUE));
        definitions.put(RESET, integer("Seconds until the user's budget on this instance is full again (RateLimit-Reset).",
                        0, MAX_SECONDS));
        definitions.put(RETRY_AFTER, integer("Seconds to wait before the next request will be accepted (RFC 9110).", 1,
                MAX_SECONDS));
        definitions.put(ALLOW_ORIGIN, OASFactory.createHeader()
                        .description("CORS policy: the API is for server-side and native clients and sends no CORS headers,"
                                + " so browsers refuse cross-origin calls. An operator may allow named origins with"
                                + " quarkus.http.cors.origins; this header then names the one allowed origin.")
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri").maxLength(2048)));
        definitions.forEach((name, header) -> openAPI.getComponents().addHeader(name, header));
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(operation -> {
            if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                operation.getResponses().getAPIResponses().forEach(ResponseHeaders::addHeaders);
            }
        }));
    }

    private static void addHeaders(String status, APIResponse response) {
        if (status.startsWith("2") || status.startsWith("4")) {
            ref(response, LIMIT);
            ref(response, REMAINING);
            ref(response, RESET);
        }
        if (status.equals("429")) {
            ref(response, RETRY_AFTER);
        }
        if (response.getHeaders() != null && !response.getHeaders().isEmpty()) {
            ref(response, ALLOW_ORIGIN);
        }
    }

    private static void ref(APIResponse response, String name) {
        if (response.getHeaders() == null || !response.getHeaders().containsKey(name)) {
            response.addHeader(name, OASFactory.createHeader().ref(REF + name));
        }
    }

    private static Header integer(String description, long minimum, long maximum) {
        return OASFactory.createHeader().description(description).schema(OASFactory.createSchema()
                .addType(Schema.SchemaType.INTEGER).format(maximum > Integer.MAX_VALUE ? "int64" : "int32").minimum(java.math.BigDecimal.valueOf(minimum))
                .maximum(java.math.BigDecimal.valueOf(maximum)));
    }
}
