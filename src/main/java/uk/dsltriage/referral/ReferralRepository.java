package uk.dsltriage.referral;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import uk.dsltriage.referral.identity.ChildIdentityVault;
import uk.dsltriage.security.AccessScope;

/**
 * Referral queries, each scoped in the query itself: a school sees its own referrals, a local authority those
 * addressed to it. There is deliberately no unscoped finder.
 */
@ApplicationScoped
public class ReferralRepository implements PanacheRepositoryBase<Referral, UUID> {

    public List<Referral> ofIncident(AccessScope school, UUID incidentId) {
        return list("schoolUrn = :school and incidentId = :incident", Sort.ascending("createdAt", "id"),
                Parameters.with("school", requireSchool(school)).and("incident", incidentId));
    }

    /** Locked, so concurrent acknowledgements and outcomes of one referral apply one after another. */
    public Optional<Referral> lockAddressedTo(AccessScope authority, UUID id) {
        return find("id = :id and laCode = :la", Parameters.with("id", id).and("la", requireAuthority(authority)))
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public Optional<Referral> findAddressedTo(AccessScope authority, UUID id) {
        return find("id = :id and laCode = :la", Parameters.with("id", id).and("la", requireAuthority(authority)))
                .firstResultOptional();
    }

    /**
     * Referrals to this authority at the given feed positions, in feed order. The positions come from
     * {@link #feedIdentities}, which reads the feed: after a position, oldest first (see {@link ReferralFeedPositions}).
     */
    public List<Referral> atPositions(AccessScope authority, List<Long> positions) {
        if (positions.isEmpty()) {
            return List.of();
        }
        return list("laCode = :la and feedPosition in :positions", Sort.ascending("feedPosition"),
                Parameters.with("la", requireAuthority(authority)).and("positions", positions));
    }

    /** A feed row's position, the version of the identity it shows, and that identity still sealed. */
    public record FeedIdentity(long position, Instant identityUpdatedAt, ChildIdentityVault.Sealed identity) {
    }

    /** The identities of a feed page in one query: enough to tell that a page has not changed, and to open it. */
    public List<FeedIdentity> feedIdentities(AccessScope authority, long afterPosition, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery("select r.feed_position, ci.updated_at, ci.school_urn, "
                + "ci.child_ref, ci.given_name, ci.family_name, ci.date_of_birth, ci.details from referral r "
                + "join child_identity ci on ci.school_urn = r.school_urn and ci.child_ref = r.child_ref "
                + "where r.la_code = :la and r.feed_position > :after order by r.feed_position limit :limit")
                .setParameter("la", requireAuthority(authority)).setParameter("after", afterPosition)
                .setParameter("limit", limit).getResultList();
        return rows.stream().map(r -> new FeedIdentity(((Number) r[0]).longValue(), toInstant(r[1]),
                new ChildIdentityVault.Sealed((String) r[2], (String) r[3], (byte[]) r[4], (byte[]) r[5], (byte[]) r[6], (byte[]) r[7])))
                .toList();
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass().getName());
    }

    /** Referrals of the school still unacknowledged past their due time. */
    public List<Referral> unacknowledgedPastDue(AccessScope school, Instant now) {
        return list("schoolUrn = :school and acknowledgedAt is null and acknowledgementDueAt < :now",
                Sort.ascending("acknowledgementDueAt", "id"), Parameters.with("school", requireSchool(school)).and("now", now));
    }

    private static String requireSchool(AccessScope scope) {
        if (scope.schoolUrn() == null) {
            throw new IllegalArgumentException("school referral queries need a school scope");
        }
        return scope.schoolUrn();
    }

    private static String requireAuthority(AccessScope scope) {
        if (scope.laCode() == null) {
            throw new IllegalArgumentException("local-authority referral queries need an la_code scope");
        }
        return scope.laCode();
    }
}
