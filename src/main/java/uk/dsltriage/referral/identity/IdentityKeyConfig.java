package uk.dsltriage.referral.identity;

import io.smallrye.config.ConfigMapping;
import java.util.List;

/**
 * Master keys that wrap the schools' data keys. They come from configuration (an environment variable or a mounted
 * secret), never from the database. There is deliberately no default: the prod profile does not start without one.
 */
@ConfigMapping(prefix = "dsl-triage.identity")
public interface IdentityKeyConfig {

    /**
     * {@code id:base64} entries of 32-byte AES keys, oldest first. The last one wraps; every one still unwraps, so a
     * new key is added at the end, the rotation is run, and the old key is removed only when no data key uses it.
     */
    List<String> masterKeys();
}
