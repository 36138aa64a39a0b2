package uk.dsltriage.security;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import uk.dsltriage.common.CorrelationId;
import uk.dsltriage.common.problem.Problem;
import uk.dsltriage.common.problem.ProblemType;

/**
 * The per-user rate limit on every API endpoint: an authenticated caller (issuer + subject) who has used up their
 * bucket gets 429 problem+json with {@code Retry-After}; every limited response carries {@code RateLimit-Limit},
 * {@code RateLimit-Remaining} and {@code RateLimit-Reset}. Callers without a usable identity are left to the
 * security layer (401). /q/* (health, metrics, OpenAPI) is not a REST resource, so never limited. A 429 is not
 * audited: writing an audit event per flooded request would turn the limit into a database load.
 */
public class RateLimitFilter {

    public static final String LIMIT = "RateLimit-Limit";
    public static final String REMAINING = "RateLimit-Remaining";
    public static final String RESET = "RateLimit-Reset";
    private static final String VERDICT = "dsltriage.rateLimit";

    private final RateLimitConfig config;
    private final RateLimiter limiter;
    private final CurrentIdentityAssociation identities;

    public RateLimitFilter(RateLimitConfig config, RateLimiter limiter, CurrentIdentityAssociation identities) {
        this.config = config;
        this.limiter = limiter;
        this.identities = identities;
    }

    @ServerRequestFilter
    public Uni<Response> limit(ContainerRequestContext request) {
        if (!config.enabled()) {
            return Uni.createFrom().nullItem();
        }
        return identities.getDeferredIdentity()
                .onFailure().recoverWithNull()
                .map(identity -> {
                    String caller = callerKey(identity);
                    if (caller == null) {
                        return null;
                    }
                    RateLimiter.Verdict verdict = limiter.take(caller);
                    request.setProperty(VERDICT, verdict);
                    return verdict.allowed() ? null : tooMany(verdict, request);
                });
    }

    @ServerResponseFilter
    public void headers(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(VERDICT) instanceof RateLimiter.Verdict verdict) {
            MultivaluedMap<String, Object> headers = response.getHeaders();
            headers.putSingle(LIMIT, verdict.limit());
            headers.putSingle(REMAINING, verdict.remaining());
            headers.putSingle(RESET, verdict.resetSeconds());
            if (!verdict.allowed()) {
                headers.putSingle("Retry-After", verdict.retryAfterSeconds());
            }
        }
    }

    private static String callerKey(SecurityIdentity identity) {
        return CallerToken.of(identity).filter(TokenClaims::identifies)
                .map(token -> TokenClaims.issuer(token).orElseThrow() + " " + TokenClaims.subject(token).orElseThrow())
                .orElse(null);
    }

    private static Response tooMany(RateLimiter.Verdict verdict, ContainerRequestContext request) {
        Problem problem = Problem.of(ProblemType.RATE_LIMITED,
                "Too many requests from your account: retry after " + verdict.retryAfterSeconds() + " seconds.",
                CorrelationId.of(request));
        return Response.status(429).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
