package uk.dsltriage.imageguard;

import jakarta.inject.Inject;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.jboss.logging.Logger;
import uk.dsltriage.common.problem.ImageContentRefusedException;
import uk.dsltriage.common.problem.ProblemException;
import uk.dsltriage.common.problem.ProblemType;
import uk.dsltriage.imageguard.scanner.ImageContentScanner;
import uk.dsltriage.imageguard.scanner.RefusalReason;
import uk.dsltriage.imageguard.scanner.ScanResult;
import uk.dsltriage.ops.DomainMetrics;

/**
 * Inspects every JSON body before it is deserialised, so that nothing reaches a resource, the database or a log
 * unless the scanner found no image, video, file or link content in it. A refusal keeps only metadata: who, when and
 * which endpoint, never the content.
 */
@Provider
public class ImageContentInterceptor implements ReaderInterceptor {

    private static final Logger LOG = Logger.getLogger(ImageContentInterceptor.class);
    private final ImageContentScanner scanner;
    private final long maxBodyBytes;
    private final DomainMetrics metrics;

    @Inject
    public ImageContentInterceptor(GuardConfig config, DomainMetrics metrics) {
        this.metrics = metrics;
        this.scanner = new ImageContentScanner(config.scanner().policy());
        this.maxBodyBytes = config.maxBodyBytes();
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        byte[] body = readAtMost(context.getInputStream(), maxBodyBytes);
        if (Utf8Contract.isForeignEncoding(body)) {
            throw JsonOnlyRequestFilter.notUtf8();
        }
        ScanResult result = scanner.scan(body);
        if (result instanceof ScanResult.Malformed) {
            throw new ProblemException(ProblemType.MALFORMED_BODY, "The body is not well-formed JSON.");
        }
        if (result instanceof ScanResult.Refused refused) {
            // Audited (metadata only) by the audit trail's one refusal filter, like every refusal.
            LOG.warn("Refused image or link content (content not kept)");
            metrics.imageRefused(refused.reason());
            throw new ImageContentRefusedException(refused.fieldPath(), describe(refused.reason()));
        }
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }

    private static byte[] readAtMost(InputStream in, long limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long total = 0;
        for (int n; (n = in.read(buffer)) != -1; ) {
            total += n;
            if (total > limit) {
                throw JsonOnlyRequestFilter.tooLarge(limit);
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    static String describe(RefusalReason reason) {
        return switch (reason) {
            case DATA_URI -> "contains a data: URI";
            case ENCODED_MEDIA -> "contains encoded image, video or file content";
            case OPAQUE_ENCODED_RUN -> "contains a long run of encoded data";
            case URL -> "contains a link; record that it was reported to the IWF and the reference number instead";
            case BINARY_CONTENT -> "contains binary content";
            case MARKUP -> "contains markup that can carry an image";
            default -> "content could not be accepted";
        };
    }
}
