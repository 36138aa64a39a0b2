package uk.dsltriage.referral;

import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import uk.dsltriage.referral.identity.ChildIdentityVault;
import uk.dsltriage.referral.identity.SchoolDataKeys;
import uk.dsltriage.security.AccessScope;
import uk.dsltriage.vocabulary.ReferralKind;
import uk.dsltriage.vocabulary.Urgency;

/**
 * Referral queries, each scoped in the query itself: a school sees its own referrals, a local authority those
 * addressed to it. There is deliberately no unscoped finder.
 */
@ApplicationScoped
public class ReferralRepository implements PanacheRepositoryBase<Referral, UUID> {

    private final AgroalDataSource dataSource;

    public ReferralRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<Referral> ofIncident(AccessScope school, UUID incidentId) {
        return list("schoolUrn = :school and incidentId = :incident", Sort.ascending("createdAt", "id"),
                Parameters.with("school", requireSchool(school)).and("incident", incidentId));
    }

    /** The school's referrals, most recently sent first. */
    public List<Referral> ofSchool(AccessScope school, int limit) {
        return find("schoolUrn = :school", Sort.descending("createdAt", "id"), Parameters.with("school", requireSchool(school)))
                .page(0, limit).list();
    }

    public Optional<Referral> findInSchool(AccessScope school, UUID id) {
        return find("id = :id and schoolUrn = :school", Parameters.with("id", id).and("school", requireSchool(school)))
                .firstResultOptional();
    }

    /** The referral this DSL sent with this Idempotency-Key, in the DSL's school. */
    public Optional<Referral> findByIdempotencyKey(AccessScope school, String key) {
        return find("schoolUrn = :school and createdBy = :author and idempotencyKey = :key",
                Parameters.with("school", requireSchool(school)).and("author", school.actor()).and("key", key))
                .firstResultOptional();
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
     * A referral of a feed page as read, in one query: its columns as sent (its form as the text the API wrote), the
     * version of the identity it shows, and that identity still sealed. Enough to tell that a page has not changed (its
     * tag) and to build it. Not an entity: nothing of a page is managed or written back, and an enhanced entity's
     * setters track every field they set. {@code contentJson} only for a referral sent before V15 (no form text kept).
     */
    public record FeedRow(long feedPosition, UUID id, ReferralKind kind, String laCode, String schoolUrn, String childRef,
            Urgency urgency, Instant sentAt, Instant acknowledgementDueBy, byte[] formAsSent, String contentJson,
            Instant identityUpdatedAt, ChildIdentityVault.Sealed identity) {
    }

    /**
     * After a position, oldest first (see {@link ReferralFeedPositions}): one query per page, with the wrapping of
     * each school's data key the identities need, read through JDBC on the connection enlisted in the caller's
     * transaction, as the audit writer does. No Hibernate session is opened for a page: its set-up, flush and
     * close were a measurable share of each page, and no entity is managed here either way (bench/referral-feed).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<FeedRow> feedPage(AccessScope authority, long afterPosition, int limit) {
        String laCode = requireAuthority(authority);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(FEED_PAGE)) {
            query.setString(1, laCode);
            query.setLong(2, afterPosition);
            query.setInt(3, limit);
            try (ResultSet r = query.executeQuery()) {
                List<FeedRow> rows = new ArrayList<>(limit);
                while (r.next()) {
                    rows.add(feedRow(laCode, r));
                }
                return rows;
            }
        } catch (SQLException e) {
            // The SQL state only (the driver's message can quote row data), and the pool's timeout, so that an
            // unreachable database is still recognised as one (503, DatabaseUnavailable).
            throw new IllegalStateException("feed page not readable (SQL state " + e.getSQLState() + ")",
                    new SQLException("feed page query failed", e.getSQLState(),
                            e.getCause() instanceof TimeoutException timeout ? timeout : null));
        }
    }

    private static FeedRow feedRow(String laCode, ResultSet r) throws SQLException {
        String schoolUrn = r.getString(10);
        String childRef = r.getString(5);
        String masterKeyId = r.getString(17);
        ChildIdentityVault.Sealed identity = new ChildIdentityVault.Sealed(schoolUrn, childRef,
                r.getBytes(12), r.getBytes(13), r.getBytes(14), r.getBytes(15), r.getBytes(16),
                masterKeyId == null ? null : new SchoolDataKeys.Wrapping(masterKeyId, r.getLong(18)));
        // The form as sent, as the UTF-8 the database holds (the driver's own bytes of a text column): copied into
        // the page without decoding it to a String and encoding it again.
        byte[] formAsSent = r.getBytes(9);
        return new FeedRow(r.getLong(1), r.getObject(3, UUID.class), ReferralKind.valueOf(r.getString(4)), laCode,
                schoolUrn, childRef, Urgency.valueOf(r.getString(6)), r.getObject(7, OffsetDateTime.class).toInstant(),
                r.getObject(8, OffsetDateTime.class).toInstant(), formAsSent, r.getString(11),
                r.getObject(2, OffsetDateTime.class).toInstant(), identity);
    }

    /**
     * The feed's rows: every column a page needs, the identity still sealed, and which wrapping of the school's data
     * key opens it. {@link #FEED_PAGE} pages through them; the feed bench reads them all with the same columns.
     */
    public static final String FEED_ROWS = feedRows("referral r") + " where r.la_code = ?";

    /**
     * The feed page's one query. The page is cut from the authority's referrals by the (la_code, feed_position)
     * index before the identities and the key are joined, whatever the planner's statistics: joined first (the plan
     * with no statistics yet, e.g. right after a bulk load), every page hashed and sorted all the authority's rows,
     * ~55 ms a page at 10,000 (bench/referral-feed/RESULTS.md, stop 24). Every referral has its identity (foreign key),
     * so the join keeps every row of the page.
     */
    static final String FEED_PAGE = feedRows("(select feed_position, id, kind, child_ref, urgency, created_at, "
            + "acknowledgement_due_at, form_json, school_urn, content from referral where la_code = ? and feed_position > ? "
            + "order by feed_position limit ?) r") + " order by r.feed_position";

    private static String feedRows(String referrals) {
        return "select r.feed_position, ci.updated_at, r.id, r.kind, r.child_ref, r.urgency, "
                + "r.created_at, r.acknowledgement_due_at, r.form_json, r.school_urn, "
                + "case when r.form_json is null then cast(r.content as text) end, " + ChildIdentityVault.SEALED_COLUMNS
                + ", " + SchoolDataKeys.WRAPPING_COLUMNS + " from " + referrals
                + " join child_identity ci on ci.school_urn = r.school_urn and ci.child_ref = r.child_ref "
                + "left join school_data_key k on k.school_urn = r.school_urn";
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
