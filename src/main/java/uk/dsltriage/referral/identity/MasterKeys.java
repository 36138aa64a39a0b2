package uk.dsltriage.referral.identity;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.util.SecretBytes;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The configured master keys as Tink AEAD primitives. Parsed at startup so that a missing or malformed key stops the
 * service rather than the first referral. Key material never appears in a message or a log.
 */
@Startup
@ApplicationScoped
public class MasterKeys {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final Map<String, Aead> byId = new LinkedHashMap<>();
    private final String currentId;

    public MasterKeys(IdentityKeyConfig config) {
        try {
            AeadConfig.register();
            for (String entry : config.masterKeys()) {
                int colon = entry.indexOf(':');
                String id = colon < 0 ? "" : entry.substring(0, colon).trim();
                if (!ID.matcher(id).matches()) {
                    throw new IllegalStateException("dsl-triage.identity.master-keys: each entry must be id:base64-key");
                }
                byte[] raw = decode(id, entry.substring(colon + 1).trim());
                if (byId.put(id, aead(raw)) != null) {
                    throw new IllegalStateException("dsl-triage.identity.master-keys: master key id " + id + " is repeated");
                }
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("dsl-triage.identity.master-keys: a master key is not usable", e);
        }
        if (byId.isEmpty()) {
            throw new IllegalStateException("dsl-triage.identity.master-keys: at least one master key is required");
        }
        this.currentId = byId.keySet().stream().reduce((first, second) -> second).orElseThrow();
    }

    /** The id of the newest master key: every data key is wrapped by it. */
    public String currentId() {
        return currentId;
    }

    public Aead current() {
        return byId.get(currentId);
    }

    public Aead byId(String id) {
        Aead aead = byId.get(id);
        if (aead == null) {
            throw new IllegalStateException("a data key is wrapped by master key " + id + ", which is no longer configured");
        }
        return aead;
    }

    private static byte[] decode(String id, String base64) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("dsl-triage.identity.master-keys: master key " + id + " is not base64");
        }
        if (raw.length != 32) {
            throw new IllegalStateException("dsl-triage.identity.master-keys: master key " + id + " must be 32 bytes");
        }
        return raw;
    }

    private static Aead aead(byte[] raw) throws GeneralSecurityException {
        AesGcmParameters parameters = AesGcmParameters.builder()
                .setKeySizeBytes(32).setIvSizeBytes(12).setTagSizeBytes(16)
                .setVariant(AesGcmParameters.Variant.NO_PREFIX).build();
        AesGcmKey key = AesGcmKey.builder().setParameters(parameters)
                .setKeyBytes(SecretBytes.copyFrom(raw, InsecureSecretKeyAccess.get())).build();
        KeysetHandle handle = KeysetHandle.newBuilder()
                .addEntry(KeysetHandle.importKey(key).withRandomId().makePrimary()).build();
        return handle.getPrimitive(RegistryConfiguration.get(), Aead.class);
    }
}
