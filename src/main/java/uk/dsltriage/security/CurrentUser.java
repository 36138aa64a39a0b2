package uk.dsltriage.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.jwt.JsonWebToken;
import uk.dsltriage.common.problem.ProblemException;

/**
 * The authenticated caller, read from the access token ({@link CallerToken}: the same token for the API's bearer
 * tokens and the console's code-flow session). Identity is issuer + subject; the school or local authority
 * comes from the {@code school_urn} / {@code la_code} claims. A role that needs a claim the token lacks is refused
 * with 403, never guessed.
 */
@RequestScoped
public class CurrentUser {

    private static final Pattern URN = Pattern.compile("[0-9]{6,7}");
    private static final Pattern LA_CODE = Pattern.compile("[A-Za-z0-9]{3,9}");

    private final SecurityIdentity identity;
    private final JsonWebToken token;

    @Inject
    public CurrentUser(SecurityIdentity identity) {
        this.identity = identity;
        this.token = CallerToken.of(identity).orElse(null);
    }

    /**
     * The token's {@code sub}, and nothing else. {@link RequireUsableSubject} has already refused tokens without a
     * usable one; this refuses again rather than fall back to another claim.
     */
    public String userId() {
        return TokenClaims.subject(token).orElseThrow(CurrentUser::unusableToken);
    }

    /**
     * What the console shows as "signed in as": the {@code name} or {@code preferred_username} claim. Display only,
     * never an identity ({@link #userId()} is).
     */
    public String displayName() {
        return claim("name").or(() -> claim("preferred_username")).orElse("Signed in");
    }

    /** The token issuer (checked against the configured one by OIDC before this runs). */
    public String issuer() {
        return TokenClaims.issuer(token).orElseThrow(CurrentUser::unusableToken);
    }

    public Optional<String> schoolUrn() {
        return claim(Roles.SCHOOL_CLAIM).filter(v -> URN.matcher(v).matches());
    }

    public Optional<String> laCode() {
        return claim(Roles.LA_CLAIM).filter(v -> LA_CODE.matcher(v).matches());
    }

    /** Scope for school records; 403 when the token has no valid school_urn. */
    public AccessScope schoolScope() {
        String urn = schoolUrn().orElseThrow(() -> ProblemException.forbidden(
                "Your account is not linked to a school (the school_urn claim is missing)."));
        return new AccessScope(issuer(), userId(), urn, null, identity.getRoles());
    }

    /** Scope for local-authority records; 403 when the token has no valid la_code. */
    public AccessScope localAuthorityScope() {
        String code = laCode().orElseThrow(() -> ProblemException.forbidden(
                "Your account is not linked to a local authority (the la_code claim is missing)."));
        return new AccessScope(issuer(), userId(), null, code, identity.getRoles());
    }

    /** For callers whose role needs no school or authority, such as rules administrators. */
    public AccessScope unscoped() {
        return new AccessScope(issuer(), userId(), schoolUrn().orElse(null), laCode().orElse(null), identity.getRoles());
    }

    /** A claim as sent, or empty; the callers' patterns bound it, so an overlong or odd value is simply absent. */
    private Optional<String> claim(String name) {
        return TokenClaims.text(token, name);
    }

    private static AuthenticationFailedException unusableToken() {
        return new AuthenticationFailedException("token has no usable subject or issuer");
    }
}
