package uk.dsltriage.imageguard;

import io.quarkus.runtime.annotations.StaticInitSafe;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import uk.dsltriage.imageguard.scanner.ScannerPolicy;

/**
 * Every setting of the image guard, in one place ({@code dsltriage.guard.*}). The scanner knobs default to
 * {@link ScannerPolicy#defaults()}; change them only with the corpora and the benchmark rerun. Static-init safe
 * because the REST providers that read it are created at static init.
 */
@StaticInitSafe
@ConfigMapping(prefix = "dsltriage.guard")
public interface GuardConfig {

    /** Largest accepted request body; larger ones answer 413 problem+json, with or without Content-Length. */
    @WithDefault("65536")
    long maxBodyBytes();

    /**
     * Largest accepted header block (every header line, name and value); larger ones answer 431 problem+json. Keep it
     * well under {@code quarkus.http.limits.max-header-size}, past which the transport answers a bare 431. 32 KiB is
     * above the 20 KiB the transport allowed before this gate, so no client that worked is refused; identity provider
     * tokens with many claims stay well inside it.
     */
    @WithDefault("32768")
    long maxHeaderBytes();

    /**
     * Browser forms ({@code application/x-www-form-urlencoded}, UTF-8; never multipart) are accepted only on paths
     * under this prefix (the console), and every field of one passes the same scanner as a JSON string
     * ({@link FormContentGuard}). Everywhere else a form is refused like any body that is not JSON.
     */
    @WithDefault("/console/")
    String formPathPrefix();

    /** The scanner's limits; see {@link ScannerPolicy} for what each one means. */
    Scanner scanner();

    interface Scanner {
        @WithDefault("64")
        int maxDepth();

        @WithDefault("160")
        int opaqueRunChars();

        @WithDefault("256")
        int maxContiguousRun();

        @WithDefault("100")
        int maxDigitRun();

        @WithDefault("40")
        int maxNumberChars();

        @WithDefault("128")
        int maxNumericMembers();

        @WithDefault("4")
        int controlCharLimit();

        @WithDefault("8")
        int replacementCharLimit();

        @WithDefault("4096")
        int nestedDecodeBytes();

        @WithDefault("3")
        int maxNestLevel();

        @WithDefault("8192")
        int concatChars();

        @WithDefault("512")
        int maxNumbersPerBody();

        @WithDefault("1000")
        int maxContainerMembers();

        @WithDefault("true")
        boolean refuseDomainWithPath();

        default ScannerPolicy policy() {
            return new ScannerPolicy(maxDepth(), opaqueRunChars(), maxContiguousRun(), maxDigitRun(), maxNumberChars(),
                    maxNumericMembers(), controlCharLimit(), replacementCharLimit(), nestedDecodeBytes(), maxNestLevel(),
                    concatChars(), maxNumbersPerBody(), maxContainerMembers(), refuseDomainWithPath());
        }
    }
}
