package uk.dsltriage.alerts;

import uk.dsltriage.common.NativeValues;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;
import uk.dsltriage.common.ScheduledJob;
import uk.dsltriage.triage.RuleSetWords;
import uk.dsltriage.vocabulary.Urgency;

/**
 * Sends the outbox. Each replica runs it on a timer; a run claims due rows (FOR UPDATE SKIP LOCKED, then a lease), so
 * two replicas, or two runs at once, never send the same alert. Nothing holds a database transaction open while
 * talking to the SMTP server: the claim and each outcome are short transactions of their own. A failed send is tried
 * again after a doubling wait, and marked FAILED after the configured number of attempts.
 */
@ApplicationScoped
public class AlertDispatcher {

    private static final Logger LOG = Logger.getLogger(AlertDispatcher.class);
    /** Longer than any SMTP exchange: a claim older than this belongs to a replica that died mid-send. */
    static final Duration LEASE = Duration.ofMinutes(5);
    static final int BATCH = 50;
    /** Tasks overdue for longer than this are not alerted on (an old database switched to alerts). */
    static final Duration OVERDUE_LOOKBACK = Duration.ofDays(7);
    private static final Duration MAX_BACKOFF = Duration.ofHours(1);
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final EntityManager em;
    private final AlertOutbox outbox;
    private final AlertRecipients recipients;
    private final Mailer mailer;
    private final AlertsConfig config;
    private final AlertWords words;
    private final Clock clock;

    AlertDispatcher(EntityManager em, AlertOutbox outbox, AlertRecipients recipients, Mailer mailer, AlertsConfig config,
            AlertWords words, Clock clock) {
        this.words = words;
        this.em = em;
        this.outbox = outbox;
        this.recipients = recipients;
        this.mailer = mailer;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(identity = "alert-dispatch", every = "${dsltriage.alerts.poll-interval:30s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        if (!config.enabled()) {
            return;
        }
        ScheduledJob.tick("Alert dispatch", () -> {
            scanOverdueTasks();
            dispatch();
        });
    }

    /** Queues an alert for each task that became overdue and has none yet; returns how many were queued. */
    public int scanOverdueTasks() {
        return outbox.queueOverdueTasks(Instant.now(clock), OVERDUE_LOOKBACK);
    }

    /** What one run did. */
    public record Run(int claimed, int sent, int retrying, int failed, int withoutRecipients) {
    }

    /**
     * Claims what is due, sends it, and records each outcome. Overdue tasks of one school claimed together go out as
     * one email (a decision's tasks fall due together; one email per task would bury the alert that matters).
     */
    public Run dispatch() {
        List<Claimed> claimed = claim();
        int sent = 0;
        int retrying = 0;
        int failed = 0;
        int withoutRecipients = 0;
        for (List<Claimed> letter : letters(claimed)) {
            Claimed first = letter.get(0);
            if (first.to().isEmpty()) {
                letter.forEach(alert -> finish(alert, AlertStatus.NO_RECIPIENTS));
                withoutRecipients += letter.size();
                continue;
            }
            try {
                mailer.send(mail(letter));
            } catch (RuntimeException e) {
                for (Claimed alert : letter) {
                    if (alert.attempts() >= config.maxAttempts()) {
                        finish(alert, AlertStatus.FAILED);
                        failed++;
                    } else {
                        retryLater(alert);
                        retrying++;
                    }
                }
                LOG.warnf("Alert %s not sent (attempt %d of %d): %s caused by %s", first.id(), first.attempts(),
                        config.maxAttempts(), e.getClass().getName(), rootCause(e).getClass().getName());
                continue;
            }
            letter.forEach(alert -> finish(alert, AlertStatus.SENT));
            sent += letter.size();
            LOG.infof("Alert %s (and %d more) sent to %d recipients", first.id(), letter.size() - 1, first.to().size());
        }
        return new Run(claimed.size(), sent, retrying, failed, withoutRecipients);
    }

    /** One email per alert, except overdue tasks: one email per school for those claimed together. */
    static List<List<Claimed>> letters(List<Claimed> claimed) {
        java.util.Map<String, List<Claimed>> letters = new java.util.LinkedHashMap<>();
        for (Claimed alert : claimed) {
            String key = alert.kind() == AlertKind.TASK_OVERDUE ? "overdue " + alert.schoolUrn() : alert.id().toString();
            letters.computeIfAbsent(key, k -> new ArrayList<>()).add(alert);
        }
        return List.copyOf(letters.values());
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** A row claimed by this run, with the attempt it now is, whom it goes to and the words its urgency reads in. */
    record Claimed(UUID id, UUID claim, AlertKind kind, String schoolUrn, UUID incidentId, Urgency urgency,
            Instant createdAt, int attempts, List<String> to, RuleSetWords words) {
    }

    private List<Claimed> claim() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = Instant.now(clock);
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("select id, kind, school_urn, incident_id, urgency, created_at, attempts, reference_id "
                    + "from alert_outbox where status = 'PENDING' and next_attempt_at <= :now "
                    + "and (claimed_until is null or claimed_until < :now) "
                    + "order by next_attempt_at, id limit :n for update skip locked")
                    .setParameter("now", now).setParameter("n", BATCH).getResultList();
            if (rows.isEmpty()) {
                return List.of();
            }
            UUID claim = UUID.randomUUID();
            List<UUID> ids = rows.stream().map(r -> (UUID) r[0]).toList();
            em.createNativeQuery("update alert_outbox set claim_id = :claim, claimed_until = :until, attempts = attempts + 1 "
                    + "where id in (:ids)")
                    .setParameter("claim", claim).setParameter("until", now.plus(LEASE)).setParameter("ids", ids)
                    .executeUpdate();
            LocalDate seenSince = LocalDate.ofInstant(now, LONDON).minusDays(config.recipientExpiry().toDays());
            Map<UUID, RuleSetWords> wordsOf = words.of(rows.stream()
                    .map(r -> new AlertWords.Reference(AlertKind.valueOf((String) r[1]), (UUID) r[7])).toList());
            List<Claimed> claimed = new ArrayList<>();
            for (Object[] r : rows) {
                claimed.add(new Claimed((UUID) r[0], claim, AlertKind.valueOf((String) r[1]), (String) r[2], (UUID) r[3],
                        Urgency.valueOf((String) r[4]), NativeValues.instant(r[5]), ((Number) r[6]).intValue() + 1,
                        recipients.of((String) r[2], seenSince),
                        r[7] == null ? RuleSetWords.NONE : wordsOf.getOrDefault((UUID) r[7], RuleSetWords.NONE)));
            }
            return claimed;
        });
    }

    private Mail mail(List<Claimed> letter) {
        Claimed first = letter.get(0);
        Urgency urgency = letter.stream().map(Claimed::urgency).reduce(Urgency::highest).orElseThrow();
        // The most urgent alert's rule set words the urgency the email names.
        RuleSetWords words = letter.stream().filter(c -> c.urgency() == urgency).findFirst().orElseThrow().words();
        Instant at = letter.stream().map(Claimed::createdAt).min(Instant::compareTo).orElseThrow();
        AlertMessage message = AlertMessage.of(first.kind(), letter.size(), urgency, words, at, first.incidentId(),
                config.consoleBaseUrl());
        return new Mail().setFrom(config.from()).setTo(first.to()).setSubject(message.subject()).setText(message.body());
    }

    private void finish(Claimed alert, AlertStatus status) {
        Instant now = Instant.now(clock);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update alert_outbox set status = :status, "
                + "sent_at = case when :sent then cast(:now as timestamptz) end, recipients = nullif(:to, ''), "
                + "recipient_count = :count, claim_id = null, claimed_until = null where id = :id and claim_id = :claim")
                .setParameter("status", status.name())
                .setParameter("sent", status == AlertStatus.SENT)
                .setParameter("now", now)
                .setParameter("to", String.join(",", alert.to()))
                .setParameter("count", alert.to().size())
                .setParameter("id", alert.id()).setParameter("claim", alert.claim())
                .executeUpdate());
    }

    private void retryLater(Claimed alert) {
        Duration wait = config.retryBackoff().multipliedBy(1L << Math.min(alert.attempts() - 1, 20));
        Instant next = Instant.now(clock).plus(wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update alert_outbox set next_attempt_at = :next, "
                + "claim_id = null, claimed_until = null where id = :id and claim_id = :claim")
                .setParameter("next", next).setParameter("id", alert.id()).setParameter("claim", alert.claim())
                .executeUpdate());
    }
}
