package uk.dsltriage.common.openapi;

import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Documents the error responses every operation can give, as RFC 9457 problem details, and the headers every response
 * can carry (rate limit, CORS), in one place rather than on each resource method.
 */
public class ProblemResponsesFilter implements OASFilter {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) ->
                addProblems(method, operation)));
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        if (openAPI.getComponents().getSchemas() == null || !openAPI.getComponents().getSchemas().containsKey("Problem")) {
            openAPI.getComponents().addSchema("Problem", problemSchema());
        }
        ResponseHeaders.addTo(openAPI);
    }

    private static Schema problemSchema() {
        Schema string = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        Schema fieldError = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("field", string).addProperty("message", string);
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details. Never carries a rejected value, a narrative or a stack trace.")
                .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri")
                        .description("Stable identifier of the kind of problem"))
                .addProperty("title", string)
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("detail", string)
                .addProperty("instance", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("Correlation id of the request, also in the X-Correlation-Id header"))
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(fieldError)
                        .description("Offending fields, by path only"))
                .addProperty("guidance", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(string)
                        .description("For refused image content: what the reporter should do instead"));
    }

    /** Request examples live in resources/openapi-examples/{operationId}.json, real bodies the API accepts. */
    private static void addExample(Operation operation) {
        if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null
                || operation.getOperationId() == null) {
            return;
        }
        String resource = "openapi-examples/" + operation.getOperationId() + ".json";
        try (java.io.InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return;
            }
            Object example = new com.fasterxml.jackson.databind.ObjectMapper().readValue(in, Object.class);
            operation.getRequestBody().getContent().getMediaTypes().values().forEach(media -> media.setExample(example));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("OpenAPI example not readable: " + resource, e);
        }
    }

    private static void addProblems(PathItem.HttpMethod method, Operation operation) {
        addExample(operation);
        boolean hasBody = operation.getRequestBody() != null;
        Map<String, String> problems = new LinkedHashMap<>();
        problems.put("400", "Invalid request: the offending fields are listed by path, values are never echoed");
        problems.put("401", "No valid access token");
        problems.put("403", "The caller's role, or a missing school_urn / la_code claim, does not allow this");
        problems.put("404", "No such resource, or it is outside the caller's school or local authority");
        if (hasBody) {
            problems.put("413", "Request body over the size limit");
            problems.put("415", "Only application/json is accepted: never images, video, files or forms");
            problems.put("422", "Image, video, file or link content was found and refused (nothing stored); or an Idempotency-Key was reused for a different request");
        }
        problems.put("431", "Request headers over the size limit");
        problems.put("429", "Too many requests from this user (issuer + subject) on this instance: wait the Retry-After seconds");
        problems.put("500", "Unexpected error; the instance field is the correlation id to quote");
        problems.put("503", "The database cannot be reached just now: service-unavailable, nothing was changed; or, rarely, commit-outcome-unknown, lost during the commit itself. Retry after Retry-After seconds, writes with the same Idempotency-Key (recorded once either way)");
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        for (Map.Entry<String, String> problem : problems.entrySet()) {
            APIResponse existing = responses.getAPIResponse(problem.getKey());
            if (existing != null && existing.getContent() != null && existing.getContent().hasMediaType("application/problem+json")) {
                continue;
            }
            // Responses added by Quarkus itself (401/403 for secured methods, 400 for validated ones) have no body.
            APIResponse response = OASFactory.createAPIResponse()
                    .description(problem.getValue())
                    .content(OASFactory.createContent().addMediaType("application/problem+json",
                            OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF))));
            responses.addAPIResponse(problem.getKey(), response);
        }
    }
}
