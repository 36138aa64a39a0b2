package uk.dsltriage.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicReference;
import uk.dsltriage.vocabulary.Route;
import uk.dsltriage.vocabulary.Urgency;

/**
 * What an operator watches, in Prometheus ({@code /q/metrics}). Every label value is an enum constant, so the number of
 * series is bounded by the vocabulary: no ids, no schools, no free text. Inside a transaction a count is taken only
 * when the transaction commits, so a rolled-back intake is never counted.
 *
 * <p>For capabilities being built: {@link #decisionRecorded(Enum)} (review), {@link #overdueTasks(long)} (review, from
 * whatever computes the queue), {@link #referralFeedLag(Duration)} (referral).
 */
// Created at start, so that every metric is exposed (and a dashboard finds it) before anything happens.
@Startup
@ApplicationScoped
public class DomainMetrics {

    public static final String INCIDENTS_RECORDED = "dsltriage.incidents.recorded";
    public static final String RECOMMENDATIONS = "dsltriage.triage.recommendations";
    public static final String RECOMMENDED_ROUTES = "dsltriage.triage.routes";
    public static final String IMAGE_REFUSALS = "dsltriage.image.refusals";
    public static final String DECISIONS_RECORDED = "dsltriage.decisions.recorded";
    public static final String OVERDUE_TASKS = "dsltriage.tasks.overdue";
    public static final String REFERRAL_FEED_LAG = "dsltriage.referral.feed.lag";

    private final MeterRegistry registry;
    private final TransactionSynchronizationRegistry transactions;
    private final Counter incidentsRecorded;
    /** NaN until something measures it: "not measured" must not read as "none overdue". */
    private final AtomicReference<Double> overdueTasks = new AtomicReference<>(Double.NaN);
    private final AtomicReference<Double> feedLagSeconds = new AtomicReference<>(Double.NaN);

    public DomainMetrics(MeterRegistry registry, TransactionSynchronizationRegistry transactions) {
        this.registry = registry;
        this.transactions = transactions;
        this.incidentsRecorded = Counter.builder(INCIDENTS_RECORDED)
                .description("Concerns recorded (idempotent replays not counted)").register(registry);
        Gauge.builder(OVERDUE_TASKS, overdueTasks, AtomicReference::get)
                .description("Open tasks past their deadline, as last measured (NaN: not measured yet)").register(registry);
        Gauge.builder(REFERRAL_FEED_LAG, feedLagSeconds, AtomicReference::get).baseUnit("seconds")
                .description("Age of the oldest referral not yet pulled by its local authority (NaN: not measured yet)")
                .register(registry);
    }

    public void incidentRecorded() {
        afterCommit(incidentsRecorded::increment);
    }

    /** One recommendation stored; each of its routes is counted once, with the recommendation's urgency. */
    public void recommendationStored(Enum<?> trigger, Urgency urgency, Collection<Route> routes) {
        afterCommit(() -> {
            Counter.builder(RECOMMENDATIONS).description("Recommendations stored, by urgency and what triggered them")
                    .tag("urgency", urgency.name()).tag("trigger", trigger.name()).register(registry).increment();
            for (Route route : routes) {
                Counter.builder(RECOMMENDED_ROUTES).description("Routes recommended, by route and urgency")
                        .tag("route", route.name()).tag("urgency", urgency.name()).register(registry).increment();
            }
        });
    }

    public void imageRefused(Enum<?> reason) {
        afterCommit(() -> Counter.builder(IMAGE_REFUSALS).description("Request bodies refused for image, file or link content")
                .tag("reason", reason.name()).register(registry).increment());
    }

    /** For the review capability: a DSL decision stored, by its outcome (an enum of the decision vocabulary). */
    public void decisionRecorded(Enum<?> outcome) {
        afterCommit(() -> Counter.builder(DECISIONS_RECORDED).description("DSL decisions recorded, by outcome")
                .tag("outcome", outcome.name()).register(registry).increment());
    }

    public void overdueTasks(long count) {
        overdueTasks.set((double) count);
    }

    public void referralFeedLag(Duration lag) {
        feedLagSeconds.set(lag.toMillis() / 1000.0);
    }

    private void afterCommit(Runnable count) {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            count.run();
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    count.run();
                }
            }
        });
    }
}
