package uk.dsltriage.imageguard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import java.util.function.BiFunction;
import uk.dsltriage.common.problem.Problem;
import uk.dsltriage.common.problem.ProblemType;

/**
 * Answers a request refused before routing (no resource, no exception mapper) with problem+json, like every other
 * error, and closes the connection, since the rest of the request is never read.
 */
@ApplicationScoped
public class PreRoutingRefusal {

    private final ObjectMapper json;

    public PreRoutingRefusal(ObjectMapper json) {
        this.json = json;
    }

    /**
     * Audits the refusal first, under the same id as the problem's instance, and answers once the event is written,
     * so that a client never outruns its audit event.
     */
    void refuse(RoutingContext context, ProblemType type, String detail,
            BiFunction<RoutingContext, String, Future<Void>> audit) {
        String instance = UUID.randomUUID().toString();
        String answer = body(Problem.of(type, detail, instance), type.status());
        audit.apply(context, instance).onComplete(recorded -> context.response()
                .setStatusCode(type.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(answer));
    }

    private String body(Problem problem, int status) {
        try {
            return json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            return "{\"status\":" + status + "}";
        }
    }
}
