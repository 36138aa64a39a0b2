package uk.dsltriage.alerts;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import uk.dsltriage.security.CallerToken;
import uk.dsltriage.security.Roles;
import uk.dsltriage.security.TokenClaims;

/**
 * Learns the school's DSLs from their own tokens: after a request a DSL made successfully, the {@code email} claim
 * (verified by the identity provider) of a token with role dsl and a school_urn is recorded for that school, at most
 * once a day per address and replica. Reads only an identity that was already authenticated: never triggers one.
 */
@ApplicationScoped
public class RecipientRecorder {

    private static final Logger LOG = Logger.getLogger(RecipientRecorder.class);
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Pattern URN = Pattern.compile("[0-9]{6,7}");
    /** A plain address: one @, no spaces, commas, quotes or angle brackets (it is joined into a To header). */
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9.-]{1,189}");
    private static final int MAX_EMAIL = 254;
    /** Bounds the memory of who was recorded today, whatever the number of tokens seen. */
    private static final int MAX_REMEMBERED = 10_000;

    private final AlertRecipients recipients;
    private final AlertsConfig config;
    private final Clock clock;
    private final Set<String> recordedToday = ConcurrentHashMap.newKeySet();
    private volatile LocalDate today;

    RecipientRecorder(AlertRecipients recipients, AlertsConfig config, Clock clock) {
        this.recipients = recipients;
        this.config = config;
        this.clock = clock;
    }

    @ServerResponseFilter
    public void afterRequest(ContainerResponseContext response, RoutingContext routing) {
        if (!config.enabled() || response.getStatus() >= 400) {
            return;
        }
        Optional<Recipient> recipient = recipientOf(authenticated(routing));
        if (recipient.isEmpty()) {
            return;
        }
        LocalDate day = LocalDate.now(clock.withZone(LONDON));
        if (!day.equals(today)) {
            recordedToday.clear();
            today = day;
        }
        String key = recipient.get().schoolUrn() + " " + recipient.get().email();
        if (recordedToday.contains(key)) {
            return;
        }
        try {
            recipients.seen(recipient.get().schoolUrn(), recipient.get().email(), day);
            if (recordedToday.size() >= MAX_REMEMBERED) {
                recordedToday.clear();
            }
            recordedToday.add(key);
        } catch (RuntimeException e) {
            // The DSL still gets their answer; the next request tries again (ids only in the log).
            LOG.warnf("An alert recipient could not be recorded: %s", e.getClass().getName());
        }
    }

    record Recipient(String schoolUrn, String email) {
    }

    static Optional<Recipient> recipientOf(SecurityIdentity identity) {
        if (identity == null || !identity.hasRole(Roles.DSL)) {
            return Optional.empty();
        }
        // The access token, for the console too: there the principal is the ID token, which has no school_urn.
        Optional<JsonWebToken> caller = CallerToken.of(identity);
        if (caller.isEmpty()) {
            return Optional.empty();
        }
        JsonWebToken token = caller.get();
        Optional<String> school = TokenClaims.bounded(token, Roles.SCHOOL_CLAIM, 7).filter(v -> URN.matcher(v).matches());
        Optional<String> email = TokenClaims.bounded(token, "email", MAX_EMAIL).filter(v -> EMAIL.matcher(v).matches());
        if (school.isEmpty() || email.isEmpty() || !verified(token)) {
            return Optional.empty();
        }
        return Optional.of(new Recipient(school.get(), email.get().toLowerCase(java.util.Locale.ROOT)));
    }

    private static boolean verified(JsonWebToken token) {
        Object value = token.getClaim("email_verified");
        return Boolean.TRUE.equals(value) || value == jakarta.json.JsonValue.TRUE;
    }

    private static SecurityIdentity authenticated(RoutingContext routing) {
        if (routing != null && routing.user() instanceof QuarkusHttpUser user) {
            SecurityIdentity identity = user.getSecurityIdentity();
            return identity == null || identity.isAnonymous() ? null : identity;
        }
        return null;
    }
}
