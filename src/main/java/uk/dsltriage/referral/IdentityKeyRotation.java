package uk.dsltriage.referral;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import uk.dsltriage.audit.AuditAction;
import uk.dsltriage.audit.AuditLog;
import uk.dsltriage.audit.ObjectKind;
import uk.dsltriage.referral.identity.SchoolDataKeys;
import uk.dsltriage.security.AccessScope;

/** Re-wraps the schools' data keys with the newest master key, and records who did it. */
@ApplicationScoped
public class IdentityKeyRotation {

    private final SchoolDataKeys keys;
    private final AuditLog audit;

    public IdentityKeyRotation(SchoolDataKeys keys, AuditLog audit) {
        this.keys = keys;
        this.audit = audit;
    }

    public SchoolDataKeys.RotationResult rewrap(AccessScope operator) {
        SchoolDataKeys.RotationResult result = keys.rewrapAll();
        QuarkusTransaction.requiringNew().run(() ->
                audit.record(operator, AuditAction.IDENTITY_KEYS_REWRAPPED, ObjectKind.MASTER_KEY, result.masterKeyId()));
        return result;
    }
}
