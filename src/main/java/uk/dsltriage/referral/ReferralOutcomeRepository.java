package uk.dsltriage.referral;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Outcomes of referrals the caller has already been allowed to reach. */
@ApplicationScoped
public class ReferralOutcomeRepository implements PanacheRepositoryBase<ReferralOutcomeRecord, UUID> {

    public List<ReferralOutcomeRecord> history(UUID referralId) {
        return list("referralId", Sort.ascending("sequence"), referralId);
    }

    public int nextSequence(UUID referralId) {
        Integer max = getEntityManager()
                .createQuery("select max(o.sequence) from ReferralOutcomeRecord o where o.referralId = :id", Integer.class)
                .setParameter("id", referralId).getSingleResult();
        return max == null ? 1 : max + 1;
    }
}
