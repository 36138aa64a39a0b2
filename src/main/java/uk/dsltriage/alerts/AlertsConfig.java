package uk.dsltriage.alerts;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Email alerts to a school's DSLs ({@code dsltriage.alerts.*}). The SMTP server itself is the mailer's configuration
 * ({@code quarkus.mailer.*}).
 */
@ConfigMapping(prefix = "dsltriage.alerts")
public interface AlertsConfig {

    /** Off: nothing is queued and nothing is sent; rows already queued wait. */
    @WithDefault("true")
    boolean enabled();

    /** The sender of every alert. */
    String from();

    /** Where the DSL console is served, without a trailing slash: links are {@code {consoleBaseUrl}/console/...}. */
    String consoleBaseUrl();

    /** How often each replica scans for overdue tasks and sends what is due ("off" stops the timer, as in tests). */
    @WithDefault("30s")
    String pollInterval();

    /** Attempts to send one alert before it is marked FAILED. */
    @WithDefault("5")
    int maxAttempts();

    /** The wait after the first failed attempt; it doubles with each further failure. */
    @WithDefault("PT1M")
    Duration retryBackoff();

    /** A DSL seen less recently than this no longer receives alerts (someone who left the school). */
    @WithDefault("P90D")
    Duration recipientExpiry();
}
