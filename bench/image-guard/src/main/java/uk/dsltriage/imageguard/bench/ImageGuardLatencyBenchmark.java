package uk.dsltriage.imageguard.bench;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import uk.dsltriage.imageguard.scanner.ImageContentScanner;
import uk.dsltriage.imageguard.scanner.ScanResult;

/** Latency distribution (p50/p90/p99...) of scanning one 64 KB clean request body (the HTTP body limit). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ImageGuardLatencyBenchmark {

    private final ImageContentScanner scanner = new ImageContentScanner();
    private byte[] body;

    @Setup(Level.Trial)
    public void setUp() {
        body = ImageGuardBenchmark.Bodies.build("prose", 65536, new Random(64)).getBytes(StandardCharsets.UTF_8);
        if (!scanner.scan(body).isClean()) {
            throw new IllegalStateException("benchmark body must be clean");
        }
    }

    @Benchmark
    public ScanResult scan64k() {
        return scanner.scan(body);
    }
}
