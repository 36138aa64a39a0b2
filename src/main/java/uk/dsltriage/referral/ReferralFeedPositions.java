package uk.dsltriage.referral;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Feed positions that a cursor can trust. A sequence is not enough: transactions commit out of order, so a reader
 * could pass position 7 before the transaction holding 6 commits, and 6 would never be seen.
 *
 * <p>Instead each local authority has a counter row, incremented by {@code insert ... on conflict do update ...
 * returning} as the last write of the creating transaction. The row lock that takes is held until commit, so a
 * second writer for the same authority cannot take the next position until the first has committed (or rolled back,
 * which also undoes its increment). PostgreSQL marks a transaction committed (visible) before it releases its locks.
 * Hence, for one authority: if a reader's snapshot sees position n, every position below n is either committed and
 * visible in the same snapshot or was never used, and a cursor "after n" never skips a row. Positions are also
 * unique (constraint), so no row is repeated. The cost is that referral creation is serialised per authority for
 * the few milliseconds between the increment and the commit, which referral volumes allow; writers for different
 * authorities never wait for each other. It holds across any number of service instances: the lock is the database's.
 */
@ApplicationScoped
public class ReferralFeedPositions {

    private final EntityManager em;

    public ReferralFeedPositions(EntityManager em) {
        this.em = em;
    }

    /** Call last in the transaction: everything after it lengthens the time other writers for this authority wait. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long next(String laCode) {
        Number position = (Number) em.createNativeQuery("insert into la_feed_counter (la_code, last_position) values (:la, 1) "
                + "on conflict (la_code) do update set last_position = la_feed_counter.last_position + 1 returning last_position")
                .setParameter("la", laCode).getSingleResult();
        return position.longValue();
    }
}
