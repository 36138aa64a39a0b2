package uk.dsltriage.incident;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Locale;
import uk.dsltriage.triage.facts.ParticipantBody;
import uk.dsltriage.triage.facts.TriageFactsBody;

/** Indexes the pseudonymous participants of an incident in a table, so a child's chronology needs no JSON scan. */
@ApplicationScoped
public class ParticipantIndex {

    /** A child's pseudonymous reference as participants carry it (letters then digits, never a name). */
    public static final String PSEUDONYM = uk.dsltriage.triage.facts.ParticipantBody.PSEUDONYM;

    private final EntityManager em;

    public ParticipantIndex(EntityManager em) {
        this.em = em;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void index(Incident incident, TriageFactsBody facts) {
        if (facts.participants() == null) {
            return;
        }
        for (ParticipantBody p : facts.participants()) {
            if (p.ref() == null) {
                continue;
            }
            em.createNativeQuery("insert into incident_participant (incident_id, school_urn, ref) values (?1, ?2, ?3) "
                            + "on conflict do nothing")
                    .setParameter(1, incident.id)
                    .setParameter(2, incident.schoolUrn)
                    .setParameter(3, normalise(p.ref()))
                    .executeUpdate();
        }
    }

    /** References are compared case-insensitively, as intake does when it refuses duplicates. */
    public static String normalise(String ref) {
        return ref.trim().toUpperCase(Locale.ROOT);
    }
}
