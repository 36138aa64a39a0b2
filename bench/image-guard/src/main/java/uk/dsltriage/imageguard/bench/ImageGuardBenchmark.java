package uk.dsltriage.imageguard.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import uk.dsltriage.imageguard.scanner.ImageContentScanner;
import uk.dsltriage.imageguard.scanner.ScanResult;

/**
 * Cost of {@link ImageContentScanner#scan(byte[])} on ordinary (clean) request bodies.
 *
 * <ul>
 *   <li>{@code scan}: average time per body; MB/s = bodyBytes / time (see RESULTS.md).</li>
 *   <li>{@code jacksonOnly}: the same body only tokenised by Jackson, as a floor for comparison.</li>
 *   <li>{@link ImageGuardLatencyBenchmark}: sampled latency distribution for a 64 KB body.</li>
 * </ul>
 * Bodies are generated here (no fixtures): safeguarding-style prose with dates, times, phone numbers, money,
 * handles, reference numbers and a little Welsh/Polish, in a realistic incident JSON, padded to the size.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ImageGuardBenchmark {

    /** Body size in bytes (approximate, +-1 %). */
    @Param({"1024", "16384", "65536"})
    public int size;

    /** prose: one long free-text field. structured: many short fields and arrays (participants). */
    @Param({"prose", "structured"})
    public String shape;

    private final ImageContentScanner scanner = new ImageContentScanner();
    private final JsonFactory jackson = new JsonFactory();
    private byte[] body;

    @Setup(Level.Trial)
    public void setUp() {
        body = Bodies.build(shape, size, new Random(2026)).getBytes(StandardCharsets.UTF_8);
        if (!scanner.scan(body).isClean()) {
            throw new IllegalStateException("benchmark body must be clean");
        }
    }

    @Benchmark
    public ScanResult scan() {
        return scanner.scan(body);
    }

    @Benchmark
    public long jacksonOnly() throws IOException {
        long n = 0;
        try (JsonParser p = jackson.createParser(body)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.VALUE_STRING) {
                    n += p.getTextLength();
                }
            }
        }
        return n;
    }

    /** Realistic clean bodies. */
    static final class Bodies {
        private static final String[] WHO = {"A Year 7 pupil", "A Year 9 girl (14)", "A Year 10 boy aged 15",
            "A sixth-former (17)", "A looked-after child in Year 8", "A pupil in 6B"};
        private static final String[] WHEN = {"on Monday 2 March 2026 at 08:50", "at lunchtime on 03/03/2026",
            "after school on 4th March", "during period 3 (11:20-12:20)", "at 21:47 on Sunday evening"};
        private static final String[] WHAT = {
            "told a teaching assistant that an adult online asked for nude images on Snapchat",
            "disclosed that images of her were shared in a WhatsApp group of about 40 pupils",
            "said that the account @jay_2009 threatened to share an AI-generated image unless he paid \u00a3100",
            "reported that a classmate used a nudify app on a photo taken from Instagram",
            "said an older student had been messaging her on TikTok late at night; she felt scared and did not reply"};
        private static final String[] THEN = {
            "The device was secured, switched off and not viewed. IWF reference IWF-2026-00%04d recorded.",
            "Police crime number 13/%06d/26 was given by the call handler; Outcome 21 may be considered.",
            "Parents were informed at 16:00. The pupil's number ends 07700 90%04d and was not used by staff.",
            "Dywedodd y disgybl fod y neges wedi dod am 22:%02d. Rodzice zosta\u0142y poinformowane.",
            "Report Remove used with Childline (case CL-%d). No image was copied, printed, shared or stored."};

        static String sentence(Random r) {
            return WHO[r.nextInt(WHO.length)] + " " + WHEN[r.nextInt(WHEN.length)] + " " + WHAT[r.nextInt(WHAT.length)]
                + ". " + String.format(THEN[r.nextInt(THEN.length)], r.nextInt(60)) + " ";
        }

        static String build(String shape, int size, Random r) {
            String head = "{\"incidentType\":\"NUDE_IMAGE_SHARING\",\"occurredAt\":\"2026-03-03T10:15:00Z\","
                + "\"facts\":{\"imagesInvolved\":true,\"adultInvolved\":\"unknown\",\"amountDemandedPence\":15000},";
            StringBuilder sb = new StringBuilder(size + 512).append(head);
            if (shape.equals("prose")) {
                sb.append("\"account\":\"");
                while (sb.length() < size - 3) {
                    sb.append(sentence(r));
                    if (r.nextInt(6) == 0) {
                        sb.append("\\n\\n");
                    }
                }
                sb.setLength(size - 2);
                while (sb.charAt(sb.length() - 1) == '\\') {
                    sb.setLength(sb.length() - 1);
                }
                return sb.append("\"}").toString();
            }
            sb.append("\"participants\":[");
            int i = 0;
            while (sb.length() < size - 400) {
                sb.append(i == 0 ? "" : ",").append("{\"ref\":\"P").append(i).append("\",\"role\":\"CHILD\",\"ageYears\":")
                    .append(11 + r.nextInt(7)).append(",\"yearGroup\":").append(7 + r.nextInt(6))
                    .append(",\"handles\":[\"@jay_").append(2000 + r.nextInt(12)).append("\",\"snap.user").append(r.nextInt(999))
                    .append("\"],\"platform\":\"Snapchat\",\"notes\":\"").append(sentence(r)).append("\"}");
                i++;
            }
            return sb.append("],\"account\":\"").append(sentence(r)).append("\"}").toString();
        }
    }
}
