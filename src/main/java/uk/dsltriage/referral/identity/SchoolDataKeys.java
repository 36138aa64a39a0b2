package uk.dsltriage.referral.identity;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Envelope encryption: one Tink AEAD keyset per school, stored only wrapped by the newest configured master key.
 * Re-wrapping changes the wrapping, never the data key, so ciphertext written before a rotation stays readable and
 * nothing is re-encrypted; readers never wait for a rotation.
 */
@ApplicationScoped
public class SchoolDataKeys {

    private final EntityManager em;
    private final MasterKeys masterKeys;
    private final Clock clock;
    /** Bounds the unwrapped keys held in memory: more schools than this are unwrapped again when next used. */
    static final int MAX_UNWRAPPED = 10_000;
    /**
     * Unwrapped keys, valid for the wrapping they were read from (school, master key id, version), least recently used
     * dropped first. A stale wrapping's entry is never looked up again and ages out.
     */
    private final Map<String, Aead> unwrapped = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Aead> eldest) {
            return size() > MAX_UNWRAPPED;
        }
    });

    public SchoolDataKeys(EntityManager em, MasterKeys masterKeys, Clock clock) {
        this.em = em;
        this.masterKeys = masterKeys;
        this.clock = clock;
    }

    /** The school's data key, created (wrapped by the current master key) on first use; safe with several replicas. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Aead forSchool(String schoolUrn) {
        return read(schoolUrn).or(() -> {
            create(schoolUrn);
            return read(schoolUrn);
        }).map(this::unwrap).orElseThrow(() -> new IllegalStateException("school data key not stored"));
    }

    /** An existing data key only: reading never creates one. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Aead> existingForSchool(String schoolUrn) {
        return read(schoolUrn).map(this::unwrap);
    }

    /** The columns of {@link Wrapping}, of {@code school_data_key} as {@code k}, for a query that joins it. */
    public static final String WRAPPING_COLUMNS = "k.master_key_id, k.version";

    /** Which wrapping of a school's data key a query read along with its rows ({@link #WRAPPING_COLUMNS}). */
    public record Wrapping(String masterKeyId, long version) {
    }

    /**
     * An existing data key, under the wrapping the caller's own query read: the key already unwrapped from that very
     * wrapping when there is one (no further query), else as {@link #existingForSchool(String)}. The same key as that
     * would return: memory holds only keys unwrapped from the row (school, master key id, version) that names them.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Aead> existingForSchool(String schoolUrn, Wrapping seen) {
        Aead known = seen == null ? null : unwrapped.get(unwrappedKey(schoolUrn, seen.masterKeyId(), seen.version()));
        return known != null ? Optional.of(known) : existingForSchool(schoolUrn);
    }

    /**
     * Re-wraps every data key not wrapped by the current master key, one school per transaction with an optimistic
     * version check: several replicas may run it at once, each row is re-wrapped once, and a lost race is skipped.
     */
    public RotationResult rewrapAll() {
        String current = masterKeys.currentId();
        List<String> schools = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select school_urn from school_data_key where master_key_id <> :current order by school_urn", String.class)
                .setParameter("current", current).getResultList());
        int rewrapped = 0;
        for (String school : schools) {
            rewrapped += QuarkusTransaction.requiringNew().call(() -> rewrapOne(school, current));
        }
        return new RotationResult(current, rewrapped, notUnder(current));
    }

    /** How many data keys are wrapped by another master key than this one. */
    public long notUnder(String masterKeyId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from school_data_key where master_key_id <> :current")
                .setParameter("current", masterKeyId).getSingleResult()).longValue());
    }

    public record RotationResult(String masterKeyId, int rewrapped, long remaining) {
    }

    private int rewrapOne(String school, String current) {
        Optional<Wrapped> row = read(school);
        if (row.isEmpty() || row.get().masterKeyId().equals(current)) {
            return 0;
        }
        Wrapped old = row.get();
        try {
            KeysetHandle keyset = TinkProtoKeysetFormat.parseEncryptedKeyset(old.wrapped(),
                    masterKeys.byId(old.masterKeyId()), wrappingContext(school));
            byte[] rewrapped = TinkProtoKeysetFormat.serializeEncryptedKeyset(keyset, masterKeys.current(), wrappingContext(school));
            return em.createNativeQuery("update school_data_key set wrapped_keyset = :wrapped, master_key_id = :current, "
                    + "version = version + 1, rewrapped_at = :now where school_urn = :school and version = :version")
                    .setParameter("wrapped", rewrapped).setParameter("current", current)
                    .setParameter("now", Instant.now(clock)).setParameter("school", school)
                    .setParameter("version", old.version()).executeUpdate();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a school data key could not be re-wrapped", e);
        }
    }

    private void create(String schoolUrn) {
        try {
            KeysetHandle keyset = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
            byte[] wrapped = TinkProtoKeysetFormat.serializeEncryptedKeyset(keyset, masterKeys.current(), wrappingContext(schoolUrn));
            em.createNativeQuery("insert into school_data_key (school_urn, master_key_id, wrapped_keyset, version, created_at) "
                    + "values (:school, :master, :wrapped, 0, :now) on conflict (school_urn) do nothing")
                    .setParameter("school", schoolUrn).setParameter("master", masterKeys.currentId())
                    .setParameter("wrapped", wrapped).setParameter("now", Instant.now(clock)).executeUpdate();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a school data key could not be created", e);
        }
    }

    private record Wrapped(String schoolUrn, String masterKeyId, byte[] wrapped, long version) {
    }

    private Optional<Wrapped> read(String schoolUrn) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "select master_key_id, wrapped_keyset, version from school_data_key where school_urn = :school")
                .setParameter("school", schoolUrn).getResultList();
        return rows.stream().findFirst().map(r -> new Wrapped(schoolUrn, (String) r[0], (byte[]) r[1], ((Number) r[2]).longValue()));
    }

    private Aead unwrap(Wrapped row) {
        return unwrapped.computeIfAbsent(unwrappedKey(row.schoolUrn(), row.masterKeyId(), row.version()), k -> {
            try {
                KeysetHandle keyset = TinkProtoKeysetFormat.parseEncryptedKeyset(row.wrapped(),
                        masterKeys.byId(row.masterKeyId()), wrappingContext(row.schoolUrn()));
                return keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("a school data key could not be unwrapped", e);
            }
        });
    }

    private static String unwrappedKey(String schoolUrn, String masterKeyId, long version) {
        return schoolUrn + "|" + masterKeyId + "|" + version;
    }

    /** Binds a wrapped keyset to its school: a row copied to another school does not unwrap. */
    private static byte[] wrappingContext(String schoolUrn) {
        return ("dsl-triage/school-data-key/v1|" + schoolUrn).getBytes(StandardCharsets.UTF_8);
    }
}
