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
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import uk.dsltriage.common.StoredRecordException;
import uk.dsltriage.common.StoredRecords;

/**
 * The child identity table: keyed by school and pseudonymous reference, every other column AEAD ciphertext under
 * the school's data key, with associated data naming school, reference and layout. Callers decide who may read;
 * this class only keeps the data unreadable at rest.
 *
 * <p>Two layouts (V16). The one value ({@code sealed}, layout v2) is the child as the API writes it, opened once and
 * sent as it is. The four values (layout v1: given name, family name, date of birth, details) are still written,
 * for replicas of the previous version during a rolling upgrade, and still read where a row has no one value yet:
 * written before V16 or by such a replica; {@link #upgradeLayout} seals those. Both plaintexts are the API's JSON
 * ({@link SealedChild}, {@link LayoutOneDetails}), read strictly: a value that opens but does not have its layout's
 * shape is a {@link StoredRecordException}, never a silent null.
 */
@ApplicationScoped
public class ChildIdentityVault {

    public static final Pattern REF = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /** The columns of a sealed row, in {@link Sealed}'s order: the four values only where the one value is missing. */
    public static final String SEALED_COLUMNS = "ci.sealed, case when ci.sealed is null then ci.given_name end, "
            + "case when ci.sealed is null then ci.family_name end, case when ci.sealed is null then ci.date_of_birth end, "
            + "case when ci.sealed is null then ci.details end";

    private final EntityManager em;
    private final SchoolDataKeys keys;
    private final StoredRecords records;
    private final Clock clock;

    public ChildIdentityVault(EntityManager em, SchoolDataKeys keys, StoredRecords records, Clock clock) {
        this.em = em;
        this.keys = keys;
        this.records = records;
        this.clock = clock;
    }

    /** Stores the latest identity the school gave for this reference (safe against a concurrent store). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void store(String schoolUrn, String ref, ChildIdentity identity) {
        requireRef(ref);
        Aead aead = keys.forSchool(schoolUrn);
        em.createNativeQuery("insert into child_identity (school_urn, child_ref, sealed, given_name, family_name, date_of_birth, "
                + "details, updated_at) values (:school, :ref, :sealed, :given, :family, :dob, :details, :now) "
                + "on conflict (school_urn, child_ref) do update set sealed = excluded.sealed, "
                + "given_name = excluded.given_name, family_name = excluded.family_name, date_of_birth = excluded.date_of_birth, "
                + "details = excluded.details, updated_at = excluded.updated_at")
                .setParameter("school", schoolUrn).setParameter("ref", ref)
                .setParameter("sealed", sealOne(aead, schoolUrn, ref, identity))
                .setParameter("given", seal(aead, schoolUrn, ref, "givenName", identity.givenName()))
                .setParameter("family", seal(aead, schoolUrn, ref, "familyName", identity.familyName()))
                .setParameter("dob", seal(aead, schoolUrn, ref, "dateOfBirth", identity.dateOfBirth().toString()))
                .setParameter("details", seal(aead, schoolUrn, ref, "details",
                        records.writeAsApi(LayoutOneDetails.of(identity.details()))))
                .setParameter("now", Instant.now(clock))
                .executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<ChildIdentity> read(String schoolUrn, String ref) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select " + SEALED_COLUMNS + " from child_identity ci "
                + "where ci.school_urn = :school and ci.child_ref = :ref")
                .setParameter("school", schoolUrn).setParameter("ref", ref).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Aead aead = keys.existingForSchool(schoolUrn)
                .orElseThrow(() -> new IllegalStateException("child identity stored without a school data key"));
        Sealed row = Sealed.of(schoolUrn, ref, rows.get(0), 0);
        return Optional.of(row.sealed() != null
                ? StoredRecords.ofRow(SealedChild.COLUMN, rowOf(schoolUrn), () -> SealedChild.read(records, ref, openOne(aead, row)))
                : openFour(aead, row));
    }

    /**
     * An identity row as stored, still sealed: read in bulk by a query that already knows which rows it may see
     * ({@link #SEALED_COLUMNS}). {@code sealed} is the one value; the other four are set only when it is missing.
     * {@code dataKey}, when the query joined it, is the wrapping of the school's data key it read (else null).
     */
    public record Sealed(String schoolUrn, String ref, byte[] sealed, byte[] givenName, byte[] familyName,
            byte[] dateOfBirth, byte[] details, SchoolDataKeys.Wrapping dataKey) {

        public Sealed(String schoolUrn, String ref, byte[] sealed, byte[] givenName, byte[] familyName,
                byte[] dateOfBirth, byte[] details) {
            this(schoolUrn, ref, sealed, givenName, familyName, dateOfBirth, details, null);
        }

        /** The row's {@link #SEALED_COLUMNS}, starting at {@code first}. */
        public static Sealed of(String schoolUrn, String ref, Object[] columns, int first) {
            return new Sealed(schoolUrn, ref, (byte[]) columns[first], (byte[]) columns[first + 1],
                    (byte[]) columns[first + 2], (byte[]) columns[first + 3], (byte[]) columns[first + 4]);
        }
    }

    /**
     * Sealed rows made ready to open: each school's data key found once (read again only when a row does not carry a
     * wrapping already unwrapped, {@link SchoolDataKeys#existingForSchool(String, SchoolDataKeys.Wrapping)}), here,
     * in the caller's transaction, since finding a key may read the database and needs the master key. Opening the
     * rows ({@link Opening#openAllAsJson()}) then reads nothing but memory.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Opening readyToOpen(List<Sealed> rows) {
        Map<String, Aead> schoolKeys = new HashMap<>();
        for (Sealed row : rows) {
            schoolKeys.computeIfAbsent(row.schoolUrn(), school -> keys.existingForSchool(school, row.dataKey())
                    .orElseThrow(() -> new IllegalStateException("child identity stored without a school data key")));
        }
        return () -> {
            List<byte[]> opened = new ArrayList<>(rows.size());
            for (Sealed row : rows) {
                Aead aead = schoolKeys.get(row.schoolUrn());
                opened.add(row.sealed() != null ? openOne(aead, row)
                        : records.writeAsApiUtf8(SealedChild.of(row.ref(), openFour(aead, row))));
            }
            return opened;
        };
    }

    /** Sealed rows with their schools' keys at hand ({@link #readyToOpen(List)}). */
    @FunctionalInterface
    public interface Opening {

        /**
         * The rows, in their order, as the JSON of the child the API writes (UTF-8): the one value's plaintext as it
         * is, or the four values opened and written. A row that does not open is a damaged record (an exception).
         */
        List<byte[]> openAllAsJson();
    }

    /** Where an upgrade stands: the last row it examined (the next batch starts after it), and what it did. */
    public record Upgrade(String lastSchoolUrn, String lastRef, int examined, int sealed, int unreadable) {

        public static Upgrade start() {
            return new Upgrade("", "", 0, 0, 0);
        }
    }

    /**
     * Seals the next {@code batch} rows after {@code from} that still have no one value (written before V16, or by a
     * replica of the previous version). Safe on several replicas at once: rows another replica is sealing are
     * skipped, and a row is only sealed if its four values are still the ones read, so a concurrent store always
     * wins. A row that does not open is left as it is (and counted): it is unreadable in every layout.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Upgrade upgradeLayout(Upgrade from, int batch) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select ci.school_urn, ci.child_ref, " + SEALED_COLUMNS
                + " from child_identity ci where ci.sealed is null and (ci.school_urn, ci.child_ref) > (:school, :ref) "
                + "order by ci.school_urn, ci.child_ref limit :batch for update skip locked")
                .setParameter("school", from.lastSchoolUrn()).setParameter("ref", from.lastRef())
                .setParameter("batch", batch).getResultList();
        int sealed = 0;
        int unreadable = 0;
        Map<String, Aead> schoolKeys = new HashMap<>();
        for (Object[] r : rows) {
            Sealed row = Sealed.of((String) r[0], (String) r[1], r, 2);
            byte[] one;
            try {
                Aead aead = schoolKeys.computeIfAbsent(row.schoolUrn(), school -> keys.existingForSchool(school)
                        .orElseThrow(() -> new IllegalStateException("child identity stored without a school data key")));
                one = sealOne(aead, row.schoolUrn(), row.ref(), openFour(aead, row));
            } catch (IllegalStateException | StoredRecordException e) {
                unreadable++;
                continue;
            }
            sealed += em.createNativeQuery("update child_identity set sealed = :sealed where school_urn = :school "
                    + "and child_ref = :ref and sealed is null and given_name = :given and family_name = :family "
                    + "and date_of_birth = :dob and details = :details")
                    .setParameter("sealed", one).setParameter("school", row.schoolUrn()).setParameter("ref", row.ref())
                    .setParameter("given", row.givenName()).setParameter("family", row.familyName())
                    .setParameter("dob", row.dateOfBirth()).setParameter("details", row.details())
                    .executeUpdate();
        }
        Object[] last = rows.isEmpty() ? null : rows.get(rows.size() - 1);
        return new Upgrade(last == null ? from.lastSchoolUrn() : (String) last[0], last == null ? from.lastRef() : (String) last[1],
                rows.size(), sealed, unreadable);
    }

    private static void requireRef(String ref) {
        if (ref == null || !REF.matcher(ref).matches()) {
            throw new IllegalArgumentException("child reference not valid");
        }
    }

    private byte[] sealOne(Aead aead, String school, String ref, ChildIdentity identity) {
        return seal(aead, records.writeAsApiUtf8(SealedChild.of(ref, identity)), oneValueContext(school, ref));
    }

    private static byte[] openOne(Aead aead, Sealed row) {
        return open(aead, row.sealed(), oneValueContext(row.schoolUrn(), row.ref()));
    }

    private ChildIdentity openFour(Aead aead, Sealed row) {
        String school = row.schoolUrn();
        String ref = row.ref();
        return StoredRecords.ofRow("child_identity (layout v1)", rowOf(school), () -> new ChildIdentity(
                text(open(aead, row.givenName(), fieldContext(school, ref, "givenName"))),
                text(open(aead, row.familyName(), fieldContext(school, ref, "familyName"))),
                dateOfBirth(text(open(aead, row.dateOfBirth(), fieldContext(school, ref, "dateOfBirth")))),
                LayoutOneDetails.read(records, open(aead, row.details(), fieldContext(school, ref, "details")))));
    }

    /** A row as logs name it: by school only, since the child's reference is kept out of logs and the audit trail. */
    private static String rowOf(String schoolUrn) {
        return "a child of school " + schoolUrn;
    }

    private static LocalDate dateOfBirth(String stored) {
        try {
            return LocalDate.parse(stored);
        } catch (DateTimeParseException e) {
            throw new StoredRecordException("child_identity.date_of_birth is not a date");
        }
    }

    private static byte[] seal(Aead aead, String school, String ref, String field, String value) {
        return seal(aead, value.getBytes(StandardCharsets.UTF_8), fieldContext(school, ref, field));
    }

    private static byte[] seal(Aead aead, byte[] plaintext, byte[] context) {
        try {
            return aead.encrypt(plaintext, context);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("child identity could not be encrypted", e);
        }
    }

    private static byte[] open(Aead aead, byte[] ciphertext, byte[] context) {
        if (ciphertext == null) {
            throw new IllegalStateException("child identity stored without a value");
        }
        try {
            return aead.decrypt(ciphertext, context);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("child identity could not be decrypted", e);
        }
    }

    private static String text(byte[] utf8) {
        return new String(utf8, StandardCharsets.UTF_8);
    }

    /** Associated data of layout v1: a value moved to another school, child or column fails to decrypt. */
    private static byte[] fieldContext(String school, String ref, String field) {
        return ("dsl-triage/child-identity/v1|" + school + "|" + ref + "|" + field).getBytes(StandardCharsets.UTF_8);
    }

    /** Associated data of layout v2: the one value moved to another school or child fails to decrypt. */
    private static byte[] oneValueContext(String school, String ref) {
        return ("dsl-triage/child-identity/v2|" + school + "|" + ref).getBytes(StandardCharsets.UTF_8);
    }
}
