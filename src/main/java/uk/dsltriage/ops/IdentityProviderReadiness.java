package uk.dsltriage.ops;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the identity provider's signing keys ({@code /q/health/ready}; the database has its own check from the
 * datasource). Off where tokens are verified with a configured public key and there is no identity provider to ask
 * (the fast test suite): {@code dsltriage.readiness.identity-provider.enabled=false}.
 */
@Readiness
@ApplicationScoped
public class IdentityProviderReadiness implements HealthCheck {

    static final String NAME = "identity provider signing keys";

    private final boolean enabled;
    private final IdentityProviderKeys keys;

    public IdentityProviderReadiness(
            @ConfigProperty(name = "dsltriage.readiness.identity-provider.enabled", defaultValue = "true") boolean enabled,
            @ConfigProperty(name = "quarkus.oidc.auth-server-url") Optional<String> authServerUrl,
            @ConfigProperty(name = "dsltriage.readiness.identity-provider.timeout", defaultValue = "PT2S") Duration timeout,
            @ConfigProperty(name = "dsltriage.readiness.identity-provider.refresh-after", defaultValue = "PT1M") Duration refreshAfter,
            Clock clock) {
        this.enabled = enabled && authServerUrl.isPresent();
        this.keys = this.enabled ? new IdentityProviderKeys(authServerUrl.get(), timeout, refreshAfter, clock) : null;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME);
        if (!enabled) {
            return response.up().withData("check", "disabled").build();
        }
        IdentityProviderKeys.State state = keys.check();
        response.withData("keys", state.keys()).withData("source", state.source());
        if (state.fetchedAt() != null) {
            response.withData("fetchedAt", state.fetchedAt().toString());
        }
        return response.status(state.available()).build();
    }
}
