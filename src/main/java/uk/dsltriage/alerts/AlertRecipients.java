package uk.dsltriage.alerts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;

/**
 * The school's DSLs who receive alerts. The service has no staff directory: a DSL is known from the tokens they use
 * (see {@link RecipientRecorder}), so a DSL who has never used the service receives nothing.
 */
@ApplicationScoped
public class AlertRecipients {

    private final EntityManager em;

    AlertRecipients(EntityManager em) {
        this.em = em;
    }

    /** Records that the DSL was seen today; an address seen again later moves its date forward, never back. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void seen(String schoolUrn, String email, LocalDate day) {
        em.createNativeQuery("insert into alert_recipient (school_urn, email, last_seen_on) values (:school, :email, :day) "
                + "on conflict (school_urn, email) do update set last_seen_on = excluded.last_seen_on "
                + "where alert_recipient.last_seen_on < excluded.last_seen_on")
                .setParameter("school", schoolUrn).setParameter("email", email).setParameter("day", day)
                .executeUpdate();
    }

    /** The school's DSLs seen on or after {@code since}, in a stable order. */
    @SuppressWarnings("unchecked")
    @Transactional
    public List<String> of(String schoolUrn, LocalDate since) {
        return em.createNativeQuery("select email from alert_recipient where school_urn = :school and last_seen_on >= :since "
                + "order by email")
                .setParameter("school", schoolUrn).setParameter("since", since).getResultList();
    }
}
