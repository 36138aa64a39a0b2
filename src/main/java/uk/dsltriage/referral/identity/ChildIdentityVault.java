package uk.dsltriage.referral.identity;

import com.google.crypto.tink.Aead;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import uk.dsltriage.common.StoredJson;

/**
 * The child identity table: keyed by school and pseudonymous reference, every other column AEAD ciphertext under
 * the school's data key, with associated data naming school, reference and field. Callers decide who may read;
 * this class only keeps the data unreadable at rest.
 */
@ApplicationScoped
public class ChildIdentityVault {

    public static final Pattern REF = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final EntityManager em;
    private final SchoolDataKeys keys;
    private final StoredJson json;
    private final Clock clock;

    public ChildIdentityVault(EntityManager em, SchoolDataKeys keys, StoredJson json, Clock clock) {
        this.em = em;
        this.keys = keys;
        this.json = json;
        this.clock = clock;
    }

    /** Stores the latest identity the school gave for this reference (safe against a concurrent store). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void store(String schoolUrn, String ref, ChildIdentity identity) {
        requireRef(ref);
        Aead aead = keys.forSchool(schoolUrn);
        em.createNativeQuery("insert into child_identity (school_urn, child_ref, given_name, family_name, date_of_birth, details, updated_at) "
                + "values (:school, :ref, :given, :family, :dob, :details, :now) on conflict (school_urn, child_ref) do update set "
                + "given_name = excluded.given_name, family_name = excluded.family_name, date_of_birth = excluded.date_of_birth, "
                + "details = excluded.details, updated_at = excluded.updated_at")
                .setParameter("school", schoolUrn).setParameter("ref", ref)
                .setParameter("given", seal(aead, schoolUrn, ref, "givenName", identity.givenName()))
                .setParameter("family", seal(aead, schoolUrn, ref, "familyName", identity.familyName()))
                .setParameter("dob", seal(aead, schoolUrn, ref, "dateOfBirth", identity.dateOfBirth().toString()))
                .setParameter("details", seal(aead, schoolUrn, ref, "details", json.write(identity.details())))
                .setParameter("now", Instant.now(clock))
                .executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<ChildIdentity> read(String schoolUrn, String ref) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select given_name, family_name, date_of_birth, details from child_identity "
                + "where school_urn = :school and child_ref = :ref")
                .setParameter("school", schoolUrn).setParameter("ref", ref).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Aead aead = keys.existingForSchool(schoolUrn)
                .orElseThrow(() -> new IllegalStateException("child identity stored without a school data key"));
        Object[] r = rows.get(0);
        return Optional.of(open(aead, new Sealed(schoolUrn, ref, (byte[]) r[0], (byte[]) r[1], (byte[]) r[2], (byte[]) r[3])));
    }

    /** An identity row as stored, still sealed: read in bulk by a query that already knows which rows it may see. */
    public record Sealed(String schoolUrn, String ref, byte[] givenName, byte[] familyName, byte[] dateOfBirth, byte[] details) {
    }

    /** Opens sealed rows, unwrapping each school's data key once. Keys of the result: {@link #key(String, String)}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, ChildIdentity> openAll(Collection<Sealed> rows) {
        Map<String, Aead> schoolKeys = new HashMap<>();
        Map<String, ChildIdentity> opened = new HashMap<>();
        for (Sealed row : rows) {
            Aead aead = schoolKeys.computeIfAbsent(row.schoolUrn(), school -> keys.existingForSchool(school)
                    .orElseThrow(() -> new IllegalStateException("child identity stored without a school data key")));
            opened.put(key(row.schoolUrn(), row.ref()), open(aead, row));
        }
        return opened;
    }

    public static String key(String schoolUrn, String ref) {
        return schoolUrn + "|" + ref;
    }

    private ChildIdentity open(Aead aead, Sealed row) {
        String school = row.schoolUrn();
        String ref = row.ref();
        return new ChildIdentity(
                open(aead, school, ref, "givenName", row.givenName()),
                open(aead, school, ref, "familyName", row.familyName()),
                LocalDate.parse(open(aead, school, ref, "dateOfBirth", row.dateOfBirth())),
                json.read(open(aead, school, ref, "details", row.details()), ChildIdentity.Details.class));
    }

    private static void requireRef(String ref) {
        if (ref == null || !REF.matcher(ref).matches()) {
            throw new IllegalArgumentException("child reference not valid");
        }
    }

    private static byte[] seal(Aead aead, String school, String ref, String field, String value) {
        try {
            return aead.encrypt(value.getBytes(StandardCharsets.UTF_8), context(school, ref, field));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("child identity could not be encrypted", e);
        }
    }

    private static String open(Aead aead, String school, String ref, String field, byte[] ciphertext) {
        try {
            return new String(aead.decrypt(ciphertext, context(school, ref, field)), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("child identity could not be decrypted", e);
        }
    }

    /** Associated data: a value moved to another school, child or column fails to decrypt. */
    private static byte[] context(String school, String ref, String field) {
        return ("dsl-triage/child-identity/v1|" + school + "|" + ref + "|" + field).getBytes(StandardCharsets.UTF_8);
    }
}
