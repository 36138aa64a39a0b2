package uk.dsltriage.referral;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import uk.dsltriage.audit.AuditAction;
import uk.dsltriage.audit.AuditLog;
import uk.dsltriage.audit.ObjectKind;
import uk.dsltriage.common.problem.ProblemException;
import uk.dsltriage.referral.identity.ChildIdentity;
import uk.dsltriage.referral.identity.ChildIdentityVault;
import uk.dsltriage.review.TaskService;
import uk.dsltriage.security.AccessScope;

/** The local authority's side: pull the referrals addressed to it, acknowledge them, send back decisions. */
@ApplicationScoped
public class LocalAuthorityReferrals {
    private static final Duration DECISION_CLOCK_SKEW = Duration.ofMinutes(5);

    private final ReferralRepository referrals;
    private final ReferralOutcomeRepository outcomes;
    private final ChildIdentityVault identities;
    private final ReferralDocuments documents;
    private final TaskService tasks;
    private final AuditLog audit;
    private final Clock clock;

    public LocalAuthorityReferrals(ReferralRepository referrals, ReferralOutcomeRepository outcomes,
            ChildIdentityVault identities, ReferralDocuments documents, TaskService tasks, AuditLog audit, Clock clock) {
        this.referrals = referrals;
        this.outcomes = outcomes;
        this.identities = identities;
        this.documents = documents;
        this.tasks = tasks;
        this.audit = audit;
        this.clock = clock;
    }

    /** A feed page, or only its tag when the client already has it (an idle poll: nothing decrypted or audited). */
    public sealed interface FeedResult permits NotModified, Page {
        String etag();
    }

    public record NotModified(String etag) implements FeedResult {
    }

    public record Page(String etag, FeedPage page) implements FeedResult {
    }

    /**
     * One query per page (referral and sealed identity together), each school's data key unwrapped once per page, no
     * managed entities; each form passed on as the text stored when it was sent, not parsed (the profiles of a
     * 10,000-referral drain are in bench/referral-feed/RESULTS.md). Everything that reads the database or needs a key
     * happens here, in the transaction that records the read, and so does reading the forms stored before V15: what
     * is left to {@link FeedPage#open()} is decrypting each child, memory and CPU only.
     */
    @Transactional
    public FeedResult feed(AccessScope authority, long after, int limit, String ifNoneMatch) {
        List<ReferralRepository.FeedRow> rows = referrals.feedPage(authority, after, limit);
        String etag = etag(authority, after, limit, rows);
        if (etag.equals(ifNoneMatch)) {
            return new NotModified(etag);
        }
        ChildIdentityVault.Opening children = identities.readyToOpen(rows.stream().map(ReferralRepository.FeedRow::identity).toList());
        List<FeedPage.Unopened> unopened = new ArrayList<>(rows.size());
        for (ReferralRepository.FeedRow row : rows) {
            unopened.add(new FeedPage.Unopened(row, row.formAsSent() == null ? documents.form(row.id(), row.contentJson()) : null));
        }
        long last = rows.isEmpty() ? after : rows.get(rows.size() - 1).feedPosition();
        if (!rows.isEmpty()) {
            audit.record(authority, AuditAction.REFERRAL_FEED_READ, ObjectKind.REFERRAL_FEED_PAGE, (after + 1) + "-" + last);
        }
        return new Page(etag, new FeedPage(unopened, children, FeedCursor.of(last)));
    }

    @Transactional
    public ReferralDetails get(AccessScope authority, UUID id) {
        Referral referral = referrals.findAddressedTo(authority, id).orElseThrow(ProblemException::notFound);
        audit.record(authority, AuditAction.REFERRAL_READ, ObjectKind.REFERRAL, referral.id);
        return document(referral);
    }

    /** Idempotent: the first acknowledgement stands; repeating it (even with another reference) changes nothing. */
    @Transactional
    public Acknowledgement acknowledge(AccessScope authority, UUID id, String laReference) {
        Referral referral = referrals.lockAddressedTo(authority, id).orElseThrow(ProblemException::notFound);
        if (referral.acknowledgedAt == null) {
            markAcknowledged(authority, referral, laReference);
        }
        return ReferralDocuments.acknowledgement(referral);
    }

    /** Appends a decision; the history is kept. A decision implies receipt, so it acknowledges if that was not done. */
    @Transactional
    public Outcome recordOutcome(AccessScope authority, UUID id, RecordOutcome request) {
        if (request.contactOutcome() == null && request.referralOutcome() == null && request.s47Outcome() == null) {
            throw ProblemException.invalid("contactOutcome", "at least one of contactOutcome, referralOutcome, s47Outcome is required");
        }
        Instant now = now();
        Instant decidedAt = request.decidedAt() == null ? now : request.decidedAt().toInstant().truncatedTo(ChronoUnit.MICROS);
        if (decidedAt.isAfter(now.plus(DECISION_CLOCK_SKEW))) {
            throw ProblemException.invalid("decidedAt", "must not be in the future");
        }
        Referral referral = referrals.lockAddressedTo(authority, id).orElseThrow(ProblemException::notFound);
        if (decidedAt.isBefore(referral.createdAt)) {
            throw ProblemException.invalid("decidedAt", "must not be before the referral was sent");
        }
        if (referral.acknowledgedAt == null) {
            markAcknowledged(authority, referral, null);
        }
        ReferralOutcomeRecord outcome = new ReferralOutcomeRecord();
        outcome.id = UUID.randomUUID();
        outcome.referralId = referral.id;
        outcome.sequence = outcomes.nextSequence(referral.id);
        outcome.contactOutcome = request.contactOutcome();
        outcome.referralOutcome = request.referralOutcome();
        outcome.s47Outcome = request.s47Outcome();
        outcome.decidedAt = decidedAt;
        outcome.recordedBy = authority.actor();
        outcome.recordedAt = now;
        outcomes.persist(outcome);
        audit.record(authority, AuditAction.REFERRAL_OUTCOME_RECORDED, ObjectKind.REFERRAL, referral.id);
        return ReferralDocuments.outcome(outcome);
    }

    private void markAcknowledged(AccessScope authority, Referral referral, String laReference) {
        referral.acknowledgedAt = now();
        referral.acknowledgedBy = authority.actor();
        referral.laReference = laReference;
        // The DSL's task of waiting for this acknowledgement closes with it, in the same transaction.
        tasks.completeReferralAcknowledgement(referral.id, referral.acknowledgedBy, referral.acknowledgedAt,
                "Acknowledged by local authority " + referral.laCode + ".");
        audit.record(authority, AuditAction.REFERRAL_ACKNOWLEDGED, ObjectKind.REFERRAL, referral.id);
    }

    /** PostgreSQL keeps microseconds: what is returned must equal what a later read returns. */
    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    private ReferralDetails document(Referral r) {
        return documents.details(r, readIdentity(r));
    }

    private ChildIdentity readIdentity(Referral r) {
        return identities.read(r.schoolUrn, r.childRef)
                .orElseThrow(() -> new IllegalStateException("referral without a stored child identity"));
    }

    /** Changes whenever the page would: other positions, or an identity updated since. */
    private static String etag(AccessScope authority, long after, int limit, List<ReferralRepository.FeedRow> rows) {
        MessageDigest digest = sha256();
        digest.update(authority.laCode().getBytes(StandardCharsets.UTF_8));
        ByteBuffer numbers = ByteBuffer.allocate(Long.BYTES * 2 + Integer.BYTES + rows.size() * (Long.BYTES * 2 + Integer.BYTES));
        numbers.putLong(after).putInt(limit).putLong(rows.size());
        for (ReferralRepository.FeedRow row : rows) {
            numbers.putLong(row.feedPosition()).putLong(row.identityUpdatedAt().getEpochSecond())
                    .putInt(row.identityUpdatedAt().getNano());
        }
        digest.update(numbers.array());
        return "\"" + HexFormat.of().formatHex(digest.digest(), 0, 16) + "\"";
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
